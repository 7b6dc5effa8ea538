"""`perspecta group`: JSON lines of claims in, JSON lines of {id, group} out.

Input lines: {"id", "text", "document"?, "speaker"?, "topic"?}. Claims with different `topic`
values are never grouped; `document` names the article, whose other lines are the claim's context.
A bad line is reported as `FILE:LINE: cause` and skipped; the other lines are still grouped and
the exit status is 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import orjson

from core.grouping import cluster, similarity_params
from core.models import Settings
from core.similarity import build_index

EXIT_OK = 0
EXIT_INPUT_ERROR = 2


def _parse(raw: bytes) -> tuple[dict[str, str | None] | None, str | None]:
    try:
        item = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return None, f"invalid JSON ({exc})"
    if not isinstance(item, dict):
        return None, "expected a JSON object"
    cid, text = item.get("id"), item.get("text")
    if isinstance(cid, int) and not isinstance(cid, bool):
        cid = str(cid)
    if not isinstance(cid, str) or not cid:
        return None, "missing or empty 'id' (a string)"
    if not isinstance(text, str):
        return None, "missing 'text' (a string)"
    out: dict[str, str | None] = {"id": cid, "text": text}
    for key in ("document", "topic", "speaker"):
        value = item.get(key)
        if value is not None and not isinstance(value, str | int):
            return None, f"'{key}' must be a string"
        out[key] = None if value is None else str(value)
    return out, None


def group_jsonl(
    input_path: str,
    output: str,
    settings: Settings,
    write: Callable[[str, bytes], None],
    error: Callable[[str], None],
) -> int:
    """Group the claims of a JSONL file; write one {id, group} line per valid input line."""
    items: list[dict[str, str | None]] = []
    seen: set[str] = set()
    failed = False
    try:
        # '-' reads standard input (kept open: it is not ours to close)
        fh = (open(sys.stdin.fileno(), "rb", closefd=False) if input_path == "-"  # noqa: SIM115
              else open(input_path, "rb"))  # noqa: SIM115 - closed below
    except OSError as exc:
        error(f"{input_path}: cannot read input: {exc.strerror or exc}")
        return EXIT_INPUT_ERROR
    with fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            item, problem = _parse(raw)
            if item is not None and item["id"] in seen:
                problem = f"duplicate id {item['id']!r}"
                item = None
            if item is None:
                error(f"{input_path}:{number}: {problem}")
                failed = True
                continue
            seen.add(str(item["id"]))
            items.append(item)
    params = similarity_params(settings, len(items))
    lines: list[bytes] = []
    if items:
        index = build_index(
            [str(it["text"]) for it in items],
            documents=[it["document"] for it in items],
            topics=[it["topic"] for it in items],
            params=params,
        )
        # The output has no suggestions: only links that can merge need scoring.
        merge_only = settings.model_copy(update={"suggest_threshold": settings.merge_threshold})
        labels = cluster(index, merge_only).labels
        lines = [orjson.dumps({"id": it["id"], "group": f"g{int(g) + 1}"})
                 for it, g in zip(items, labels.tolist(), strict=True)]
    try:
        write(output, b"\n".join(lines) + (b"\n" if lines else b""))
    except OSError as exc:
        error(f"{output}: cannot write output: {exc.strerror or exc}")
        return EXIT_INPUT_ERROR
    return EXIT_INPUT_ERROR if failed else EXIT_OK
