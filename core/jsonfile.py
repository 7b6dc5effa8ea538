"""Read a small JSON file the user names (a registry, a metadata sidecar) with a one-line reason
when it cannot be read or parsed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson


class JsonFileError(ValueError):
    """The file cannot be read or is not JSON; str() is the reason, without the file name."""


def read_json_file(path: Path) -> Any:
    """The parsed content of `path`; JsonFileError('cannot read: …' / 'not valid JSON: …')."""
    try:
        return orjson.loads(path.read_bytes())
    except OSError as exc:
        raise JsonFileError(f"cannot read: {exc.strerror or exc}") from exc
    except orjson.JSONDecodeError as exc:
        raise JsonFileError(f"not valid JSON: {exc}") from exc
