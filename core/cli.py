"""The command line: thin wrappers over core functions.

`perspecta analyze PATH... --format json|text --output FILE`
`perspecta group --input IN.jsonl --output OUT.jsonl`
`perspecta export PATH... --format md|html|json|csv --output FILE`
`perspecta schema [--output FILE]`
(The TUI commands live in tui/main.py, which hands everything else to `run`.)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import NoReturn

import orjson
from pydantic import BaseModel, ValidationError

from core.atomic import write_bytes_atomic
from core.models import ANALYSIS_SCHEMA, Analysis, Claim, Group, InputError, Settings
from core.registry import PerspectiveRegistry, RegistryError, load_registry

# The pipeline (attribution, grouping: most of the start-up imports) is imported by the commands
# that run it, so that the TUI, which only builds the parser here, paints before it is loaded.

EXIT_OK = 0
EXIT_INPUT_ERROR = 2
EXIT_USAGE = 64


def link_score(value: str) -> float:
    """A grouping threshold: a link score between 0 and 1 (argparse type)."""
    try:
        score = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= score <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not a link score between 0 and 1")
    return score


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("perspecta")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


class _Parser(argparse.ArgumentParser):
    """argparse with our exit code for usage errors (64), so 2 always means 'an input failed'."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="perspecta",
        description="Competing accounts of one story, side by side. "
        "With no command, opens the bundled Basra case in the TUI.",
    )
    parser.add_argument("--version", action="version", version=f"perspecta {_version()}")
    sub = parser.add_subparsers(dest="command")

    p_open = sub.add_parser(
        "open", help="open files, folders or a case in the TUI",
        description="Open files, folders, an analysis JSON or a case file (NAME.perspecta.json) "
        "in the TUI; with no PATH, the bundled Basra case. Edits are saved to the case file.",
    )
    p_open.add_argument("paths", nargs="*", metavar="PATH")
    p_open.add_argument("--merge-threshold", type=link_score, default=None,
                        help="group claims at or above this link score (a case keeps its own "
                        "unless given)")
    p_open.add_argument("--suggest-threshold", type=link_score, default=None,
                        help="suggest 'maybe the same event' at or above this link score")
    _add_registry_arg(p_open)
    p_open.add_argument("--from-backup", action="store_true",
                        help="open the case's backup (its previous save) instead; the current "
                        "file is kept beside it as .corrupt or .replaced")

    p_an = sub.add_parser("analyze", help="analyse files/folders ('-' for stdin) and write the result")
    p_an.add_argument("paths", nargs="+", metavar="PATH",
                      help="a file (.txt, .md, .html, .json), a folder (read recursively) or '-' "
                      "for stdin")
    p_an.add_argument("--format", choices=["json", "text"], default="text",
                      help="text (the default): a readable listing of the claims per source, "
                      "then each event; json: the analysis as one JSON object "
                      "(perspecta.analysis/1)")
    p_an.add_argument("--output", "-o", default="-", help="output file ('-' for stdout, the default)")
    _add_settings_args(p_an)
    _add_registry_arg(p_an)

    p_gr = sub.add_parser("group", help="group claims given as JSON lines into events")
    p_gr.add_argument("--input", "-i", required=True, help="JSONL: {id, text, document?, speaker?, topic?}")
    p_gr.add_argument("--output", "-o", default="-", help="JSONL: {id, group}")
    _add_settings_args(p_gr)

    p_ex = sub.add_parser(
        "export",
        help="write a comparison report (Markdown, HTML, JSON or CSV)",
        description="Analyse files/folders ('-' for stdin) — or load one analysis JSON or case "
        "file, whose own settings are kept — and write a comparison report. CSV cells that a spreadsheet would run as a "
        "formula (starting with = + - @, tab or CR) get a leading apostrophe.",
    )
    p_ex.add_argument("paths", nargs="+", metavar="PATH",
                      help="files, folders or '-' for stdin; or one analysis JSON or case file")
    p_ex.add_argument("--format", "-f", choices=["md", "html", "json", "csv"], default=None,
                      help="report format (default: from the output file's suffix, else md)")
    p_ex.add_argument("--output", "-o", default="-", help="output file ('-' for stdout, the default)")
    _add_settings_args(p_ex)
    _add_registry_arg(p_ex)

    p_sc = sub.add_parser("schema", help="print the JSON Schema of the analysis JSON")
    p_sc.add_argument("--output", "-o", default="-", help="output file ('-' for stdout, the default)")
    return parser


def _add_settings_args(p: argparse.ArgumentParser) -> None:
    d = Settings()
    p.add_argument("--merge-threshold", type=link_score, default=d.merge_threshold,
                   help=f"link score at or above which claims are grouped (default {d.merge_threshold})")
    p.add_argument("--suggest-threshold", type=link_score, default=d.suggest_threshold,
                   help=f"link score at or above which a 'maybe the same event' suggestion is kept (default {d.suggest_threshold})")


def _add_registry_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--perspectives", metavar="FILE", default=None,
                   help="your perspective registry (JSON: labels and aliases, fuzzy-matched); "
                   "it overrides the built-in rules")


def _registry(args: argparse.Namespace) -> PerspectiveRegistry | None:
    """The user's registry, or None; raises RegistryError with a one-line cause."""
    return load_registry(args.perspectives) if getattr(args, "perspectives", None) else None


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(merge_threshold=args.merge_threshold, suggest_threshold=args.suggest_threshold)


def settings_given(args: argparse.Namespace) -> dict[str, float]:
    """Only the grouping thresholds given on the command line (`open`: a case keeps the rest)."""
    names = ("merge_threshold", "suggest_threshold")
    return {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}


def error(message: str) -> None:
    print(f"perspecta: {message}", file=sys.stderr)


def write_output(target: str, data: bytes | Iterable[bytes]) -> None:
    """Write bytes, or an iterable of byte chunks, to a file (atomically) or stdout ('-')."""
    if target == "-":
        for chunk in [data] if isinstance(data, bytes) else data:
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
    else:
        write_bytes_atomic(Path(target), data)


# Items serialised per chunk when streaming the analysis JSON.
_JSON_CHUNK_ITEMS = 2000


def analysis_json_chunks(
    analysis: Analysis, elements: dict[str, Callable[[], Iterator[bytes]]] | None = None
) -> Iterator[bytes]:
    """The bytes of `analysis.to_json()`, produced a few thousand items at a time: a 50 MB input
    has ~400k claims, and dumping them all to Python dicts and then to one bytes object at once
    costs more memory than the analysis itself. `elements` may supply the array elements of
    list fields (by field name) instead of the analysis."""
    yield b"{"
    for k, (name, info) in enumerate(Analysis.model_fields.items()):
        key = info.alias or name
        yield (b"," if k else b"") + orjson.dumps(key) + b":"
        value = getattr(analysis, name)
        if isinstance(value, list) and all(isinstance(item, BaseModel) for item in value[:1]):
            yield b"["
            yield from (elements[name]() if elements and name in elements else _dump_items(value))
            yield b"]"
        else:
            yield orjson.dumps(analysis.model_dump(mode="json", by_alias=True, include={name})[key])
    yield b"}"


def exit_code(analysis: Analysis) -> int:
    """2 when any input failed; skipped inputs (unsupported type, duplicates) are only reported."""
    return EXIT_INPUT_ERROR if any(e.kind == "error" for e in analysis.errors) else EXIT_OK


def _write_or_report(target: str, data: bytes | Iterable[bytes]) -> bool:
    """Write the output; on failure say why in one line (the old file stays intact)."""
    try:
        write_output(target, data)
    except OSError as exc:
        error(f"{target}: cannot write output: {exc.strerror or exc}")
        return False
    return True


def _dump_items(items: Sequence[BaseModel]) -> Iterator[bytes]:
    """JSON array elements (without the brackets), a few thousand items at a time."""
    for start in range(0, len(items), _JSON_CHUNK_ITEMS):
        dumped = [item.model_dump(mode="json", by_alias=True)
                  for item in items[start:start + _JSON_CHUNK_ITEMS]]
        yield (b"," if start else b"") + orjson.dumps(dumped)[1:-1]


def windowed_json_chunks(
    header: Analysis, windows: Iterable[tuple[list[Claim], list[Group]]]
) -> Iterator[bytes]:
    """The analysis JSON when claims and groups come window by window: each window's claims are
    written at once, its groups spilled to a temporary file and copied after the last claim."""
    with tempfile.TemporaryFile() as spill:

        def claims() -> Iterator[bytes]:
            first = True
            for window_claims, window_groups in windows:
                for part in _dump_items(window_claims):
                    yield part if first or part.startswith(b",") else b"," + part
                    first = False
                for part in _dump_items(window_groups):
                    spill.write(part if spill.tell() == 0 or part.startswith(b",") else b"," + part)

        def groups() -> Iterator[bytes]:
            spill.seek(0)
            while block := spill.read(1 << 20):
                yield block

        yield from analysis_json_chunks(header, {"claims": claims, "groups": groups})


CASE_FILE_SUFFIX = ".perspecta.json"  # core.case.CASE_SUFFIX (not imported: a light start)


def input_line(err: InputError) -> str:
    """'PATH: cause', one input that failed or was skipped. A case file read as an article (a
    folder holding the case of an earlier session) says what it is and how it opens, instead
    of only "article has no 'text' string"."""
    reason = err.reason
    if err.kind == "error" and err.path.endswith(CASE_FILE_SUFFIX):
        reason = f"a perspecta case file, not an article (to open it: perspecta open {err.path})"
    return f"{err.path}: {reason}"


def input_summary(analysis: Analysis) -> str:
    """One line counting the inputs that failed or were skipped, and the documents analysed."""
    failed = sum(1 for e in analysis.errors if e.kind == "error")
    skipped = len(analysis.errors) - failed
    return (f"summary: {failed} failed, {skipped} skipped, "
            f"{len(analysis.documents)} document{'' if len(analysis.documents) == 1 else 's'} "
            "analysed")


def cmd_analyze(args: argparse.Namespace) -> int:
    try:
        registry = _registry(args)
    except RegistryError as exc:
        error(str(exc))
        return EXIT_INPUT_ERROR
    from core.pipeline import GROUP_WINDOW_CLAIMS, finish_analysis, group_windows, prepare_paths
    from core.textlisting import render_text

    prepared = prepare_paths(args.paths, settings=_settings(args), registry=registry)
    analysis = prepared.header()  # documents and errors; claims and groups follow
    for err in analysis.errors:
        error(input_line(err))
    # always, failures or not: scripts can read the counts from stderr (stdout is the output)
    error(input_summary(analysis))
    data: bytes | Iterable[bytes]
    if args.format == "json" and prepared.windowed:
        # Each window's claims are written as soon as they are grouped, then dropped.
        error(f"note: {len(prepared.claims)} claims: events are grouped within windows of "
              f"{GROUP_WINDOW_CLAIMS} consecutive claims to bound memory")
        data = windowed_json_chunks(analysis, group_windows(prepared))
    else:
        analysis = finish_analysis(prepared)
        data = analysis_json_chunks(analysis) if args.format == "json" else render_text(analysis).encode()
    if not _write_or_report(args.output, data):
        return EXIT_INPUT_ERROR
    return exit_code(analysis)


def _export_input(
    paths: list[str], settings: Settings, registry: PerspectiveRegistry | None = None
) -> Analysis:
    """One saved analysis JSON or case file is loaded as is; anything else is analysed."""
    if len(paths) == 1 and paths[0] != "-" and Path(paths[0]).is_file():
        from core.case import is_case_path, load_case, reopen

        path = Path(paths[0])
        if is_case_path(path):
            return reopen(load_case(path), base_dir=path.parent).analysis
        if path.suffix.lower() == ".json":
            analysis = _saved_analysis(path.read_bytes())
            if analysis is not None:
                return analysis
    from core.pipeline import analyze_paths

    return analyze_paths(paths, settings=settings, registry=registry)


def _saved_analysis(raw: bytes) -> Analysis | None:
    """The analysis in `raw` when it is `perspecta analyze --format json` output, else None."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if isinstance(data, dict) and data.get("schema") == ANALYSIS_SCHEMA:
        return Analysis.model_validate(data)
    return None


def cmd_export(args: argparse.Namespace) -> int:
    from core.case import CaseError
    from core.export import export_analysis, format_for_path

    fmt = args.format or (format_for_path(args.output) if args.output != "-" else None)
    if fmt is None and args.output != "-" and PurePath(args.output).suffix:
        # 'r.pdf' or 'r.docx' would get Markdown under a name that promises something else.
        error(f"{args.output}: no export format for '{PurePath(args.output).suffix}' "
              "(use .md, .html, .csv or .json, or --format)")
        return EXIT_USAGE
    fmt = fmt or "md"
    try:
        analysis = _export_input(args.paths, _settings(args), _registry(args))
    except RegistryError as exc:
        error(str(exc))
        return EXIT_INPUT_ERROR
    except (CaseError, ValidationError) as exc:
        error(f"{args.paths[0]}: {exc}" if isinstance(exc, ValidationError) else str(exc))
        return EXIT_INPUT_ERROR
    for err in analysis.errors:
        error(input_line(err))
    if not _write_or_report(args.output, export_analysis(analysis, fmt)):
        return EXIT_INPUT_ERROR
    return exit_code(analysis)


def cmd_schema(args: argparse.Namespace) -> int:
    from core.schema import schema_json

    return EXIT_OK if _write_or_report(args.output, schema_json()) else EXIT_INPUT_ERROR


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
    if args.command == "export":
        return cmd_export(args)
    if args.command == "schema":
        return cmd_schema(args)
    parser.print_help()
    return EXIT_USAGE


def load_analysis(path: Path) -> Analysis:
    return Analysis.from_json(path.read_bytes())


def main() -> None:
    sys.exit(run(sys.argv[1:]))
