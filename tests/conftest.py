"""Shared test set-up: no test reads or writes the user's real analysis cache."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_analysis_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the TUI's analysis cache at a fresh folder for every test (and its subprocesses).

    The folder sits outside the test's own tmp_path so tests that list tmp_path see only their files.
    """
    folder: Path = tmp_path_factory.mktemp("analysis-cache")
    monkeypatch.setenv("PERSPECTA_CACHE_DIR", str(folder))
    monkeypatch.delenv("PERSPECTA_NO_CACHE", raising=False)
