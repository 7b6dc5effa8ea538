"""Case files: the documents, the settings and the analyst's edit log, in one JSON file.

A case file (`NAME.perspecta.json`) is pretty-printed JSON (orjson, sorted keys) so `git diff`
reads well. Saving is atomic (temp file, fsync, rename) and keeps the previous version as
`NAME.perspecta.json.bak`. Reopening re-runs the analysis from the documents and re-applies the
edit log; edits whose claims no longer exist are reported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import orjson
from pydantic import Field, ValidationError

from core.atomic import write_bytes_atomic
from core.curation import Edit, EditProblem, apply_edits
from core.ingest import ingest
from core.models import Analysis, Document, InputError, Model, Settings
from core.pipeline import analyze_documents

CASE_SCHEMA = "perspecta.case"
CASE_VERSION = 1
CASE_SUFFIX = ".perspecta.json"


class CaseError(Exception):
    """A case file that cannot be loaded; the message is one line naming the file and cause."""

    def __init__(self, path: Path, cause: str, backup: Path | None = None) -> None:
        self.path = path
        self.cause = cause
        self.backup = backup
        hint = f" (a backup exists: {backup})" if backup else ""
        super().__init__(f"{path}: {cause}{hint}")


class CaseDocument(Model):
    """A document of the case: where it was, what it held (hash), optionally its text."""

    path: str
    sha256: str
    title: str | None = None
    text: str | None = Field(default=None, description="Embedded text, used when the file is gone.")


class Case(Model):
    """Everything needed to rebuild an analyst's view of a story."""

    schema_name: str = Field(default=CASE_SCHEMA, alias="schema")
    version: int = CASE_VERSION
    title: str | None = None
    documents: list[CaseDocument] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    perspectives_file: str | None = Field(default=None, description="User perspective registry, if any.")
    edits: list[Edit] = Field(default_factory=list)

    model_config = Model.model_config | {"populate_by_name": True}

    def to_bytes(self) -> bytes:
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def case_from_analysis(analysis: Analysis, *, embed_text: bool = False) -> Case:
    """A new case for the documents of an analysis (no edits yet)."""
    docs = [
        CaseDocument(path=d.path, sha256=d.sha256, title=d.title, text=d.text if embed_text else None)
        for d in analysis.documents
    ]
    return Case(title=analysis.title, documents=docs, settings=analysis.settings)


def save_case(path: Path, case: Case) -> None:
    """Atomic save; the previous version stays as a .bak file."""
    write_bytes_atomic(path, case.to_bytes(), backup=True)


def load_case(path: Path) -> Case:
    """Read and validate a case file, or raise CaseError with a one-line cause."""
    path = Path(path)
    bak = backup_path(path)
    backup = bak if bak.exists() else None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CaseError(path, f"cannot read case file: {exc.strerror or exc}", backup) from exc
    if not raw.strip():
        raise CaseError(path, "case file is empty", backup)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CaseError(path, f"case file is corrupt or truncated (invalid JSON: {exc})", backup) from exc
    if not isinstance(data, dict) or data.get("schema") != CASE_SCHEMA:
        raise CaseError(path, "not a perspecta case file (no 'schema': 'perspecta.case')", backup)
    version = data.get("version")
    if not isinstance(version, int):
        raise CaseError(path, "case file has no version number", backup)
    if version > CASE_VERSION:
        raise CaseError(
            path, f"case file version {version} is newer than this perspecta supports ({CASE_VERSION})",
            backup,
        )
    data = migrate(data)
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CaseError(path, f"case file is invalid at {where}: {first['msg']}", backup) from exc


def migrate(data: dict[str, object]) -> dict[str, object]:
    """Bring an older case file up to CASE_VERSION (version 1 is the first; nothing to do yet)."""
    return data


class OpenedCase(Model):
    """A case reopened: the curated analysis, plus what could not be restored."""

    case: Case
    base: Analysis = Field(description="The machine's analysis before edits.")
    analysis: Analysis = Field(description="The analysis with every applicable edit applied.")
    problems: list[EditProblem] = Field(default_factory=list)
    changed: list[str] = Field(default_factory=list, description="Documents whose content changed since saving.")
    errors: list[InputError] = Field(default_factory=list)


def _document_from_text(doc: CaseDocument) -> Document:
    text = doc.text or ""
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(id="d" + digest[:10], path=doc.path, title=doc.title, text=text, sha256=digest)


def _file_of(doc_path: str) -> str:
    """'articles.json#2' -> 'articles.json' (one file can hold several documents)."""
    head, sep, tail = doc_path.rpartition("#")
    return head if sep and tail.isdigit() else doc_path


def reopen(case: Case, base_dir: Path | None = None) -> OpenedCase:
    """Re-analyse the case's documents and re-apply its edit log."""
    documents: list[Document] = []
    errors: list[InputError] = []
    changed: list[str] = []
    read: dict[str, dict[str, Document]] = {}
    for cdoc in case.documents:
        file = _file_of(cdoc.path)
        if file not in read:
            path = Path(file)
            if base_dir is not None and file != "-" and not path.is_absolute():
                path = base_dir / path
            result = ingest([str(path)]) if file != "-" else None
            read[file] = {}
            if result is not None:
                for doc in result.documents:
                    read[file][_relative(doc.path, path, file)] = doc
                if not result.documents:
                    errors.extend(result.errors)
        found = read[file].get(cdoc.path)
        if found is not None:
            if found.sha256 != cdoc.sha256:
                changed.append(cdoc.path)
            documents.append(found)
        elif cdoc.text is not None:
            documents.append(_document_from_text(cdoc))
    documents = _unique(documents)
    base = analyze_documents(documents, case.settings, errors=errors)
    analysis, problems = apply_edits(base, case.edits)
    return OpenedCase(case=case, base=base, analysis=analysis, problems=problems,
                      changed=sorted(set(changed)), errors=errors)


def _relative(doc_path: str, read_as: Path, file: str) -> str:
    """Map a document path as ingested back to the path recorded in the case."""
    return file + doc_path[len(str(read_as)):] if doc_path.startswith(str(read_as)) else doc_path


def _unique(documents: Sequence[Document]) -> list[Document]:
    seen: set[str] = set()
    out = []
    for doc in documents:
        if doc.id not in seen:
            seen.add(doc.id)
            out.append(doc)
    return out


def is_case_path(path: str | Path) -> bool:
    return str(path).endswith(CASE_SUFFIX)
