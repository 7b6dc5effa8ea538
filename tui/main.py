"""The `perspecta` console script: TUI commands here, everything else to core.cli."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from core.cli import run as run_cli

SEED_CASE = Path(__file__).resolve().parent.parent / "seeds"


def run(argv: Sequence[str]) -> int:
    args = list(argv)
    if not args or args[0] == "open":
        paths = args[1:] if args else []
        if any(p in ("-h", "--help") for p in paths):
            return run_cli(["open", "--help"])
        from tui.app import run_app

        return run_app(paths or [str(SEED_CASE)])
    return run_cli(args)


def main() -> None:
    sys.exit(run(sys.argv[1:]))
