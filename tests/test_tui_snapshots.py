"""SVG snapshots of every screen at 120×40 and 80×24, on the seed-like and hostile fixtures.

Regenerate with `.venv/bin/pytest tests/test_tui_snapshots.py --snapshot-update` and review
the report by eye before accepting.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from core.models import Analysis
from tui.app import create_app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "analysis"
SIZES = [(120, 40), (80, 24)]


def fixture(name: str) -> Analysis:
    return Analysis.from_json((FIXTURES / name).read_bytes())


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        for field in pilot.app.query(Input):
            field.cursor_blink = False
        await pilot.press(*pressed)
        await pilot.pause()

    return run_before


SCREENS = {
    "compare": (),
    # The acceptance walk: the Iraqi official's claim beside the US rationale, in context.
    "compare-reason-iraq": ("down", "right", "right"),
    "sources": ("2",),
    "speakers": ("3",),
    "matrix": ("4",),
    "help": ("question_mark",),
    "detail": ("down", "right", "right", "enter"),
    "filter": ("slash", *"apeared"),
    "head-to-head": ("down", "right", "space", "right", "space"),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_seed_like(snap_compare: Any, screen: str, size: tuple[int, int]) -> None:
    app = create_app(analysis=fixture("seed_like.json"))
    assert snap_compare(app, run_before=keys(*SCREENS[screen]), terminal_size=size)


@pytest.mark.parametrize("screen", ["compare", "speakers", "matrix", "detail"])
def test_hostile(snap_compare: Any, screen: str) -> None:
    app = create_app(analysis=fixture("hostile.json"))
    assert snap_compare(app, run_before=keys(*SCREENS[screen]), terminal_size=(120, 40))
