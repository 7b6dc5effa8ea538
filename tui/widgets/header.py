"""The header: case title, counts, and which screen is shown."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from core.compare import Comparison, case_counts
from tui.render import one_line

SCREENS = (("compare", "Compare"), ("sources", "Sources"), ("speakers", "Speakers"),
           ("matrix", "Matrix"))


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class CaseHeader(Widget):
    """'perspecta — Basra … · 1 source · 27 claims · 9 events · 6 perspectives   1 Compare 1-4'.

    One widget rendering one line: the title is shortened so that the counts and the screen
    tabs always fit.
    """

    DEFAULT_CSS = """
    CaseHeader { split: top; height: 1; background: $primary-background; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = ""
        self.counts = ""
        self.screen_name = "compare"

    def show_case(self, comparison: Comparison) -> None:
        """Title and counts of the loaded case."""
        analysis = comparison.analysis
        counts = case_counts(analysis, comparison.events, comparison.voices)
        self.title = one_line(analysis.title or "untitled case")
        self.counts = " · ".join((
            plural(counts["sources"], "source"),
            plural(counts["claims"], "claim"),
            plural(counts["events"], "event"),
            plural(counts["perspectives"], "perspective"),
        ))
        self.refresh()

    def show_screen(self, screen: str) -> None:
        """Highlight the current screen's tab."""
        if screen != self.screen_name:
            self.screen_name = screen
            self.refresh()

    def render(self) -> Text:
        tabs = screens_text(self.screen_name)
        text = Text(" perspecta", "bold")
        if self.title:
            # 3 for ' — ', 3 for ' · ', 1 before the tabs.
            room = self.size.width - len(text) - len(self.counts) - len(tabs) - 7
            title = (self.title if len(self.title) <= room
                     else self.title[: max(0, room - 1)] + "…")
            if room > 3:
                text.append(" — ")
                text.append(title, "bold")
            text.append(" · " + self.counts, "dim")
        gap = self.size.width - text.cell_len - tabs.cell_len
        if gap > 0:
            text.append(" " * gap)
        else:
            text.truncate(max(0, self.size.width - tabs.cell_len), overflow="ellipsis")
        return text + tabs


def screens_text(current: str) -> Text:
    """The current screen's name, and the keys that switch screens."""
    label = dict(SCREENS).get(current, current.title())
    number = next((i for i, (name, _) in enumerate(SCREENS, start=1) if name == current), 0)
    return Text(f" {number} {label} ", "bold reverse") + Text(" 1-4 ", "dim")
