"""The TUI export dialog: format choice, suggested path, atomic threaded write, errors in place.

A tiny host app pushes the dialog over the seed-like analysis (fixtures/analysis/seed_like.json)
and records what it dismisses with; pilot tests write real files into tmp_path.
"""

from __future__ import annotations

import asyncio
import errno
import functools
import os
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import orjson
import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, Static

from core.export import FORMATS, export_analysis
from core.models import Analysis
from tui.widgets import export_dialog
from tui.widgets.export_dialog import (
    FORMAT_LABELS,
    ExportDialog,
    ExportResult,
    slugify,
    suggested_filename,
    with_format_suffix,
)

ROOT = Path(__file__).resolve().parent.parent
SEED_LIKE = ROOT / "fixtures" / "analysis" / "seed_like.json"
SIZE = (100, 34)
UNSET = object()


def async_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in a fresh event loop (no pytest async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@pytest.fixture
def seed() -> Analysis:
    return Analysis.from_json(SEED_LIKE.read_bytes())


class Host(App[None]):
    """Pushes one export dialog on mount and keeps what it was dismissed with."""

    def __init__(self, dialog: ExportDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: object = UNSET

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.keep_result)

    def keep_result(self, result: ExportResult | None) -> None:
        self.result = result


def path_input(app: Host) -> Input:
    return app.dialog.query_one("#export-path", Input)


async def settle(app: Host, pilot: Pilot[None]) -> None:
    """Let the write worker finish and its messages (dismiss, error) be handled."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def export_with_enter(app: Host, pilot: Pilot[None]) -> None:
    path_input(app).focus()
    await pilot.press("enter")
    await settle(app, pilot)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---- file names -----------------------------------------------------------------------


def test_suggested_filename_slugifies_the_case_title() -> None:
    title = "Developing: The closure of the US consulate in Basra"
    assert suggested_filename(title, "md") == (
        "developing-the-closure-of-the-us-consulate-in-basra.md"
    )
    assert suggested_filename("[US] diplomats [/] say…", "csv") == "us-diplomats-say.csv"
    assert suggested_filename("Café Élysée, 28/09", "html") == "cafe-elysee-28-09.html"
    assert suggested_filename("إغلاق القنصلية", "json") == "إغلاق-القنصلية.json"
    assert suggested_filename(None, "json") == "perspecta-report.json"
    assert suggested_filename("[/] ... ***", "md") == "perspecta-report.md"
    with pytest.raises(ValueError):
        suggested_filename("title", "pdf")


def test_long_titles_are_cut_at_a_word_boundary() -> None:
    slug = slugify("word " * 40)
    assert 0 < len(slug) <= export_dialog.MAX_SLUG_LENGTH
    assert not slug.endswith("-") and slug.split("-") == ["word"] * len(slug.split("-"))


def test_format_suffix_swaps_only_export_suffixes() -> None:
    assert with_format_suffix("/tmp/case.md", "csv") == "/tmp/case.csv"
    assert with_format_suffix("/tmp/case.htm", "json") == "/tmp/case.json"
    assert with_format_suffix("/tmp/notes.txt", "csv") == "/tmp/notes.txt"
    assert with_format_suffix("/tmp/case", "html") == "/tmp/case"


# ---- writing each format ---------------------------------------------------------------

EXPECTED_START: dict[str, tuple[bytes, ...]] = {
    "md": (b"#",),
    "html": (b"<!DOCTYPE", b"<!doctype", b"<html"),
    "json": (b"{",),
    "csv": (b"\xef\xbb\xbf",),
}


@pytest.mark.parametrize("fmt", FORMATS)
@async_test
async def test_choosing_a_format_writes_that_format(
    fmt: str, seed: Analysis, tmp_path: Path
) -> None:
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert path_input(app).value == str(tmp_path / suggested_filename(seed.title, "md"))
        await pilot.click(f"#export-format-{fmt}")
        await pilot.pause()
        assert app.dialog.fmt == fmt
        expected = tmp_path / suggested_filename(seed.title, fmt)
        assert path_input(app).value == str(expected)
        await export_with_enter(app, pilot)

        assert app.result == ExportResult(expected, fmt, expected.stat().st_size)
        assert app.screen is not app.dialog
        data = expected.read_bytes()
        assert data.startswith(EXPECTED_START[fmt])
        assert files_in(tmp_path) == [expected.name]  # no temp file left behind
    if fmt == "json":
        assert orjson.loads(data)["title"] == seed.title


@async_test
async def test_the_chosen_format_is_marked_without_colour(seed: Analysis, tmp_path: Path) -> None:
    """● marks the chosen format and ○ the others, so the state reads without colour."""
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def marks() -> dict[str, str]:
            lines = [strip.text for strip in app.screen._compositor.render_strips()]
            found = {}
            for fmt in FORMATS:
                label = FORMAT_LABELS.get(fmt, fmt)
                line = next(line for line in lines if label in line)
                found[fmt] = line[:line.index(label)].strip()[-2:-1]
            return found

        assert marks() == {fmt: "●" if fmt == "md" else "○" for fmt in FORMATS}
        await pilot.click("#export-format-html")
        await pilot.pause()
        assert marks() == {fmt: "●" if fmt == "html" else "○" for fmt in FORMATS}


@async_test
async def test_export_button_writes_and_relative_paths_use_the_folder(
    seed: Analysis, tmp_path: Path
) -> None:
    app = Host(ExportDialog(seed, folder=tmp_path, fmt="csv"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).value = "mine.csv"
        await pilot.click("#export-ok")
        await settle(app, pilot)
        assert isinstance(app.result, ExportResult)
        assert app.result.path == tmp_path / "mine.csv"
        assert app.result.bytes_written == (tmp_path / "mine.csv").stat().st_size > 0


@async_test
async def test_typed_suffix_picks_the_format_and_format_keeps_custom_names(
    seed: Analysis, tmp_path: Path
) -> None:
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).value = str(tmp_path / "briefing.html")
        await pilot.pause()
        assert app.dialog.fmt == "html"
        assert app.dialog.query_one("#export-format-html", RadioButton).value
        await pilot.click("#export-format-json")
        await pilot.pause()
        assert path_input(app).value == str(tmp_path / "briefing.json")
        path_input(app).value = str(tmp_path / "briefing.txt")
        await pilot.click("#export-format-csv")
        await pilot.pause()
        assert app.dialog.fmt == "csv"
        assert path_input(app).value == str(tmp_path / "briefing.txt")  # the user's choice
        await export_with_enter(app, pilot)
        assert (tmp_path / "briefing.txt").read_bytes().startswith(b"\xef\xbb\xbf")


# ---- cancelling ----------------------------------------------------------------------------


@async_test
async def test_escape_cancels_and_writes_nothing(seed: Analysis, tmp_path: Path) -> None:
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.result is None
        assert app.screen is not app.dialog
    assert files_in(tmp_path) == []


@async_test
async def test_cancel_button_closes(seed: Analysis, tmp_path: Path) -> None:
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#export-cancel")
        await settle(app, pilot)
        assert app.result is None
    assert files_in(tmp_path) == []


def blocking_export(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Make rendering wait for a go signal; returns (started, release)."""
    started, release = threading.Event(), threading.Event()

    def slow_export(analysis: Analysis, fmt: str, **kwargs: Any) -> bytes:
        started.set()
        release.wait(10)
        return export_analysis(analysis, fmt, **kwargs)

    monkeypatch.setattr("tui.widgets.export_dialog.export_analysis", slow_export)
    return started, release


@async_test
async def test_ui_stays_live_while_the_report_renders(
    seed: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = blocking_export(monkeypatch)
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).focus()
        await pilot.press("enter")
        await asyncio.to_thread(started.wait, 10)
        # rendering is blocked in its thread, and the dialog still answers keys
        assert app.dialog.status_text.startswith("Writing ")
        assert app.dialog.query_one("#export-ok", Button).disabled
        await pilot.press("enter")  # a second Enter does not start a second write
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not path_input(app)
        assert app.result is UNSET
        release.set()
        await settle(app, pilot)
        assert isinstance(app.result, ExportResult)
        assert files_in(tmp_path) == [app.result.path.name]


@async_test
async def test_escape_while_rendering_leaves_no_file(
    seed: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = blocking_export(monkeypatch)
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).focus()
        await pilot.press("enter")
        await asyncio.to_thread(started.wait, 10)
        await pilot.press("escape")
        release.set()
        await settle(app, pilot)
        assert app.result is None
    assert files_in(tmp_path) == []


# ---- errors stay in the dialog -------------------------------------------------------------


async def assert_error_shown(app: Host, pilot: Pilot[None], *fragments: str) -> None:
    assert app.screen is app.dialog, "the dialog must stay open"
    assert app.result is UNSET
    status = app.dialog.query_one("#export-status", Static)
    assert status.has_class("-error")
    for fragment in fragments:
        assert fragment in app.dialog.status_text
    assert not app.dialog.query_one("#export-ok", Button).disabled


@async_test
async def test_missing_folder_shows_an_error_and_keeps_the_dialog(
    seed: Analysis, tmp_path: Path
) -> None:
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).value = str(tmp_path / "no such folder" / "report.md")
        await export_with_enter(app, pilot)
        await assert_error_shown(app, pilot, "Folder does not exist", "no such folder")
        # the user fixes the path and exports from the same dialog
        path_input(app).value = str(tmp_path / "report.md")
        await export_with_enter(app, pilot)
        assert isinstance(app.result, ExportResult)
    assert files_in(tmp_path) == ["report.md"]


@async_test
async def test_a_folder_as_path_shows_an_error(seed: Analysis, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).value = str(tmp_path / "reports")
        await export_with_enter(app, pilot)
        await assert_error_shown(app, pilot, "is a folder")
        path_input(app).value = "  "
        await export_with_enter(app, pilot)
        await assert_error_shown(app, pilot, "Enter the path")
    assert files_in(tmp_path / "reports") == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
@async_test
async def test_read_only_folder_shows_permission_denied(seed: Analysis, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        app = Host(ExportDialog(seed, folder=locked))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await export_with_enter(app, pilot)
            await assert_error_shown(app, pilot, "Could not write", "Permission denied")
        assert files_in(locked) == []
    finally:
        locked.chmod(0o700)


@async_test
async def test_permission_error_from_the_write_is_shown(
    seed: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr("tui.widgets.export_dialog.write_bytes_atomic", refuse)
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await export_with_enter(app, pilot)
        await assert_error_shown(app, pilot, "Could not write", "Permission denied")
        assert app.focused is path_input(app)
    assert files_in(tmp_path) == []


@async_test
async def test_failed_write_keeps_the_existing_file(
    seed: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(b"yesterday's report\n")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).value = str(target)
        await export_with_enter(app, pilot)
        # an existing file needs a second Enter
        assert app.screen is app.dialog and app.dialog.query_one("#export-status").has_class(
            "-warning"
        )
        assert "exists" in app.dialog.status_text
        # the disk fills up after the temp file is written, before it replaces the report
        monkeypatch.setattr("core.atomic.os.fsync", disk_full)
        await export_with_enter(app, pilot)
        monkeypatch.undo()
        await assert_error_shown(app, pilot, "No space left on device")
    assert target.read_bytes() == b"yesterday's report\n"
    assert files_in(tmp_path) == ["report.md"]


@async_test
async def test_replacing_an_existing_file_needs_a_second_enter(
    seed: Analysis, tmp_path: Path
) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"old")
    app = Host(ExportDialog(seed, folder=tmp_path, fmt="json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).value = str(target)
        await export_with_enter(app, pilot)
        assert app.result is UNSET and target.read_bytes() == b"old"
        await export_with_enter(app, pilot)
        assert isinstance(app.result, ExportResult)
    assert target.read_bytes().startswith(b"{")


# ---- markup-like text ------------------------------------------------------------------------


@async_test
async def test_markup_like_title_and_paths_do_not_crash(seed: Analysis, tmp_path: Path) -> None:
    folder = tmp_path / "[US]" / "["  # paths below read '…/[US]/[/]…'
    folder.mkdir(parents=True)
    title = "[US] diplomats [/] [bold]say[/bold] [link=x]"
    app = Host(ExportDialog(seed, folder=folder, title=title))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert path_input(app).value == str(folder / "us-diplomats-bold-say-bold-link-x.md")
        # an error that quotes a markup-like path is shown as plain text
        missing = folder / "[b]missing[" / "[US].md"
        path_input(app).value = str(missing)
        await export_with_enter(app, pilot)
        await assert_error_shown(app, pilot, f"Folder does not exist: {missing.parent}")
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert title in shown and "[b]missing[" in shown  # literally, not as markup
        target = folder / "]report [US].html"
        assert "[US]/[/]" in str(target)
        path_input(app).value = str(target)
        await pilot.pause()
        await export_with_enter(app, pilot)
        assert isinstance(app.result, ExportResult)
        assert app.result.fmt == "html"
    assert target.read_bytes().lstrip().startswith(b"<")


@async_test
async def test_a_write_that_ends_under_another_screen_closes_when_back_on_top(
    seed: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = blocking_export(monkeypatch)
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input(app).focus()
        await pilot.press("enter")
        await asyncio.to_thread(started.wait, 10)
        await app.push_screen(ModalScreen[None]())  # e.g. the command palette over the dialog
        release.set()
        await settle(app, pilot)
        assert app.result is UNSET and app.dialog.pending_result is not None
        app.pop_screen()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.result, ExportResult)
        assert app.result.path.is_file()


@async_test
async def test_down_then_enter_in_the_format_list_exports_that_format(
    seed: Analysis, tmp_path: Path
) -> None:
    # A new user's path: the dialog opens on the format list; ↓ to HTML, Enter writes HTML.
    app = Host(ExportDialog(seed, folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is app.dialog.query_one("#export-format")
        await pilot.press("down", "enter")
        await settle(app, pilot)
    assert isinstance(app.result, ExportResult) and app.result.fmt == "html"
    assert files_in(tmp_path) == [app.result.path.name] and app.result.path.suffix == ".html"
    assert app.result.path.read_text().lstrip().lower().startswith("<!doctype html")
