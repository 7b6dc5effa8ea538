"""Issue 7, acceptance 3 (TUI part): opening a folder of many files runs the real pipeline in a
worker; the loading screen's progress bar moves while it runs, and Esc cancels it cleanly (the
worker stops between documents; no analysis is shown)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher, ProgressBar

from tui import app as app_module
from tui.app import create_app

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds" / "basra_consulate_closure.txt",
           *sorted((ROOT / "fixtures" / "ingest").glob("*.txt"))]
SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _own_analysis_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """These folders are analysed for real (and never cached in the user's cache folder)."""
    monkeypatch.setenv("PERSPECTA_CACHE_DIR", str(tmp_path / "analysis-cache"))


def _folder(tmp_path: Path, files: int) -> Path:
    """`files` distinct articles (real fixture texts, each with its own closing line)."""
    folder = tmp_path / "many"
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    for i in range(files):
        sub = folder / f"part{i // 25:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article{i:04d}.txt").write_text(
            texts[i % len(texts)] + f"\n\nOfficials said that copy {i} was filed.\n",
            encoding="utf-8")
    return folder


def test_progress_bar_moves_during_a_real_folder_analysis(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 60)

    async def run() -> list[float]:
        seen: list[float] = []
        app = create_app(paths=[str(folder)])
        async with app.run_test(size=SIZE) as pilot:
            bar = app.query_one("#loading-bar", ProgressBar)
            deadline = time.monotonic() + 120
            while app.query_one(ContentSwitcher).current == "loading" and \
                    time.monotonic() < deadline:
                progress = bar.progress
                if not seen or progress != seen[-1]:
                    seen.append(progress)
                await pilot.pause(0.02)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.comparison is not None
            assert len(app.comparison.analysis.documents) == 60
        return seen

    seen = asyncio.run(run())
    # the bar only moves forward, and it moves many times (not only at the step boundaries)
    assert seen == sorted(seen)
    assert len([p for p in seen if 0.1 < p < 0.5]) >= 3, seen


def test_escape_cancels_a_real_folder_analysis_cleanly(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 400)

    async def run() -> tuple[float, object]:
        app = create_app(paths=[str(folder)])
        async with app.run_test(size=SIZE) as pilot:
            bar = app.query_one("#loading-bar", ProgressBar)
            deadline = time.monotonic() + 60
            while bar.progress <= 0.15 and time.monotonic() < deadline:
                await pilot.pause(0.02)
            assert 0.15 < bar.progress < 0.5, "should be cancelled while attributing"
            worker = app.analysis_worker
            assert worker is not None and worker.is_running
            started = time.monotonic()
            await pilot.press("escape")
            # the worker raises at its next progress report: it stops within a document or two
            while worker.is_running and time.monotonic() - started < 20:
                await asyncio.sleep(0.02)
            stopped_after = time.monotonic() - started
            assert not worker.is_running
            assert isinstance(worker.error, app_module.AnalysisCancelled) or worker.is_cancelled
            assert app.comparison is None
        return stopped_after, app.return_code

    stopped_after, code = asyncio.run(run())
    assert code == 1
    assert stopped_after < 5, f"worker kept running {stopped_after:.1f} s after Esc"
