"""List widgets whose keys come from the action registry, so ↑↓ j/k mean the same everywhere.

The table screens (Sources, Speakers, Matrix) size their columns to the terminal: text columns
share the room between a minimum and a preferred width (the `grow` ones take what is left),
columns that do not fit even at their minimum are left out in their `drop` order, and a cell
too long for its column ends in '…' instead of being cut mid-word without a mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import DataTable, OptionList

from tui.actions import bindings


def cell(value: str, style: str = "", justify: str = "left") -> Text:
    """A one-line table cell: ends in '…' when its column is too narrow for it."""
    return Text(value, style=style, justify=justify, no_wrap=True, overflow="ellipsis",  # type: ignore[arg-type]
                end="")


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """How wide a table column wants to be.

    `width` is the preferred width, `min_width` the narrowest it may become (numbers: the same);
    `grow` columns take the room left once every column has its preferred width; a column with
    a `drop` rank is left out, lowest rank first, when the minimum widths do not fit; `first`
    columns (names) reach their preferred width (up to half the room) before the others grow
    past their minimum."""

    key: str
    label: Text
    width: int
    min_width: int | None = None
    grow: bool = False
    drop: int | None = None
    first: bool = False


def fit_widths(specs: Sequence[ColumnSpec], room: int, padding: int = 2) -> list[int | None]:
    """Each column's width in `room` cells (`padding` cells per column besides); None: left out.

    Minimum widths first; what is left raises the `first` columns to their preferred width (up
    to half the room), then every column toward its own (in proportion to what each lacks); then the `grow` columns share the rest. When even the
    minimums do not fit, droppable columns go (lowest `drop` first); if still too wide, the
    columns keep their minimums and the table scrolls sideways."""
    shown = list(range(len(specs)))
    droppable = sorted((s.drop, i) for i, s in enumerate(specs) if s.drop is not None)

    def minimum(index: int) -> int:
        spec = specs[index]
        return spec.width if spec.min_width is None else min(spec.width, spec.min_width)

    while droppable and sum(minimum(i) + padding for i in shown) > room:
        shown.remove(droppable.pop(0)[1])
    widths: dict[int, int] = {i: minimum(i) for i in shown}
    spare = room - sum(widths[i] + padding for i in shown)
    for i in shown:
        if specs[i].first and spare > 0:
            # up to half the room: the other columns keep a share (then all grow in proportion)
            share = min(spare, max(0, min(specs[i].width, room // 2) - widths[i]))
            widths[i] += share
            spare -= share
    wanting = {i: specs[i].width - widths[i] for i in shown if specs[i].width > widths[i]}
    lacking = sum(wanting.values())
    if spare > 0 and lacking:
        given = 0
        for i, want in wanting.items():
            share = min(want, spare * want // lacking)
            widths[i] += share
            given += share
        spare -= given
        # Rounding leftovers, one cell at a time, in column order.
        for i in wanting:
            if spare <= 0:
                break
            if widths[i] < specs[i].width:
                widths[i] += 1
                spare -= 1
    growing = [i for i in shown if specs[i].grow]
    if spare > 0 and growing:
        for n, i in enumerate(growing):
            widths[i] += spare // len(growing) + (1 if n < spare % len(growing) else 0)
    return [widths.get(i) for i in range(len(specs))]


class RegistryTable(DataTable[object], inherit_bindings=False):
    """A DataTable moved with the registry's list keys (Enter is left to the app)."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list")]

    def action_list_first(self) -> None:
        self.move_cursor(row=0)

    def action_list_last(self) -> None:
        self.move_cursor(row=max(0, self.row_count - 1))


class FittedTable(RegistryTable):
    """A RegistryTable whose columns fit the width of the table (see `fit_widths`).

    Subclasses give `column_specs()` and `row_cells(row)` for their rows; the table is rebuilt
    when the width changes which columns are shown, and only re-measured otherwise."""

    def __init__(self, *, id: str | None = None, cursor_type: str = "row",
                 fixed_columns: int = 0) -> None:
        super().__init__(id=id, cursor_type=cursor_type,  # type: ignore[arg-type]
                         fixed_columns=fixed_columns)
        self._specs: list[ColumnSpec] = []
        self._rows: list[tuple[str, list[Text]]] = []
        self._shown: tuple[str, ...] = ()
        self._fitted_room = 0

    def room(self) -> int:
        """Cells available to the columns: the table's width inside border and scrollbar."""
        # Room for a vertical scrollbar is always kept: its coming and going (more rows than
        # fit) must not make the columns one cell too wide.
        width = self.size.width or self.app.size.width
        return max(20, width - self.styles.gutter.width - self.styles.scrollbar_size_vertical)

    def set_rows(self, specs: Sequence[ColumnSpec], rows: Sequence[tuple[str, list[Text]]]) -> None:
        """Replace the columns and the rows (key, one cell per spec), fitted to the width."""
        self._specs = list(specs)
        self._rows = list(rows)
        self._shown = ()
        self._fit(force=True)

    def left_out(self) -> list[ColumnSpec]:
        """Columns left out for want of room."""
        return [s for s in self._specs if s.key not in self._shown]

    def _fit(self, force: bool = False) -> None:
        room = self.room()
        if not force and room == self._fitted_room:
            return
        self._fitted_room = room
        widths = fit_widths(self._specs, room, 2 * self.cell_padding)
        shown = tuple(s.key for s, w in zip(self._specs, widths, strict=True) if w is not None)
        if force or shown != self._shown:
            row, column = self.cursor_coordinate
            self.clear(columns=True)
            self._shown = shown
            keep = [i for i, w in enumerate(widths) if w is not None]
            for i in keep:
                spec = self._specs[i]
                self.add_column(spec.label, width=widths[i], key=spec.key)
            for key, cells in self._rows:
                self.add_row(*(cells[i] for i in keep), key=key)
            if self.row_count:
                self.move_cursor(row=min(row, self.row_count - 1),
                                 column=min(column, len(keep) - 1), animate=False)
        else:
            # Same columns, new widths: re-measure without rebuilding the rows.
            for column, width in zip(self.ordered_columns,
                                     (w for w in widths if w is not None), strict=True):
                column.width = width
            self._clear_caches()
            self._require_update_dimensions = True
            self.refresh()
        self.after_fit()

    def after_fit(self) -> None:
        """Hook: the columns were fitted again (the Matrix updates its hint)."""

    def on_resize(self) -> None:
        if self._specs:
            self._fit()
        self.after_fit()


class RegistryOptionList(OptionList, inherit_bindings=False):
    """An OptionList moved with the registry's list keys (Enter is left to the app)."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list")]

    def action_list_first(self) -> None:
        self.action_first()

    def action_list_last(self) -> None:
        self.action_last()
