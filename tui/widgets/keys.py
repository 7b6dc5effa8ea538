"""The footer: the registry's shown keys, on one line.

Keys mean the same in every pane, so the line does not change with the focus; one rendered line
(instead of a widget per key) keeps focus changes and first paint cheap.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.actions import ACTIONS, KEY_NAMES, PALETTE_KEY

# When the line is too narrow, these hints go first (in this order); help and quit always stay.
DROPPED_FIRST = ("palette", "export", "detail", "filter")


def key_hints() -> list[tuple[str, str]]:
    """(keys, label) for every shown action, grouped keys together, then the palette."""
    hints: list[tuple[str, str]] = []
    groups_done: set[str] = set()
    for action in ACTIONS:
        if not action.show:
            continue
        if action.group is not None:
            if action.group.description in groups_done:
                continue
            groups_done.add(action.group.description)
            members = [a for a in ACTIONS if a.group == action.group and a.show]
            hints.append(("".join(a.key_display or a.keys for a in members),
                          action.group.description))
        else:
            hints.append((action.key_display or KEY_NAMES.get(action.keys, action.keys),
                          action.description))
    hints.append((PALETTE_KEY.replace("ctrl+", "^"), "palette"))
    return hints


def keys_text(width: int | None = None) -> Text:
    """'↑↓ claim  ←→ perspective  ][ event  ⏎ detail  / filter  ? help  q quit  ^p palette'.

    With a `width`, the least needed hints are left out until the line fits, so that '? help'
    and 'q quit' stay visible on a narrow terminal."""
    hints = key_hints()

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


class KeysBar(Widget):
    """One line of key hints at the bottom of the screen."""

    DEFAULT_CSS = """
    KeysBar { dock: bottom; height: 1; background: $panel; }
    """

    def render(self) -> Text:
        return keys_text(self.size.width or None)
