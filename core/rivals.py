"""Rival accounts: two claims whose speakers stand for different perspectives.

Grouping suggests the events of such a pair even below the suggestion threshold when the pair
itself reached auto-merge strength (core.grouping_small.assemble_groups); the comparison marks
those suggestions 'rival accounts' (core.compare). Both read the rule from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from core.disjoint import DisjointSets
from core.models import Claim
from core.tokens import MONTHS, TOKEN_RE, WEEKDAYS, Tokenizer

# A rival pair kept apart by average linkage is suggested when it shares this many words
# (one shared word, 'friends', is too thin).
RIVAL_MIN_TERMS = 2


def claim_side(claim: Claim) -> str | None:
    """The side a claim speaks for: its speaker's perspective (narration, unknown: none)."""
    return claim.perspective if claim.speaker else None


def rival_sides(a: str | None, b: str | None) -> bool:
    """Two known sides that differ."""
    return a is not None and b is not None and a != b


# Rebuttals: a claim that denies what another side asserts ('the decision … appeared political &
# not driven by any credible threat from Iran' against 'threats … from the Government of Iran …
# have increased') is about the event of the claim it denies. Average linkage can keep the two
# apart (the denial also names the closure, so it sits with the closure's other claims); the
# grouping then moves the denial into the group of the claim it answers (see attach_rebuttals).
# A negation cue scopes the next few content words of its clause.
NEGATION_SCOPE = 4
# Words that say when or what someone thinks, not what happened: a denial of these is no
# denial of the event ('he would not run in the June election' / 'an election set for June';
# 'he does not think Congress would…' / 'I think Congress should…'). Numbers neither.
_NOT_DENIED_WORDS = (
    "today yesterday tomorrow tonight week weekend month year time last next earlier later "
    "morning afternoon evening night think know believe see want expect imagine seem sure idea "
    + " ".join(MONTHS | WEEKDAYS)
).split()
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\u2013\u2014\"“”]|\s-\s|\bbut\b|\bwhile\b|\bwhereas\b",
                           re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Stance:
    """A claim's content terms and those a negation cue in its own text scopes."""

    terms: frozenset[str]
    negated: frozenset[str]


def stance(text: str, tokenizer: Tokenizer) -> Stance:
    """The terms of `text` and the ones it negates ('not driven by any credible threat' negates
    drive, credible, threat; 'Iran denied involvement' negates involvement)."""
    terms: set[str] = set()
    negated: set[str] = set()
    for clause in _CLAUSE_BREAK.split(text):
        scope = 0
        for raw in TOKEN_RE.findall(clause):
            info = tokenizer.info(raw)
            if info.negation:
                scope = NEGATION_SCOPE
                continue
            if info.term is None:
                continue
            terms.add(info.term)
            if scope > 0:
                scope -= 1
                if not info.number and info.term not in _not_denied():
                    negated.add(info.term)
    return Stance(frozenset(terms), frozenset(negated))


@cache
def _not_denied() -> frozenset[str | None]:
    """_NOT_DENIED_WORDS as terms (stemmed: 'knowing' is 'know')."""
    tokenizer = Tokenizer()
    return frozenset(tokenizer.info(word).term for word in _NOT_DENIED_WORDS)


def rebuts(a: Stance, b: Stance) -> bool:
    """Whether claim a denies something claim b asserts: at least RIVAL_MIN_TERMS content terms
    b states plainly (not under a negation of its own) are under a negation in a ('not driven
    by any credible threat from Iran' against 'threats … from the Government of Iran': threat,
    Iran). One shared word is too thin: 'it will not be at proxies' does not deny 'his proxies
    will be encouraged'."""
    return len(a.negated & (b.terms - b.negated)) >= RIVAL_MIN_TERMS


def attach_rebuttals(
    labels: Sequence[int],
    pairs: Iterable[tuple[int, int, float]],
    sides: Sequence[str | None],
    stances: Sequence[Stance] | Callable[[int], Stance],
    merge_threshold: float,
) -> list[int]:
    """Group labels with each rebuttal moved into the group of the claim it denies.

    A pair qualifies when the scorer alone would merge it (score ≥ `merge_threshold`), its
    speakers stand for different perspectives, the two sit in different groups and exactly one
    of them denies a term the other asserts. Strongest pairs first; a claim moves at most once,
    and a claim that others joined does not move afterwards (no chains, no swaps). `stances`:
    per claim, or a function giving a claim's stance (read only for the few pairs that qualify
    by score and sides)."""
    stance_of = stances if callable(stances) else stances.__getitem__
    out = list(labels)
    moved: set[int] = set()
    anchors: set[int] = set()
    strong = sorted((p for p in pairs if p[2] >= merge_threshold), key=lambda p: -p[2])
    for i, j, _score in strong:
        if out[i] == out[j] or not rival_sides(sides[i], sides[j]):
            continue
        a_denies = rebuts(stance_of(i), stance_of(j))
        b_denies = rebuts(stance_of(j), stance_of(i))
        if a_denies == b_denies:
            continue
        mover, target = (i, j) if a_denies else (j, i)
        if mover in moved or mover in anchors:
            continue
        out[mover] = out[target]
        moved.add(mover)
        anchors.add(target)
    if moved:
        _split_unlinked(out, {labels[m] for m in moved}, strong)
    return out


def _split_unlinked(labels: list[int], left: set[int], strong: Sequence[tuple[int, int, float]]
                    ) -> None:
    """Split each group a denial left (`left`) into the parts its auto-merge links still
    connect: a group held together only through the claim that moved would otherwise show
    claims with no link between them. New groups get fresh labels (in place)."""
    members: dict[int, list[int]] = {}
    for k, label in enumerate(labels):
        if label in left:
            members.setdefault(label, []).append(k)
    sets = DisjointSets()
    for i, j, _score in strong:
        if labels[i] in left and labels[i] == labels[j]:
            sets.union(i, j)
    fresh = max(labels) + 1
    for group in members.values():
        roots: dict[int, int] = {}
        for k in group:
            root = sets.find(k)
            if not roots:
                roots[root] = labels[k]
            elif root not in roots:
                roots[root] = fresh
                fresh += 1
            labels[k] = roots[root]
