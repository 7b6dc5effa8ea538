"""core/ must never load textual or rich (checked in a fresh interpreter per module)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import core

CORE_MODULES = sorted(f"core.{m.name}" for m in pkgutil.iter_modules(core.__path__))
CHECK = (
    "import importlib, sys; importlib.import_module({mod!r}); "
    "bad = [m for m in ('textual', 'rich') if m in sys.modules]; "
    "print(','.join(bad)); sys.exit(1 if bad else 0)"
)


def test_core_modules_found() -> None:
    assert "core.models" in CORE_MODULES
    assert "core.pipeline" in CORE_MODULES


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_load_ui(module: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", CHECK.format(mod=module)],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 0, f"{module} loaded {proc.stdout.strip()} {proc.stderr[-500:]}"


# The TUI paints its first frame before the pipeline is loaded: the worker imports it (or does
# not need it at all when the analysis comes from the cache). These modules are most of the
# start-up imports (attribution, grouping with numpy/scipy, HTML extraction, the perspective
# mapping: the TUI reads a registry file through the small core.registry).
PIPELINE_ONLY = ("core.pipeline", "core.attribution", "core.grouping", "core.ingest",
                 "core.speakers", "core.perspectives", "trafilatura", "scipy", "core.export")
TUI_CHECK = (
    "import sys, tui.main; tui.main.import_tui(); import core.cli; "
    "early = [m for m in {mods!r} if m in sys.modules]; print(','.join(early)); "
    "sys.exit(1 if early else 0)"
)


def test_the_tui_starts_without_loading_the_pipeline() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", TUI_CHECK.format(mods=PIPELINE_ONLY)],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 0, f"loaded before the first frame: {proc.stdout.strip()} " \
        f"{proc.stderr[-500:]}"
