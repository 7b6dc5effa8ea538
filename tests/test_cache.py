"""The analysis cache (core/cache.py): unchanged inputs reopen from disk with the same result;
any change of input, settings or registry misses; corrupt entries are dropped; the TUI's
load_analysis uses it without running the pipeline on a hit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import core.pipeline
from core import cache
from core.models import Settings
from core.pipeline import analyze_paths
from tui import app as app_module

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "basra_consulate_closure.txt"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PERSPECTA_CACHE_DIR", str(folder))
    monkeypatch.delenv("PERSPECTA_NO_CACHE", raising=False)
    return folder


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    return folder


def test_a_hit_gives_the_same_analysis_without_the_pipeline(
        tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _inputs(tmp_path)
    first = app_module.load_analysis([str(folder)])
    assert len(list(cache_dir.glob("*.json"))) == 1

    def no_pipeline(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pipeline ran on a cache hit")

    monkeypatch.setattr(core.pipeline, "analyze_paths", no_pipeline)
    second = app_module.load_analysis([str(folder)])
    assert second == first
    assert second.to_json() == analyze_paths([str(folder)]).to_json()  # the original function


def test_changes_miss(tmp_path: Path, cache_dir: Path) -> None:
    folder = _inputs(tmp_path)
    key = cache.cache_key([str(folder)])
    assert key is not None and key == cache.cache_key([str(folder)])
    assert cache.cache_key([str(folder)], Settings(merge_threshold=0.05)) != key
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8") + "\nOne more line.\n",
                                  encoding="utf-8")
    changed = cache.cache_key([str(folder)])
    assert changed is not None and changed != key
    (folder / "b.txt").write_text("Officials said that a new file was added.\n")
    assert cache.cache_key([str(folder)]) not in (key, changed)
    # stdin and missing inputs are never cached
    assert cache.cache_key(["-"]) is None
    assert cache.cache_key([str(folder / "missing.txt")]) is None


def test_a_corrupt_entry_is_dropped_and_the_inputs_analysed_again(
        tmp_path: Path, cache_dir: Path) -> None:
    folder = _inputs(tmp_path)
    fresh = app_module.load_analysis([str(folder)])
    (entry,) = cache_dir.glob("*.json")
    entry.write_bytes(entry.read_bytes()[:100])
    assert cache.load(cache.cache_key([str(folder)])) is None
    assert not entry.exists()
    assert app_module.load_analysis([str(folder)]) == fresh
    assert entry.exists()  # written again


def test_turned_off(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERSPECTA_NO_CACHE", "1")
    folder = _inputs(tmp_path)
    app_module.load_analysis([str(folder)])
    assert not cache_dir.exists()


def test_entries_are_bounded(tmp_path: Path, cache_dir: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    analysis = analyze_paths([str(SEED)])
    for n in range(4):
        assert cache.store(f"{n:064x}", analysis)
    assert len(list(cache_dir.glob("*.json"))) == 2


def test_entries_are_bounded_in_bytes(tmp_path: Path, cache_dir: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = analyze_paths([str(SEED)])
    size = len(analysis.to_json())
    monkeypatch.setattr(cache, "MAX_CACHE_BYTES", size * 2 + 1)
    for n in range(4):
        assert cache.store(f"{n:064x}", analysis)
    assert len(list(cache_dir.glob("*.json"))) == 2
