"""Pure-Python pieces shared by both grouping paths (numpy for large inputs, plain Python for a
case of a few articles): the similarity knobs, the vocabulary, spelling variants of names, the
swapped-roles check and the explanation record. Nothing here imports numpy or scipy, so
`perspecta analyze` on a small case starts fast."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import orjson
from rapidfuzz.distance import JaroWinkler

from core.tokens import MONTHS, STOP_WORDS, TOKEN_RE, WEEKDAYS, Tokenizer, variant_key

NONE_ID = -1
NEGATION_ID = -2


class Lookup(Protocol):
    """Anything indexable by a term id: a list or a numpy array."""

    def __getitem__(self, key: int, /) -> Any: ...


@dataclass(frozen=True)
class SimilarityParams:
    """The knobs of the similarity (the two thresholds live in Settings)."""

    # Article factor: min(1, cos(article a, article b) / context_floor) ** context_power;
    # articles at least `context_floor` alike (one story) cost nothing. 0 disables it.
    context_floor: float = 0.35
    context_power: float = 2.0
    # In an article's vector, names (terms never written in lower case) and numbers weigh this
    # many times their IDF weight: two articles of one topic share its vocabulary whatever their
    # event, but who, where and how many tell the events apart (ECB+ topics 1-22: 0.870 -> 0.921
    # with 3 and 5, context_floor 0.35).
    context_name_boost: float = 3.0
    context_number_boost: float = 5.0
    # Claims inherit their article's entities: a claim's vector adds its article's
    # `inherit_terms` heaviest terms at `inherit_weight` × the article vector (then L2-normalised
    # again). The guards and labels still read the claim's own terms. 0 disables it (ECB+ topics
    # 1-22: 0.921 -> 0.936 at 0.2 and 10).
    inherit_weight: float = 0.2
    inherit_terms: int = 10
    claim_relief: float = 0.0
    # Sentences of one article share its vocabulary whatever their event: they need more overlap.
    same_document_factor: float = 0.5
    number_penalty: float = 0.6
    negation_penalty: float = 0.5
    swap_penalty: float = 0.5
    # Both claims date their event ('September 22', 'early September') and no date can match.
    date_penalty: float = 0.5
    # Both claims place their event ('in Wellington' / 'in Surrey') and share no place.
    place_penalty: float = 0.5
    variant_min_jw: float = 0.88
    # Guards that need near-identical claims start at this term-set Jaccard.
    near_duplicate_jaccard: float = 0.5
    # Terms in more claims than this are left out of the blocking index (0: never).
    block_df_cap: int = 0
    # Large inputs only: candidates must share rare terms worth this much of the cosine (0: off).
    block_min_partial: float = 0.0
    # Large inputs only: an article's context keeps its this many heaviest terms (0: all).
    context_terms: int = 0
    # Average linkage inside a component cuts at auto-merge × this: claims join when linked by
    # one pair ≥ auto-merge (components) and their groups are alike on average at this fraction.
    linkage_ratio: float = 1.0
    # In one story's own index (the pipeline groups each story on its own and builds its index
    # with one_story=True) the article factor's floor is at most this share of the median
    # cosine of the story's article pairs, and claims inherit their article's terms at most at
    # `story_inherit_weight` (see story_params). 0 keeps `context_floor`.
    story_floor_share: float = 0.5
    story_inherit_weight: float = 0.1
    # Articles are split into stories (core.grouping.story_labels: average linkage over their
    # article cosines, cut here) and each story is grouped on its own. 0 keeps one story.
    story_cut: float = 0.12
    # Two claims whose only shared words of their own (at most `weak_max_shared`) are all weak
    # (see weak_term: lower-case words used by `generic_share` of PolNeAR train news articles,
    # 'time', 'way', 'voters'; a name's word against a common word, 'Ways and Means' / 'ways';
    # the first words of two names, 'Daily Beast' / 'Daily Caller') are discounted by this
    # factor: such words alone make no automatic merge. ECB+ topics 1-22: F1 0.937 at shares
    # 0.24 and 0.3 and penalties 0.2 and 0.3 (0.935 at share 0.2: 'kill', in 22% of the
    # articles, is an ECB+ event word; 0.930 before title-case headlines, 'Checks Into Rehab',
    # were recognised); 0.3 keeps 'close' (28%: the seed's closure) evidence.
    weak_penalty: float = 0.2
    generic_share: float = 0.3
    weak_max_shared: int = 3

    @classmethod
    def from_extra(cls, extra: dict[str, object]) -> SimilarityParams:
        """Read overrides from Settings.extra (unknown keys are ignored)."""
        values: dict[str, float | int] = {}
        for name, default in cls().__dict__.items():
            if name in extra:
                raw = extra[name]
                if isinstance(raw, int | float):
                    values[name] = type(default)(raw)
        return cls(**values)  # type: ignore[arg-type]


# The median of a story's article cosines is read on at most this many of its articles
# (evenly spaced): a story of thousands of articles costs no dense all-pairs product.
STORY_FLOOR_SAMPLE = 200


def story_sample(n_docs: int) -> list[int]:
    """The articles (indexes) whose pair cosines give a story's median (all when few)."""
    if n_docs <= STORY_FLOOR_SAMPLE:
        return list(range(n_docs))
    step = n_docs / STORY_FLOOR_SAMPLE
    return [int(k * step) for k in range(STORY_FLOOR_SAMPLE)]


def story_params(params: SimilarityParams, cosines: Sequence[float]) -> SimilarityParams:
    """`params` for one story's index, given the cosines of the story's article pairs: the
    article factor's floor at most `story_floor_share` × their median, and the inherited
    article terms at most at `story_inherit_weight`.

    Inside one story the article vectors weigh words by their rarity among the story's own
    articles, so the names every article of the story shares weigh little and two articles of
    one event compare at 0.1–0.3 (ECB+ topics 1–22, BASIL 2010–13), under the floor (0.35)
    that was set on a case of many topics, where those names are rare: nearly every pair of
    the story was discounted, most by more than half, and a story's articles told the same event
    in separate rows. Relative to the story's own median, an article pair is discounted only
    when it is much less alike than the story's typical pair (a second event of the same kind
    in one story). The terms a claim inherits from its article are mostly the story's own names,
    which every article has: at full weight they lift every pair of claims of two articles alike
    and, undiscounted, grow one row per story (BASIL 2010–13: the largest event 0.18 → 0.23 of a
    story's claims at 0.2, 0.18 at 0.1; ECB+ topics 1–22 pipeline F1 0.703 at 0.2, 0.713 at 0.1)."""
    if params.story_inherit_weight < params.inherit_weight:
        params = replace(params, inherit_weight=params.story_inherit_weight)
    if params.story_floor_share <= 0 or not cosines:
        return params
    ordered = sorted(cosines)
    mid = len(ordered) // 2
    median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    floor = min(params.context_floor, params.story_floor_share * median)
    if floor >= params.context_floor or floor <= 0:
        return params
    return replace(params, context_floor=floor)


class Vocabulary:
    """Raw token -> term id, with per-raw-token caching."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.ids: dict[str, int] = {}
        self.raw_ids: dict[str, int] = {}
        self.terms: list[str] = []
        self.lower_seen: set[int] = set()  # terms seen written in lower case (not names)

    def _token_ids(self, text: str) -> tuple[list[str], list[int | None]]:
        """The text's tokens and their ids (new tokens added)."""
        raw_ids = self.raw_ids
        tokens = TOKEN_RE.findall(text)
        ids = [raw_ids.get(raw) for raw in tokens]
        if None in ids:
            ids = [self._add(raw) if tid is None else tid
                   for raw, tid in zip(tokens, ids, strict=True)]
        return tokens, ids

    def encode(self, text: str) -> tuple[list[int], bool]:
        _tokens, ids = self._token_ids(text)
        out = [tid for tid in ids if tid is not None and tid >= 0]
        return out, NEGATION_ID in ids

    def encode_caps(self, text: str) -> tuple[list[int], list[int], bool]:
        """As `encode`, with the term ids written with a capital after the text's first word
        (the only terms that can be a name's word, see case_marks)."""
        tokens, ids = self._token_ids(text)
        out = [tid for tid in ids if tid is not None and tid >= 0]
        caps = [tid for k, (raw, tid) in enumerate(zip(tokens, ids, strict=True))
                if k and tid is not None and tid >= 0 and raw[0].isupper()]
        return out, caps, NEGATION_ID in ids

    def _add(self, raw: str) -> int:
        info = self.tokenizer.info(raw)
        if info.term is None:
            tid = NEGATION_ID if info.negation else NONE_ID
        else:
            tid = self.ids.get(info.term, -3)
            if tid == -3:
                tid = len(self.terms)
                self.ids[info.term] = tid
                self.terms.append(info.term)
            if not raw[0].isupper():
                self.lower_seen.add(tid)
        self.raw_ids[raw] = tid
        return tid


def find_variants(
    vocab: Vocabulary, df: Lookup, min_jw: float
) -> dict[int, tuple[int, float]]:
    """Spelling variants of names: term id -> (canonical term id, Jaro-Winkler similarity)."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for tid, term in enumerate(vocab.terms):
        if len(term) < 4 or tid in vocab.lower_seen or term[0] == "#":
            continue
        key = variant_key(term)
        buckets[key].append(tid)
        if len(key) >= 4:  # Gaddafi/Qaddafi: same skeleton after the first letter
            buckets["*" + key[1:]].append(tid)
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for members in buckets.values():
        if len(members) < 2 or len(members) > 50:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                ta, tb = vocab.terms[a], vocab.terms[b]
                if plausible_variant(ta, tb) and JaroWinkler.similarity(ta, tb) >= min_jw:
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[int, list[int]] = defaultdict(list)
    for tid in parent:
        clusters[find(tid)].append(tid)
    variants: dict[int, tuple[int, float]] = {}
    for root, members in clusters.items():
        members = sorted({root, *members})
        # Most frequent spelling, ties by the string: independent of input order (symmetry).
        canon = max(members, key=lambda t: (int(df[t]), vocab.terms[t]))
        for t in members:
            if t != canon:
                sim = JaroWinkler.similarity(vocab.terms[t], vocab.terms[canon])
                variants[t] = (canon, max(sim, min_jw))
    return variants


def plausible_variant(a: str, b: str) -> bool:
    """Spelling rules a transliteration variant keeps, checked before Jaro-Winkler (which alone
    matched Carson/Larson, Paul/Paula, China/Chino, Kerman/Germany on ECB+): the same first
    letter (a swapped first letter only for long names otherwise spelt alike: Gaddafi/Qaddafi),
    the same last letter unless one adds a final 'h' (Basra/Basrah), and at most one letter
    more (Masoud/Massoud, Philip/Phillip)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if a[0] != b[0] and not (min(len(a), len(b)) >= 7 and a[1:] == b[1:]):
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short[-1] == long_[-1]:
        return True
    return len(long_) == len(short) + 1 and long_.endswith("h") and long_[:-1] == short


def written_as(sa: dict[int, str], sb: dict[int, str], t: int, term: str) -> tuple[str, str]:
    """How each claim writes term t; a claim that only inherits it from its article shows the
    other claim's word (or the term itself when both inherit it)."""
    a, b = sa.get(t), sb.get(t)
    return a or b or term, b or a or term


def term_match(sa: dict[int, str], sb: dict[int, str], t: int, term: str, weight: float,
               article_word: str | None = None) -> TermMatch:
    """The shared term t as the two claims write it; `context` when either claim only inherits
    it from its article ('Durbin' in a claim that never names him), then written as the article
    writes it (`article_word`) rather than as the bare term ('whit' for 'White')."""
    context = t not in sa or t not in sb
    # an article's inherited terms are its names and places: capitalised when no claim writes them
    fallback = article_word or (term.capitalize() if context and term.isalpha() else term)
    a, b = written_as(sa, sb, t, fallback)
    return TermMatch(a, b, weight, context=context)


def article_surfaces(members: Sequence[int], surfaces: Any) -> dict[int, str]:
    """Term id -> the first word that writes it in any of an article's claims (`members`,
    read through `surfaces(i)`)."""
    out: dict[int, str] = {}
    for i in members:
        for t, word in surfaces(i).items():
            out.setdefault(t, word)
    return out


@dataclass(frozen=True)
class TermMatch:
    """One term shared by two claims, with the surface forms on each side; `context` when at
    least one of the two only inherits it from its article."""

    a: str
    b: str
    weight: float
    context: bool = False


def roles_swapped(
    seq_i: Sequence[int], seq_j: Sequence[int], shared: set[int],
    name_like: Lookup, is_number: Lookup,
) -> bool:
    """Same words, but the names on either side of the verb trade places ('Iran accused the US' /
    'the US accused Iran'). The pivot is the first shared term that is not a name; a clause that
    merely moves ('On Monday, Iran accused …') keeps a name in front of it on both sides.
    `seq_i`/`seq_j` are the claims' term ids in text order."""
    if len(shared) < 3:
        return False
    order_i = [t for t in dict.fromkeys(seq_i) if t in shared]
    order_j = [t for t in dict.fromkeys(seq_j) if t in shared]
    pivot = next((t for t in order_i if not name_like[t] and not is_number[t]), None)
    if pivot is None:
        return False
    pi, pj = order_i.index(pivot), order_j.index(pivot)
    before_i = {t for t in order_i[:pi] if name_like[t]}
    before_j = {t for t in order_j[:pj] if name_like[t]}
    return bool(before_i and before_j and not before_i & before_j
                and before_i <= set(order_j[pj + 1 :]) and before_j <= set(order_i[pi + 1 :]))


# A capitalised name after a locative preposition: where the event happened.
_PLACE_RE = re.compile(r"\b(?:[Ii]n|at|near|outside)\s+((?:[A-Z][\w'’\-]+)(?:\s+[A-Z][\w'’\-]+)*)")


def place_terms(text: str, tokenizer: Tokenizer, term_ids: dict[str, int],
                variants: dict[int, tuple[int, float]]) -> frozenset[int]:
    """Canonical term ids of the places a claim locates itself in ('in Basra', 'at Waitrose')."""
    out: set[int] = set()
    for m in _PLACE_RE.finditer(text):
        for raw in TOKEN_RE.findall(m.group(1)):
            if raw.lower() in MONTHS or raw.lower() in WEEKDAYS:
                continue
            term = tokenizer.info(raw).term
            tid = term_ids.get(term) if term is not None else None
            if tid is not None:
                out.add(variants.get(tid, (tid, 1.0))[0])
    return frozenset(out)


def places_conflict(a: frozenset[int], b: frozenset[int]) -> bool:
    """Both claims name where they happen and no place is shared."""
    return bool(a) and bool(b) and not a & b


@cache
def generic_shares() -> dict[str, float]:
    """Share of news articles (PolNeAR train, bench/derive_generic.py) using each common term."""
    data = orjson.loads((Path(__file__).resolve().parent / "data" / "generic_terms.json").read_bytes())
    return {str(t): float(s) for t, s in data["shares"].items()}


# Words of where a claim was published or said ('told the news Web site the Daily Caller',
# 'posted on its Daily Beast Web site'): no event of their own.
MEDIA_WORDS = frozenset("""web site website blog online newspaper magazine daily tabloid outlet
    network channel""".split())


@cache
def _media_terms() -> frozenset[str]:
    tokenizer = Tokenizer()
    return frozenset(filter(None, (tokenizer.info(w).term for w in MEDIA_WORDS)))


@cache
def _date_terms() -> frozenset[str]:
    tokenizer = Tokenizer()
    return frozenset(filter(None, (tokenizer.info(w).term for w in MONTHS | WEEKDAYS)))


# A word of a name against the same word in lower case is weak when the word is this common in
# news ('House Ways and Means' / 'ways', 'Center on Budget' / 'budget talks'), not a rarer one
# ('Promises Treatment Center' / 'a treatment facility').
NAME_WORD_SHARE = 0.02
GENERIC = 1  # used by generic_share of news articles: names no event on its own
COMMON = 2  # used by NAME_WORD_SHARE of them


def generic_flags(terms: Sequence[str], min_share: float) -> list[int]:
    """Per term: GENERIC | COMMON bits by the share of news articles that use it; day and month
    names are event dates, never generic (the date guard reads them)."""
    if min_share <= 0 or min_share > 1:
        return [0] * len(terms)
    shares = generic_shares()
    media = _media_terms()
    out = []
    for t in terms:
        share = 0.0 if t in _date_terms() else 1.0 if t in media else shares.get(t, 0.0)
        out.append((GENERIC if share >= min_share else 0) | (COMMON if share >= NAME_WORD_SHARE else 0))
    return out


# A capitalised word, and what precedes it: a capital after these starts a sentence or a quote.
_CAPITAL_RE = re.compile(r"[A-Z][\w'’\-]*")
_OPENERS = frozenset(".!?:;\"“‘'([—–-")


@dataclass(frozen=True)
class CaseMarks:
    """How a claim writes its terms: `name_parts` maps a term written with a capital inside a
    name of two or more words ('Ways' in 'House Ways and Means', 'Daily' in 'Daily Beast') to the
    next word of that name ('' when it ends the name); `lower` holds terms written in lower case."""

    name_parts: dict[int, str]
    lower: frozenset[int]


class _MarkedIndex(Protocol):
    """What `marks_of` needs of a claim index (ClaimIndex, SmallIndex)."""

    texts: list[str]
    tokenizer: Tokenizer
    term_ids: dict[str, int]
    variants: dict[int, tuple[int, float]]
    marks: dict[int, CaseMarks]


def marks_of(index: _MarkedIndex, i: int) -> CaseMarks:
    """How claim i of an index writes its terms (cached on the index)."""
    found = index.marks.get(i)
    if found is None:
        found = index.marks[i] = case_marks(index.texts[i], index.tokenizer, index.term_ids,
                                            index.variants)
    return found


def case_marks(text: str, tokenizer: Tokenizer, term_ids: dict[str, int],
               variants: dict[int, tuple[int, float]]) -> CaseMarks:
    """The CaseMarks of one claim text (canonical term ids)."""
    tokens = list(TOKEN_RE.finditer(text))
    name_parts: dict[int, str] = {}
    lower: set[int] = set()
    if any(_title_word(text, m) for m in tokens[1:]):
        return CaseMarks({}, frozenset())  # a headline in title case: capitals say nothing
    for k, m in enumerate(tokens):
        raw = m.group(0)
        term = tokenizer.info(raw).term
        tid = term_ids.get(term) if term is not None else None
        if tid is None:
            continue
        tid = variants.get(tid, (tid, 1.0))[0]
        if raw[0].islower():
            lower.add(tid)
            continue
        before = text[: m.start()].rstrip()
        if not before or before[-1] in _OPENERS:
            continue  # a sentence's or quote's first word: its capital says nothing
        # inside a name: the previous or the next word is capitalised too ('of', 'and', 'on'
        # may sit between: 'Center on Budget and Policy Priorities')
        prev_cap = k > 0 and _joined(text, tokens[k - 1], m)
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        next_cap = nxt is not None and _joined(text, m, nxt)
        if prev_cap or next_cap:
            name_parts.setdefault(tid, nxt.group(0).lower() if next_cap and nxt else "")
    return CaseMarks(name_parts, frozenset(lower))


def _title_word(text: str, m: re.Match[str]) -> bool:
    """A function word written with a capital inside a sentence ('Checks Into Rehab For'): the
    text is in title case."""
    word = m.group(0)
    if not word[0].isupper() or word.lower() in ("the", "a", "an") or word.lower() not in STOP_WORDS:
        return False
    before = text[: m.start()].rstrip()
    return bool(before) and before[-1] not in _OPENERS and len(word) > 1


_NAME_GLUE = frozenset({"of", "on", "and", "for", "the", "de", "du"})


def _joined(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """a and b are consecutive words of one capitalised name (only spaces or a glue word
    between them, and b capitalised)."""
    if not b.group(0)[0].isupper() or (not a.group(0)[0].isupper() and a.group(0) not in _NAME_GLUE):
        return False
    gap = text[a.end() : b.start()]
    return gap.strip() == "" or gap.strip() in _NAME_GLUE


def weak_term(t: int, generic: Lookup, a: CaseMarks, b: CaseMarks) -> bool:
    """A shared term that is no evidence of one event: a word most news articles use (GENERIC),
    or a common word (COMMON) written as a name's word on one side and in lower case on the
    other ('Ways and Means' / 'dozens of ways') or as the first word of two different names
    ('New York' / 'New Jersey')."""
    flags = int(generic[t])
    if flags & GENERIC:
        return True
    if not flags & COMMON:
        return False
    na, nb = a.name_parts.get(t), b.name_parts.get(t)
    if (na is not None) != (nb is not None):
        return (t in b.lower) if na is not None else (t in a.lower)
    return bool(na and nb and na != nb)
