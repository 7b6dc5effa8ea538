"""Curation dialogs: a one-line text prompt and a fuzzy picker.

Both are modal, Esc cancels (dismiss None), and every label or typed text is user text shown as
plain Text, never parsed as markup ("[US] diplomats" must stay as typed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rapidfuzz import fuzz, process, utils
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

# Below this WRatio score a choice is hidden while the analyst types.
PICK_CUTOFF = 45
NEW_CHOICE = "\x00new"

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 80; max-width: 95%; height: auto; max-height: 90%;
    border: round $accent; background: $surface; padding: 0 1;
}}
{name} Label {{ width: 100%; margin-bottom: 1; }}
{name} OptionList {{ height: auto; max-height: 16; }}
"""


class TextDialog(ModalScreen[str | None]):
    """Ask for one line of text (prefilled); Enter confirms, Esc cancels."""

    DEFAULT_CSS = DIALOG_CSS.format(name="TextDialog")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel"),
        Binding("tab", "complete", "complete", show=False),
    ]

    def __init__(self, title: str, prompt: str, value: str = "",
                 suggester: Suggester | None = None, confirm: str = "saves") -> None:
        super().__init__()
        self.confirm = confirm
        self.title_text = title
        self.prompt = prompt
        self.value = value
        self.suggester = suggester

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Text(self.title_text)
            box.border_subtitle = Text(f"Enter {self.confirm} · Esc cancels")
            yield Label(Text(self.prompt))
            yield Input(value=self.value, id="text", compact=True, suggester=self.suggester)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_complete(self) -> None:
        """Tab takes the suggestion shown after the cursor (path completion), like →."""
        field = self.query_one(Input)
        field.cursor_position = len(field.value)
        field.action_cursor_right()


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a picker: what is returned and what is shown."""

    key: str
    label: str


# How close a typed word must be to a label's word to count as that word with a typo.
COVER_RATIO = 80


@dataclass(frozen=True, slots=True)
class Picked:
    """The picker's answer: a chosen key, or new text when the analyst asked for a new entry."""

    key: str | None
    new_label: str | None = None


def rank_choices(query: str, choices: Sequence[Choice]) -> list[Choice]:
    """Choices matching a typed query, best first (all of them, in order, for no query)."""
    if not query.strip():
        return list(choices)
    labels = [c.label for c in choices]
    found = process.extract(query, labels, scorer=_pick_score, processor=utils.default_process,
                            score_cutoff=PICK_CUTOFF, limit=None)
    typed = query.strip().casefold()
    # the label that is exactly what was typed first, then the best scores, shorter labels first
    # ('Michael Grimm' before 'Rep. Michael Grimm's attorney', which holds every typed word too)
    found.sort(key=lambda hit: (name_part(hit[0]).casefold() != typed, -hit[1], len(hit[0])))
    return [choices[index] for _label, _score, index in found]


def name_part(label: str) -> str:
    """What a picker label names, without its side note ('Mike Pompeo · United States')."""
    return label.split(" · ", 1)[0].strip()


def covers(label: str, query: str) -> bool:
    """Whether every typed word is in the label: as a word's start, or nearly (a typo)."""
    words = utils.default_process(label).split()
    return all(any(w.startswith(q) or fuzz.ratio(q, w) >= COVER_RATIO for w in words)
               for q in utils.default_process(query).split())


def _pick_score(query: str, label: str, **_: object) -> float:
    """All the typed words in the label rank first (token_set_ratio: 'closure basra' is all in
    'Closure of its consulate in Basra'); WRatio, a little discounted, keeps typos and
    partial words findable. WRatio alone ties those two at 85.5 with 'US relocates Basra staff'."""
    return max(fuzz.token_set_ratio(query, label), 0.95 * fuzz.WRatio(query, label))


class PickerDialog(ModalScreen[Picked | None]):
    """Pick one of many labels, filtered fuzzily as the analyst types.

    With `new_label`, the first entry creates something new: named from the typed text when
    `new_from_text`, else simply "new". `fixed` choices follow it and are always shown, whatever
    is typed ("narration (no speaker)")."""

    DEFAULT_CSS = DIALOG_CSS.format(name="PickerDialog")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel"),
        Binding("down", "move(1)", "down", show=False),
        Binding("up", "move(-1)", "up", show=False),
    ]

    def __init__(self, title: str, choices: Sequence[Choice], new_label: str | None = None,
                 new_from_text: bool = False, fixed: Sequence[Choice] = ()) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.fixed = list(fixed)
        self.new_label = new_label
        self.new_from_text = new_from_text
        self.shown: list[Choice] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Text(self.title_text)
            box.border_subtitle = Text("type to filter · ↑↓ · Enter picks · Esc cancels")
            yield Input(placeholder="type to filter", id="query", compact=True)
            yield OptionList(id="choices")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self.shown = rank_choices(query, self.choices)
        typed = query.strip()
        # A typed name that is already listed ('demint' for 'DeMint') is that entry, first,
        # and no "new" entry is offered for it.
        exact = [i for i, c in enumerate(self.shown)
                 if typed and name_part(c.label).casefold() == typed.casefold()]
        # 'narration' typed is the fixed "narration (no speaker)", not a new speaker of that name
        fixed_typed = bool(typed) and not exact and any(
            c.label.casefold().startswith(typed.casefold()) for c in self.fixed)
        offer_new = self.new_label is not None and not (self.new_from_text and exact) and \
            not fixed_typed
        entries: list[Option] = [Option(Text(self.shown[i].label), id=f"c{i}") for i in exact]
        if offer_new and self.new_label is not None:
            text = self.new_label
            if self.new_from_text and typed:
                text = f"{self.new_label}: {typed}"
            entries.append(Option(Text(text, style="italic"), id=NEW_CHOICE))
        entries.extend(Option(Text(c.label, style="italic"), id=f"f{i}")
                       for i, c in enumerate(self.fixed))
        entries.extend(Option(Text(c.label), id=f"c{i}") for i, c in enumerate(self.shown)
                       if i not in exact)
        options.add_options(entries)
        if fixed_typed:
            options.highlighted = next(k for k, c in enumerate(self.fixed)
                                       if c.label.casefold().startswith(typed.casefold()))
        elif entries and not exact:
            # With a query, Enter takes the best match when it holds every typed word ('iran'
            # finds 'Iran', 'closure basra' finds 'Closure of its consulate in Basra'); when no
            # label does ('Iran-backed militias' is more than 'Iran'), it takes "new".
            ahead = offer_new + len(self.fixed)
            best = self.shown[0] if self.shown and typed else None
            take = best is not None and (
                name_part(best.label).casefold() == typed.casefold() or (
                    covers(best.label, query) and (
                        # a typed name picks a listed one only when that one says little
                        # more ('pomp' is Mike Pompeo; 'Michael Grimm' is not 'Rep. Michael
                        # Grimm's attorney')
                        not self.new_from_text or
                        len(name_part(best.label).split()) <= len(query.split()) + 1)))
            options.highlighted = ahead if offer_new and take else 0
        elif entries:
            options.highlighted = 0  # the listed name typed

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#query")
    def _query_submitted(self) -> None:
        self._pick(self.query_one(OptionList).highlighted)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option_index)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -step
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def _pick(self, index: int | None) -> None:
        if index is None:
            return
        option = self.query_one(OptionList).get_option_at_index(index)
        if option.id == NEW_CHOICE:
            typed = self.query_one(Input).value.strip()
            if self.new_from_text and not typed:
                self.notify("Type a name for the new entry first", severity="warning",
                            markup=False)
                return
            self.dismiss(Picked(None, typed or None))
            return
        option_id = option.id or "c0"
        pool = self.fixed if option_id.startswith("f") else self.shown
        self.dismiss(Picked(pool[int(option_id[1:])].key))

    def action_cancel(self) -> None:
        self.dismiss(None)
