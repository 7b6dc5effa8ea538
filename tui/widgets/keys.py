"""The footer: the registry's shown keys, on one line.

Keys mean the same in every pane, so the line does not change with the focus; one rendered line
(instead of a widget per key) keeps focus changes and first paint cheap.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.actions import ACTIONS, KEY_NAMES, PALETTE_KEY


def keys_text() -> Text:
    """'↑↓ claim  ←→ perspective  ][ event  ⏎ detail  / filter  ? help  q quit'."""
    text = Text(" ")
    groups_done: set[str] = set()
    for action in ACTIONS:
        if not action.show:
            continue
        if action.group is not None:
            if action.group.description in groups_done:
                continue
            groups_done.add(action.group.description)
            members = [a for a in ACTIONS if a.group == action.group and a.show]
            keys = "".join(a.key_display or a.keys for a in members)
            label = action.group.description
        else:
            keys = action.key_display or KEY_NAMES.get(action.keys, action.keys)
            label = action.description
        text.append(keys, "bold")
        text.append(f" {label}  ", "dim")
    text.append(PALETTE_KEY.replace("ctrl+", "^"), "bold")
    text.append(" palette", "dim")
    return text


class KeysBar(Widget):
    """One line of key hints at the bottom of the screen."""

    DEFAULT_CSS = """
    KeysBar { dock: bottom; height: 1; background: $panel; }
    """

    def render(self) -> Text:
        return keys_text()
