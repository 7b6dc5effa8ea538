"""The help screen, generated from the action registry."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.actions import ACTIONS


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
    table.add_row(Text("who"), Text("perspectives that speak about the event / all voices"))
    table.add_row(Text("◌"), Text("anonymous source"))
    table.add_row(Text("◆"), Text("pinned perspective"))
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and marks, from the same registry that builds the bindings."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "close", show=True, key_display="Esc"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = Text("perspecta · keys")
            body.border_subtitle = Text("Esc closes")
            yield Static(help_table())
