"""Pilot tests for the tenth new-user review of the TUI.

1. J on the Speakers screen merges a speaker into another (the picker, a notice, undo/redo).
2. A claim key (m, s, x, N, P, S) on the event list acts on no claim the analyst cannot see.
3. The speaker picker puts an existing name typed in another case first, with no "new" entry.
4. The export dialog: ↑↓ choose the format; a typed suffix chooses it too, even with a quick Enter.
5. Speakers and Matrix give their columns the terminal's room, names first.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from textual.widgets import DataTable, Input, OptionList, RadioButton

from core.case import load_case
from core.curation import MergeSpeakers, SplitGroup
from core.models import Analysis
from tests.test_set_speaker import notices
from tests.test_tui import HOSTILE_STRINGS, SEED_LIKE, SIZE, async_test, load, screen_text
from tests.test_tui_curation import CASE_NAME, go_to, go_to_claim, type_into_dialog
from tui.app import PerspectaApp, create_app
from tui.widgets.curate import Choice, Picked, PickerDialog, TextDialog
from tui.widgets.export_dialog import ExportDialog
from tui.widgets.speakers import SpeakersTable


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Analysis:
    monkeypatch.chdir(tmp_path)  # the case file the first edit saves lands in tmp
    return load(SEED_LIKE)


def hostile_strings() -> list[str]:
    return list(orjson.loads(HOSTILE_STRINGS.read_bytes())["strings"])


def speakers_table(app: PerspectaApp) -> SpeakersTable:
    return app.query_one("#speakers", SpeakersTable)


def speaker_names(app: PerspectaApp) -> list[str]:
    table = speakers_table(app)
    return [table.names[str(key.value)] for key in table.rows]


def selected_speaker(app: PerspectaApp) -> str:
    table = speakers_table(app)
    key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
    return table.names[str(key.value)]


async def select_speaker(app: PerspectaApp, pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("3")
    await pilot.pause()
    table = speakers_table(app)
    row = speaker_names(app).index(name)
    table.move_cursor(row=row)
    await pilot.pause()
    assert selected_speaker(app) == name


# ---- 1. merging speakers -------------------------------------------------------------------


@async_test
async def test_j_on_speakers_merges_a_speaker_into_the_picked_one(
        seed: Analysis, tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        assert app.comparison is not None
        governor = [c.id for c in app.comparison.analysis.claims
                    if c.speaker == "The local governor"]
        await select_speaker(app, pilot, "The local governor")
        assert "J merge into…" in screen_text(app)  # the footer, from the registry
        await pilot.press("J")
        await pilot.pause()
        assert isinstance(app.screen, PickerDialog)
        assert "Merge “The local governor” into which speaker?" in screen_text(app)
        labels = [c.label for c in app.screen.choices]
        assert "Michael Pregent · Analysts & think tanks" in labels or any(
            label.startswith("Michael Pregent · ") for label in labels)
        assert not any(label.startswith("The local governor") for label in labels)
        assert app.screen.new_label is None  # no "new speaker": a merge joins two existing
        await type_into_dialog(pilot, "pregent")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen_name == "speakers"
        assert "The local governor" not in speaker_names(app)
        assert selected_speaker(app) == "Michael Pregent"  # the row of the merged speaker
        assert app.focused is speakers_table(app)
        claims = app.comparison.claims
        assert {(claims[c].speaker, claims[c].perspective) for c in governor} == {
            ("Michael Pregent", "analysts")}
        assert any(m.startswith("Merged speaker “The local governor” (1 claim) into "
                                "“Michael Pregent” (") and m.endswith("· u undoes")
                   for m in notices(app))
        saved = load_case(tmp_path / CASE_NAME)
        assert saved.edits == [MergeSpeakers(speaker="The local governor",
                                             into="Michael Pregent")]

        await pilot.press("u")
        await pilot.pause()
        await pilot.pause()
        assert app.screen_name == "speakers"
        assert "The local governor" in speaker_names(app)
        assert {app.comparison.claims[c].speaker for c in governor} == {"The local governor"}
        assert load_case(tmp_path / CASE_NAME).edits == []
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.pause()
        assert "The local governor" not in speaker_names(app)
        assert load_case(tmp_path / CASE_NAME).edits == saved.edits


@async_test
async def test_j_elsewhere_says_where_it_works_and_is_in_the_help(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J")
        await pilot.pause()
        assert not isinstance(app.screen, PickerDialog)
        assert any("on the Speakers screen (3)" in m for m in notices(app))
        assert app.case is not None and app.case.edits == []
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Merge the selected speaker into another (Speakers screen)" in screen_text(app)


def rename_speaker(analysis: Analysis, old: str, new: str) -> None:
    """Give a speaker of the analysis (and its claims) another name, in place."""
    for speaker in analysis.speakers:
        if speaker.name == old:
            speaker.name = new
    for claim in analysis.claims:
        if claim.speaker == old:
            claim.speaker = new


@pytest.mark.parametrize("hostile", hostile_strings()[:7])
@async_test
async def test_merging_hostile_names_shows_them_as_written(seed: Analysis, hostile: str) -> None:
    rename_speaker(seed, "Timmy Davis", hostile)
    app = create_app(analysis=seed)
    async with app.run_test(size=(160, 40)) as pilot:
        await select_speaker(app, pilot, hostile)
        await pilot.press("J")
        await pilot.pause()
        assert f"Merge “{hostile}” into which speaker?" in screen_text(app)
        await type_into_dialog(pilot, "Mike Pompeo")
        await pilot.press("enter")
        await pilot.pause()
        assert any(m.startswith(f"Merged speaker “{hostile}” (1 claim) into “Mike Pompeo”")
                   for m in notices(app))
        assert hostile not in speaker_names(app)


# ---- 2. claim keys act only on a visibly selected claim ------------------------------------


@pytest.mark.parametrize(("key", "doing"), [
    ("m", "m moves a claim"), ("s", "s splits a claim out"), ("x", "x marks a claim"),
    ("N", "N writes a note on a claim"), ("P", "P sets the perspective of a claim's speaker"),
    ("S", "S sets a claim's speaker")])
@async_test
async def test_a_claim_key_on_the_event_list_says_to_select_the_claim_first(
        seed: Analysis, tmp_path: Path, key: str, doing: str) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Reason for the closure")
        assert app.query_one("#events") is app.focused
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, PickerDialog | TextDialog)
        assert f"{doing}: select the claim first (→ into the columns, ↓↑ to the claim), then " \
               "press it again" in notices(app)
        assert app.case is not None and app.case.edits == []
        assert not (tmp_path / CASE_NAME).exists()
        # once a card is highlighted in a focused column, the key acts on that claim
        await pilot.press("right")
        claim_id = app.current_claim()
        assert claim_id is not None
        await pilot.press(key)
        await pilot.pause()
        if key in ("s", "x"):
            assert app.case.edits
            edit = app.case.edits[-1]
            assert claim_id in (edit.claims if isinstance(edit, SplitGroup) else [edit.claim])  # type: ignore[union-attr]
        else:
            assert isinstance(app.screen, PickerDialog | TextDialog)
            if key in ("m", "S", "N"):
                assert app._claim_text_tag(claim_id) in screen_text(app)


@async_test
async def test_event_keys_still_act_on_the_event_from_the_event_list(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Reason for the closure")
        await pilot.press("r")  # rename: the event is what the list shows selected
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        assert app.screen.query_one(Input).value == "Reason for the closure"


# ---- 3. the speaker picker: an existing name typed in another case -------------------------


def option_texts(app: PerspectaApp) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@async_test
async def test_a_listed_name_typed_in_lower_case_comes_first_with_no_new_entry(
        seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = next(c.id for c in seed.claims if c.speaker == "Alistair Burt")
        await go_to_claim(app, pilot, claim_id)
        await pilot.press("S")
        await type_into_dialog(pilot, "mike pompeo")
        shown = option_texts(app)
        assert shown[0] == "Mike Pompeo · United States"
        assert not any(text.startswith("+ new speaker") for text in shown)
        assert "narration (no speaker)" in shown  # the fixed choice is still offered
        assert app.screen.query_one(OptionList).highlighted == 0
        assert "+ new speaker" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.comparison is not None
        assert app.comparison.claims[claim_id].speaker == "Mike Pompeo"
        assert [s.name for s in app.comparison.analysis.speakers].count("Mike Pompeo") == 1
        # a name that is not listed still offers the new speaker, first
        await pilot.press("S")
        await type_into_dialog(pilot, "mike pompeo jr")
        assert option_texts(app)[0] == "+ new speaker: mike pompeo jr"
        await pilot.press("escape")


@pytest.mark.parametrize(("listed", "typed"), [
    ("DeMint · US Congress", "demint"), ("[US] diplomats", "[us] DIPLOMATS"),
    ("[bold]Kata'ib[/bold] Hezbollah · Iraq", "[BOLD]kata'ib[/BOLD] hezbollah")])
@async_test
async def test_the_picker_takes_a_listed_name_typed_in_any_case(listed: str, typed: str) -> None:
    from textual.app import App

    answers: list[object] = []
    choices = [Choice("a", "Jim DeMint Jr. · US Congress"), Choice("b", listed),
               Choice("c", "Mike Pompeo · United States")]

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(PickerDialog("Speaker", choices, new_label="+ new speaker",
                                          new_from_text=True), answers.append)

    async with Host().run_test() as pilot:
        await pilot.pause()
        await pilot.press(*typed)
        await pilot.pause()
        shown = option_texts(pilot.app)  # type: ignore[arg-type]
        assert shown[0] == listed  # as written: never read as markup
        assert not any(text.startswith("+ new speaker") for text in shown)
        await pilot.press("enter")
        await pilot.pause()
    assert answers == [Picked("b")]


# ---- 4. the export dialog from the keyboard ------------------------------------------------


def chosen_format(app: PerspectaApp) -> str:
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    marked = [b.id for b in dialog.query(RadioButton) if b.value]
    assert len(marked) == 1 and marked[0] == f"export-format-{dialog.fmt}"
    return dialog.fmt


def export_path(app: PerspectaApp) -> str:
    return app.screen.query_one("#export-path", Input).value


@async_test
async def test_arrows_choose_the_export_format_and_the_suffix_follows(
        seed: Analysis, tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert chosen_format(app) == "md" and export_path(app).endswith(".md")
        assert "↑↓ format · Tab file · Enter exports" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert chosen_format(app) == "html" and export_path(app).endswith(".html")
        assert "● HTML report" in screen_text(app).replace("▐", "").replace("▌", "")
        await pilot.press("down")
        await pilot.pause()
        assert chosen_format(app) == "json" and export_path(app).endswith(".json")
        await pilot.press("up")
        await pilot.pause()
        assert chosen_format(app) == "html"
        await pilot.press("tab", "enter")  # Enter in the path field writes the chosen format
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = sorted(p.name for p in tmp_path.glob("*.html"))
        assert len(written) == 1
        assert (tmp_path / written[0]).read_text().lstrip().lower().startswith("<!doctype html")
        assert not list(tmp_path.glob("*.md")) and not list(tmp_path.glob("*.json"))


@async_test
async def test_a_typed_suffix_chooses_the_format_even_with_a_quick_enter(
        seed: Analysis, tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert chosen_format(app) == "md"
        await pilot.press("tab", "end", "backspace", "backspace", *"htm")
        assert chosen_format(app) == "html"  # .htm is HTML too
        assert "The .htm suffix chose HTML." in screen_text(app)
        await pilot.press("l", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        html = list(tmp_path.glob("*.html"))
        assert len(html) == 1 and not list(tmp_path.glob("*.md"))
        assert html[0].read_text().lstrip().lower().startswith("<!doctype html")
        assert any(m.startswith(f"Wrote {html[0]} (html,") for m in notices(app))


@async_test
async def test_a_suffix_of_no_format_says_which_format_is_written(
        seed: Analysis, tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("down", "down", "down")  # CSV
        assert chosen_format(app) == "csv"
        await pilot.press("tab", "end", "backspace", "backspace", "backspace", *"txt")
        await pilot.pause()
        assert export_path(app).endswith(".txt")
        assert ".txt names no format: the file is written as CSV (the format chosen above)." \
            in screen_text(app)
        assert chosen_format(app) == "csv"


# ---- 5. the table screens use the terminal's width, names first ----------------------------

LONG_NAME = "the latest in a string of controversial remarks by the chairman"  # 63 characters


def table_line(app: PerspectaApp, words: str) -> str:
    return next(line for line in screen_text(app).splitlines() if words in line)


def column_widths(app: PerspectaApp, name: str) -> dict[str, int]:
    table = app.query_one(f"#{name}", DataTable)
    return {str(column.key.value): column.width for column in table.ordered_columns}


@pytest.mark.parametrize("width", [200, 120])
@async_test
async def test_speakers_show_whole_names_before_the_role_column_grows(
        seed: Analysis, width: int) -> None:
    rename_speaker(seed, "Timmy Davis", LONG_NAME)
    app = create_app(analysis=seed)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        widths = column_widths(app, "speakers")
        if width == 200:
            assert LONG_NAME in table_line(app, "the latest in a string")  # whole, no '…'
            assert widths["speaker"] == len(LONG_NAME)
        else:  # names first, up to half the room: the role keeps a share
            assert widths["speaker"] >= 50 > widths["role"] >= 10


@async_test
async def test_speakers_at_80_columns_give_names_their_room_before_roles(seed: Analysis) -> None:
    seed.speakers[0].name = "Michael Richard Pompeo, Sec'y"  # 29 characters
    for claim in seed.claims:
        if claim.speaker == "Mike Pompeo":
            claim.speaker = seed.speakers[0].name
    seed.speakers[0].role = "Secretary of State of the United States of America"
    app = create_app(analysis=seed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        widths = column_widths(app, "speakers")
        assert widths["speaker"] == 29 and widths["role"] < 29
        assert "Michael Richard Pompeo, Sec'y" in screen_text(app)


@async_test
async def test_matrix_headers_are_whole_when_the_terminal_has_room(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert app.comparison is not None
        header = table_line(app, "Event")
        for column in app.comparison.columns:
            assert column.label in header, column.label
        assert "…" not in header
        widths = column_widths(app, "matrix")
        assert widths["event"] == 46  # the event names get their room first


@async_test
async def test_a_speaker_filter_on_the_merged_speaker_follows_it(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await select_speaker(app, pilot, "Timmy Davis")
        await pilot.press("enter")  # Compare shows Timmy Davis's claims
        await pilot.pause()
        assert app.speaker_filter is not None and app.speaker_filter[1] == "Timmy Davis"
        await select_speaker(app, pilot, "Timmy Davis")
        await pilot.press("J")
        await type_into_dialog(pilot, "Mike Pompeo")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.speaker_filter is not None and app.speaker_filter[1] == "Mike Pompeo"
        assert app.filtered is not None and app.filtered.events  # not an empty Compare
        assert app.screen_name == "speakers" and app.focused is speakers_table(app)


@async_test
async def test_typing_narration_picks_the_narration_entry_not_a_new_speaker() -> None:
    from textual.app import App

    answers: list[object] = []
    choices = [Choice("a", "Hillary Clinton · United States")]
    fixed = [Choice("\x00narration", "narration (no speaker)")]

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(PickerDialog("Speaker", choices, new_label="+ new speaker",
                                          new_from_text=True, fixed=fixed), answers.append)

    async with Host().run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"narration")
        await pilot.pause()
        shown = option_texts(pilot.app)  # type: ignore[arg-type]
        assert not any(text.startswith("+ new speaker") for text in shown)
        await pilot.press("enter")
        await pilot.pause()
    assert answers == [Picked("\x00narration")]
