"""The help screen, generated from the action registry."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType

from tui.actions import ACTIONS
from tui.widgets.modal import TextModal


def help_table() -> Table:
    """Every registered action with its keys, grouped by section."""
    table = Table(show_header=False, box=None, padding=(0, 2), expand=False)
    table.add_column("keys", style="bold", no_wrap=True)
    table.add_column("what")
    section = ""
    for action in ACTIONS:
        if action.section != section:
            section = action.section
            table.add_row(Text(section, "bold underline"), Text(""))
        table.add_row(Text(action.keys_for_humans), Text(action.help))
    table.add_row(Text(""), Text(""))
    table.add_row(Text("Mouse", "bold underline"), Text(""))
    table.add_row(Text("click"), Text("Select an event, a claim card, a row or a pane"))
    table.add_row(Text("wheel"), Text("Scroll lists; Shift+wheel scrolls columns sideways"))
    table.add_row(Text(""), Text(""))
    table.add_row(Text("Marks", "bold underline"), Text(""))
    table.add_row(Text("⚡"), Text("two or more perspectives speak and one denies or hedges"))
    table.add_row(Text("n/m"), Text(
        "event list: n of the case's m perspectives speak about the event. Perspectives are "
        "the sides that speak (header, Sources, Matrix count the same way); the author's "
        "narration and claims with no perspective have columns but are not counted"))
    table.add_row(Text("grouped with"), Text(
        "context pane: the claims this one is linked to (by speaker), the link score (0–1) "
        "and the words they share; a≈b: two forms of one word"))
    table.add_row(Text("◌"), Text("anonymous source"))
    table.add_row(Text("◆"), Text("pinned perspective"))
    return table


class HelpScreen(TextModal):
    """Keys and marks, from the same registry that builds the bindings."""

    BODY_ID = "help-body"

    # wider than other modals: fewer help lines wrap, so every key fits a 60-row terminal
    DEFAULT_CSS = """
    HelpScreen > VerticalScroll { width: 110; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "close", show=True, key_display="Esc"),
    ]

    def frame_title(self) -> Text:
        return Text("perspecta · keys")

    def content(self) -> Table:
        return help_table()
