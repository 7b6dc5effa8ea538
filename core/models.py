"""Every data model of perspecta, in one place (pydantic v2, serialised with orjson).

The pipeline is a chain of functions from these models to these models:
ingest -> segment -> attribute -> perspectives -> group -> compare -> report.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field

ANALYSIS_SCHEMA = "perspecta.analysis/1"


class Model(BaseModel):
    """Base for all models: forbid unknown fields on construction, dump to orjson."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    def to_json(self, *, indent: bool = False) -> bytes:
        option = orjson.OPT_INDENT_2 if indent else 0
        return orjson.dumps(self.model_dump(mode="json"), option=option)


class Span(Model):
    """A half-open character range [start, end) into a document's text."""

    start: int
    end: int


class Document(Model):
    """One source text as read from a file (or stdin)."""

    id: str = Field(description="Stable id: 'd' + first 10 hex of the content hash.")
    path: str = Field(description="Path as given on the command line ('-' for stdin).")
    title: str | None = None
    outlet: str | None = Field(default=None, description="Publisher or site name.")
    author: str | None = None
    published: str | None = Field(default=None, description="Publication date, ISO 8601 when parseable.")
    url: str | None = None
    format: Literal["txt", "md", "html", "json", "stdin"] = "txt"
    text: str = Field(description="The text that every claim offset indexes. For HTML: the extracted main text.")
    sha256: str = Field(description="SHA-256 of `text` (UTF-8).")
    body: list[Span] = Field(
        default_factory=list,
        description="Spans of `text` that hold article content (site furniture, title and "
        "metadata lines excluded). Empty means the whole text is body.",
    )


class Sentence(Model):
    """A sentence of a document's body, with exact offsets."""

    document: str
    start: int
    end: int
    paragraph: int = Field(description="Index of the paragraph (blank-line separated block) in the document.")


class ClaimKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    NARRATION = "narration"


class Claim(Model):
    """Something someone (or the author) asserts, with the exact span in its document."""

    id: str = Field(description="Stable id derived from the document hash and the span.")
    document: str = Field(description="Document id.")
    start: int
    end: int
    text: str = Field(description="document.text[start:end], exactly.")
    kind: ClaimKind
    speaker: str | None = Field(default=None, description="Resolved name or role; null for narration or unknown.")
    speaker_id: str | None = Field(default=None, description="Id of the resolved Speaker.")
    speaker_mention: str | None = Field(default=None, description="The words that named the speaker here ('he', 'Pompeo').")
    speaker_start: int | None = Field(default=None, description="Offset of the speaker mention in the document.")
    speaker_end: int | None = None
    role: str | None = Field(default=None, description="The speaker's role or description when given.")
    anonymous: bool = Field(default=False, description="True when the source is not named ('a senior Iraqi official').")
    via: list[str] = Field(default_factory=list, description="Intermediaries, outermost first (reporter, outlet).")
    cue: str | None = Field(default=None, description="Reporting cue: said, tweeted, notes, according to …")
    hedges: list[str] = Field(default_factory=list, description="Hedge cues found in or around the claim.")
    perspective: str | None = Field(default=None, description="Perspective id or null.")
    group: str | None = Field(default=None, description="Event group id or null.")
    paragraph: int = 0
    note: str | None = Field(default=None, description="The analyst's note on this claim.")


class Speaker(Model):
    """One person or body that speaks, possibly under several names."""

    id: str
    name: str = Field(description="Canonical (longest informative) name or role.")
    aliases: list[str] = Field(default_factory=list, description="Other names seen for this speaker.")
    role: str | None = None
    anonymous: bool = False
    perspective: str | None = None
    perspective_reason: str | None = Field(default=None, description="Why this perspective was chosen (rule and evidence).")
    claims: int = 0


class Perspective(Model):
    """A side of the story: a government, an institution, analysts, the press …"""

    id: str
    label: str
    kind: Literal["government", "institution", "analyst", "press", "author", "other"] = "other"
    speakers: list[str] = Field(default_factory=list, description="Speaker ids mapped to this perspective.")


class MatchedTerm(Model):
    """One term pair that contributed to a link's score."""

    a: str
    b: str
    weight: float = Field(description="Contribution to the link score.")
    context: bool = Field(default=False, description=(
        "True when at least one of the two claims does not write the term itself but inherits "
        "it from its article (its names and places)."))


class Link(Model):
    """A scored pair of claims with the terms that made it."""

    a: str
    b: str
    score: float
    terms: list[MatchedTerm] = Field(default_factory=list)
    tier: Literal["merge", "suggest"] = "merge"


class Group(Model):
    """Claims about the same event, across sources."""

    id: str
    label: str
    claims: list[str] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list, description="Links that hold the group together.")
    suggestions: list[Link] = Field(default_factory=list, description="'Maybe the same event': never merged silently.")
    terms: list[str] = Field(default_factory=list, description="Most salient shared terms.")
    note: str | None = Field(default=None, description="The analyst's note on this group.")
    curated: bool = Field(default=False, description="True when an analyst edit changed this group.")


class InputError(Model):
    """An input that could not be read or parsed."""

    path: str
    reason: str
    kind: Literal["error", "skipped"] = Field(
        default="error",
        description="'skipped': left out on purpose (unsupported file in a folder, duplicate), not a failure.",
    )


class Settings(Model):
    """Every number the product reports, with its name."""

    merge_threshold: float = 0.04
    suggest_threshold: float = 0.03
    extra: dict[str, Any] = Field(default_factory=dict)


class AppliedEdit(Model):
    """One edit of the analyst's case log, applied to this analysis, in plain words: reports
    list these so that a reader can tell the analyst's judgement from the machine's output."""

    index: int = Field(description="Position of the edit in the case's edit log (0-based).")
    op: str = Field(description="The edit's kind: move_claim, set_speaker, not_a_claim, …")
    description: str = Field(description="What the edit did, in plain words.")
    claims: list[str] = Field(
        default_factory=list,
        description="Claims the edit changed (moved, given a speaker or perspective, removed, noted).")
    events: list[str] = Field(
        default_factory=list,
        description="A claim of each event the edit changed (renamed, merged, moved into or out of).")


class Analysis(Model):
    """The full result: the contract of `perspecta analyze --format json`."""

    schema_: str = Field(default=ANALYSIS_SCHEMA, alias="schema")
    title: str | None = None
    documents: list[Document] = Field(default_factory=list)
    perspectives: list[Perspective] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    errors: list[InputError] = Field(default_factory=list)
    edits: list[AppliedEdit] = Field(
        default_factory=list,
        description="The analyst's edits applied on top of the machine's analysis, in order "
                    "(empty: everything is the machine's output).")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self, *, indent: bool = False) -> bytes:
        option = orjson.OPT_INDENT_2 if indent else 0
        return orjson.dumps(self.model_dump(mode="json", by_alias=True), option=option)

    @classmethod
    def from_json(cls, data: bytes | str) -> Analysis:
        return cls.model_validate(orjson.loads(data))
