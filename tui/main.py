"""The `perspecta` console script: TUI commands here, everything else to core.cli."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from core.cli import build_parser, settings_given
from core.cli import run as run_cli

SEED_CASE = Path(__file__).resolve().parent.parent / "seeds"


def run(argv: Sequence[str]) -> int:
    args = list(argv)
    if not args or args[0] == "open":
        options = build_parser().parse_args(args or ["open"])
        from tui.app import run_app

        return run_app(options.paths or [str(SEED_CASE)], settings=settings_given(options),
                       perspectives=options.perspectives, from_backup=options.from_backup)
    return run_cli(args)


def main() -> None:
    sys.exit(run(sys.argv[1:]))
