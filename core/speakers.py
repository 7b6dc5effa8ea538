"""Speakers: resolve mentions ('he', 'Pompeo', 'Qassemi') to one Speaker each.

Steps: (1) full personal names across all documents are clustered by last name (Jaro-Winkler on a
transliteration-normalised form, so Qasemi / Qassemi / Ghasemi meet) when first names agree;
(2) a lone surname ('Pompeo') joins the full name with that surname in the same document, else a
single global match; (3) pronouns take the last compatible speaker of the document (he/she: a
person; it: a body; they/we: a body or group); (4) bodies have canonical names ('the US' ->
'United States', 'DOS' -> 'State Department'); unnamed sources stay per document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from core.attribution import _skip_fronted
from core.attribution_lexicon import (
    AUXILIARIES,
    CUE_FRAMES,
    FIRST_NAMES,
    INSTITUTION_HEADS,
    JOINT_NAMES,
    PRONOUNS,
    ROLE_NOUNS,
    SAY_CUES,
    TITLE_WORDS,
    is_anonymous,
    is_proper_name,
    list_members,
    split_name_role,
)
from core.gazetteer import gazetteer
from core.models import Claim, Document, Speaker
from core.segment import TITLE_ABBREVIATIONS

LAST_NAME_THRESHOLD = 0.9
SAY_CUE_WORDS = frozenset(w for cue in SAY_CUES for w in cue.split() if len(cue.split()) == 1)
# "his claim that …": a possessive source resolves like its subject pronoun.
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
BODY_ALIASES: dict[str, str] = {
    "us": "United States", "u.s.": "United States", "u.s": "United States",
    "united states": "United States", "america": "United States", "usa": "United States",
    "u.s.a.": "United States", "the united states": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "united kingdom": "United Kingdom", "great britain": "United Kingdom",
    "dos": "State Department", "state department": "State Department",
    "department of state": "State Department", "us state department": "State Department",
    "u.s. state department": "State Department",
    "un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
}
COUNTRIES = frozenset(
    """iran iraq syria russia china israel turkey egypt lebanon yemen jordan france germany
    india pakistan afghanistan japan mexico canada tehran baghdad moscow beijing washington
    london paris kuwait qatar bahrain oman ukraine""".split()
)
_ORG_WORDS = frozenset(
    """department ministry office party committee post times news corps force council government
    congress house campaign account agency group embassy consulate administration senate
    network journal tribune guard guards army military police court commission union bank
    foundation institute university center centre association coalition movement media
    channel magazine press reuters cnn bbc fox""".split()
) | INSTITUTION_HEADS
_NICKNAMES = {"mike": "michael", "bill": "william", "bob": "robert", "jim": "james",
              "tom": "thomas", "joe": "joseph", "dick": "richard", "tony": "anthony",
              "chris": "christopher", "dan": "daniel", "dave": "david", "ben": "benjamin",
              "hillary": "hillary", "liz": "elizabeth", "ted": "edward", "rick": "richard"}
_INITIAL = re.compile(r"^[A-Z]\.$")
_POSSESSIVE_S = re.compile(r"(?<=\w)['’]s$|(?<=\ws)['’]$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def translit(name: str) -> str:
    """A spelling-variant-tolerant key: lower case, gh->q, kh->k, doubled letters collapsed.
    (Cached: every new name is compared with every known speaker's.)"""
    s = name.lower().replace("gh", "q").replace("kh", "k").replace("ou", "u").replace("ee", "i")
    return _DOUBLED.sub(r"\1", s)


def _first_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    a, b = _NICKNAMES.get(a, a), _NICKNAMES.get(b, b)
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return JaroWinkler.similarity(translit(a), translit(b)) >= 0.85


def _is_body(name: str) -> bool:
    low = name.lower()
    if low in COUNTRIES or low in BODY_ALIASES.values() or low in BODY_ALIASES:
        return True
    if " " not in name and name[:1].isupper() and _is_country(name, capitals=True):
        return True  # 'Budapest rejected the report': a government, no person
    words = low.split()
    if words and words[-1] in _ORG_WORDS:
        return True
    if len(words) >= 2 and ("international" in words[:-1] or (
            any(w in _ORG_WORDS for w in words[:-1]) and _is_country(name.split()[-1]))):
        return True  # 'Transparency International Hungary', 'Amnesty International USA'
    if _is_group(name):
        return True
    return len(name) <= 5 and name.isupper()


def _is_country(word: str, capitals: bool = False) -> bool:
    if word.lower() in COUNTRIES:
        return True
    entry = gazetteer().lookup(word)
    return entry is not None and (entry.category == "country" or (
        capitals and entry.category == "capital"))


def _is_group(name: str) -> bool:
    """'Senate Republicans', 'House Democrats', 'Iraqis': members of a party or a nation, a
    group that 'they' can be, not a person nor an 'it'."""
    words = name.lower().split()
    return bool(words) and words[-1].endswith("s") and words[-1][:-1] in TITLE_WORDS


@dataclass
class _Entity:
    key: str
    person: bool
    first: str | None = None
    last: str | None = None
    names: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    anonymous: bool = False
    claims: int = 0
    index: int = 0  # position in the registry: ties go to the entity seen first


def _person_parts(name: str) -> tuple[str | None, str]:
    tokens = [t for t in name.split() if not _INITIAL.match(t)]
    if not tokens:
        return None, name
    if tokens[0].islower():
        return None, tokens[-1]  # 'van der Merwe', 'al-Hamad': a surname with its particle
    return (tokens[0] if len(tokens) > 1 else None), tokens[-1]


class _Registry:
    """Every entity of one resolution, with indexes that keep each lookup independent of how
    many entities there are (a 50 MB document names thousands of people)."""

    def __init__(self) -> None:
        self.entities: list[_Entity] = []
        self.by_key: dict[str, _Entity] = {}
        # person entities by the exact text of their last name, and by its translit() key
        self.by_last: dict[str, list[_Entity]] = {}
        self.by_last_key: dict[str, list[_Entity]] = {}
        self.similar_keys = _SimilarKeys()
        self.longest_last = 0
        self.spaced_last: list[_Entity] = []

    def person(self, name: str) -> _Entity:
        first, last = _person_parts(name)
        best: _Entity | None = None
        best_score = 0.0
        query = translit(last)
        # Only entities whose last name is similar enough can win; walk them in registry order.
        for ent in self._similar_people(query):
            if ent.last is None:
                continue
            score = JaroWinkler.similarity(query, translit(ent.last))
            if score >= LAST_NAME_THRESHOLD and score > best_score and _first_compatible(
                    first, ent.first):
                best, best_score = ent, score
        if best is None:
            best = self.new(f"person:{translit(name)}", person=True)
            self.set_last(best, last)
        if first and not best.first:
            best.first = first
        return best

    def surname(self, name: str, doc_people: _DocPeople, pronoun: str | None = None,
                text: str = "") -> _Entity | None:
        """The person a lone surname is; `pronoun` ('he'/'she', from 'Mr.'/'Mrs.') skips
        people of the other gender ('Mrs. Lund' is not John Lund)."""
        key = translit(name)
        # a misspelt surname keeps its last letter (Giulini/Giuliani, Qasemi/Ghasemi); a
        # different name that merely starts alike does not (Francis/Franco)
        candidates = [ent for ent in self._similar_people(key) if ent.last and
                      translit(ent.last)[-1:] == key[-1:] and
                      JaroWinkler.similarity(key, translit(ent.last)) >= LAST_NAME_THRESHOLD
                      and _gender_fits(ent, pronoun, text)]
        # the person of this document named most recently first (latest in doc_people)
        in_doc = [ent for ent in candidates if ent in doc_people]
        if in_doc:
            return max(in_doc, key=doc_people.position)
        matches = [e for e in candidates if e.first]
        return matches[0] if len(matches) == 1 else None

    def new(self, key: str, person: bool) -> _Entity:
        ent = self.by_key.get(key)
        if ent is None:
            ent = _Entity(key=key, person=person, index=len(self.entities))
            self.by_key[key] = ent
            self.entities.append(ent)
        return ent

    def set_last(self, ent: _Entity, last: str) -> None:
        """Set a person's last name and keep the last-name indexes in step."""
        if ent.last == last:
            return
        if ent.last is not None:
            self.by_last[ent.last].remove(ent)
            if ent in self.spaced_last:
                self.spaced_last.remove(ent)
            self.by_last_key[translit(ent.last)].remove(ent)
        ent.last = last
        if not ent.person:
            return
        self.by_last.setdefault(last, []).append(ent)
        self.longest_last = max(self.longest_last, len(last))
        if not last or any(c.isspace() for c in last):
            self.spaced_last.append(ent)  # cannot be found by _surnames_in's lookup
        key = translit(last)
        if key not in self.by_last_key:
            self.by_last_key[key] = []
            self.similar_keys.add(key)
        self.by_last_key[key].append(ent)

    def body(self, name: str) -> _Entity:
        """The body with this name (or an acronym registered for it)."""
        return self.by_key.get("body:" + translit(name)) or \
            self.new("body:" + translit(name), person=False)

    def family_name_first(self, name: str, doc_people: _DocPeople) -> _Entity | None:
        """'Lee' for 'Lee Jae-myung', 'Xi' for 'Xi Jinping': a person of this document whose
        name opens with this family name (a common East Asian one, or before a hyphenated given
        name)."""
        found = [ent for ent in self.entities if ent.person and ent.first == name and
                 ent in doc_people and ent.last is not None and
                 (name in _FAMILY_NAME_FIRST or "-" in ent.last)]
        return max(found, key=doc_people.position) if len(found) == 1 else None

    def _similar_people(self, key: str) -> list[_Entity]:
        """Person entities whose last name's key is within LAST_NAME_THRESHOLD of `key`, in
        registry order."""
        found = [ent for k in self.similar_keys.of(key) for ent in self.by_last_key[k]]
        found.sort(key=lambda e: e.index)
        return found


class _SimilarKeys:
    """Last-name keys within LAST_NAME_THRESHOLD of a query key, cached per query and kept up to
    date as keys are added: each new key costs one rapidfuzz pass in C over the known ones,
    instead of a Python loop over every entity for every name."""

    # Jaro-Winkler is symmetric; the slack only guards the prefilter, the exact test follows.
    _PREFILTER = LAST_NAME_THRESHOLD - 0.01

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.queries: list[str] = []
        self.cache: dict[str, list[str]] = {}

    def add(self, key: str) -> None:
        self.keys.append(key)
        for query, _score, _i in process.extract(key, self.queries, scorer=JaroWinkler.similarity,
                                                 score_cutoff=self._PREFILTER, limit=None):
            if JaroWinkler.similarity(query, key) >= LAST_NAME_THRESHOLD:
                self.cache[query].append(key)

    def of(self, query: str) -> list[str]:
        got = self.cache.get(query)
        if got is None:
            got = [key for key, _score, _i in process.extract(
                query, self.keys, scorer=JaroWinkler.similarity, score_cutoff=self._PREFILTER,
                limit=None) if JaroWinkler.similarity(query, key) >= LAST_NAME_THRESHOLD]
            self.cache[query] = got
            self.queries.append(query)
        return got


class _DocPeople:
    """The persons of one document in order of first mention (membership in O(1))."""

    def __init__(self) -> None:
        self.order: dict[int, int] = {}
        self.people: list[_Entity] = []

    def __contains__(self, ent: object) -> bool:
        return id(ent) in self.order

    def add(self, ent: _Entity) -> None:
        if id(ent) not in self.order:
            self.order[id(ent)] = len(self.people)
            self.people.append(ent)

    def position(self, ent: _Entity) -> int:
        return self.order[id(ent)]


class _History:
    """The speakers of one document by recency, bucketed by what a pronoun can refer to, so
    'the last speaker that fits' is found without rescanning the document's claims.

    An entity's bucket is computed when it is (re)added; within one document an entity changes
    only while it is being resolved, and it is re-added right after."""

    def __init__(self) -> None:
        self.buckets: dict[str, dict[int, _Entity]] = {}
        self.bucket_of: dict[int, str] = {}
        self.recency: dict[int, int] = {}
        self.clock = 0

    def add(self, ent: _Entity) -> None:
        if ent.person:
            bucket = "person-" + (_pronoun_of(ent, "") or "any")
        elif ent.anonymous or any(_is_group(name) for name in ent.names):
            bucket = "anonymous"  # unnamed sources and groups: they, not it
        else:
            bucket = "body"
        key = id(ent)
        old = self.bucket_of.get(key)
        if old is not None:
            del self.buckets[old][key]
        self.buckets.setdefault(bucket, {})[key] = ent
        self.bucket_of[key] = bucket
        self.clock += 1
        self.recency[key] = self.clock

    def last(self, *buckets: str) -> _Entity | None:
        """The most recently added entity in any of `buckets`."""
        best: _Entity | None = None
        for name in buckets:
            bucket = self.buckets.get(name)
            if not bucket:
                continue
            ent = bucket[next(reversed(bucket))]
            if best is None or self.recency[id(ent)] > self.recency[id(best)]:
                best = ent
        return best


# Which history buckets a pronoun may take its referent from.
_PRONOUN_BUCKETS: dict[str, tuple[str, ...]] = {
    "he": ("person-any", "person-he"),
    "she": ("person-any", "person-she"),
    "i": ("person-any", "person-he", "person-she"),
    "it": ("body",),
}
_PLURAL_BUCKETS = ("body", "anonymous")


def _display(mention: str) -> str:
    """'The local governor' -> 'the local governor'; 'The Washington Post' stays."""
    words = mention.split()
    if words and words[0] in ("The", "A", "An") and not is_proper_name(" ".join(words[1:])):
        return " ".join([words[0].lower(), *words[1:]])
    return mention


# A definite description of a body ('the military', 'the health ministry') and the words
# its earlier full name may hold.
_BODY_DESCRIPTION = re.compile(
    r"(?i)the\s+(?:([a-z]+)\s+)?(military|army|ministry|agency|regulator|company|firm|court|"
    r"bank|organi[sz]ation|union|council|committee|commission|authority|department|office|"
    r"institute|foundation|coalition|alliance|forces|group|fund|network|board)")
_BODY_WORDS = {
    "military": ("forces", "army", "military", "idf"), "army": ("army", "forces"),
    "regulator": ("regulator", "authority", "commission", "agency"),
    "company": ("company", "corp", "corporation", "inc", "ltd", "plc", "group"),
    "firm": ("firm", "company", "corp", "corporation", "inc", "ltd", "plc", "llc", "group"),
    "organization": ("organization", "organisation"), "organisation": ("organization",
                                                                        "organisation"),
}


_DESCRIPTION_POSTMODIFIER = re.compile(r"\s+(?:for|of|at|with|from|in|on)\s.*$")
_NEW_REFERENT = frozenset("another other second third different one".split())
DESCRIPTION_CANDIDATES = 12  # recent unnamed sources of each kind a description may repeat


def _earlier_description(raw: str, ent: _Entity, history: _History) -> _Entity | None:
    """The unnamed source a definite description repeats ('the senior official' after 'A
    senior Iraqi official', 'the spokesman' after 'a spokesman for American Media Inc.'): the
    most recent description of the document with the same head noun and all of this one's
    words; none when the latest such source is 'Another …'. 'A witness' is always new."""
    words = raw.lower().split()
    if len(words) < 2 or words[0] not in ("the", "a", "an") or \
            any(w in _NEW_REFERENT for w in words) or _DESCRIPTION_POSTMODIFIER.search(raw):
        return None
    content = words[1:]
    # the latest few of each bucket (a bucket's dict keeps its entities in recency order), so
    # a document with thousands of unnamed sources stays linear
    recent = [e for b in ("anonymous", "body") for e in islice(
        reversed(history.buckets.get(b, {}).values()), DESCRIPTION_CANDIDATES)]
    candidates = sorted([e for e in recent
                         if e is not ent and e.key.startswith(("anon:", "desc:"))],
                        key=lambda e: history.recency[id(e)], reverse=True)
    if words[0] != "the":
        return None  # 'A witness said … A witness said': an indefinite is someone new
    for other in candidates:
        for name in other.names:
            low = name.lower()
            core_words = _DESCRIPTION_POSTMODIFIER.sub("", low).split()
            if len(core_words) < 2 or core_words[-1] != content[-1]:
                continue
            if core_words[0] not in ("the", "a", "an"):
                return None  # 'Another resident said': the latest one is not clear
            if set(content) <= set(core_words[1:]):
                return other  # 'the senior official' after 'a senior Iraqi official'
    return None


def _described_body(raw: str, history: _History) -> _Entity | None:
    """The body a definite description points back to ('the military' after 'The Israel
    Defense Forces'): the most recent body speaker of the document whose name holds the
    description's head word (and its modifier, 'the health ministry')."""
    m = _BODY_DESCRIPTION.fullmatch(raw.strip())
    if m is None:
        return None
    modifier, head = (m.group(1) or "").lower(), m.group(2).lower()
    words = _BODY_WORDS.get(head, (head,))
    recent = [e for b in ("body", "anonymous") for e in islice(
        reversed(history.buckets.get(b, {}).values()), DESCRIPTION_CANDIDATES)]
    bodies = sorted([e for e in recent if not e.person and not e.anonymous],
                    key=lambda e: history.recency[id(e)], reverse=True)
    for ent in bodies[:2]:  # only a body that spoke just before ('The union' is no EU far back)
        for name in ent.names:
            tokens = set(re.findall(r"[a-z]+", name.lower()))
            if name.lower() != raw.lower() and tokens & set(words) and (
                    not modifier or modifier in tokens):
                return ent
    return None


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z&]{1,7})\)")
# Family names written first ('Xi Jinping', 'Lee Jae-myung', 'Kim Jong Un').
_FAMILY_NAME_FIRST = frozenset("""Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Hu Wen Lee Kim
    Park Choi Jung Kang Cho Yoon Jang Lim Moon Yoo Han Shin Seo Kwon Hwang Ahn Song Hong Nguyen
    Tran Pham Le Hun""".split())


_PLACE_WORDS = frozenset("""county city town hall street road avenue university college school
    county's district province state park river lake bay island mountain valley""".split())


WRITTEN_NAME_WINDOW = 20_000  # characters around a lone surname searched for its full name


def _written_family_first(text: str, pos: int, family: str) -> str | None:
    """'Xi Jinping' or 'Lee Jae-myung' written before `pos` for the family name 'Xi'/'Lee'."""
    found: set[str] = set()
    lo = max(0, pos - WRITTEN_NAME_WINDOW)
    near = text[lo:pos + WRITTEN_NAME_WINDOW]  # (a huge document stays linear)
    for m in re.finditer(rf"\b{re.escape(family)}\s+([A-Z][\w’'-]+)(?:\s+([A-Z][a-z]+))?\b",
                         text[lo:pos]):
        given = m.group(1)
        if given.lower() in TITLE_LOWER or not (family in _FAMILY_NAME_FIRST or "-" in given) or \
                _lowercase_in(near, given) or _is_body(f"{family} {given}") or \
                given.lower() in _PLACE_WORDS:
            continue  # ('Lee County', 'Kim Hall')
        # 'Kim Jong Un': a given name of two words
        extra = m.group(2) if m.group(2) and len(m.group(2)) <= 3 else None
        found.add(" ".join(x for x in (family, given, extra) if x))
    return found.pop() if len(found) == 1 else None


def _written_full_name(text: str, pos: int, surname: str) -> str | None:
    """The last full name ('Shigeru Ishiba', after 'Prime Minister') ending in `surname`
    written before `pos`: one or two given names that are no title or role word."""
    found: set[str] = set()
    lo = max(0, pos - WRITTEN_NAME_WINDOW)
    near = text[lo:pos + WRITTEN_NAME_WINDOW]  # (a huge document stays linear)
    for m in re.finditer(rf"\b((?:[A-Z][\w’'-]+\s+){{1,3}}){re.escape(surname)}\b(?!['’])",
                         text[lo:pos]):
        first: list[str] = []
        for tok in reversed(m.group(1).split()):  # the given names right before the surname
            if tok.rstrip(".").lower() in TITLE_LOWER or not _SURNAME.match(tok) or \
                    len(first) == 2 or tok.endswith(("'s", "’s")) or \
                    tok.lower() in _NOT_GIVEN or tok.lower() in _NOT_FIRST_NAMES or \
                    _lowercase_in(near, tok):
                break
            first.insert(0, tok)
        if first and not _is_body(" ".join([*first, surname])):
            found.add(" ".join([*first, surname]))
    # two people of one surname ('Donald Trump', 'Melania Trump'): no guess
    return found.pop() if len(found) == 1 else None


# Capitalised words before a surname that are no given name ('When Obama took office').
_NOT_GIVEN = frozenset("""when but and as if while now after before since although though because
    then so yet or nor also even still only both either neither why how what where who whom whose
    this that these those the a an in on at for from with by of to during under over rival hold
    meanwhile however later earlier today yesterday tomorrow last next""".split())


def _lowercase_in(text: str, word: str) -> bool:
    """Whether `word` is also written in lower case in the text: a common word ('When',
    'But', 'Rival'), no given name."""
    low = word.lower()
    return low != word and re.search(rf"(?<![\w’'-]){re.escape(low)}(?![\w’'-])", text) is not None


def canonical_name(ent: _Entity) -> str:
    """Most frequent full name ('Mike Pompeo' over 'Pompeo' and 'Michael R. Pompeo')."""
    def rank(item: tuple[str, int]) -> tuple[int, int, int, int, int, int]:
        name, count = item
        # 'Mr. McCain' is one name word: 'John McCain' names him better ('Mrs. Lund' still
        # beats 'Lund'); 'Pieter van der Merwe' beats 'van der Merwe'
        tokens = [t for t in name.split() if t.rstrip(".").lower() not in _HONORIFIC_PRONOUN]
        has_initial = any(_INITIAL.match(t) for t in tokens)
        return (len(tokens) >= 2, not has_initial, name[:1].isupper(), len(name.split()) >= 2,
                count, -len(name))
    return max(ent.names.items(), key=rank)[0]


def _slug(name: str) -> str:
    return _NON_ALNUM.sub("-", name.lower()).strip("-") or "speaker"


def resolve_speakers(
    claims: Sequence[Claim], documents: Sequence[Document], *, copy: bool = True
) -> tuple[list[Claim], list[Speaker]]:
    """Resolve every claim's speaker mention to a Speaker; fill claim.speaker and speaker_id.

    The claims are copied first unless `copy` is False (the caller owns fresh claims: a second
    copy of 400k claims would cost hundreds of MB)."""
    out = [c.model_copy() for c in claims] if copy else list(claims)
    order = {d.id: i for i, d in enumerate(documents)}
    out_sorted = sorted(out, key=lambda c: (order.get(c.document, len(order)), c.start))
    registry = _Registry()
    # Pass 1: full personal names everywhere, so a surname anywhere can find its person.
    for claim in out_sorted:
        raw = claim.speaker or claim.speaker_mention
        if raw and not claim.anonymous:
            name, _ = split_name_role(raw)
            if len(name.split()) >= 2 and is_proper_name(name) and not _is_body(name):
                registry.person(name)
            elif JOINT_NAMES.fullmatch(name):
                # "Justin Trudeau and Enrique Peña Nieto said": a later "Trudeau" is Justin
                for member in list_members(name):
                    if len(member.split()) >= 2 and is_proper_name(member) and \
                            not _is_body(member):
                        registry.person(member).names[member] += 0
    assigned: dict[int, _Entity] = {}
    texts = {d.id: d.text for d in documents}
    doc_people: dict[str, _DocPeople] = {}
    doc_history: dict[str, _History] = {}
    spoken: dict[str, list[tuple[int, _Entity]]] = {}  # per document: (speaker_start, person)
    for claim in out_sorted:
        raw = claim.speaker or claim.speaker_mention
        if not raw:
            continue
        # "Trump's claim that …" is Trump's; "Graham—who …" is Graham, "… can be!— Cruz" Cruz
        dashed = [part.strip() for part in raw.split("—") if part.strip()]
        if len(dashed) > 1:
            raw = dashed[0] if dashed[0][0].isupper() else dashed[-1]
        raw = _POSSESSIVE_S.sub("", raw) or raw
        people = doc_people.get(claim.document)
        if people is None:
            people = doc_people[claim.document] = _DocPeople()
        history = doc_history.get(claim.document)
        if history is None:
            history = doc_history[claim.document] = _History()
        text = texts.get(claim.document, "")
        fronted = None
        if _PARTICIPLE.fullmatch(raw) and claim.speaker_start is not None:
            # "Having heard the plea, Judge Moss said …": the participle opens a fronted
            # clause; the main clause's subject speaks
            fronted = _fronted_subject(text, claim.speaker_start, registry, people)
        ent = fronted or _resolve_one(raw, claim, registry, people, history, text)
        if not claim.anonymous and \
                claim.speaker_start is not None and _DEFINITE_DESCRIPTION.fullmatch(raw):
            # "The Arizona Republican said", "the prime minister continues": the person the
            # document introduced with that title just before
            ent = _described_person(raw, text, claim.speaker_start, registry, people) or \
                _epithet_person(raw, text, claim.speaker_start, registry, people,
                                spoken.get(claim.document, ())) or ent
        elif not claim.anonymous and claim.speaker_start is not None:
            ent = _epithet_person(raw, text, claim.speaker_start, registry, people,
                                  spoken.get(claim.document, ())) or ent
        if ent is not None and id(ent) not in history.recency and \
                ent.key.startswith(("anon:", "desc:")):
            earlier = _earlier_description(_display(raw), ent, history)
            if earlier is not None:
                earlier.names[_display(raw)] += 0
                ent = earlier
        if not claim.anonymous:
            # "The Israel Defense Forces said … The military said": the body named before
            ent = _described_body(raw, history) or ent
            if ent is not None and ent.key.startswith("desc:") and \
                    claim.speaker_start is not None and _BODY_EPITHET.fullmatch(raw):
                # "Human Rights Watch released a report. The group said": the subject before
                ent = _subject_body_before(text, claim.speaker_start, registry, people, claim,
                                           history) or ent
        pronoun = POSSESSIVE_PRONOUNS.get(raw.lower(), raw.lower())
        subject = None
        if pronoun in ("he", "she", "i") and claim.speaker_start is not None:
            subject = _subject_antecedent(text, claim.speaker_start, pronoun, registry, people,
                                          spoken.setdefault(claim.document, []))
        if pronoun in ("it", "they") and claim.speaker_start is not None:
            # "The agency said it …", "Some voters said they …": the subject of the reporting
            # verb right before the pronoun, when the pronoun can refer to it
            subject = _reporter_of(text, claim, pronoun, registry, people, history)
            if subject is None and raw.lower() == "it":
                # "The ECB, which sets rates, met on Thursday. It said": the subject before
                subject = _subject_body_before(text, claim.speaker_start, registry, people,
                                               claim, history)
        if pronoun == "i" and claim.speaker_start is not None:
            # "FALLIN: I think …": in a transcript, I is the speaker the line is labelled with
            subject = _transcript_speaker(text, claim.speaker_start, registry) or subject
        if subject is not None:
            ent = subject
        elif ent is not None and pronoun in ("he", "she") and claim.speaker_start is not None:
            ent = _nearest_person(text, claim.speaker_start, registry, people, pronoun) or ent
        elif ent is None and pronoun in ("he", "she") and claim.speaker_start is not None:
            ent = _nearest_person(text, claim.speaker_start, registry, people, pronoun) or \
                _named_in_text(text, claim.speaker_start, registry, pronoun)
        if ent is None:
            continue
        ent.claims += 1
        if claim.role:
            ent.roles[claim.role] += 1
        assigned[id(claim)] = ent
        if ent.person:
            people.add(ent)
            if claim.speaker_start is not None:
                spoken.setdefault(claim.document, []).append((claim.speaker_start, ent))
        history.add(ent)
    ids: dict[str, str] = {}
    taken: set[str] = set()
    speakers: list[Speaker] = []
    for ent in registry.entities:
        if not ent.names:
            continue
        name = canonical_name(ent)
        sid = "s-" + _slug(name)
        while sid in taken:
            sid += "-x"
        ids[ent.key] = sid
        taken.add(sid)
        aliases = [n for n in ent.names if n != name]
        role = ent.roles.most_common(1)[0][0] if ent.roles else None
        speakers.append(Speaker(id=sid, name=name, aliases=aliases, role=role,
                                anonymous=ent.anonymous, claims=ent.claims))
    names = {s.id: s.name for s in speakers}
    for claim in out:
        ent = assigned.get(id(claim))
        if ent is not None and ent.key in ids:
            claim.speaker_id = ids[ent.key]
            claim.speaker = names[claim.speaker_id]
    speakers = [s for s in speakers if s.claims > 0]
    return out, speakers


PRONOUN_WINDOW = 250


# Common first names -> the pronoun they usually take (core/data/first_names.json).
FIRST_NAME_PRONOUN: dict[str, str] = FIRST_NAMES
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)")
_HONORIFIC_PRONOUN = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}


_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")


def _gender_fits(ent: _Entity, pronoun: str | None, text: str) -> bool:
    """Whether a person can be the one a 'he'/'she' (or 'Mr.'/'Mrs.') names."""
    return pronoun is None or _pronoun_of(ent, text) in (None, pronoun)


def _pronoun_of(ent: _Entity, text: str) -> str | None:
    """'he' or 'she' for a person when a first name or an honorific (Mr./Mrs./Ms.) tells it."""
    for name in ent.names:
        m = _HONORIFIC.match(name)
        if m:
            return _HONORIFIC_PRONOUN[m.group(1).lower()]
    if ent.first:
        found = FIRST_NAME_PRONOUN.get(ent.first.lower().rstrip("."))
        if found:
            return found
    if ent.last:
        return _honorifics(text).get(ent.last)
    return None


@lru_cache(maxsize=8)
def _honorifics(text: str) -> dict[str, str]:
    """Surname -> pronoun from the first 'Mr./Mrs./Ms. Surname' in a document (read once per
    document, not once per pronoun)."""
    found: dict[str, str] = {}
    for m in _HONORIFIC.finditer(text):
        found.setdefault(m.group(2), _HONORIFIC_PRONOUN[m.group(1).lower()])
    return found


def _nearest_person(text: str, pos: int, registry: _Registry,
                    people: _DocPeople, pronoun: str | None = None) -> _Entity | None:
    """The person whose surname appears last in the text before a pronoun (same document
    speakers first, then any person seen in the corpus); 'she' skips men and 'he' women."""
    window = text[max(0, pos - PRONOUN_WINDOW):pos]
    found: list[tuple[int, tuple[int, int], _Entity]] = []
    for ent in _surnames_in(window, registry):
        last = ent.last
        assert last is not None
        at = window.rfind(last)
        if at >= 0 and (at + len(last) == len(window) or not window[at + len(last)].isalnum()):
            # this document's people first (in order of mention), then the corpus's
            rank = (0, people.position(ent)) if ent in people else (1, ent.index)
            found.append((at, rank, ent))
    # the latest mention wins; at the same place, the better-ranked entity
    found.sort(key=lambda f: (-f[0], f[1]))
    for _at, _rank, ent in found:
        if pronoun is None or _pronoun_of(ent, text) in (None, pronoun):
            return ent
    return None


def _surnames_in(window: str, registry: _Registry) -> list[_Entity]:
    """Person entities whose last name occurs in `window` ending at a word boundary (or at the
    window's end), found by looking up the window's substrings rather than trying every person
    of the corpus. A last name holds no whitespace, so only substrings inside a run of non-space
    characters that end before a non-alphanumeric character (or the end) can match."""
    found: dict[int, _Entity] = {ent.index: ent for ent in registry.spaced_last}
    by_last = registry.by_last
    longest = registry.longest_last
    n = len(window)
    run_start = 0
    for end in range(n + 1):
        if end < n and window[end].isalnum():
            continue
        for begin in range(max(run_start, end - longest), end):
            for ent in by_last.get(window[begin:end], ()):
                found[ent.index] = ent
        if end < n and window[end].isspace():
            run_start = end + 1
    return list(found.values())


_FULL_NAME = re.compile(r"\b(?:Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Gov\.|Rep\.)\s+[A-Z][\w'’-]+|"
                        r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w'’-]+")


def _written_pronoun(written: str) -> str | None:
    """'he'/'she' told by a written name's honorific or first name ('Mrs. Smith', 'Ann Lee')."""
    m = _HONORIFIC.match(written)
    if m:
        return _HONORIFIC_PRONOUN[m.group(1).lower()]
    return FIRST_NAME_PRONOUN.get(written.split()[0].lower())


def _named_in_text(text: str, pos: int, registry: _Registry,
                   pronoun: str | None = None) -> _Entity | None:
    """The last personal name written before a pronoun that no known speaker explains
    (a name of the other gender is skipped)."""
    window = text[max(0, pos - PRONOUN_WINDOW):pos]
    for m in reversed(list(_FULL_NAME.finditer(window))):
        name, _ = split_name_role(m.group())
        first = name.split()[0].lower()
        if pronoun is not None and _written_pronoun(m.group()) not in (None, pronoun):
            continue
        if is_proper_name(name) and not _is_body(name) and first not in _NOT_FIRST_NAMES:
            ent = registry.person(name)
            ent.names[name] += 0
            return ent
    return None


_NOT_FIRST_NAMES = frozenset(
    """the a an in on at for from by after before during with and but this that monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december new north south east west united democratic republican
    white supreme""".split()
)


def _resolve_one(raw: str, claim: Claim, registry: _Registry, people: _DocPeople,
                 history: _History, text: str = "") -> _Entity | None:
    low = POSSESSIVE_PRONOUNS.get(raw.lower(), raw.lower())
    if low in PRONOUNS:
        # the last speaker of the document that the pronoun can refer to
        return history.last(*_PRONOUN_BUCKETS.get(low, _PLURAL_BUCKETS))
    name, _ = split_name_role(raw)
    body = BODY_ALIASES.get(re.sub(r"^the\s+", "", low)) or BODY_ALIASES.get(low)
    if body:
        ent = registry.new("body:" + body.lower(), person=False)
        ent.names[body] += 1
        if raw != body:
            ent.names[raw] += 0
        return ent
    if claim.anonymous or not is_proper_name(name):
        shown = _display(raw)
        key = ("anon:" + claim.document + ":" if claim.anonymous else "desc:") + shown.lower()
        ent = registry.new(key, person=False)
        ent.anonymous = claim.anonymous
        ent.names[shown] += 1
        return ent
    if _is_body(name):
        ent = registry.body(name)
        ent.names[name] += 1
        acronym = re.search(r"\(([A-Z][A-Z&]{1,7})\)\s*$", raw) or (
            _ACRONYM_AFTER.match(text, claim.speaker_end)
            if text and claim.speaker_end is not None else None)
        if acronym is not None:
            # "the International Cycling Union (UCI) said … The UCI said": one body
            registry.by_key.setdefault("body:" + translit(acronym.group(1)), ent)
            ent.names[acronym.group(1)] += 0
        return ent
    if len(name.split()) >= 2:
        full = _written_full_name(text, claim.speaker_start, name) \
            if len(name.split()) == 2 and text and claim.speaker_start is not None and \
            name.split()[0].lower() not in FIRST_NAME_PRONOUN else None
        # 'García Harfuch wrote' after 'Security Secretary Omar García Harfuch': a double
        # surname, the person named in full before
        ent = registry.person(full or name)
        if full:
            ent.names[name] += 0
            name = full  # the full name counts as read; the short one is an alias
    else:
        honorific = _HONORIFIC.match(raw)
        pronoun = _HONORIFIC_PRONOUN[honorific.group(1).lower()] if honorific else None
        found = registry.surname(name, people, pronoun) or \
            registry.family_name_first(name, people)
        if found is None and pronoun is None and text and claim.speaker_start is not None:
            # 'Ishiba said' after 'Prime Minister Shigeru Ishiba' in narration: the full name
            # written earlier in the document
            full = _written_full_name(text, claim.speaker_start, name) or \
                _written_family_first(text, claim.speaker_start, name)
            if full is not None:
                found = registry.person(full)
                found.names[full] += 0
        ent = found if found is not None else registry.new("name:" + translit(name), person=True)
        if found is None:
            registry.set_last(ent, name)
    ent.names[name] += 1
    if raw != name:
        ent.names[raw] += 0
    return ent


# --- Pronoun antecedents by sentence subject -------------------------------------------------
# Newswire 'he said' refers far more often to the subject of its own or a recent sentence
# ("Former governor Ed Rendell was resolute. 'No,' he said.") than to the last speaker of the
# document or the last surname written (often an object: "Adelson met with Trump … he found").

SUBJECT_SENTENCES = 3  # the pronoun's sentence and up to this many before it
SUBJECT_WINDOW = 700  # characters looked back at most (keeps each pronoun O(1))
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’'»)]*\s+|\n\s*")
# 'Mr.', 'Sens.', 'Gov.' (the segmenter's titles, capitalised) and initials end no sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(w.capitalize()) for w in sorted(TITLE_ABBREVIATIONS)) +
    r"|Jr|Sr)|\b[A-Z])\.$")
# A sentence opening with one of these words starts with a clause; its subject follows a comma.
_CLAUSE_OPENERS = frozenset(
    """in at on after when while even as though although from since before during asked
    speaking despite like unlike under over with without for if because until once upon
    following according instead""".split())
_SKIPPED_OPENERS = frozenset("but and yet still so then now also however meanwhile".split())
_PARTY_TAG = re.compile(r"^\([A-Z][\w.-]*\),?$")
_SUBJECT_TOKEN = re.compile(r"^[A-Z][\w'’.-]*,?$")
_SURNAME = re.compile(r"^[A-Z][a-z][\w'’-]*$")
_OPEN_QUOTES = "\"“‘'«( "
_CLOSE_QUOTES = "”’»"


def _sentences_before(text: str, pos: int) -> list[tuple[int, int]]:
    """(start, end) of the sentence holding `pos` and of up to SUBJECT_SENTENCES before it,
    nearest first ('Mr. Smith' does not end a sentence)."""
    lo = max(0, pos - SUBJECT_WINDOW)
    hi = min(len(text), pos + 300)
    starts = [lo]
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if _ABBREVIATION.search(text, max(lo, m.start() - 8), m.start()):
            continue
        starts.append(m.end())
    bounds = [(a, b) for a, b in zip(starts, [*starts[1:], hi], strict=True) if a < b]
    current = [i for i, (a, b) in enumerate(bounds) if a <= pos < b]
    if not current:
        return []
    i = current[0]
    return [bounds[j] for j in range(i, max(-1, i - SUBJECT_SENTENCES - 1), -1)]


_DESCRIBED_NAME = re.compile(r"((?:The|the|A|An|[A-Z][\w’'.-]*['’]s)\s+[^,.;\"“”]{1,60}),\s+"
                             r"((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*),")


def _subject_at(text: str, start: int, end: int) -> tuple[int, str, bool] | None:
    """The personal name that opens the clause at `start` ('Former Pennsylvania governor Ed
    Rendell, one of …, was'), with its position and whether a title came with it; None when
    the clause opens otherwise."""
    # (a closing quote too: 'After he called it “unfair,” Sen. Ann Fry said': the comma that
    # ends the leading clause is inside the quote)
    while start < end and text[start] in _OPEN_QUOTES + _CLOSE_QUOTES:
        start += 1
    described = _DESCRIBED_NAME.match(text, start, end)
    if described is not None and any(w.lower().strip(",") in TITLE_LOWER
                                     for w in described.group(1).split()[1:]):
        # "The FDP leader and finance minister, Christian Lindner, was …": the name set off
        # after the description is the subject
        name = described.group(2)
        if _plausible_name(name):
            return described.start(2), name, True
    tokens: list[tuple[int, str]] = []
    for m in re.finditer(r"\S+", text[start:end]):
        tok = m.group()
        if tokens and _PARTY_TAG.match(tok):
            # "Gov. Phil Bryant (R) said he …", "Sen. Ann Fry (D-Ohio), who …": the party and
            # state after a name are no part of it
            if tok.endswith(","):
                break
            continue
        if (_SUBJECT_TOKEN.match(tok) or tok.lower() in TITLE_LOWER) and len(tokens) < 8:
            tokens.append((start + m.start(), tok))
            if tok.endswith(","):
                break
            continue
        if not tokens or tok.lower() == "and" or not tok[0].islower():
            return None  # "Trump and Cruz", a quote, a number: not one person's name
        break
    if not tokens:
        return None
    words = [t.rstrip(",") for _at, t in tokens]
    if _POSSESSIVE_S.search(words[-1]) or words[-1].endswith(("s'", "s’")):
        return None  # "Trump's campaign said": the campaign speaks
    name, role = split_name_role(" ".join(words))
    if not _plausible_name(name):
        return None
    return tokens[len(words) - len(name.split())][0], name, role is not None


def _plausible_name(name: str) -> bool:
    parts = name.split()
    if not parts or not _SURNAME.match(parts[-1]) or _is_body(name):
        return False
    return parts[0].lower() not in _NOT_FIRST_NAMES and parts[-1].lower() not in _NOT_SUBJECTS


# Capitalised sentence openers that are no one's name.
_NOT_SUBJECTS = COUNTRIES | PRONOUNS | frozenset(
    """to it its this that these those there here what when where why how who which if
    not no yes so as at by of on or our my your his her their we us me him them all some
    many most few both each every one two three four five six seven eight nine ten
    republicans democrats americans officials others critics voters""".split())
TITLE_LOWER = TITLE_WORDS | ROLE_NOUNS | frozenset("""former governor spokesman spokeswoman senator secretary leader
    chairman chairwoman director adviser advisor aide manager strategist senior top campaign
    press chief minister president candidate nominee lawmaker official analyst""".split())


def _clause_subject(text: str, start: int, end: int) -> tuple[int, str, bool] | None:
    """The subject of the sentence [start, end) and where it is written: the name opening it,
    or opening the main clause after a leading 'In …,' / 'When …,' clause (which is how a
    pronoun can come before its name: 'Even as he accused X, Giuliani said')."""
    while start < end and text[start] in _OPEN_QUOTES:
        start += 1
    first = re.match(r"[A-Za-z]+", text[start:end])
    opener = first.group().lower() if first else ""
    if opener in _SKIPPED_OPENERS:
        start += len(opener)
        while start < end and text[start] in ", ":
            start += 1
        first = re.match(r"[A-Za-z]+", text[start:end])
        opener = first.group().lower() if first else ""
    if opener not in _CLAUSE_OPENERS:
        return _subject_at(text, start, end)
    # the main clause's subject follows one of the next commas
    comma = start
    for _ in range(3):
        comma = text.find(",", comma + 1, end)
        if comma < 0:
            return None
        found = _subject_at(text, comma + 1, end)
        if found is not None and not (_set_off(text, found, end) and
                                      text[start:comma].split()[-1][:1].isupper()):
            return found
    # "When Gov. Asa Brandt, Republican of Arkansas, spoke …, he disclosed": no name opens the
    # main clause; the leading clause's own subject is the one a pronoun there points back to
    opened = start + len(opener)
    while opened < end and text[opened] == " ":
        opened += 1
    inner = _subject_at(text, opened, end)
    if inner is not None and _set_off(text, inner, end):
        return inner
    return None


def _set_off(text: str, found: tuple[int, str, bool], end: int) -> bool:
    """Whether a subject found after a comma is followed by a comma itself: an appositive
    inside the leading clause ('When Gov. Asa Hutchinson, Republican of Arkansas, spoke …'),
    not the main clause's subject."""
    after = text.find(found[1], found[0], end)
    return after >= 0 and text[after + len(found[1]):end].lstrip(" ").startswith(",")


def _known_surname(last: str, registry: _Registry, people: _DocPeople,
                   pronoun: str | None = None, text: str = "") -> _Entity | None:
    """Registry.surname for a word read from the text, by exact spelling key only: every
    capitalised sentence opener is looked up, and a fuzzy query per new word would cost a pass
    over all known surnames."""
    candidates = [ent for ent in registry.by_last_key.get(translit(last), [])
                  if _gender_fits(ent, pronoun, text)]
    in_doc = [ent for ent in candidates if ent in people]
    if in_doc:
        return max(in_doc, key=people.position)
    matches = [ent for ent in candidates if ent.first]
    return matches[0] if len(matches) == 1 else None


def _person_named(name: str, text: str, pos: int, registry: _Registry, people: _DocPeople,
                  titled: bool = False) -> _Entity | None:
    """The person a written name is, when it clearly is one: a lone surname must be a known
    person, be written in full earlier ('Brian Fallon … Fallon fired back') or come with a
    title ('President Obama', `titled`); a longer name
    must have a known surname or start with a common first name ('Rabbi Marvin Hier' is read
    from 'Marvin')."""
    parts = name.split()
    honorific = _HONORIFIC_BEFORE.search(text, max(0, pos - 6), pos) if len(parts) == 1 else None
    pronoun = _HONORIFIC_PRONOUN[honorific.group(1).lower()] if honorific else None
    titled = titled or honorific is not None  # 'Mrs. Lund': a person, of a known gender
    found = _known_surname(parts[-1], registry, people, pronoun, text)
    if len(parts) == 1:
        if found is None:
            full = _full_name_before(text, parts[0], pos, pronoun)
            if full is not None and _HONORIFIC.match(full):
                # 'Mr. Green' tells a person and a gender, not a first name
                found = registry.new("name:" + translit(parts[0]), person=True)
                registry.set_last(found, parts[0])
                found.names[parts[0]] += 0
            elif full is not None:
                found = registry.person(full)
                found.names[full] += 0
            elif titled:
                found = registry.new("name:" + translit(parts[0]), person=True)
                registry.set_last(found, parts[0])
                found.names[parts[0]] += 0
        return found
    if found is not None and _first_compatible(_person_parts(name)[0], found.first):
        return found
    for i in range(len(parts) - 1):
        if parts[i].lower().rstrip(".") in FIRST_NAME_PRONOUN or _HONORIFIC.match(parts[i]):
            full = " ".join(parts[i:])
            ent = registry.person(full)
            ent.names[full] += 0
            return ent
    return None


_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
FULL_NAME_LOOKBACK = 5000  # characters searched for the full form of a lone surname


_FIRST_BEFORE = re.compile(r"((?:Mr|Mrs|Ms|Dr)\.|[A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?$")


def _full_name_before(text: str, surname: str, pos: int,
                      pronoun: str | None = None) -> str | None:
    """'Brian Fallon' or 'Mr. Fallon' written before `pos` for the surname 'Fallon' (a common
    first name or an honorific is required, so 'Free Trade' never counts; with `pronoun`, one
    of that gender). Found with str.find, not a regex compiled per surname."""
    lo = max(0, pos - FULL_NAME_LOOKBACK)
    at = text.find(surname, lo, pos)
    while at >= 0:
        after = at + len(surname)
        if after >= len(text) or not text[after].isalnum():
            m = _FIRST_BEFORE.search(text, max(lo, at - 40), at)
            if m is not None:
                first = m.group(1)
                written = text[m.start():after]
                if (first.lower() in FIRST_NAME_PRONOUN or first.endswith(".")) and (
                        pronoun is None or _written_pronoun(written) in (None, pronoun)):
                    return written
        at = text.find(surname, after, pos)
    return None


# A definite description of one person: 'the prime minister', 'The Arizona Republican'.
_DESCRIBED_TITLES = """president secretary minister spokesman spokeswoman spokesperson consul
    ambassador mayor speaker leader chairman chairwoman chair adviser advisor commissioner judge
    justice king queen prince sheikh ayatollah pope senator governor congressman congresswoman
    envoy commander nominee candidate democrat republican director""".split()
_DEFINITE_DESCRIPTION = re.compile(r"(?i)the\s+(?:[\w.'’-]+\s+){0,3}(?:" +
                                   "|".join(_DESCRIBED_TITLES) + r")")
DESCRIPTION_LOOKBACK = 3000  # characters searched for the titled name a description refers to
_STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "del": "delaware", "fla": "florida",
    "ga": "georgia", "ill": "illinois", "ind": "indiana", "kan": "kansas", "ky": "kentucky",
    "la": "louisiana", "md": "maryland", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "miss": "mississippi", "mo": "missouri", "mont": "montana",
    "neb": "nebraska", "nev": "nevada", "n.h": "new hampshire", "n.j": "new jersey",
    "n.m": "new mexico", "n.y": "new york", "n.c": "north carolina", "n.d": "north dakota",
    "okla": "oklahoma", "ore": "oregon", "pa": "pennsylvania", "r.i": "rhode island",
    "s.c": "south carolina", "s.d": "south dakota", "tenn": "tennessee", "tex": "texas",
    "vt": "vermont", "va": "virginia", "wash": "washington", "w.va": "west virginia",
    "wis": "wisconsin", "wyo": "wyoming"}
_US_STATE_NAMES = frozenset(v.title() for v in _STATE_ABBREVIATIONS.values()) | frozenset(
    "Iowa Ohio Texas Utah Maine Idaho Hawaii Alaska Vermont Virginia Washington".split())
_PARTY_STATE = re.compile(r"\b([RDI])-([A-Z][\w.]*?)\.?(?=[\s,;)]|$)")
_PARTIES = {"r": "republican", "d": "democrat", "i": "independent"}


_TITLE_ABBREVIATED = {"gov": "governor", "sen": "senator", "rep": "representative",
                      "gen": "general", "sec": "secretary", "pres": "president",
                      "amb": "ambassador", "adm": "admiral", "atty": "attorney"}
_LESSER_RANKS = frozenset({"deputy", "assistant", "under", "vice", "former", "acting",
                           "associate", "lieutenant", "lt"})
_PARTY_TAG_AFTER = re.compile(r",?\s*\(?[RDI]-[A-Z][\w.]*\.?\)?")


def _title_words(context: str) -> set[str]:
    """The words a titled name is written with, lower-cased, party tags spelt out ('R-Ariz.'
    -> republican, arizona) and title abbreviations too ('Gov.' -> governor)."""
    words: set[str] = set()
    for m in _PARTY_STATE.finditer(context):
        words.add(_PARTIES[m.group(1).lower()])
        state = m.group(2).lower().rstrip(".")
        words.update(_STATE_ABBREVIATIONS.get(state, state).split())
    for w in re.findall(r"[A-Za-z][\w'’]*", context):
        low = w.lower().removesuffix("'s").removesuffix("’s")
        words.add(_TITLE_ABBREVIATED.get(low, low))  # 'Gov.' is a governor
    return words


def _described_person(desc: str, text: str, pos: int, registry: _Registry,
                      people: _DocPeople) -> _Entity | None:
    """The one person named with all the words of a definite description ('the RNC chairman'
    -> 'RNC Chairman Michael Steele', 'The Arizona Republican' -> 'Sen. John McCain, R-Ariz.')
    in the text before `pos`; None when no one or several people fit. The title is read from
    the words written with the name in its own clause (and a party-state tag right after it)."""
    wanted = {w.lower().removesuffix("'s").removesuffix("’s")
              for w in re.findall(r"[A-Za-z][\w'’]*", desc)[1:]}
    if not wanted:
        return None
    found: list[_Entity] = []
    lo = max(0, pos - DESCRIPTION_LOOKBACK)
    for m in _NAME_RUN.finditer(text, lo, pos):
        run = re.sub(r"['’]s$", "", m.group())  # "President Barack Obama's speech"
        name, role = split_name_role(run)
        tag = _PARTY_TAG_AFTER.match(text, m.end())
        if role is None and tag is None:
            continue
        if not name or not _plausible_name(name):
            continue
        clause = re.split(r"[.,;:!?()\"“”]", text[max(lo, m.start() - 40):m.start()])[-1]
        have = _title_words(" ".join([*clause.split()[-3:], run, tag.group() if tag else ""]))
        if not all(_title_word_in(w, have) for w in wanted) or (have & _LESSER_RANKS) - wanted:
            continue  # 'the secretary' is not the deputy assistant secretary
        ent = _person_named(name, text, m.end(), registry, people, titled=True)
        if ent is None and len(name.split()) >= 2 and is_proper_name(name):
            ent = registry.person(name)  # 'Prime Minister Avi Dror': the title says a person
            ent.names[name] += 0
        if ent is not None and ent not in found:
            found.append(ent)
    return found[0] if len(found) == 1 else None


# A person's epithet: 'The Vermont independent', 'the former secretary of state', 'the
# 74-year-old billionaire' — a singular person noun after 'the' and up to four modifiers.
# Office titles: an epithet with one of these is the person before only when that person
# spoke earlier or was written with a title ('John Smith was sentenced. The judge said' is
# someone else). Functions one serves ('spokesman', 'judge', 'lawyer') are never epithets.
_OFFICE_EPITHETS = frozenset("""president secretary minister mayor senator governor congressman
    congresswoman leader candidate nominee chancellor premier lawmaker incumbent challenger
    frontrunner front-runner king queen prince sheikh pope general democrat republican
    executive founder""".split())
_EPITHET_HEADS = _OFFICE_EPITHETS | frozenset(
    """billionaire mogul tycoon magnate businessman businesswoman independent entrepreneur actor
    actress singer star coach manager striker midfielder goalkeeper captain forward player
    champion Dutchman Frenchman Englishman Irishman Welshman Scotsman Dutchwoman Frenchwoman
    Englishwoman Irishwoman Spaniard Briton Scot Dane Swede Finn Pole Turk""".split())
_EPITHET = re.compile(r"(?i)the\s+(?:[\w.'’-]+\s+){0,4}(?P<head>\d{1,3}-year-old|" + "|".join(
    sorted(_EPITHET_HEADS, key=len, reverse=True)) +
    r")(?:\s+of\s+(?:the\s+)?[\w.'’-]+(?:\s+[\w.'’-]+)?)?")


def _demonym_epithet(desc: str) -> bool:
    """'The Brazilian', 'the 34-year-old Nigerian': a person named by nationality."""
    m = re.fullmatch(r"(?i)the\s+(?:[\w.'’-]+\s+){0,3}([A-Z][a-z]+)", desc)
    if m is None or not m.group(1)[0].isupper() or m.group(1).endswith("s"):
        return False
    entry = gazetteer().lookup(m.group(1))
    return entry is not None and entry.category == "demonym"


def _epithet_person(desc: str, text: str, pos: int, registry: _Registry,
                    people: _DocPeople,
                    spoken: Sequence[tuple[int, _Entity]] = ()) -> _Entity | None:
    """The person an epithet opening a sentence refers to: the named subject of the sentence
    before, when that sentence names no other person or name and does not use the epithet's
    noun itself ('Bernie Sanders spoke in Iowa. The Vermont independent said …' -> Sanders; not
    after 'Merkel met Macron.', 'Biden called Putin a killer.', nor 'Trump attacked the
    senator.'); an office title only for a person who spoke before or was written with a title
    ('John Smith was sentenced. The senator said …' is someone else)."""
    if re.search(r"['’]s\b", desc):
        return None  # ("the capital's new mayor" is someone else's)
    epithet = _EPITHET.fullmatch(desc)
    if epithet is not None:
        head = epithet.group("head")
        if head[:1].isupper() and head.lower() not in ("republican", "democrat") and \
                not head[1:].islower():
            epithet = None
        elif head[:1].isupper() and head.lower() not in ("republican", "democrat") and \
                head.lower() not in _NATIONALITY_NOUNS:
            epithet = None  # 'The Independent said', 'The Star said': a newspaper
    if epithet is None and not _demonym_epithet(desc) and not _AGED.fullmatch(desc):
        return None  # ('The 49-year-old former judge': an age says a person, whatever noun)
    office = epithet is not None and epithet.group("head").lower() in _OFFICE_EPITHETS and \
        not re.search(r"(?i)\bformer\b", desc)  # ('the former secretary of state': held it)
    sentences = _sentences_before(text, pos)
    if len(sentences) < 2:
        return None
    own_start = sentences[0][0]
    lead = text[own_start:pos].strip(" \"“‘'«(”’»")
    if lead and lead.lower().rstrip(",") not in _SKIPPED_OPENERS:
        return None  # the epithet is not the subject of its sentence
    start, end = sentences[1]
    subject = _clause_subject(text, start, end)
    if subject is None or _quoted_at(text, start, subject[0]):
        # '"… roots," he said. The 58-year-old said …': the one person who spoke in the
        # sentence before
        before = {id(e): e for at, e in spoken[-6:] if start <= at < end and e.person}
        only = next(iter(before.values())) if len(before) == 1 else None
        return only if only is not None and (not office or only.roles) else None
    head_word = desc.split()[-1].lower() if " of " not in desc.lower() else \
        desc.lower().split(" of ")[0].split()[-1]
    rest = text[start:subject[0]] + " " + text[subject[0] + len(subject[1]):end]
    if re.search(r"(?i)\b" + re.escape(head_word) + r"\b", rest):
        return None  # 'Trump attacked the senator. The senator said …'
    ent = _person_named(subject[1], text, subject[0], registry, people, subject[2])
    if ent is None or not ent.person or not (
            subject[2] or any(len(n.split()) >= 2 for n in ent.names)):
        return None  # a lone capitalised word is no one until written in full
    if office and not (subject[2] or ent.roles):
        return None  # 'John Smith was sentenced. The judge/senator said …'
    if _other_name_after(text, subject[0] + len(subject[1]), end, ent, registry, people):
        return None  # two people named before: the epithet could be either
    return ent


_AGED = re.compile(r"(?i)the\s+(?:[\w.'’-]+\s+){0,2}\d{1,3}-year-old(?:\s+[a-z][\w.'’-]*){0,4}")
# Nationality nouns written with a capital ('The Dutchman', 'The Briton').
_NATIONALITY_NOUNS = frozenset(w.lower() for w in """Dutchman Frenchman Englishman Irishman
    Welshman Scotsman Dutchwoman Frenchwoman Englishwoman Irishwoman Spaniard Briton Scot Dane
    Swede Finn Pole Turk""".split())


def _other_name_after(text: str, lo: int, hi: int, ent: _Entity, registry: _Registry,
                      people: _DocPeople) -> bool:
    """Whether text[lo:hi] names someone or something besides `ent` that an epithet could
    mean: a person, or any capitalised name that is no place, month or day ('Biden called
    Putin a killer', 'The Commission fined Google')."""
    for m in _NAME_RUN.finditer(text, lo, hi):
        run = re.sub(r"['’]s$", "", m.group().rstrip(".,;:"))
        name, role = split_name_role(run)
        if not name or not _plausible_name(name) or name.lower() in _MONTHS_DAYS:
            continue
        if text[max(lo, m.start() - 1):m.start()] in ("“", "\""):
            continue  # a quoted word
        other = _person_named(name, text, m.end(), registry, people, role is not None)
        if other is ent:
            continue
        if other is not None:
            return True
        entry = gazetteer().lookup(name)
        if entry is not None and entry.category in ("country", "capital", "city", "demonym"):
            continue
        if _is_country(name) or name in _US_STATE_NAMES:
            continue
        return True
    return False


# A body's epithet: 'The group', 'the oil giant', 'The Japanese carmaker'.
_BODY_EPITHET = re.compile(r"(?i)the\s+(?:[\w.'’-]+\s+){0,3}(?:group|organi[sz]ation|company|"
                           r"firm|giant|carmaker|automaker|maker|manufacturer|bank|lender|"
                           r"retailer|insurer|airline|carrier|broadcaster|charity|watchdog|"
                           r"body|institution|operator|producer|developer|conglomerate|startup|"
                           r"publisher|network|movement|federation|association|league|club)")
_CONNECTORS = frozenset("of for and on de du des la le the".split())
_MONTHS_DAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december""".split())


def _body_subject(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The capitalised name opening the sentence [start, end) when a verb or a comma follows
    it ('The European Central Bank, which …, met', 'Human Rights Watch said'): where it is
    written, where it ends and its words; else None."""
    while start < end and text[start] in _OPEN_QUOTES:
        start += 1
    words: list[str] = []
    ends: list[int] = []
    for m in re.finditer(r"\S+", text[start:end]):
        tok = m.group()
        ends.append(start + m.start() + len(tok.rstrip(",")))
        bare = tok.rstrip(",")
        if not words and bare == "The":
            words.append(bare)
            continue
        if bare[:1].isupper() and not _POSSESSIVE_S.search(bare) and len(words) < 8:
            words.append(bare)
        elif bare in _CONNECTORS and words and words[-1] != "The" and len(words) < 8:
            words.append(bare)
            continue
        elif words and words[-1] not in _CONNECTORS and tok[:1].islower():
            break
        else:
            return None
        if tok.endswith(","):
            break
    while words and words[-1] in _CONNECTORS:
        words.pop()
    named = words[1:] if words and words[0] == "The" else words
    if not named or named[0].lower() in PRONOUNS | _NOT_SUBJECTS | _SKIPPED_OPENERS | \
            _CLAUSE_OPENERS:
        return None
    # 'The Central Bank of X' as the attribution would read it
    return start, ends[len(words) - 1], " ".join(words)


def _subject_body_before(text: str, pos: int, registry: _Registry, people: _DocPeople,
                         claim: Claim, history: _History) -> _Entity | None:
    """The body an 'It' or 'The group' opening a sentence refers to: the named subject of the
    sentence before when it is no person and that sentence names no other body ('Human Rights
    Watch released a report. The group said …', 'The ECB, which sets rates, met. It said …')."""
    sentences = _sentences_before(text, pos)
    if len(sentences) < 2:
        return None
    lead = text[sentences[0][0]:pos].strip(" \"“‘'«(”’»")
    if lead and lead.lower().rstrip(",") not in _SKIPPED_OPENERS:
        return None
    start, end = sentences[1]
    found = _body_subject(text, start, end)
    if found is None or found[2].lower() in COUNTRIES:
        return None
    at, at_end, name = found
    written, name = text[at:at_end], name.removeprefix("The ")  # 'The Central Bank of X'
    if name.split()[0].lower().rstrip(".") in FIRST_NAME_PRONOUN:
        return None  # a person
    if len(name) < 2 or (" " not in name and not _is_body(name) and (
            name.isupper() or not re.compile(
                r"\b(?!the\b|a\b|an\b)[a-z]+,?\s+" + re.escape(name) + r"\b").search(
                text, max(0, start - FULL_NAME_LOOKBACK), end + FULL_NAME_LOOKBACK) or
            _full_name_before(text, name, start, None) is not None)):
        return None  # 'Perhaps', 'More': a capitalised word never written inside a sentence;
        # 'Barden' after 'Mark Barden': a person
    for m in _NAME_RUN.finditer(text, at_end, end):
        other = m.group().rstrip(".,;:")
        if other.lower() in _MONTHS_DAYS or _is_country(other) or other in _US_STATE_NAMES:
            continue
        entry = gazetteer().lookup(other)
        if entry is not None and entry.category in ("capital", "city", "demonym"):
            continue
        if _is_body(other) or _SURNAME.match(other.split()[-1]) or (
                other.isupper() and len(other) >= 2):
            return None  # 'Shell sued BP.', 'The Commission fined Google.': either
    probe = claim.model_copy(update={"anonymous": False, "speaker_start": at,
                                     "speaker_end": at_end})
    ent = _resolve_one(written, probe, registry, people, history, text)
    if ent is None or ent.key.startswith("anon:") or \
            _pronoun_of(ent, text) is not None or (ent.person and (
                (ent in people and " " not in name) or (ent.first is not None and
                                  ent.first.lower() in FIRST_NAME_PRONOUN))):
        return None  # a person ('Netanyahu met Biden. It said …')
    return ent


def _title_word_in(word: str, have: set[str]) -> bool:
    """Whether a description's word is among a title's words ('israeli' meets 'Israel', not
    'president' 'presidential')."""
    return word in have or any(
        len(word) >= 5 and len(h) >= 5 and abs(len(h) - len(word)) <= 2 and
        (h.startswith(word) or word.startswith(h)) for h in have)


def _quoted_at(text: str, start: int, pos: int) -> bool:
    """Whether `pos` is inside a quotation that opens the sentence at `start`."""
    lead = text[start:pos]
    stripped = lead.lstrip()
    if not stripped or stripped[0] not in "\"“":
        return False
    opener = stripped[0]
    closer = "”" if opener == "“" else "\""
    return closer not in stripped[1:]


def _subject_antecedent(text: str, pos: int, pronoun: str, registry: _Registry,
                        people: _DocPeople, spoken: list[tuple[int, _Entity]]) -> _Entity | None:
    """The person a he/she/I at `pos` most likely is: the subject of its own sentence (before
    it, or after a leading clause that holds it), else of one of the sentences before, else a
    person who spoke in that sentence; a person of the other gender is skipped."""
    def fits(ent: _Entity | None) -> bool:
        return ent is not None and ent.person and (
            pronoun == "i" or _pronoun_of(ent, text) in (None, pronoun))

    sentences = _sentences_before(text, pos)
    sentences_lo = min((a for a, _b in sentences), default=pos)
    for k, (start, end) in enumerate(sentences):
        subject = _clause_subject(text, start, end)
        if subject is not None and _quoted_at(text, start, subject[0]):
            subject = None  # '"Chairman Steele needs to apologize," he said': a quoted name
        if subject is not None and (k > 0 or subject[0] < pos or _leading_clause(
                text, start, pos)):
            ent = _person_named(subject[1], text, subject[0], registry, people, subject[2])
            if ent is None and ((k == 0 and subject[0] < pos) or (subject[2] and not any(
                    e.person and _pronoun_of(e, text) in (None, pronoun)
                    for at, e in spoken[-12:] if at >= sentences_lo))) and \
                    _full_name_subject(subject[1]) and \
                    subject[1].split()[-1].lower() not in _THING_HEADS:
                # (a titled name of unknown gender gives way to a person who spoke just before)
                # "Lior Vant, an expert on X, said he …": a full name opening the pronoun's own
                # sentence is a person even with a first name no list knows; so is a titled
                # full name opening a sentence before ('lawmaker Tineke Strik welcomed it.')
                ent = registry.person(subject[1])
                ent.names[subject[1]] += 0
            if fits(ent):
                return ent
            if ent is not None and ent.person:
                # "Senator Ann Fry met Mr. Green. He said": the other gender's subject points
                # to the person named after it in the same sentence
                for m in reversed(list(_NAME_RUN.finditer(text, subject[0] + 1,
                                                          pos if k == 0 else end))):
                    name, role = split_name_role(m.group())
                    if not _plausible_name(name):
                        continue
                    other = _person_named(name, text, m.end(), registry, people,
                                          role is not None)
                    if other is not ent and fits(other):
                        return other
        limit = pos if k == 0 else end
        # a speaker the attribution found in this sentence (the latest one)
        for at, ent in reversed(spoken[-12:]):
            if start <= at < limit and fits(ent):
                return ent
    return None


# Capitalised names of things, not people ('the North American Free Trade Agreement').
_THING_HEADS = frozenset("""agreement act treaty accord plan bill law deal pact protocol convention
    program programme initiative strategy doctrine fund report amendment""".split())


def _full_name_subject(name: str) -> bool:
    """'Lior Vant', 'Ana M. Quill': two or three capitalised words (initials allowed) that are
    no institution and open with no title."""
    parts = name.split()
    if not 2 <= len(parts) <= 3 or _is_body(name):
        return False
    if parts[0].lower().rstrip(".") in TITLE_LOWER or not _SURNAME.match(parts[0]):
        return False
    return all(_SURNAME.match(t) or _INITIAL.match(t) for t in parts[1:])


_REPORTED_PRONOUN = re.compile(r"\b([a-z]+)\s+(?:(?:[\w.,'’-]+\s+){0,3}?that\s+)?$")


def _reporter_of(text: str, claim: Claim, pronoun: str, registry: _Registry,
                 people: _DocPeople, history: _History) -> _Entity | None:
    """'Half of the town's voters said they …', 'The agency announced that it …': the subject
    of the saying verb just before an it/they, when it is a body or a group (no single
    person) that the pronoun fits."""
    pos = claim.speaker_start
    assert pos is not None
    sentences = _sentences_before(text, pos)
    if not sentences:
        return None
    start = sentences[0][0]
    m = _REPORTED_PRONOUN.search(text, max(start, pos - 60), pos)
    if m is None or not _saying_verb(m.group(1)):
        return None
    while start < m.start() and text[start] in _OPEN_QUOTES:
        start += 1
    start = _skip_fronted(text, start, m.start())
    # "Early Tuesday, the agency said": a fronted phrase ends at the last comma
    phrase = text[start:m.start()].rsplit(",", 1)[-1].strip()
    words = phrase.split()
    if not 1 <= len(words) <= 6 or any(ch in phrase for ch in ",;:\"“”()—") or \
            words[0].lower() in PRONOUNS or words[0].lower() in _SKIPPED_OPENERS or \
            words[0].lower() in _CLAUSE_OPENERS:
        return None
    if not (words[-1][0].isupper() or words[-1].endswith("s")) or \
            any(w.lower() in AUXILIARIES for w in words):
        return None
    probe = claim.model_copy(update={"anonymous": is_anonymous(phrase)})
    ent = _resolve_one(phrase, probe, registry, people, history)
    if ent is None or ent.person or (pronoun == "it" and ent.anonymous):
        return None
    return ent


def _saying_verb(word: str) -> bool:
    if word in SAY_CUE_WORDS:
        return True
    frame = CUE_FRAMES.get(word)
    return frame is not None and frame.precision >= 0.5 and frame.noun < 0.3


_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2}):\s")


_NOT_LABELS = frozenset("UPDATE NOTE CORRECTION BREAKING WATCH READ MORE PHOTO VIDEO".split())


def _transcript_speaker(text: str, pos: int, registry: _Registry) -> _Entity | None:
    """The capitalised label opening the line of an I ('FALLIN: I think …', 'JOE LEE: I …')."""
    line = text.rfind("\n", 0, pos) + 1
    m = _TRANSCRIPT_LABEL.match(text, line, pos)
    if m is None or len(m.group(1)) < 3 or m.group(1).split()[-1] in _NOT_LABELS:
        return None
    label = m.group(1)
    if len(label.split()) >= 2:
        ent = registry.person(label)
    else:
        ent = registry.new("name:" + translit(label), person=True)
        registry.set_last(ent, label)
    ent.names[label] += 0
    return ent


_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}ing")


def _fronted_subject(text: str, pos: int, registry: _Registry,
                     people: _DocPeople) -> _Entity | None:
    """The person named right after the comma that closes a participial clause at `pos`."""
    comma = text.find(",", pos, pos + 200)
    if comma < 0 or any(ch in text[pos:comma] for ch in ".!?\n\"“”"):
        return None
    subject = _subject_at(text, comma + 1, min(len(text), comma + 200))
    if subject is None:
        return None
    ent = _person_named(subject[1], text, subject[0], registry, people, subject[2])
    return ent if ent is not None and ent.person else None


def _leading_clause(text: str, start: int, pos: int) -> bool:
    """Whether `pos` lies in a sentence's leading 'In …,' / 'When …,' clause (before its first
    comma)."""
    while start < pos and text[start] in _OPEN_QUOTES:
        start += 1
    first = re.match(r"[A-Za-z]+", text[start:pos])
    return bool(first and first.group().lower() in _CLAUSE_OPENERS and ","
                not in text[start:pos])
