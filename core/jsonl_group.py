"""`perspecta group`: JSON lines of claims in, JSON lines of {id, group} out.

PLACEHOLDER: the grouping helper replaces this module (keep `group_jsonl`)."""

from __future__ import annotations

from collections.abc import Callable

import orjson

from core.models import Settings


def group_jsonl(
    input_path: str,
    output: str,
    settings: Settings,
    write: Callable[[str, bytes], None],
    error: Callable[[str], None],
) -> int:
    lines: list[bytes] = []
    with open(input_path, "rb") as fh:
        for i, raw in enumerate(fh):
            if raw.strip():
                item = orjson.loads(raw)
                lines.append(orjson.dumps({"id": item["id"], "group": f"g{i}"}))
    write(output, b"\n".join(lines) + (b"\n" if lines else b""))
    return 0
