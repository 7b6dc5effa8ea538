"""A small trained cue classifier for sentences the attribution rules leave as narration.

core/attribution.py proposes candidates in such a sentence: a learned cue word form
(core/data/cues.json) with a subject before it and a content span after (or before) it. Each
candidate is described by a few binary features (the cue form, the word after it, the shape of
the subject, where the content lies, …) and scored by a logistic regression whose weights
(core/data/attribution_model.json) bench/train_attribution.py fits on PolNeAR TRAIN: the label
is whether the candidate's content span is mostly annotated Content. The weights file holds
feature names (generic English word forms and shape tags) and numbers only, no article text.
Scoring is a sum of dictionary look-ups: no numpy, no download, linear in the text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources

import orjson

from core.attribution_lexicon import (
    CUE_FRAMES,
    DETERMINERS,
    JOINT_NAMES,
    PRONOUNS,
    ROLE_NOUNS,
    is_capitalized,
    is_proper_name,
)

# Content openers that tell what kind of complement follows a cue (kept as features).
_CONTENT_OPENERS = frozenset(
    "that to the a an his her their its this he she they it we i for about on whether if how "
    "what why who".split())
_COMPLEMENTS = frozenset("that to about for on of with over whether if how what why".split())


@dataclass(frozen=True)
class CueCandidate:
    """What the classifier sees of one candidate cue in a sentence."""

    form: str  # lowercase cue word form
    prev: str  # the word before the cue, lowercase ("" at the clause start)
    next: str  # the word or punctuation right after the cue, lowercase
    subject: str  # the source phrase found for the cue
    subject_how: str  # how the source was found: adjacent / lead / loose (+ -implausible)
    subject_first: bool  # the source opens the sentence
    before_subject: str  # the word before the source, lowercase ("" at the sentence start)
    after: bool  # the content follows the cue (else it precedes the source)
    content_words: int
    cue_index: int  # words before the cue in the sentence
    quote_in_sentence: bool
    content_first: str = ""  # the content's first word, lowercase, or its first punctuation


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def subject_shape(subject: str) -> str:
    """pronoun / name / role / det / other: the kind of source phrase."""
    words = subject.split()
    if not words:
        return "none"
    first, head = words[0].lower(), words[-1].lower().strip(",.")
    if len(words) == 1 and first in PRONOUNS:
        return "pron-" + first
    if is_proper_name(subject) or JOINT_NAMES.fullmatch(subject):
        return "name1" if len(words) == 1 else "name"
    if head in ROLE_NOUNS or head.rstrip("s") in ROLE_NOUNS:
        return "role-det" if first in DETERMINERS else "role"
    if is_capitalized(words[-1]):
        return "cap"
    return "det" if first in DETERMINERS else "other"


def features(c: CueCandidate) -> list[str]:
    """Binary feature names of one candidate."""
    frame = CUE_FRAMES.get(c.form)
    shape = subject_shape(c.subject)
    nxt = c.next if c.next in _COMPLEMENTS or not c.next.isalpha() else (
        "Cap" if c.next[:1].isupper() else "w")
    direction = "after" if c.after else "before"
    words = c.subject.split()
    head = words[-1].lower().strip(",.") if words else ""
    if head[:1].isupper() or not (head in ROLE_NOUNS or head.rstrip("s") in ROLE_NOUNS or
                                  head in PRONOUNS):
        head = "Cap" if words and is_capitalized(words[-1]) else "other"
    out = [
        "bias",
        f"form={c.form}",
        f"form={c.form}|next={nxt}",
        f"form={c.form}|dir={direction}",
        f"next={nxt}",
        f"prev={c.prev}",
        f"subj={shape}",
        f"subj={shape}|how={c.subject_how}",
        f"how={c.subject_how}",
        f"form={c.form}|how={c.subject_how}",
        f"dir={direction}",
        f"head={head}",
        f"head={head}|form={c.form}",
        f"first={c.subject_first}|how={c.subject_how}",
        f"before_subject={c.before_subject}",
        f"subject_words={_bucket(len(c.subject.split()), (1, 2, 4, 7))}",
        f"dir={direction}|next={nxt}",
        f"len={_bucket(c.content_words, (3, 6, 12, 25))}",
        f"at={_bucket(c.cue_index, (1, 3, 6, 12))}",
        f"quote={c.quote_in_sentence}",
        f"suffix={c.form[-2:]}",
        f"suffix={c.form[-2:]}|next={nxt}",
    ]
    first = c.content_first
    if first and first.isalpha() and first not in _CONTENT_OPENERS:
        first = "w"
    out += [f"cfirst={first}", f"cfirst={first}|dir={direction}"]
    if words and words[-1].lower() in PRONOUNS and len(words) > 1:
        out.append("subject_ends_pronoun")  # "a topic she", "originated in a deposition she"
    if frame is not None:
        out += [
            f"precision={min(9, int(frame.precision * 10))}",
            f"subject_rest={min(9, int(frame.subject_rest * 10))}",
            f"noun={min(4, int(frame.noun * 5))}",
            f"after={min(4, int(frame.after * 5))}|dir={direction}",
        ]
    return out


@dataclass(frozen=True)
class CueModel:
    """Logistic-regression weights over feature names and the decision threshold."""

    weights: dict[str, float]
    threshold: float

    def probability(self, candidate: CueCandidate) -> float:
        """Estimated chance that the candidate's content span is attributed content."""
        z = sum(self.weights.get(name, 0.0) for name in features(candidate))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _load_model() -> CueModel | None:
    path = resources.files("core").joinpath("data", "attribution_model.json")
    if not path.is_file():
        return None
    raw = orjson.loads(path.read_bytes())
    return CueModel(weights={str(k): float(v) for k, v in raw["weights"].items()},
                    threshold=float(raw["threshold"]))


# None when the weights file is absent (bench/train_attribution.py writes it).
CUE_MODEL: CueModel | None = _load_model()
