"""The user's perspective registry (``--perspectives FILE``): labels with aliases.

Kept apart from core.perspectives so the TUI can read a registry file at start-up without
importing the whole perspective mapping (its regular expressions and gazetteer use).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.gazetteer import slugify
from core.jsonfile import JsonFileError, read_json_file

PerspectiveKind = Literal["government", "institution", "analyst", "press", "author", "other"]



class RegistryPerspective(BaseModel):
    """One user-defined perspective: a label and the names that belong to it."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, description="Perspective id; slug of the label when absent.")
    label: str
    aliases: list[str] = Field(default_factory=list)
    kind: PerspectiveKind = "other"

    def resolved_id(self) -> str:
        return self.id or slugify(self.label) or "user"


class PerspectiveRegistry(BaseModel):
    """User overrides: perspective labels with aliases, fuzzy-matched against speakers."""

    model_config = ConfigDict(extra="forbid")

    perspectives: list[RegistryPerspective] = Field(default_factory=list)
    threshold: float = Field(default=88.0, description="Minimum rapidfuzz ratio (0-100) for an alias match.")


class RegistryError(ValueError):
    """A registry file that cannot be read or does not fit the schema."""


def load_registry(path: str | Path) -> PerspectiveRegistry:
    """Read a registry JSON file: {"perspectives": [{"id"?, "label", "aliases": [...], "kind"?}]}.

    Raises RegistryError with a one-line reason when the file is unreadable or invalid."""
    p = Path(path)
    try:
        data = read_json_file(p)
    except JsonFileError as exc:
        raise RegistryError(f"{p}: {exc}") from exc
    try:
        return PerspectiveRegistry.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise RegistryError(f"{p}: {where}: {first['msg']}") from exc
