"""The `perspecta` console script: TUI commands here, everything else to core.cli."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path

SEED_CASE = Path(__file__).resolve().parent.parent / "seeds"


def import_tui() -> None:
    """Import the TUI and the core it needs with the cyclic garbage collector paused.

    Imports allocate hundreds of thousands of long-lived objects, and the collections they
    trigger walk all of them again and again (~0.1 s of the start-up); frozen afterwards, those
    objects are never walked again. bench/tui.py's fresh-process run starts the same way."""
    gc.disable()
    try:
        import tui.app  # noqa: F401
    finally:
        gc.freeze()
        gc.enable()


def run(argv: Sequence[str]) -> int:
    args = list(argv)
    if not args or args[0] == "open":
        import_tui()
        from core.cli import build_parser, settings_given
        from tui.app import run_app

        options = build_parser().parse_args(args or ["open"])
        return run_app(options.paths or [str(SEED_CASE)], settings=settings_given(options),
                       perspectives=options.perspectives, from_backup=options.from_backup)
    from core.cli import run as run_cli

    return run_cli(args)


def main() -> None:
    sys.exit(run(sys.argv[1:]))
