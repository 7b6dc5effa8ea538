"""Atomic writes: a failed write never replaces saved work."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes | Iterable[bytes], *, backup: bool = False) -> None:
    """Write to a temp file in the same folder, fsync, then rename over `path`.

    `data` may be an iterable of chunks, so a large output never has to exist in memory as one
    piece. With `backup`, the previous version is kept as `path.bak` (hard link, so the
    old file is never missing at any moment)."""
    path = Path(path)
    chunks = [data] if isinstance(data, bytes | bytearray | memoryview) else data
    if path.exists() and not path.is_file():
        # a device or pipe (/dev/null, /dev/stdout, a FIFO): write through, never replace it
        with open(path, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
        return
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes 0600 files; give the new file the old one's mode, or the umask default.
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and path.exists():
            bak = path.with_name(path.name + ".bak")
            with contextlib.suppress(FileNotFoundError):
                os.unlink(bak)
            os.link(path, bak)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
