"""List widgets whose keys come from the action registry, so ↑↓ j/k mean the same everywhere."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import DataTable, OptionList

from tui.actions import bindings


class RegistryTable(DataTable[object], inherit_bindings=False):
    """A DataTable moved with the registry's list keys (Enter is left to the app)."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list")]

    def action_list_first(self) -> None:
        self.move_cursor(row=0)

    def action_list_last(self) -> None:
        self.move_cursor(row=max(0, self.row_count - 1))


class RegistryOptionList(OptionList, inherit_bindings=False):
    """An OptionList moved with the registry's list keys (Enter is left to the app)."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list")]

    def action_list_first(self) -> None:
        self.action_first()

    def action_list_last(self) -> None:
        self.action_last()
