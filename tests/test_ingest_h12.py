"""perspecta's own files met among the inputs (review 12).

A folder walk read them as articles: the case file a session saved in the folder failed
("article has no 'text' string", exit 2), and a report exported into the folder came back as
one more source repeating every claim. In a folder they are now skipped with one line saying
what they are; named explicitly they fail with a one-line reason.
"""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest

from core.case import case_from_analysis, save_case
from core.cli import run
from core.ingest import ingest, perspecta_file_kind
from core.report_csv import COLUMNS
from tests.seedcase import seed_analysis

WIRE = "Harbour director Amina Castell said the port of Veloria reopened on Monday.\n"
BLOG = ("Union leader Pavel Ostrov said the port of Veloria reopened because police broke the "
        "blockade on Monday.\n")


def _folder(tmp_path: Path) -> Path:
    walk = tmp_path / "walk"
    walk.mkdir()
    (walk / "a_wire.txt").write_text(WIRE)
    (walk / "b_blog.txt").write_text(BLOG)
    return walk


def _stderr(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


def test_a_case_file_in_a_folder_is_skipped_not_failed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    walk = _folder(tmp_path)
    save_case(walk / "walk.perspecta.json", case_from_analysis(seed_analysis()))
    save_case(walk / "walk.perspecta.json", case_from_analysis(seed_analysis()))  # + .bak
    assert run(["analyze", str(walk)]) == 0
    err = _stderr(capsys)
    case = walk / "walk.perspecta.json"
    assert f"perspecta: {case}: skipped: walk.perspecta.json is a perspecta case file (to open " \
           f"it: perspecta open {case})" in err
    assert f"perspecta: {case}.bak: skipped: walk.perspecta.json.bak is a copy of a perspecta " \
           "case file kept aside" in err
    assert "perspecta: summary: 0 failed, 2 skipped, 2 documents analysed" in err


@pytest.mark.parametrize(("suffix", "what"), [
    ("md", "a Markdown report exported by perspecta"),
    ("html", "an HTML report exported by perspecta"),
    ("json", "an analysis JSON exported by perspecta"),
])
def test_a_report_exported_into_the_folder_is_no_new_source(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, what: str) -> None:
    walk = _folder(tmp_path)
    before = tmp_path / "before.json"
    assert run(["analyze", str(walk), "--format", "json", "-o", str(before)]) == 0
    report = walk / f"report.{suffix}"
    assert run(["export", str(walk), "-o", str(report)]) == 0
    capsys.readouterr()
    after = tmp_path / "after.json"
    assert run(["analyze", str(walk), "--format", "json", "-o", str(after)]) == 0
    err = _stderr(capsys)
    assert f"perspecta: {report}: skipped: report.{suffix} is {what}, not an article" in err
    assert "perspecta: summary: 0 failed, 1 skipped, 2 documents analysed" in err
    first, again = orjson.loads(before.read_bytes()), orjson.loads(after.read_bytes())
    assert [e["path"] for e in again["errors"]] == [str(report)]
    for key in ("documents", "claims", "groups", "speakers", "perspectives"):
        assert again[key] == first[key]


def test_a_csv_export_in_a_folder_is_skipped_as_before(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CSV is no article type: a folder walk never reads it (skipped as unsupported)."""
    walk = _folder(tmp_path)
    assert run(["export", str(walk), "-o", str(walk / "claims.csv")]) == 0
    capsys.readouterr()
    assert run(["analyze", str(walk)]) == 0
    assert f"perspecta: {walk / 'claims.csv'}: skipped: not a supported text file (.csv)" \
        in _stderr(capsys)


def test_reports_and_cases_named_explicitly_fail_with_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    walk = _folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    reports = {}
    for name in ("r.md", "r.html", "r.json", "r.csv"):
        reports[name] = out / name
        assert run(["export", str(walk), "-o", str(out / name)]) == 0
    # a report the TUI wrote under a suffix of the user's choosing ('notes.txt' in Markdown)
    reports["notes.txt"] = out / "notes.txt"
    reports["notes.txt"].write_bytes(reports["r.md"].read_bytes())
    case = out / "w.perspecta.json"
    save_case(case, case_from_analysis(seed_analysis()))
    capsys.readouterr()
    paths = [str(p) for p in reports.values()]
    assert run(["analyze", *paths, str(case), str(walk / "a_wire.txt")]) == 2
    err = _stderr(capsys)
    assert f"perspecta: {reports['r.md']}: a Markdown report exported by perspecta, " \
           "not an article" in err
    assert f"perspecta: {reports['notes.txt']}: a Markdown report exported by perspecta, " \
           "not an article" in err
    assert f"perspecta: {reports['r.html']}: an HTML report exported by perspecta, " \
           "not an article" in err
    assert f"perspecta: {reports['r.json']}: an analysis JSON exported by perspecta, " \
           "not an article" in err
    assert f"perspecta: {reports['r.csv']}: a CSV export of perspecta, not an article" in err
    assert f"perspecta: {case}: a perspecta case file, not an article (to open it: " \
           f"perspecta open {case})" in err
    assert "perspecta: summary: 6 failed, 0 skipped, 1 document analysed" in err
    # a case file under another name is known by its schema; `open` knows it by its name
    renamed = out / "w.json"
    renamed.write_bytes(case.read_bytes())
    assert [e.reason for e in ingest([str(renamed)]).errors] == [
        "a perspecta case file, not an article (perspecta opens a case file named "
        "NAME.perspecta.json)"]
    assert [e.reason for e in ingest([str(out)]).errors if e.path == str(renamed)] == [
        "skipped: w.json is a perspecta case file, not an article"]
    # piped
    report = ingest(["-"], stdin=io.BytesIO(reports["r.md"].read_bytes()))
    assert [(e.kind, e.reason) for e in report.errors] == \
        [("error", "a Markdown report exported by perspecta, not an article")]


def test_a_folder_of_perspecta_files_only_is_a_failure(tmp_path: Path) -> None:
    """Nothing to analyse: said as for a folder with no articles, not a silent empty case."""
    walk = _folder(tmp_path)
    out = tmp_path / "reports"
    out.mkdir()
    assert run(["export", str(walk), "-o", str(out / "r.md")]) == 0
    save_case(out / "r.perspecta.json", case_from_analysis(seed_analysis()))
    result = ingest([str(out)])
    assert not result.documents
    assert [(e.path, e.reason) for e in result.failed] == [
        (str(out), "folder holds no articles, only files perspecta wrote (case files, reports)")]
    assert len(result.skipped) == 2


def test_articles_that_mention_perspecta_are_still_articles(tmp_path: Path) -> None:
    """The markers are perspecta's own lines at the top of the file, not the word."""
    walk = _folder(tmp_path)
    (walk / "c_review.md").write_text(
        "# A review\n\nGenerated by perspecta, the comparison was said to be useful, a reviewer "
        "said on Monday.\n")
    (walk / "d_page.html").write_text(
        "<html><head><title>Tools</title><meta name=\"generator\" content=\"WordPress\"></head>"
        "<body><p>The perspecta tool was generated by a team, its author said on Monday. It "
        "lays competing accounts side by side, she said.</p></body></html>")
    (walk / "e.json").write_text('{"title": "Schema", "text": "The schema was perspecta.'
                                 'analysis/1, a spokesman said on Monday."}')
    result = ingest([str(walk)])
    assert not result.errors
    assert len(result.documents) == 5


def test_the_markers_are_the_ones_the_reports_write() -> None:
    from core.export import export_analysis

    analysis = seed_analysis()
    assert perspecta_file_kind(export_analysis(analysis, "md").decode()) == \
        "a Markdown report exported by perspecta"
    assert perspecta_file_kind(export_analysis(analysis, "html").decode()) == \
        "an HTML report exported by perspecta"
    assert perspecta_file_kind(export_analysis(analysis, "csv").decode("utf-8-sig")) == \
        "a CSV export of perspecta"
    assert perspecta_file_kind(",".join(COLUMNS)) == "a CSV export of perspecta"
    assert perspecta_file_kind(analysis.documents[0].text) is None


def test_the_tui_opens_a_folder_holding_its_own_case_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`perspecta open case` after a session saved case.perspecta.json in that folder: the
    TUI opens, and closes with exit 0 and the skip line (it exited 2 with a failure)."""
    from tests.test_tui import SIZE, async_test
    from tui import app as app_module
    from tui.app import create_app

    walk = _folder(tmp_path)
    save_case(walk / "case.perspecta.json", case_from_analysis(seed_analysis()))
    args = [str(walk)]

    @async_test
    async def session() -> None:
        app = create_app(paths=args)
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.comparison is not None
            assert len(app.comparison.analysis.documents) == 2
            await pilot.press("q")
        assert app_module.finished(app, args) == 0

    session()
    err = _stderr(capsys)
    assert any(line.endswith("skipped: case.perspecta.json is a perspecta case file (to open "
                             f"it: perspecta open {walk / 'case.perspecta.json'})")
               for line in err), err
