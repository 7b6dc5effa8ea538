"""The footer: the registry's shown keys, on one line.

Keys mean the same in every pane, so the line does not change with the focus (only with the
screen: Sources has no events to step through); one rendered line
(instead of a widget per key) keeps focus changes and first paint cheap.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.actions import ACTIONS, KEY_NAMES, PALETTE_KEY
from tui.widgets.columns import PerspectiveColumns
from tui.widgets.context import ContextPane
from tui.widgets.events import EventTable

# When the line is too narrow, these hints go first (in this order); help and quit always stay.
DROPPED_FIRST = ("palette", "export", "pin", "detail", "claims", "to Compare", "filter")


def key_hints(screen: str = "compare", pane: str | None = None) -> list[tuple[str, str]]:
    """(keys, label) for every action shown on `screen`, grouped keys together, then the
    palette. `pane` is where Compare's focus is: "events" (↓ moves to the next event there, not
    to the next claim), "columns" (␣ pins the column) or "context"."""
    hints: list[tuple[str, str]] = []
    groups_done: set[str] = set()
    for action in ACTIONS:
        if not action.shown_on(screen, pane):
            continue
        if action.group is not None:
            if action.group.description in groups_done:
                continue
            groups_done.add(action.group.description)
            members = [a for a in ACTIONS
                       if a.group == action.group and a.shown_on(screen, pane)]
            hints.append(("".join(a.key_display or a.keys for a in members),
                          action.footer_label(screen, pane)))
        else:
            hints.append((action.key_display or KEY_NAMES.get(action.keys, action.keys),
                          action.footer_label(screen, pane)))
    hints.append((PALETTE_KEY.replace("ctrl+", "^"), "palette"))
    return hints


def keys_text(width: int | None = None, screen: str = "compare",
              pane: str | None = None) -> Text:
    """'↑↓ claim  ←→ perspective  ][ event  ⏎ detail  / filter  ? help  q quit  ^p palette'.

    With a `width`, the least needed hints are left out until the line fits, so that '? help'
    and 'q quit' stay visible on a narrow terminal. `screen` picks the keys that apply there."""
    hints = key_hints(screen, pane)

    def length(shown: list[tuple[str, str]]) -> int:
        return 1 + sum(Text(f"{keys} {label}  ").cell_len for keys, label in shown) - 2

    for label in DROPPED_FIRST:
        if width is None or length(hints) <= width:
            break
        hints = [hint for hint in hints if hint[1] != label]
    text = Text(" ")
    for index, (keys, label) in enumerate(hints):
        text.append(keys, "bold")
        text.append(f" {label}" + ("  " if index < len(hints) - 1 else ""), "dim")
    return text


def pane_of(focused: Widget | None) -> str | None:
    """Which of Compare's panes has the focus: "events", "columns", "context" (or None)."""
    if isinstance(focused, EventTable):
        return "events"
    if isinstance(focused, PerspectiveColumns):
        return "columns"
    if isinstance(focused, ContextPane):
        return "context"
    return None


class KeysBar(Widget):
    """One line of key hints at the bottom of the screen."""

    DEFAULT_CSS = """
    KeysBar { split: bottom; height: 1; background: $panel; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.screen_name = "compare"
        self.pane: str | None = None

    def on_mount(self) -> None:
        # The labels of ↓↑ and ⏎ follow the focus between the event list and the claims.
        self.watch(self.screen, "focused", self._focus_moved)

    def _focus_moved(self, focused: Widget | None) -> None:
        pane = pane_of(focused)
        if pane != self.pane:
            self.pane = pane
            self.refresh()

    def show_screen(self, screen: str) -> None:
        """Show the keys that apply on `screen`."""
        if screen != self.screen_name:
            self.screen_name = screen
            self.refresh()

    def render(self) -> Text:
        return keys_text(self.size.width or None, self.screen_name, self.pane)
