"""The header: case title, counts, and which screen is shown."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from core.compare import Comparison, case_counts
from tui.render import one_line

SCREENS = (("compare", "Compare"), ("sources", "Sources"), ("speakers", "Speakers"),
           ("matrix", "Matrix"))


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class CaseHeader(Horizontal):
    """'perspecta — Basra … · 1 source · 27 claims · 9 events · 6 perspectives'."""

    DEFAULT_CSS = """
    CaseHeader { dock: top; height: 1; background: $primary-background; }
    CaseHeader #case-title { width: 1fr; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    CaseHeader #case-screens { width: auto; height: 1; }
    """

    def compose(self) -> ComposeResult:
        yield CaseTitle(id="case-title")
        yield Static(screens_text("compare"), id="case-screens")

    def show_case(self, comparison: Comparison) -> None:
        """Title and counts of the loaded case."""
        analysis = comparison.analysis
        counts = case_counts(analysis, comparison.events)
        title = self.query_one(CaseTitle)
        title.title = one_line(analysis.title or "untitled case")
        title.counts = " · ".join((
            plural(counts["sources"], "source"),
            plural(counts["claims"], "claim"),
            plural(counts["events"], "event"),
            plural(counts["perspectives"], "perspective"),
        ))
        title.refresh()

    def show_screen(self, screen: str) -> None:
        """Highlight the current screen's tab."""
        self.query_one("#case-screens", Static).update(screens_text(screen))


class CaseTitle(Widget):
    """The case title, shortened so that the counts always fit."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = ""
        self.counts = ""

    def render(self) -> Text:
        text = Text(" perspecta", "bold")
        if not self.title:
            return text
        room = self.size.width - len(text) - len(self.counts) - 6
        title = self.title if len(self.title) <= room else self.title[: max(0, room - 1)] + "…"
        if room > 3:
            text.append(" — ")
            text.append(title, "bold")
        text.append(" · " + self.counts, "dim")
        return text


def screens_text(current: str) -> Text:
    """The current screen's name, and the keys that switch screens."""
    label = dict(SCREENS).get(current, current.title())
    number = next((i for i, (name, _) in enumerate(SCREENS, start=1) if name == current), 0)
    return Text(f" {number} {label} ", "bold reverse") + Text(" 1-4 ", "dim")
