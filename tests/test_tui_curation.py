"""Pilot tests for curation in the TUI: every edit action, undo/redo, autosave, case files.

Edits run on the seed-like fixture (no pipeline, fast) in a temporary working directory, so the
case file a first edit creates lands in tmp. The full loop of issue 6 runs the real pipeline on a
tmp copy of the seed: analyse → edit → quit → reopen the case file in a new app → export.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest
from textual.widgets import Input, OptionList

from core.case import CaseError, case_from_analysis, load_case, save_case
from core.compare import UNGROUPED_EVENT
from core.curation import MoveClaim, RenameGroup
from core.export import export_analysis
from core.models import Analysis, Link
from core.pipeline import analyze_paths
from tests.test_tui import SEED_LIKE, SIZE, async_test, current_event_label, load, screen_text
from tui.app import PerspectaApp, create_app, run_app
from tui.widgets.context import ContextPane
from tui.widgets.curate import Choice, PickerDialog, TextDialog, rank_choices

ROOT = Path(__file__).resolve().parent.parent
CASE_NAME = "basra_consulate_closure.perspecta.json"


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Analysis:
    monkeypatch.chdir(tmp_path)
    return load(SEED_LIKE)


def comparison(app: PerspectaApp):  # type: ignore[no-untyped-def]
    assert app.comparison is not None
    return app.comparison


def event_label_of(app: PerspectaApp, claim_id: str) -> str:
    comp = comparison(app)
    return comp.events[comp.event_index[comp.event_of(claim_id)]].label


def saved_edits(path: Path) -> list[str]:
    return [e.op for e in load_case(path).edits]


async def go_to(app: PerspectaApp, pilot, label: str) -> None:  # type: ignore[no-untyped-def]
    """Show the event with this label, the event list focused."""
    event_id = next(e.id for e in comparison(app).events if e.label == label)
    app.go_to_event(event_id)
    await pilot.pause()
    assert current_event_label(app) == label


async def claim_of_event(app: PerspectaApp, pilot, label: str) -> str:  # type: ignore[no-untyped-def]
    """Go to the event named `label` and into its first column: the claim highlighted there."""
    await go_to(app, pilot, label)
    await pilot.press("right")
    claim_id = app.current_claim()
    assert claim_id is not None
    return claim_id


async def go_to_claim(app: PerspectaApp, pilot, claim_id: str) -> None:  # type: ignore[no-untyped-def]
    """Highlight one claim in its perspective column (focused)."""
    comp = comparison(app)
    app.go_to_event(comp.event_of(claim_id), comp.perspective_of(comp.claims[claim_id]))
    await pilot.pause()
    for _ in range(len(comp.claims)):
        if app.current_claim() == claim_id:
            return
        await pilot.press("down")
    raise AssertionError(f"claim {claim_id} not reachable")


async def type_into_dialog(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    field = pilot.app.screen.query_one(Input)
    field.value = ""
    await pilot.press(*text) if text else None
    await pilot.pause()


def test_rank_choices_is_fuzzy_and_keeps_order_without_a_query() -> None:
    choices = [Choice("a", "Reactions to the closure"), Choice("b", "Indirect fire on US missions"),
               Choice("c", "Iran held responsible")]
    assert rank_choices("", choices) == choices
    assert rank_choices("indirct fire", choices)[0].key == "b"  # a typo still finds it
    assert rank_choices("zzzzqqq", choices) == []


@async_test
async def test_rename_event_prefills_the_label_saves_and_never_parses_markup(
        seed: Analysis, tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Reason for the closure")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        assert app.screen.query_one(Input).value == "Reason for the closure"
        await type_into_dialog(pilot, "[US] why [/] closed")
        await pilot.press("enter")
        await pilot.pause()
        assert current_event_label(app) == "[US] why [/] closed"
        assert "[US] why [/] closed" in screen_text(app)
        case_file = tmp_path / CASE_NAME
        assert app.case_path == case_file
        assert saved_edits(case_file) == ["rename_group"]


@async_test
async def test_escape_cancels_a_dialog_without_an_edit_or_a_file(
        seed: Analysis, tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        label = current_event_label(app)
        for key in ("r", "M"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.__class__ in (TextDialog, PickerDialog)
            await pilot.press("u", "escape")  # 'u' is typed into the dialog, not an undo
            await pilot.pause()
        assert current_event_label(app) == label
        assert app.case is not None and app.case.edits == []
        assert not (tmp_path / CASE_NAME).exists()


@async_test
async def test_move_claim_to_another_event_with_the_fuzzy_picker(seed: Analysis,
                                                                 tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = await claim_of_event(app, pilot, "Reason for the closure")
        await pilot.press("m")
        await type_into_dialog(pilot, "indirct fire")  # typo on purpose
        options = app.screen.query_one(OptionList)
        assert options.option_count >= 2  # "new event" + the match
        await pilot.press("enter")
        await pilot.pause()
        assert event_label_of(app, claim_id) == "Indirect fire on US missions"
        # the view follows the moved claim
        assert current_event_label(app) == "Indirect fire on US missions"
        assert app.current_claim() == claim_id
        edits = load_case(tmp_path / CASE_NAME).edits
        assert isinstance(edits[0], MoveClaim) and edits[0].claim == claim_id


@async_test
async def test_move_claim_to_a_new_event_and_split_claim(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Reactions to the closure")
        events_before = len(comparison(app).events)
        await pilot.press("right")
        first = app.current_claim()
        assert first is not None
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # no query: the first entry is "a new event of its own"
        await pilot.pause()
        comp = comparison(app)
        assert len(comp.events) == events_before + 1
        assert comp.groups[comp.event_of(first)].claims == [first]
        await go_to(app, pilot, "Reactions to the closure")
        await pilot.press("right")
        second = app.current_claim()
        assert second is not None and second != first
        await pilot.press("s")
        await pilot.pause()
        comp = comparison(app)
        assert len(comp.events) == events_before + 2
        assert comp.groups[comp.event_of(second)].claims == [second]
        assert [e.op for e in app.case.edits] == ["move_claim", "split_group"]  # type: ignore[union-attr]


@async_test
async def test_merge_event_into_the_current_one(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        comp = comparison(app)
        fire = comp.events[comp.event_index["g-fire"]].claims
        responsible = comp.events[comp.event_index["g-responsible"]].claims
        await go_to(app, pilot, "Indirect fire on US missions")
        await pilot.press("M")
        await type_into_dialog(pilot, "iran held")
        await pilot.press("enter")
        await pilot.pause()
        comp = comparison(app)
        assert "g-responsible" not in comp.groups
        assert current_event_label(app) == "Indirect fire on US missions"
        assert comp.events[comp.event_index["g-fire"]].claims == fire + responsible


@async_test
async def test_set_perspective_to_an_existing_one_applies_to_all_the_speakers_claims(
        seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = await claim_of_event(app, pilot, "Reason for the closure")
        speaker = comparison(app).claims[claim_id].speaker_id
        await pilot.press("P")
        await type_into_dialog(pilot, "analysts")
        await pilot.press("enter")
        await pilot.pause()
        claims = [c for c in comparison(app).analysis.claims if c.speaker_id == speaker]
        assert len(claims) >= 2
        assert {c.perspective for c in claims} == {"analysts"}
        assert app.current_claim() == claim_id  # still selected, now in the Analysts column


@async_test
async def test_set_perspective_to_a_new_typed_perspective(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = await claim_of_event(app, pilot, "Reason for the closure")
        await pilot.press("P")
        await type_into_dialog(pilot, "[Gulf] press")
        await pilot.press("up", "enter")  # the first entry: "+ new perspective: [Gulf] press"
        await pilot.pause()
        comp = comparison(app)
        assert comp.claims[claim_id].perspective == "gulf-press"
        assert comp.perspective_label("gulf-press") == "[Gulf] press"
        assert "[Gulf] press" in screen_text(app)


@async_test
async def test_enter_takes_new_when_no_label_holds_every_typed_word(seed: Analysis) -> None:
    """'Iran-backed militias' is more than 'Iran': Enter makes the new perspective, while
    'iran' alone picks Iran (the best match holds every typed word)."""
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = await claim_of_event(app, pilot, "Reason for the closure")
        await pilot.press("P")
        await type_into_dialog(pilot, "Iran-backed militias")
        picker = app.screen
        assert isinstance(picker, PickerDialog)
        assert picker.shown and picker.shown[0].label == "Iran"  # found, but not taken
        assert picker.query_one(OptionList).highlighted == 0
        await pilot.press("enter")
        await pilot.pause()
        comp = comparison(app)
        assert comp.perspective_label(comp.claims[claim_id].perspective or "") == \
            "Iran-backed militias"
        await pilot.press("P")
        await type_into_dialog(pilot, "iran")
        await pilot.press("enter")
        await pilot.pause()
        assert comparison(app).claims[claim_id].perspective == "iran"


@async_test
async def test_curation_dialogs_name_the_claim_they_act_on(seed: Analysis) -> None:
    """m on a claim: the dialog says which claim it moves. (From the event list, where no
    card is visibly selected, m moves nothing and says to select a claim first: review 10,
    tests/test_tui_review10.py.)"""
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = await claim_of_event(app, pilot, "Reason for the closure")
        claim = comparison(app).claims[claim_id]
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerDialog)
        first_words = " ".join(claim.text.strip("“”\"' ").split()[:3])
        assert first_words in picker.title_text and (claim.speaker or "narration") in \
            picker.title_text


@async_test
async def test_mark_not_a_claim_then_undo_and_redo(seed: Analysis, tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        claim_id = app.current_claim()
        assert claim_id is not None
        total = len(comparison(app).claims)
        await pilot.press("x")
        await pilot.pause()
        assert claim_id not in comparison(app).claims
        assert len(comparison(app).claims) == total - 1
        assert saved_edits(tmp_path / CASE_NAME) == ["not_a_claim"]
        await pilot.press("u")
        await pilot.pause()
        assert claim_id in comparison(app).claims
        assert saved_edits(tmp_path / CASE_NAME) == []
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert claim_id not in comparison(app).claims
        assert saved_edits(tmp_path / CASE_NAME) == ["not_a_claim"]


@async_test
async def test_note_on_a_claim(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        claim_id = app.current_claim()
        assert claim_id is not None
        await pilot.press("N")
        await type_into_dialog(pilot, "check [b]this[/b]")
        await pilot.press("enter")
        await pilot.pause()
        assert comparison(app).claims[claim_id].note == "check [b]this[/b]"
        assert "note: check [b]this[/b]" in screen_text(app)  # in the context pane, as typed
        await pilot.press("N")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "check [b]this[/b]"  # prefilled


@async_test
async def test_accept_and_reject_the_strongest_suggestion(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Indirect fire on US missions")
        link = comparison(app).groups["g-fire"].suggestions[0]
        events_before = len(comparison(app).events)
        await pilot.press("a")
        await pilot.pause()
        comp = comparison(app)
        assert comp.event_of(link.a) == comp.event_of(link.b)
        assert len(comp.events) == events_before - 1
        await go_to(app, pilot, "Ahvaz attack")
        assert comparison(app).groups["g-ahvaz"].suggestions
        await pilot.press("A")
        await pilot.pause()
        assert comparison(app).groups["g-ahvaz"].suggestions == []
        assert [e.op for e in app.case.edits] == [  # type: ignore[union-attr]
            "accept_suggestion", "reject_suggestion"]


@async_test
async def test_a_accepts_the_focused_claims_own_suggestion(seed: Analysis) -> None:
    """On a claim that is one end of a suggestion, its context border names the other claim's
    speaker and `a` joins exactly that pair's events, not the event's strongest suggestion."""
    analysis = seed.model_copy(deep=True)
    groups = {g.id: g for g in analysis.groups}
    own = groups["g-fire"].suggestions[0]
    focus = own.a if own.a in groups["g-fire"].claims else own.b
    other_end = own.b if focus == own.a else own.a
    # a stronger suggestion from another claim of the same event to a third event
    third = next(g for g in analysis.groups
                 if g.id != "g-fire" and other_end not in g.claims and g.claims)
    elsewhere = next(c for c in groups["g-fire"].claims if c != focus)
    stronger = Link(a=elsewhere, b=third.claims[0], score=own.score + 0.05, tier="suggest")
    groups["g-fire"].suggestions.append(stronger)
    third.suggestions.append(stronger)
    app = create_app(analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        comp = comparison(app)
        await go_to_claim(app, pilot, focus)
        subtitle = app.query_one(ContextPane).border_subtitle
        speaker = comp.claims[other_end].speaker or "narration"
        assert subtitle is not None and f"maybe the same event as {speaker}" in str(subtitle)
        await pilot.press("a")
        await pilot.pause()
        comp = comparison(app)
        assert comp.event_of(focus) == comp.event_of(other_end)
        assert comp.event_of(stronger.a) != comp.event_of(stronger.b)


@async_test
async def test_undo_redo_walk_the_log_and_a_new_edit_clears_redo(seed: Analysis,
                                                                 tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Reason for the closure")
        await pilot.press("r")
        await type_into_dialog(pilot, "Why")
        await pilot.press("enter", "right", "s")
        await pilot.pause()
        assert saved_edits(tmp_path / CASE_NAME) == ["rename_group", "split_group"]
        await pilot.press("u", "u")
        await pilot.pause()
        assert app.case is not None and app.case.edits == []
        assert "Reason for the closure" in [e.label for e in comparison(app).events]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Why" in [e.label for e in comparison(app).events]
        assert saved_edits(tmp_path / CASE_NAME) == ["rename_group"]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+r")  # the split was dropped from the redo stack by the new edit
        await pilot.pause()
        assert saved_edits(tmp_path / CASE_NAME) == ["rename_group", "not_a_claim"]


@async_test
async def test_a_failed_save_is_reported_and_the_edit_stays_in_memory(
        seed: Analysis, tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    app.case_path = tmp_path / "no-such-folder" / "x.perspecta.json"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "x")
        await pilot.pause()
        assert app.case is not None and [e.op for e in app.case.edits] == ["not_a_claim"]
        assert not app.case_path.exists()
        assert any("Could not save" in str(n.message) for n in app._notifications)


def test_open_refuses_a_bad_case_file_without_writing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.perspecta.json"
    bad.write_bytes(b'{"schema": "perspecta.case", "vers')
    assert run_app([str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "corrupt" in err and len(err.strip().splitlines()) == 1
    assert bad.read_bytes() == b'{"schema": "perspecta.case", "vers'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.perspecta.json"]
    with pytest.raises(CaseError):
        load_case(bad)


async def wait_for_case(app: PerspectaApp, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(400):
        await pilot.pause(0.05)
        if app.comparison is not None and app.screen_name == "compare":
            return
    raise AssertionError("the analysis never finished")


@async_test
async def test_full_loop_open_seed_edit_quit_reopen_export(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    app = create_app(paths=["seeds"])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_case(app, pilot)
        comp = comparison(app)
        grouped = [e for e in comp.events if e.id != UNGROUPED_EVENT]
        assert len(grouped) >= 3
        source, target, renamed = grouped[0], grouped[1], grouped[2]
        # move a claim of the first event into the second
        await go_to(app, pilot, source.label)
        await pilot.press("right")
        moved = app.current_claim()
        assert moved is not None
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerDialog)
        index = next(i for i, c in enumerate(picker.shown) if c.key == target.id)
        picker.query_one(OptionList).highlighted = index + 1  # after "new event"
        await pilot.press("enter")
        await pilot.pause()
        assert comparison(app).event_of(moved) == target.id
        # rename a group
        await go_to(app, pilot, renamed.label)
        await pilot.press("r")
        await type_into_dialog(pilot, "Analyst's name [for] it")
        await pilot.press("enter")
        await pilot.pause()
        # change a speaker's perspective to a new one
        speaking = next(c for c in comparison(app).analysis.claims if c.speaker_id)
        await go_to_claim(app, pilot, speaking.id)
        assert app.current_claim() == speaking.id
        await pilot.press("P")
        await type_into_dialog(pilot, "Regional press")
        await pilot.press("up", "enter")
        await pilot.pause()
        assert comparison(app).claims[speaking.id].perspective == "regional-press"
        await pilot.press("q")
    case_file = tmp_path / "seeds.perspecta.json"
    assert [e.op for e in load_case(case_file).edits] == [
        "move_claim", "rename_group", "set_perspective"]

    monkeypatch.chdir(ROOT)  # reopening must not depend on the working directory
    reopened = create_app(paths=[str(case_file)], case=load_case(case_file), case_path=case_file)
    async with reopened.run_test(size=SIZE) as pilot:
        await wait_for_case(reopened, pilot)
        comp = comparison(reopened)
        assert comp.event_of(moved) == target.id
        assert "Analyst's name [for] it" in [e.label for e in comp.events]
        assert comp.claims[speaking.id].perspective == "regional-press"
        assert comp.perspective_label("regional-press") == "Regional press"
        assert isinstance(reopened.case.edits[1], RenameGroup)  # type: ignore[union-attr]
        report = export_analysis(comp.analysis, "md").decode()
        assert "Analyst's name \\[for\\] it" in report  # Markdown escapes the brackets
        assert "Regional press" in report
        exported = orjson.loads(export_analysis(comp.analysis, "json"))
        assert "Analyst's name [for] it" in [g["label"] for g in exported["groups"]]
        # a further edit lands in the opened case file, not a new one
        await pilot.press("u")
        await pilot.pause()
    assert [e.op for e in load_case(case_file).edits] == ["move_claim", "rename_group"]
    assert sorted(p.name for p in tmp_path.iterdir() if "perspecta" in p.name) == [
        "seeds.perspecta.json", "seeds.perspecta.json.bak"]


@async_test
async def test_reopen_reports_edits_that_no_longer_apply_and_changed_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    base = analyze_paths(["seeds"])
    case = case_from_analysis(base)
    group = next(g for g in base.groups if g.claims)
    case.edits = [RenameGroup(claim=group.claims[0], label="[kept] label"),
                  MoveClaim(claim="d0000000000:1-2", to_claim=None)]
    case_file = tmp_path / "story.perspecta.json"
    save_case(case_file, case)
    app = create_app(paths=[str(case_file)], case=load_case(case_file), case_path=case_file)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_case(app, pilot)
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("Edit 2 (move_claim) not applied" in m and "no longer exists" in m
                   for m in messages)
        assert not any("Edit 1" in m for m in messages)
        assert not any("Changed since" in m for m in messages)
        # the edit that still applies is applied
        assert "[kept] label" in [e.label for e in comparison(app).events]
    assert case_file.read_bytes() == case.to_bytes()  # reopening alone writes nothing

    seed_file = tmp_path / "seeds" / "basra_consulate_closure.txt"
    seed_file.write_text(seed_file.read_text() + "\nA late line.\n")
    app = create_app(paths=[str(case_file)], case=load_case(case_file), case_path=case_file)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_case(app, pilot)
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("Changed since the case was saved: seeds/basra_consulate_closure.txt" in m
                   for m in messages)


@async_test
async def test_curation_actions_run_from_the_command_palette(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Rename the current event")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, TextDialog)
        assert app.screen.query_one(Input).value == current_event_label(app)
