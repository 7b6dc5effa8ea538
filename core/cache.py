"""A disk cache of analyses, so that reopening unchanged inputs skips the pipeline.

The key is a SHA-256 over everything the result depends on: the cache format, the code and data
of perspecta (every file under core/), the Python version and the installed packages (their
dist-info names carry the versions), the settings and perspective registry, and each input as
given, resolved, and read (every regular file under a folder, by relative path and content
hash). Anything that cannot be read, stdin, or inputs above the size limits: no caching.

Entries live in $PERSPECTA_CACHE_DIR, else $XDG_CACHE_HOME/perspecta, else ~/.cache/perspecta;
PERSPECTA_NO_CACHE=1 turns the cache off. Writes are atomic; an entry that cannot be read or
validated is removed and the inputs are analysed again. Only the TUI uses it (`perspecta
analyze` always runs the pipeline).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pydantic
from pydantic import BaseModel

from core.atomic import write_bytes_atomic
from core.models import Analysis, Settings

CACHE_FORMAT = b"perspecta.analysis-cache/1"
CORE_DIR = Path(__file__).resolve().parent
# Inputs above these limits are not cached: hashing them is cheap next to analysing them, but
# entries that size would fill the user's cache folder.
MAX_INPUT_BYTES = 5_000_000
MAX_INPUT_FILES = 2_000
# The most recently written entries are kept, up to this many and this many bytes in all.
MAX_ENTRIES = 20
MAX_CACHE_BYTES = 100_000_000
_code_fingerprint: bytes | None = None


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    if os.environ.get("PERSPECTA_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("PERSPECTA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "perspecta"


def code_fingerprint() -> bytes:
    """A hash of perspecta's code and data (core/) and of the installed package versions."""
    global _code_fingerprint
    if _code_fingerprint is None:
        digest = hashlib.sha256(CACHE_FORMAT)
        digest.update(sys.version.encode())
        for path in sorted(CORE_DIR.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(CORE_DIR)).encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        site = Path(pydantic.__file__).resolve().parent.parent
        with contextlib.suppress(OSError):
            digest.update("\0".join(sorted(n for n in os.listdir(site)
                                           if n.endswith(".dist-info"))).encode())
        _code_fingerprint = digest.digest()
    return _code_fingerprint


_CASE_SUFFIX = ".perspecta.json"  # core.case.CASE_SUFFIX (not imported: a light start)


def _input_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise OSError(f"{path}: not a file or folder")
    files: list[Path] = []
    for root, dirs, names in os.walk(path):
        # the files ingest reads: no hidden files or folders, no case file of a session (its
        # edits would change the key at every save)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or _CASE_SUFFIX in name.lower():
                continue
            files.append(Path(root) / name)
            if len(files) > MAX_INPUT_FILES:
                raise OSError("too many files to cache")
    return files


def cache_key(paths: Sequence[str], settings: Settings | None = None,
              registry: BaseModel | None = None) -> str | None:
    """The key of an analysis of `paths` with these settings, or None when it cannot be cached."""
    try:
        digest = hashlib.sha256(code_fingerprint())
        digest.update((settings or Settings()).model_dump_json().encode() + b"\0")
        digest.update((registry.model_dump_json() if registry is not None else "").encode())
        total = 0
        for given in paths:
            if given == "-":
                return None
            path = Path(given)
            digest.update(b"\0input\0" + given.encode() + b"\0" + str(path.resolve()).encode())
            for file in _input_files(path):
                if not file.is_file():  # sockets, fifos, dangling links: analysed each time
                    return None
                data = file.read_bytes()
                total += len(data)
                if total > MAX_INPUT_BYTES:
                    return None
                digest.update(b"\0" + str(file.relative_to(path) if file != path else "")
                              .encode() + b"\0" + hashlib.sha256(data).digest())
        return digest.hexdigest()
    except (OSError, ValueError):
        return None


def load(key: str | None) -> Analysis | None:
    """The cached analysis for `key`, or None (a corrupt entry is removed)."""
    folder = cache_dir()
    if key is None or folder is None:
        return None
    entry = folder / f"{key}.json"
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    try:
        return Analysis.from_json(data)
    except (ValueError, pydantic.ValidationError):  # orjson.JSONDecodeError is a ValueError
        with contextlib.suppress(OSError):
            entry.unlink()
        return None


def store(key: str | None, analysis: Analysis) -> bool:
    """Save the analysis under `key` (atomically); False when it could not be written."""
    folder = cache_dir()
    if key is None or folder is None:
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(folder / f"{key}.json", analysis.to_json())
        _prune(folder)
    except OSError:
        return False
    return True


def _prune(folder: Path) -> None:
    """Keep the most recently written entries: MAX_ENTRIES, MAX_CACHE_BYTES in all."""
    entries = []
    for entry in folder.glob("*.json"):
        with contextlib.suppress(OSError):
            info = entry.stat()
            entries.append((info.st_mtime_ns, info.st_size, entry))
    kept = total = 0
    for _, size, entry in sorted(entries, reverse=True):
        kept, total = kept + 1, total + size
        if kept > MAX_ENTRIES or (kept > 1 and total > MAX_CACHE_BYTES):
            with contextlib.suppress(OSError):
                entry.unlink()
