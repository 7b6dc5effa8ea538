"""Case files, continued: older versions, restoring the backup, adding documents, event notes."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

import core.pipeline
from core.case import (
    CASE_VERSION,
    CaseError,
    add_documents,
    backup_path,
    case_from_analysis,
    load_case,
    reopen,
    save_case,
)
from core.curation import AddNote, RenameGroup
from core.ingest import ingest
from core.models import Analysis, Claim, Settings
from core.pipeline import analyze_documents
from tests.seedcase import ROOT
from tui.app import open_case_file

CASES = ROOT / "fixtures" / "case"
SEED = ROOT / "seeds" / "basra_consulate_closure.txt"
MILITIA = CASES / "militia_statement.txt"


# ---- older versions ---------------------------------------------------------------------


def test_version_1_case_is_migrated_with_its_registry_embedded(tmp_path: Path) -> None:
    for name in ("v1.perspecta.json", "registry.json", "militia_statement.txt"):
        shutil.copy(CASES / name, tmp_path / name)
    case = load_case(tmp_path / "v1.perspecta.json")
    assert case.version == CASE_VERSION == 2
    assert case.registry is not None
    assert [p.label for p in case.registry.perspectives] == ["Iran-backed militias"]
    opened = reopen(case, tmp_path)
    assert opened.problems == [] and opened.changed == []
    claims = {c.id: c for c in opened.analysis.claims}
    # the registry maps the militia's spokesman claim, as when the v1 case was saved
    assert any(c.perspective == "militias" for c in claims.values())
    first, second = (e.claim for e in case.edits[:2])
    assert claims[first].group == claims[second].group
    group = next(g for g in opened.analysis.groups if g.id == claims[first].group)
    assert group.label == "Who fired at Basra airport"
    assert claims[second].note == "unnamed spokesman [check]"
    # once saved again it is a version 2 file that no longer needs the registry file
    save_case(tmp_path / "v1.perspecta.json", case)
    (tmp_path / "registry.json").unlink()
    again = load_case(tmp_path / "v1.perspecta.json")
    assert orjson.loads((tmp_path / "v1.perspecta.json").read_bytes())["version"] == 2
    assert any(c.perspective == "militias" for c in reopen(again, tmp_path).analysis.claims)


def test_version_1_case_whose_registry_is_gone_still_opens(tmp_path: Path) -> None:
    for name in ("v1.perspecta.json", "militia_statement.txt"):
        shutil.copy(CASES / name, tmp_path / name)
    case = load_case(tmp_path / "v1.perspecta.json")
    assert case.registry is None and case.perspectives_file == "registry.json"
    opened = reopen(case, tmp_path)
    assert opened.problems == []
    assert not any(c.perspective == "militias" for c in opened.analysis.claims)


@pytest.mark.parametrize("version", [0, -3])
def test_unknown_old_versions_are_refused(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.perspecta.json"
    content = orjson.dumps({"schema": "perspecta.case", "version": version})
    path.write_bytes(content)
    with pytest.raises(CaseError, match="not a known version"):
        load_case(path)
    assert path.read_bytes() == content


# ---- the backup is offered, and restoring it loses nothing -----------------------------


def two_saves(path: Path) -> bytes:
    """Save twice; return the bytes of the first save (what the backup holds)."""
    analysis = analyze_documents(ingest([str(MILITIA)]).documents)
    case = case_from_analysis(analysis)
    case.edits.append(RenameGroup(claim=analysis.claims[0].id, label="first save"))
    save_case(path, case)
    first = path.read_bytes()
    case.edits.append(RenameGroup(claim=analysis.claims[0].id, label="second save"))
    save_case(path, case)
    return first


def test_corrupt_case_refused_then_backup_offered_and_restored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.perspecta.json"
    first = two_saves(path)
    path.write_bytes(b'{"schema": "perspecta.case", "vers')  # torn by a crash
    asked: list[str] = []

    # declining: one error line, a hint with the command, nothing written
    assert open_case_file(path, ask=lambda q: asked.append(q) is not None) is None
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and str(path) in err[0] and "corrupt" in err[0]
    assert "--from-backup" in err[1] and asked == ["Open the backup (the previous save) instead?"]
    assert path.read_bytes() == b'{"schema": "perspecta.case", "vers'
    assert backup_path(path).read_bytes() == first

    # accepting: the backup's case opens, the torn file is kept aside, the backup untouched
    case = open_case_file(path, ask=lambda q: True)
    assert case is not None and [e.label for e in case.edits] == ["first save"]  # type: ignore[union-attr]
    assert (tmp_path / "c.perspecta.json.corrupt").read_bytes() == b'{"schema": "perspecta.case", "vers'
    assert backup_path(path).read_bytes() == first
    assert load_case(path).edits == case.edits
    # the next autosave rotates the restored file, never the torn one, into .bak
    save_case(path, case)
    assert load_case(backup_path(path)).edits == case.edits
    assert "restored from its backup" in capsys.readouterr().err


def test_from_backup_on_a_good_case_keeps_the_current_file_as_replaced(tmp_path: Path) -> None:
    path = tmp_path / "c.perspecta.json"
    two_saves(path)
    current = path.read_bytes()
    case = open_case_file(path, from_backup=True, ask=lambda q: pytest.fail("no question"))
    assert case is not None and [e.label for e in case.edits] == ["first save"]  # type: ignore[union-attr]
    assert (tmp_path / "c.perspecta.json.replaced").read_bytes() == current


def test_no_backup_means_no_question_and_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.perspecta.json"
    path.write_bytes(b"")
    assert open_case_file(path, ask=lambda q: pytest.fail("no backup to offer")) is None
    assert open_case_file(path, from_backup=True) is None
    err = capsys.readouterr().err
    assert "case file is empty" in err and "no backup to open" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.perspecta.json"]


# ---- adding documents to an open case ----------------------------------------------------


def test_adding_documents_attributes_only_the_new_ones_and_keeps_edits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache: dict[str, list[Claim]] = {}
    base = analyze_documents(ingest([str(SEED)]).documents, attributed=cache)
    case = case_from_analysis(base)
    anchor = base.claims[5].id
    case.edits.append(RenameGroup(claim=anchor, label="Analyst's [own] label"))
    case.edits.append(AddNote(target="group", claim=anchor, text="event note"))

    attributed: list[str] = []
    real = core.pipeline.attribute_document

    def counting(doc):  # type: ignore[no-untyped-def]
        attributed.append(doc.path)
        return real(doc)

    monkeypatch.setattr(core.pipeline, "attribute_document", counting)
    bad = tmp_path / "broken.json"
    bad.write_text("{not json")
    result = add_documents(case, base, [str(MILITIA), str(SEED), str(bad)], attributed=cache)

    assert attributed == [str(MILITIA)]  # the seed was not read into claims again
    assert result.added == [str(MILITIA)] and result.already == [str(SEED)]
    assert [e.path for e in result.errors] == [str(bad)]
    assert [d.path for d in result.case.documents] == [str(SEED), str(MILITIA)]
    assert len(case.documents) == 1  # the open case is not changed in place
    # the same as analysing both documents from scratch
    fresh = analyze_documents(ingest([str(SEED), str(MILITIA)]).documents)
    assert [c.id for c in result.base.claims] == [c.id for c in fresh.claims]
    assert [g.claims for g in result.base.groups] == [g.claims for g in fresh.groups]
    # the edits still hold on the regrouped case
    assert result.problems == []
    by_id = {c.id: c for c in result.analysis.claims}
    group = next(g for g in result.analysis.groups if g.id == by_id[anchor].group)
    assert group.label == "Analyst's [own] label" and group.note == "event note"
    assert any(c.document != base.documents[0].id for c in result.analysis.claims)


def test_adding_nothing_new_changes_nothing() -> None:
    base = analyze_documents(ingest([str(MILITIA)]).documents)
    case = case_from_analysis(base)
    result = add_documents(case, base, [str(MILITIA)])
    assert result.added == [] and result.already == [str(MILITIA)]
    assert result.case == case and result.base == base


def test_cache_gives_the_same_analysis_as_without(tmp_path: Path) -> None:
    docs = ingest([str(SEED), str(MILITIA)]).documents
    cache: dict[str, list[Claim]] = {}
    first = analyze_documents(docs, attributed=cache)
    second = analyze_documents(docs, attributed=cache)
    plain = analyze_documents(docs)
    assert first == second == plain
    assert sorted(cache) == sorted(d.id for d in docs)


def test_reopen_uses_the_embedded_registry(tmp_path: Path) -> None:
    from core.perspectives import load_registry

    shutil.copy(MILITIA, tmp_path / "m.txt")
    registry = load_registry(CASES / "registry.json")
    analysis: Analysis = analyze_documents(ingest([str(tmp_path / "m.txt")]).documents,
                                           registry=registry)
    case = case_from_analysis(analysis, registry=registry, perspectives_file="registry.json")
    save_case(tmp_path / "m.perspecta.json", case)
    opened = reopen(load_case(tmp_path / "m.perspecta.json"), tmp_path)
    assert any(c.perspective == "militias" for c in opened.analysis.claims)


# ---- in the TUI ----------------------------------------------------------------------------


from textual.widgets import Input  # noqa: E402

from tests.test_tui import SIZE, async_test, screen_text  # noqa: E402
from tests.test_tui_curation import comparison, type_into_dialog, wait_for_case  # noqa: E402
from tui.app import create_app  # noqa: E402
from tui.casework import split_paths  # noqa: E402
from tui.widgets.curate import TextDialog  # noqa: E402


@async_test
async def test_add_documents_in_the_tui_keeps_edits_and_saves(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(MILITIA, tmp_path / "more statements.txt")  # a space in the name
    monkeypatch.chdir(tmp_path)
    app = create_app(paths=["seeds"])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_case(app, pilot)
        seed_doc = comparison(app).analysis.documents[0].id
        await pilot.press("r")  # an edit before adding: rename the current event
        await type_into_dialog(pilot, "Kept [label]")
        await pilot.press("enter")
        await pilot.pause()
        renamed = app.event_id
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await type_into_dialog(pilot, "more statements.txt")
        await pilot.press("enter")
        for _ in range(400):
            await pilot.pause(0.05)
            if app.case is not None and len(app.case.documents) == 2 and not app.adding:
                break
        else:
            raise AssertionError("the documents were never added")
        comp = comparison(app)
        assert len(comp.analysis.documents) == 2
        assert any(c.document != seed_doc for c in comp.analysis.claims)
        assert "Kept [label]" in [e.label for e in comp.events]
        assert list(app.attributed) == [d.id for d in comp.analysis.documents]
        assert renamed is not None
    saved = load_case(tmp_path / "seeds.perspecta.json")
    assert [d.path for d in saved.documents] == [
        "seeds/basra_consulate_closure.txt", "more statements.txt"]
    assert [e.op for e in saved.edits] == ["rename_group"]


@async_test
async def test_add_documents_names_missing_paths_and_adds_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = create_app(analysis=analyze_documents(ingest([str(MILITIA)]).documents))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        await type_into_dialog(pilot, "nowhere.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert not app.adding and app.case is not None and len(app.case.documents) == 1
        assert "Not found: nowhere.txt" in [n.message for n in app._notifications]
    assert not (tmp_path / "militia_statement.perspecta.json").exists()


@async_test
async def test_note_on_an_event_is_saved_and_shown_in_the_context(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = create_app(analysis=analyze_documents(ingest([str(MILITIA)]).documents))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        event = app.event_id
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await type_into_dialog(pilot, "[/] not markup")
        await pilot.press("enter")
        await pilot.pause()
        group = comparison(app).groups[event or ""]
        assert group.note == "[/] not markup"
        await pilot.press("right")  # a claim of the event: its context shows the note
        await pilot.pause()
        assert "event note: [/] not markup" in screen_text(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "[/] not markup"  # prefilled
    saved = load_case(tmp_path / "militia_statement.perspecta.json")
    assert [(e.op, getattr(e, "target", None)) for e in saved.edits] == [("note", "group")]


def test_split_paths_quotes_spaces_and_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a b.txt").write_text("x")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert split_paths(f"{tmp_path}/a b.txt") == [f"{tmp_path}/a b.txt"]
    assert split_paths("~/a b.txt") == [f"{tmp_path}/a b.txt"]
    assert split_paths('one.txt "two words.txt" ~/x') == ["one.txt", "two words.txt",
                                                          f"{tmp_path}/x"]
    assert split_paths('  "unclosed  ') == ['"unclosed']
    assert split_paths("   ") == []


def test_open_passes_thresholds_registry_and_from_backup(monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.app
    from tui.main import SEED_CASE, run

    calls: list[tuple[list[str], dict[str, object]]] = []
    monkeypatch.setattr(tui.app, "run_app",
                        lambda paths, **kw: calls.append((list(paths), kw)) or 0)
    assert run([]) == 0
    assert run(["open", "c.perspecta.json", "--from-backup", "--merge-threshold", "0.2",
                "--perspectives", "reg.json"]) == 0
    assert calls[0] == ([str(SEED_CASE)], {"settings": {}, "perspectives": None,
                                            "from_backup": False})
    paths, options = calls[1]
    assert paths == ["c.perspecta.json"] and options["from_backup"] is True
    assert options["perspectives"] == "reg.json"
    assert options["settings"] == {"merge_threshold": 0.2}  # only what was given
    with pytest.raises(SystemExit) as info:
        run(["open", "--no-such-option"])
    assert info.value.code == 64


def test_open_refuses_an_unreadable_registry(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.app import run_app

    bad = tmp_path / "reg.json"
    bad.write_text("{")
    assert run_app([str(MILITIA)], perspectives=str(bad)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"perspecta: {bad}: not valid JSON") and "\n" not in err


def test_path_suggester_completes_files_and_folders(tmp_path: Path) -> None:
    import asyncio

    from tui.casework import PathSuggester

    (tmp_path / "articles").mkdir()
    (tmp_path / "article one.txt").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    suggest = PathSuggester().get_suggestion
    assert asyncio.run(suggest(f"{tmp_path}/articles")) is None  # complete already
    assert asyncio.run(suggest(f"{tmp_path}/article ")) is None  # nothing after the space
    assert asyncio.run(suggest(f"{tmp_path}/arti")) == f"{tmp_path}/article one.txt"
    assert asyncio.run(suggest(f"a.txt {tmp_path}/articles/")) is None  # empty folder
    assert asyncio.run(suggest(f"{tmp_path}/art")) == f"{tmp_path}/article one.txt"
    assert asyncio.run(suggest(f"{tmp_path}/.h")) is None  # hidden names are not offered
    assert asyncio.run(suggest(f"{tmp_path}/nothing-like-it")) is None
    (tmp_path / "zone").mkdir()
    assert asyncio.run(suggest(f"one.txt {tmp_path}/zo")) == f"one.txt {tmp_path}/zone/"


def test_added_paths_are_recorded_relative_to_the_case_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.case import case_relative

    assert case_relative(str(tmp_path / "docs" / "a.txt"), tmp_path) == "docs/a.txt"
    assert case_relative("/elsewhere/b.txt", tmp_path) == "/elsewhere/b.txt"
    assert case_relative("articles.json#2", Path.cwd()) == "articles.json#2"
    # a case in tmp gets a document from tmp/docs, added while working elsewhere
    (tmp_path / "docs").mkdir()
    shutil.copy(SEED, tmp_path / "seed.txt")
    shutil.copy(MILITIA, tmp_path / "docs" / "m.txt")
    monkeypatch.chdir(tmp_path)
    base = analyze_documents(ingest(["seed.txt"]).documents)
    case = case_from_analysis(base)
    monkeypatch.chdir(ROOT)
    added = add_documents(case, base, [str(tmp_path / "docs")], case_folder=tmp_path)
    assert [d.path for d in added.case.documents] == ["seed.txt", "docs/m.txt"]
    reopened = reopen(added.case, tmp_path)
    assert reopened.errors == [] and len(reopened.analysis.documents) == 2


def test_open_case_with_a_threshold_keeps_the_cases_other_settings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.app

    path = tmp_path / "c.perspecta.json"
    analysis = analyze_documents(ingest([str(MILITIA)]).documents)
    case = case_from_analysis(analysis)
    case.settings = Settings(merge_threshold=0.05, suggest_threshold=0.02,
                             extra={"linkage_ratio": 0.9})
    save_case(path, case)
    opened: list[tui.app.PerspectaApp] = []
    monkeypatch.setattr(tui.app.PerspectaApp, "run", lambda self: opened.append(self))
    assert tui.app.run_app([str(path)], settings={"merge_threshold": 0.07}) == 0
    settings = opened[0].case.settings  # type: ignore[union-attr]
    assert (settings.merge_threshold, settings.suggest_threshold) == (0.07, 0.02)
    assert settings.extra == {"linkage_ratio": 0.9}


@async_test
async def test_a_failed_add_is_reported_and_does_not_lock_adding(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.casework

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk [on] fire")

    monkeypatch.setattr(tui.casework, "add_documents", broken)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "new.txt").write_text("The minister said the talks had failed.")
    app = create_app(analysis=analyze_documents(ingest([str(MILITIA)]).documents))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(2):  # the second try is not refused as 'still adding'
            await pilot.press("plus")
            await type_into_dialog(pilot, "new.txt")
            await pilot.press("enter")
            for _ in range(100):
                await pilot.pause(0.02)
                if not app.adding:
                    break
            assert not app.adding
        messages = [n.message for n in app._notifications]
        assert messages.count("Adding documents failed: RuntimeError: disk [on] fire") >= 1
        assert not any("Still adding" in m for m in messages)


@async_test
async def test_stdin_cannot_be_added_and_tab_completes_a_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "brandnew.txt").write_text("x")
    app = create_app(analysis=analyze_documents(ingest([str(MILITIA)]).documents))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        await type_into_dialog(pilot, "-")
        await pilot.press("enter")
        await pilot.pause()
        assert not app.adding
        assert any("Standard input" in n.message for n in app._notifications)
        await pilot.press("plus")
        await type_into_dialog(pilot, "bra")
        await pilot.pause(0.2)  # the suggester runs in a worker
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "brandnew.txt"


@async_test
async def test_the_tui_names_each_input_it_could_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(MILITIA, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("  \n")
    app = create_app(paths=["good.txt", "nope.txt", "empty.txt"])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_case(app, pilot)
        notes = [n.message for n in app._notifications if "could not be read" in n.message]
        assert len(notes) == 1
        lines = notes[0].splitlines()
        assert lines[0] == "2 inputs could not be read:"
        assert sorted(line.split(":")[0] for line in lines[1:]) == ["empty.txt", "nope.txt"]


def test_a_bug_on_one_document_is_reported_and_the_others_analysed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from core.cli import run as run_cli

    real = core.pipeline.attribute_document

    def flaky(doc):  # type: ignore[no-untyped-def]
        if "Militia" in doc.text:
            raise IndexError("list index out of range")
        return real(doc)

    monkeypatch.setattr(core.pipeline, "attribute_document", flaky)
    shutil.copy(MILITIA, tmp_path / "bad.txt")
    shutil.copy(SEED, tmp_path / "good.txt")
    out = tmp_path / "out.json"
    assert run_cli(["analyze", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt"),
                    "--format", "json", "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'bad.txt'}: could not be analysed (internal error IndexError" in err
    data = orjson.loads(out.read_bytes())
    assert [d["path"] for d in data["documents"]] == [str(tmp_path / "good.txt")]
    assert data["claims"]
