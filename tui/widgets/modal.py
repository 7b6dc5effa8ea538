"""A centred, scrollable modal showing one renderable (help, claim detail); Esc closes it."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class TextModal(ModalScreen[None]):
    """Subclasses give the body's id, its title and its content; the frame is shared."""

    DEFAULT_CSS = """
    TextModal { align: center middle; }
    TextModal > VerticalScroll {
        width: 90; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    BODY_ID: ClassVar[str] = "modal-body"
    TEXT_ID: ClassVar[str | None] = None

    def frame_title(self) -> Text:
        raise NotImplementedError

    def content(self) -> RenderableType:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(id=self.BODY_ID) as body:
            body.border_title = self.frame_title()
            body.border_subtitle = Text("Esc closes")
            yield Static(self.content(), id=self.TEXT_ID)

    def on_mount(self) -> None:
        self.call_after_refresh(self._show_scroll_hint)

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_scroll_hint)

    def _show_scroll_hint(self) -> None:
        """'↓↑ scroll · Esc closes' when the body is taller than its frame."""
        body = self.query_one(f"#{self.BODY_ID}", VerticalScroll)
        hint = "↓↑ scroll · Esc closes" if body.max_scroll_y > 0 else "Esc closes"
        if str(body.border_subtitle) != hint:
            body.border_subtitle = Text(hint)

    def action_scroll_body(self, direction: int) -> None:
        self.query_one(f"#{self.BODY_ID}", VerticalScroll).scroll_relative(y=direction, animate=False)
