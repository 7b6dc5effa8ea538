"""Ingest: files, folders and stdin in; Documents (and one error per bad input) out.

PLACEHOLDER: the ingest helper replaces this module (keep `ingest` and `IngestResult`)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from core.models import Document, InputError


class IngestResult(BaseModel):
    documents: list[Document] = Field(default_factory=list)
    errors: list[InputError] = Field(default_factory=list)


def ingest(paths: Sequence[str]) -> IngestResult:
    result = IngestResult()
    for p in paths:
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                result.errors.append(InputError(path=str(f), reason=str(exc)))
                continue
            digest = hashlib.sha256(text.encode()).hexdigest()
            result.documents.append(Document(id="d" + digest[:10], path=str(f), text=text, sha256=digest))
    return result
