"""Small helpers for bench scripts: timing medians and --save/--compare JSON (orjson)."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"


def add_io_args(parser: argparse.ArgumentParser) -> None:
    """--save FILE and --compare FILE, shared by every bench script."""
    parser.add_argument("--save", metavar="FILE", help="write the results as JSON")
    parser.add_argument("--compare", metavar="FILE", help="compare with an earlier --save")


def median_time(fn: Callable[[], object], repeat: int = 5) -> tuple[float, list[float]]:
    """Median wall time of `repeat` calls, and every time."""
    times: list[float] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def save_and_compare(results: dict[str, Any], args: argparse.Namespace) -> None:
    """Save results (--save) and print the difference to an earlier run (--compare)."""
    if getattr(args, "compare", None):
        old = orjson.loads(Path(args.compare).read_bytes())
        for key, value in _flatten(results).items():
            before = _flatten(old).get(key)
            if isinstance(value, int | float) and isinstance(before, int | float):
                print(f"  {key}: {before:.4g} -> {value:.4g} ({value - before:+.4g})")
    if getattr(args, "save", None):
        Path(args.save).write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
        print(f"saved {args.save}")


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out
