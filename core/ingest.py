"""Ingest: files, folders and stdin in; Documents (and one entry per bad or skipped input) out.

Inputs
- Files: .txt, .md/.markdown, .html/.htm and .json (one article object, or a list of them, with
  the fields title, text, outlet, url, published, author; a list item's path is "FILE.json#I";
  a "paragraphs" list (BASIL's "body-paragraphs") stands in for "text", joined by blank lines).
  A file named explicitly with another extension is read as text if it decodes (HTML if it
  looks like HTML); inside folders such files are skipped.
- Folders: walked recursively in sorted order; hidden files and folders (".name") are ignored,
  symlinked folders are followed once (loops cannot hang).
- "-": stdin, read as text or, if it looks like HTML, as HTML.

Text and offsets
- Bytes are decoded by core.ingest_decode (UTF-8, UTF-16/32 with BOM, legacy encodings via
  charset-normalizer); the BOM is dropped and newlines are NOT translated: Document.text is the
  decoded text exactly, so every offset (body spans, claims) indexes the text as read.
- For HTML, Document.text is the main text extracted by trafilatura (paragraphs separated by a
  blank line), not the markup.
- Document.body holds the spans of article content: front matter, the title line and page
  furniture (core.furniture) are left out.

Metadata: JSON fields, HTML metadata, a sidecar NAME.meta.json beside a file, and `---` front
matter (sidecar wins), then what the text itself shows (title line, byline, dateline).

perspecta's own files are not articles: a case file (`NAME.perspecta.json`, or JSON with
"schema": "perspecta.case") and the reports perspecta exports (Markdown: a "Generated … by
perspecta · …" line at the top; HTML: `<meta name="generator" content="perspecta">`; JSON:
"schema": "perspecta.analysis/1"; CSV: perspecta's header row). Met while walking a folder
(a session saved its case there, a report was exported into it) they are skipped with a note;
named explicitly (or piped) they fail with a one-line reason. CSV is never read from a folder
anyway (not a supported type); named explicitly it would be read as text, so its header is
checked too.

Errors: every input that fails gives one InputError (kind "error") whose reason is one line;
inputs left out on purpose (unsupported file in a folder, duplicate text, perspecta's own
files in a folder) give kind "skipped". Other inputs are always still read.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Literal

import orjson
from pydantic import BaseModel, Field

from core.furniture import find_body
from core.ingest_decode import NotTextError, decode_text
from core.ingest_html import NoArticleTextError, extract_html, looks_like_html
from core.ingest_meta import (
    ArticleMeta,
    SidecarError,
    is_sidecar,
    meta_from_mapping,
    parse_front_matter,
    read_sidecar,
    sidecar_paths,
)
from core.models import Document, InputError

Format = Literal["txt", "md", "html", "json", "stdin"]

FORMAT_BY_SUFFIX: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
STDIN = "-"
_JSON_TEXT_KEYS = ("text", "content", "body")
_JSON_PARAGRAPH_KEYS = ("paragraphs", "body-paragraphs", "body_paragraphs")
_HASH_CHUNK = 1 << 20

# perspecta's own files (core.case.CASE_SUFFIX / CASE_SCHEMA, core.models.ANALYSIS_SCHEMA, the
# first line of core/report_markdown.py and the head of core/report_html.py; the CSV header is
# core.report_csv.COLUMNS — not imported: the reports import the whole comparison).
CASE_SUFFIX = ".perspecta.json"
_CASE_SCHEMA = "perspecta.case"
_ANALYSIS_SCHEMA = "perspecta.analysis/1"
_MARKDOWN_REPORT = re.compile(
    r"^Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2}(?: UTC)? by perspecta · ", re.MULTILINE)
_HTML_REPORT = re.compile(
    r"<meta\s+name=[\"']?generator[\"']?\s+content=[\"']?perspecta\b", re.IGNORECASE)
_CSV_HEADER = "document,document_id,outlet,date,speaker,role,anonymous,via,perspective,"
# Where the markers sit: the top of the file (a long title can push them down a little).
_MARKER_WINDOW = 16_384


class IngestResult(BaseModel):
    """Documents read, and one InputError per input that failed or was skipped."""

    documents: list[Document] = Field(default_factory=list)
    errors: list[InputError] = Field(
        default_factory=list, description="Failures (kind 'error') and skipped inputs (kind 'skipped')."
    )

    @property
    def failed(self) -> list[InputError]:
        """Inputs that could not be read."""
        return [e for e in self.errors if e.kind == "error"]

    @property
    def skipped(self) -> list[InputError]:
        """Inputs left out on purpose (unsupported type, duplicate)."""
        return [e for e in self.errors if e.kind == "skipped"]


class _InputProblem(Exception):
    """One input cannot become a document; the message is the user-facing reason."""


class _OwnFile(_InputProblem):
    """The input is a file perspecta wrote (a case file or a report), not an article; the
    message says which, e.g. 'a perspecta case file'."""


def perspecta_file_kind(text: str) -> str | None:
    """What perspecta file `text` is ('a perspecta case file', 'a Markdown report exported by
    perspecta' …), judged by the markers perspecta writes at its top; None for anything else."""
    head = text[:_MARKER_WINDOW]
    if head.startswith(_CSV_HEADER):
        return "a CSV export of perspecta"
    if _HTML_REPORT.search(head):
        return "an HTML report exported by perspecta"
    if _MARKDOWN_REPORT.search(head):
        return "a Markdown report exported by perspecta"
    return None


def _json_kind(data: Any) -> str | None:
    """'a perspecta case file' / 'an analysis JSON exported by perspecta' for perspecta's own
    JSON, else None."""
    if isinstance(data, dict):
        if data.get("schema") == _CASE_SCHEMA:
            return "a perspecta case file"
        if data.get("schema") == _ANALYSIS_SCHEMA:
            return "an analysis JSON exported by perspecta"
    return None


# Ingest's share of the whole analysis on a progress bar (the pipeline's steps follow).
INGEST_PROGRESS_SHARE = 0.1


def ingest(
    paths: Sequence[str],
    stdin: BinaryIO | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> IngestResult:
    """Read every path (file, folder or '-' for stdin) into Documents, in the order given.

    Never raises for a bad input: it becomes an entry of `errors` and the rest is still read.
    `progress(stage, fraction)` is told how far the reading is (fraction 0 to
    INGEST_PROGRESS_SHARE), at most once per 0.5 % of the whole bar.
    """
    reader = _Reader(stdin, progress)
    for k, path in enumerate(paths):
        reader.span = (k / len(paths), (k + 1) / len(paths))
        reader.read_argument(path)
        reader.report(1.0)
    return reader.result


def document_from_saved_text(name: str, text: str, title: str | None = None) -> Document | None:
    """A document rebuilt from the text a case file keeps (piped text cannot be read again),
    the way `ingest` read it the first time: front matter, title line, byline and page
    furniture are found in the text again, so a title line is no claim on reopening either.

    `name` is the document's path ('-' for stdin; a file's suffix gives its type). `title` is
    the title it had: when the text alone gives another (it came from an HTML page's <title>, a
    JSON field or a sidecar), the document is read again with that title known. None when the
    text holds no article (empty, only page furniture)."""
    piped = name == STDIN or name.startswith(STDIN + "#")
    head, sep, tail = name.rpartition("#")
    file = head if sep and tail.isdigit() else name
    fmt: Format = "stdin" if piped else FORMAT_BY_SUFFIX.get(Path(file).suffix.lower(), "txt")

    def read(known: ArticleMeta, as_fmt: Format) -> Document | None:
        reader = _Reader(None)
        try:
            if as_fmt in ("html", "json"):  # their text is the article's: no front matter
                reader.add_document(name, text, as_fmt, known, 0)
            else:
                reader.add_plain(name, text, as_fmt, known)
        except _InputProblem:
            return None
        return reader.result.documents[0] if reader.result.documents else None

    doc = read(ArticleMeta(title=title) if fmt in ("html", "json") else ArticleMeta(), fmt)
    if doc is not None and title and doc.title != title:
        # Piped HTML: its title came from the page's metadata, not from the extracted text.
        doc = read(ArticleMeta(title=title), "html" if piped else fmt) or doc
    return doc


class _Reader:
    def __init__(self, stdin: BinaryIO | None,
                 progress: Callable[[str, float], None] | None = None) -> None:
        self.stdin = stdin
        self.result = IngestResult()
        self.seen: dict[str, str] = {}  # sha256 -> path of the first document with that text
        self.progress = progress
        self.span = (0.0, 1.0)  # the share of the reading that the current argument takes
        self.shown = -1.0
        self.own_skipped = 0  # perspecta's own files skipped in folders (case files, reports)

    def report(self, fraction: float) -> None:
        """Tell `progress` how far the current argument is read (0..1)."""
        if self.progress is None:
            return
        low, high = self.span
        value = INGEST_PROGRESS_SHARE * (low + (high - low) * fraction)
        if value - self.shown >= 0.005 * INGEST_PROGRESS_SHARE or fraction >= 1.0:
            self.shown = value
            self.progress("reading inputs", value)

    def error(self, path: str, reason: str, kind: Literal["error", "skipped"] = "error") -> None:
        self.result.errors.append(InputError(path=path, reason=" ".join(reason.split()), kind=kind))

    def read_argument(self, arg: str) -> None:
        if arg == STDIN:
            self.read_stdin()
            return
        path = Path(arg)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as exc:
            self.error(arg, _os_reason(exc))
            return
        if not exists:
            self.error(arg, "not found")
        elif is_dir:
            self.read_folder(path)
        else:
            self.read_file(path, FORMAT_BY_SUFFIX.get(path.suffix.lower()))

    def read_stdin(self) -> None:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        try:
            data = stream.read()
        except OSError as exc:
            self.error(STDIN, _os_reason(exc))
            return
        try:
            text = _decode(data)
            del data
            own = perspecta_file_kind(text)
            if own is not None:
                raise _OwnFile(own)
            if looks_like_html(text):
                self.add_html(STDIN, text, ArticleMeta())
            else:
                self.add_plain(STDIN, text, "stdin", ArticleMeta())
        except _OwnFile as exc:
            self.error(STDIN, f"{exc}, not an article")
        except _InputProblem as exc:
            self.error(STDIN, str(exc))

    def read_folder(self, root: Path) -> None:
        files = self.walk(root)
        articles = [f for f in files if f.suffix.lower() in FORMAT_BY_SUFFIX and not is_sidecar(f)]
        used_sidecars = {side for f in articles for side in sidecar_paths(f)}
        own_before = self.own_skipped
        for k, file in enumerate(files):
            self.report(k / len(files))
            if file in used_sidecars:
                continue
            if is_sidecar(file):
                self.error(str(file), "skipped: metadata sidecar with no matching article", "skipped")
                continue
            if file.name.lower().endswith(CASE_SUFFIX):
                # An earlier session's case saved in the folder: not an article, not a failure.
                self.error(str(file), f"skipped: {file.name} is a perspecta case file (to "
                           f"open it: perspecta open {file})", "skipped")
                self.own_skipped += 1
                continue
            if CASE_SUFFIX + "." in file.name.lower():  # .bak, .corrupt, .replaced
                self.error(str(file), f"skipped: {file.name} is a copy of a perspecta case "
                           "file kept aside", "skipped")
                continue
            fmt = FORMAT_BY_SUFFIX.get(file.suffix.lower())
            if fmt is None:
                suffix = file.suffix.lower() or "no extension"
                self.error(str(file), f"skipped: not a supported text file ({suffix})", "skipped")
                continue
            try:
                regular = stat.S_ISREG(file.stat().st_mode)
            except OSError as exc:
                self.error(str(file), _os_reason(exc))
                continue
            if not regular:
                # A FIFO or device inside a folder could block the read forever.
                self.error(str(file), "skipped: not a regular file", "skipped")
                continue
            self.read_file(file, fmt, in_folder=True)
        if not articles:
            self.error(str(root), "folder holds no .txt, .md, .html or .json files")
        elif self.own_skipped - own_before == len(articles):
            self.error(str(root), "folder holds no articles, only files perspecta wrote "
                       "(case files, reports)")

    def walk(self, root: Path) -> list[Path]:
        """Files under `root`, sorted by path; each real folder is entered once."""
        found: list[Path] = []
        visited: set[str] = set()

        def unreadable(exc: OSError) -> None:
            self.error(str(exc.filename or root), _os_reason(exc, "cannot read folder"))

        for folder, subfolders, names in os.walk(root, onerror=unreadable, followlinks=True):
            real = os.path.realpath(folder)
            if real in visited:
                subfolders[:] = []
                continue
            visited.add(real)
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            found.extend(Path(folder, name) for name in names if not name.startswith("."))
        return sorted(found, key=lambda f: f.relative_to(root).parts)

    def read_file(self, path: Path, fmt: Format | None, in_folder: bool = False) -> None:
        """Read one file; `in_folder`: met while walking a folder (perspecta's own files are
        then skipped, not failed)."""
        name = str(path)
        try:
            data = _read_bytes(path)
            text = _decode(data)
            del data
            own = perspecta_file_kind(text)
            if own is not None:
                raise _OwnFile(own)
            if fmt == "json":
                self.add_json(name, text)
                return
            meta = self.sidecar(path)
            if fmt == "html" or (fmt is None and looks_like_html(text)):
                self.add_html(name, text, meta)
            else:
                self.add_plain(name, text, fmt or "txt", meta)
        except _OwnFile as exc:
            if in_folder:
                self.error(name, f"skipped: {path.name} is {exc}, not an article", "skipped")
                self.own_skipped += 1
            elif str(exc) == "a perspecta case file":
                hint = (f"to open it: perspecta open {name}" if name.endswith(CASE_SUFFIX)
                        else f"perspecta opens a case file named NAME{CASE_SUFFIX}")
                self.error(name, f"a perspecta case file, not an article ({hint})")
            else:
                self.error(name, f"{exc}, not an article")
        except _InputProblem as exc:
            self.error(name, str(exc))

    def sidecar(self, path: Path) -> ArticleMeta:
        try:
            return read_sidecar(path)
        except SidecarError as exc:
            # The article itself is fine: report the sidecar and read the article without it.
            self.error(str(path), str(exc))
            return ArticleMeta()

    def add_plain(self, name: str, text: str, fmt: Format, meta: ArticleMeta) -> None:
        front, body_start = parse_front_matter(text)
        self.add_document(name, text, fmt, meta.merged_over(front), body_start)

    def add_html(self, name: str, html: str, meta: ArticleMeta) -> None:
        _require_content(html)
        try:
            text, page_meta = extract_html(html)
        except NoArticleTextError as exc:
            raise _InputProblem(str(exc)) from exc
        self.add_document(name, text, "html", meta.merged_over(page_meta), 0)

    def add_json(self, name: str, text: str) -> None:
        _require_content(text)
        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            raise _InputProblem(f"invalid JSON: {exc}") from exc
        own = _json_kind(data)
        if own is not None:
            raise _OwnFile(own)
        if isinstance(data, dict):
            items: list[tuple[str, Any]] = [(name, data)]
        elif isinstance(data, list):
            if not data:
                raise _InputProblem("JSON list holds no articles")
            items = [(f"{name}#{i}", item) for i, item in enumerate(data)]
        else:
            raise _InputProblem("JSON must be an article object or a list of them")
        for item_name, item in items:
            try:
                self.add_json_article(item_name, item)
            except _InputProblem as exc:
                self.error(item_name, str(exc))

    def add_json_article(self, name: str, item: Any) -> None:
        if not isinstance(item, dict):
            raise _InputProblem("not an article object (expected {\"text\": …, \"title\": …})")
        text = next((item[k] for k in _JSON_TEXT_KEYS if isinstance(item.get(k), str)), None)
        if text is None:
            text = _joined_paragraphs(item)
        if text is None:
            raise _InputProblem("article has no 'text' string")
        self.add_document(name, text, "json", meta_from_mapping(item), 0)

    def add_document(self, name: str, text: str, fmt: Format, meta: ArticleMeta, body_start: int) -> None:
        _require_content(text[body_start:])
        digest = _sha256(text)
        first = self.seen.get(digest)
        if first is not None:
            self.error(name, f"skipped: duplicate of {first}", "skipped")
            return
        layout = find_body(text, body_start, known_title=meta.title)
        if not layout.body:
            raise _InputProblem("no article text (only page furniture)")
        self.seen[digest] = name
        self.result.documents.append(
            Document(
                id="d" + digest[:10],
                path=name,
                title=meta.title or layout.title,
                outlet=meta.outlet,
                author=meta.author or layout.author,
                published=meta.published or layout.published,
                url=meta.url,
                format=fmt,
                text=text,
                sha256=digest,
                body=layout.body,
            )
        )


def _joined_paragraphs(item: dict[str, Any]) -> str | None:
    """Text of an article given as a list of paragraphs (each a string or a list of sentences),
    as in BASIL: paragraphs joined by a blank line, sentences by a space."""
    for key in _JSON_PARAGRAPH_KEYS:
        paragraphs = item.get(key)
        if not isinstance(paragraphs, list):
            continue
        parts: list[str] = []
        for paragraph in paragraphs:
            if isinstance(paragraph, str):
                parts.append(paragraph.strip())
            elif isinstance(paragraph, list) and all(isinstance(s, str) for s in paragraph):
                parts.append(" ".join(s.strip() for s in paragraph))
            else:
                return None
        return "\n\n".join(p for p in parts if p)
    return None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _InputProblem(_os_reason(exc)) from exc


def _decode(data: bytes) -> str:
    try:
        return decode_text(data)
    except NotTextError as exc:
        raise _InputProblem(str(exc)) from exc


def _require_content(text: str) -> None:
    # isspace() rather than strip(): no copy of a large text.
    if not text or text.isspace():
        raise _InputProblem("empty")


def _os_reason(exc: OSError, failure: str = "cannot read") -> str:
    """One line saying why the OS refused, e.g. 'cannot read: permission denied'."""
    if isinstance(exc, FileNotFoundError):
        return "not found"
    if isinstance(exc, PermissionError):
        return f"{failure}: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    return f"{failure}: {(exc.strerror or str(exc)).lower()}"


def _sha256(text: str) -> str:
    """SHA-256 of the UTF-8 text, encoded a chunk at a time to spare memory on large inputs."""
    digest = hashlib.sha256()
    for i in range(0, len(text), _HASH_CHUNK):
        digest.update(text[i:i + _HASH_CHUNK].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
