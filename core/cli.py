"""The command line: thin wrappers over core functions.

`perspecta analyze PATH... --format json|text --output FILE`
`perspecta group --input IN.jsonl --output OUT.jsonl`
(The TUI commands live in tui/main.py, which hands everything else to `run`.)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from core.atomic import write_bytes_atomic
from core.models import Analysis, Settings
from core.pipeline import analyze_paths
from core.textlisting import render_text

EXIT_OK = 0
EXIT_INPUT_ERROR = 2
EXIT_USAGE = 64


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perspecta",
        description="Competing accounts of one story, side by side. "
        "With no command, opens the bundled Basra case in the TUI.",
    )
    sub = parser.add_subparsers(dest="command")

    p_open = sub.add_parser("open", help="open files, folders or a case in the TUI")
    p_open.add_argument("paths", nargs="*", metavar="PATH")

    p_an = sub.add_parser("analyze", help="analyse files/folders ('-' for stdin) and write the result")
    p_an.add_argument("paths", nargs="+", metavar="PATH")
    p_an.add_argument("--format", choices=["json", "text"], default="text")
    p_an.add_argument("--output", "-o", default="-", help="output file ('-' for stdout, the default)")
    _add_settings_args(p_an)

    p_gr = sub.add_parser("group", help="group claims given as JSON lines into events")
    p_gr.add_argument("--input", "-i", required=True, help="JSONL: {id, text, document?, speaker?, topic?}")
    p_gr.add_argument("--output", "-o", default="-", help="JSONL: {id, group}")
    _add_settings_args(p_gr)
    return parser


def _add_settings_args(p: argparse.ArgumentParser) -> None:
    d = Settings()
    p.add_argument("--merge-threshold", type=float, default=d.merge_threshold,
                   help=f"link score at or above which claims are grouped (default {d.merge_threshold})")
    p.add_argument("--suggest-threshold", type=float, default=d.suggest_threshold,
                   help=f"link score at or above which a 'maybe the same event' suggestion is kept (default {d.suggest_threshold})")


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(merge_threshold=args.merge_threshold, suggest_threshold=args.suggest_threshold)


def error(message: str) -> None:
    print(f"perspecta: {message}", file=sys.stderr)


def write_output(target: str, data: bytes) -> None:
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_bytes_atomic(Path(target), data)


def cmd_analyze(args: argparse.Namespace) -> int:
    analysis = analyze_paths(args.paths, settings=_settings(args))
    for err in analysis.errors:
        error(f"{err.path}: {err.reason}")
    data = analysis.to_json(indent=False) if args.format == "json" else render_text(analysis).encode()
    try:
        write_output(args.output, data)
    except OSError as exc:
        error(f"{args.output}: cannot write output: {exc.strerror or exc}")
        return EXIT_INPUT_ERROR
    return EXIT_INPUT_ERROR if analysis.errors else EXIT_OK


def cmd_group(args: argparse.Namespace) -> int:
    from core.jsonl_group import group_jsonl

    return group_jsonl(args.input, args.output, _settings(args), write_output, error)


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command == "analyze":
        return cmd_analyze(args)
    if args.command == "group":
        return cmd_group(args)
    parser.print_help()
    return EXIT_USAGE


def load_analysis(path: Path) -> Analysis:
    return Analysis.from_json(path.read_bytes())


def main() -> None:
    sys.exit(run(sys.argv[1:]))
