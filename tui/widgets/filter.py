"""The filter field above the columns: a text filter, or says which speaker Compare shows."""

from __future__ import annotations

from rich.text import Text
from textual.strip import Strip
from textual.widgets import Input


class FilterField(Input):
    """The filter's input line. While Compare shows one speaker's claims (Enter on Speakers)
    the field holds the speaker's name and, unfocused, reads 'speaker: NAME · Esc clears'; once
    focused it is an ordinary field (editing the name turns it into a text filter)."""

    DEFAULT_CSS = """
    FilterField > .filter-field--label { color: $text-accent; text-style: bold; }
    """
    COMPONENT_CLASSES = Input.COMPONENT_CLASSES | {"filter-field--label"}

    def __init__(self, *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id, compact=True)
        self.label: Text | None = None

    def show_label(self, label: Text | None) -> None:
        """What the field reads while unfocused (None: its value, or the placeholder)."""
        self.label = label
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if self.label is None or self.has_focus or y != 0:
            return super().render_line(y)
        width = self.scrollable_content_region.width
        line = self.label.copy()
        line.stylize(self.get_component_rich_style("filter-field--label"))
        line.truncate(width, overflow="ellipsis", pad=True)
        return Strip(line.render(self.app.console), width).crop(0, width).apply_style(
            self.rich_style)
