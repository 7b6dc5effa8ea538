"""The built-in gazetteer (core/data/gazetteer.json): countries with demonyms, capitals, cities,
state bodies and state media (every UN member state, with the Holy See, Palestine, Kosovo and
Taiwan); international institutions (with the international sports bodies, each its own
perspective); think tanks and pollsters (analysts); news outlets; the 50 US
states (perspectives of their own for state officials, never scanned as places); major parties of
a few parliamentary democracies (perspectives of their own, never scanned as places); a short,
dated list of office-holders (`people`), read only when nothing in the text decides.

`gazetteer()` loads it once, lazily, and compiles two trie-shaped regexes (a plain alternation of
~2,000 terms would be tried term by term at every character). `Gazetteer.scan(text)` returns the
longest non-overlapping term hits in a text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import orjson

Category = Literal[
    "demonym", "country", "capital", "city", "body", "media",
    "institution", "think_tank", "pollster", "outlet", "ignore",
]
PerspectiveKind = Literal["government", "institution", "analyst", "press", "author", "other"]

ANALYSTS_ID = "analysts"
US_STATE_PREFIX = "united-states-"  # 'united-states-nebraska', beside 'united-states-congress'
PRESS_ID = "press"
UNIONS_ID = "unions"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def slugify(text: str) -> str:
    """Lower-case ASCII slug: 'Saudi Arabia' -> 'saudi-arabia', "Côte d'Ivoire" -> 'cote-d-ivoire'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def fold_name(text: str) -> str:
    """A person's name for lookup: ASCII, lower case, single spaces ('Erdoğan' = 'erdogan')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", ascii_text.lower()).split())


def normalize_term(text: str) -> str:
    """The lookup key of a term as written in a text: single spaces, straight apostrophes."""
    return " ".join(text.translate(_APOSTROPHES).split())


@dataclass(frozen=True, slots=True)
class Target:
    """A perspective the gazetteer can point to."""

    id: str
    label: str
    kind: PerspectiveKind


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer term: what it is and which perspective it points to (None for 'ignore')."""

    term: str
    category: Category
    target: str | None


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer term found in a text, with its offsets."""

    start: int
    end: int
    text: str
    entry: Entry


@dataclass(frozen=True, slots=True)
class UsState:
    """A US state: its perspective id and how texts name it. `ambiguous`: the bare name is
    something else too (Washington the capital metonym, Georgia the country, New York the city),
    so only a state office named with it, or an `alt` name ('Washington state'), is the state."""

    id: str
    name: str
    alt: tuple[str, ...]
    abbr: tuple[str, ...]  # in party-state tags: 'R-Neb.', 'D-NY'
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class Party:
    """A major political party of a parliamentary democracy, a perspective of its own ('Labour
    Party (UK)'). `names` name only this party ('Labour', 'Tories', 'SPD'); `context_names` are
    shared with other countries' parties or ordinary words ('Conservative', 'Liberals',
    'Congress') and count only in documents about the party's country. Not scanned as places:
    core.perspectives reads them, capitalised, for a party's own people ('Labour's deputy
    leader', 'a Conservative MP')."""

    id: str
    label: str
    country: str  # the country's perspective id
    names: tuple[str, ...]
    context_names: tuple[str, ...]


_COUNTRY_KEYS: tuple[tuple[str, Category], ...] = (
    ("alt", "country"), ("dem", "demonym"), ("cap", "capital"),
    ("cities", "city"), ("bodies", "body"), ("media", "media"),
)


def _is_case_sensitive(term: str) -> bool:
    # Abbreviations ('US', 'UN', 'AP', 'WHO', 'DOS') would otherwise match ordinary words.
    return any(ch.isalpha() for ch in term) and not any(ch.islower() for ch in term)


def _trie_regex(terms: list[str]) -> str:
    """A regex that matches any of `terms`, shaped as a trie so matching stays fast."""
    trie: dict[str, Any] = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else ("['’‘]" if ch == "'" else re.escape(ch))
            branches.append(piece + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # greedy optional: longest match first, backtracking to the shorter term
            return "(?:" + body + ")?"
        return body

    return build(trie)


class Gazetteer:
    """Lookup and scanning over the built-in gazetteer data."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.targets: dict[str, Target] = {
            ANALYSTS_ID: Target(ANALYSTS_ID, "Analysts & think tanks", "analyst"),
            PRESS_ID: Target(PRESS_ID, "Press", "press"),
            UNIONS_ID: Target(UNIONS_ID, "Unions & workers", "other"),
        }
        self.exact: dict[str, Entry] = {}
        self.folded: dict[str, Entry] = {}
        self.demonyms: dict[str, str] = {}  # country id -> its first demonym ('Kenyan')
        for country in data.get("countries", []):
            name = str(country["name"])
            cid = slugify(name)
            self.targets[cid] = Target(cid, name, "government")
            if country.get("dem"):
                self.demonyms[cid] = str(country["dem"][0])
            self._add(name, "country", cid)
            for key, category in _COUNTRY_KEYS:
                for term in country.get(key, []):
                    self._add(str(term), category, cid)
        for inst in data.get("institutions", []):
            iid = str(inst["id"])
            self.targets[iid] = Target(iid, str(inst["label"]), inst.get("kind", "institution"))
            for term in inst.get("aliases", []):
                self._add(str(term), "institution", iid)
        # non-governmental organisations known worldwide (aid, rights, environment): each a
        # perspective of its own, scanned like institutions
        self.ngos: frozenset[str] = frozenset(str(n["id"]) for n in data.get("ngos", []))
        for ngo in data.get("ngos", []):
            nid = str(ngo["id"])
            self.targets[nid] = Target(nid, str(ngo["label"]), "other")
            for term in ngo.get("aliases", []):
                self._add(str(term), "institution", nid)
        # US states: targets and names only; they stay out of the scanned terms, so a state's
        # name is no place evidence (core.perspectives reads them for state offices)
        self.us_states: dict[str, UsState] = {}
        for state in data.get("us_states", []):
            name = str(state["name"])
            sid = US_STATE_PREFIX + slugify(name)
            self.targets[sid] = Target(sid, name, "government")
            self.us_states[name] = UsState(
                sid, name, tuple(str(a) for a in state.get("alt", [])),
                tuple(str(a) for a in state.get("abbr", [])), bool(state.get("ambiguous", False)))
        self.parties: list[Party] = []
        for party in data.get("parties", []):
            pid = str(party["id"])
            self.targets[pid] = Target(pid, str(party["label"]), "other")
            self.parties.append(Party(
                pid, str(party["label"]), slugify(str(party["country"])),
                tuple(str(n) for n in party.get("names", [])),
                tuple(str(n) for n in party.get("context_names", []))))
        # office-holders: folded full name -> perspective id (see `person`)
        self.people: dict[str, str] = {}
        for target, names in data.get("people", {}).items():
            if target.startswith("_"):
                continue
            for n in names:
                self.people.setdefault(fold_name(str(n)), str(target))
        for term in data.get("think_tanks", []):
            self._add(str(term), "think_tank", ANALYSTS_ID)
        # polling firms read opinion, they hold none: analysts, like think tanks
        for term in data.get("pollsters", []):
            self._add(str(term), "pollster", ANALYSTS_ID)
        for term in data.get("outlets", []):
            self._add(str(term), "outlet", PRESS_ID)
        for term in data.get("ignore", []):
            self._add(str(term), "ignore", None)
        sensitive = sorted({e.term for e in self.exact.values()})
        insensitive = sorted({e.term for e in self.folded.values()})
        edge_l, edge_r = r"(?<![\w])", r"(?![\w])"
        self._sensitive = re.compile(edge_l + "(?:" + _trie_regex(sensitive) + ")" + edge_r)
        self._insensitive = re.compile(
            edge_l + "(?:" + _trie_regex([t.lower() for t in insensitive]) + ")" + edge_r,
            re.IGNORECASE,
        )

    def _add(self, term: str, category: Category, target: str | None) -> None:
        term = normalize_term(term)
        if not term:
            return
        entry = Entry(term, category, target)
        table, key = (self.exact, term) if _is_case_sensitive(term) else (self.folded, term.lower())
        table.setdefault(key, entry)  # first definition wins (countries before institutions …)
        if category == "demonym" and not term.endswith(("s", "sh", "ch", "ese")):
            # plural demonyms name the people ('the Iranians', 'Iraqis')
            self.folded.setdefault(term.lower() + "s", Entry(term + "s", category, target))

    def lookup(self, text: str) -> Entry | None:
        """The entry whose term is exactly `text` (modulo spacing and case rules), or None."""
        key = normalize_term(text)
        entry = self.exact.get(key)
        if entry is not None:
            return entry
        entry = self.folded.get(key.lower())
        if entry is not None and not _is_case_sensitive(entry.term):
            return entry
        return None

    def scan(self, text: str) -> list[Hit]:
        """Longest non-overlapping hits, left to right. Proper-noun terms must be capitalised."""
        found: list[Hit] = []
        for m in self._sensitive.finditer(text):
            entry = self.exact.get(normalize_term(m.group()))
            if entry is not None:
                found.append(Hit(m.start(), m.end(), m.group(), entry))
        pos = 0
        while (found_m := self._insensitive.search(text, pos)) is not None:
            matched = found_m.group()
            entry = self.folded.get(normalize_term(matched).lower())
            if entry is not None and entry.term[:1].isupper() and not matched[:1].isupper():
                # 'china', 'turkey', 'congress' in lower case are ordinary words; a rejected
                # match must not hide a term starting inside it ('the National Security …')
                pos = found_m.start() + 1
                continue
            if entry is not None:
                found.append(Hit(found_m.start(), found_m.end(), matched, entry))
            # a longer name may start inside an outlet's ('The Independent National Electoral
            # Commission'): look on from inside it
            pos = found_m.start() + 1 if entry is not None and entry.category == "outlet" else found_m.end()
        # an outlet's name must be the whole name: in 'The Independent National Electoral
        # Commission' a longer name starts inside it and goes on past it ('HuffPost Pollster',
        # 'National Review Online' stay outlets); 'an independent candidate' is lower case
        found = [h for h in found if h.entry.category != "outlet" or not any(
            h.start < o.start < h.end < o.end and o.entry.category != "outlet" for o in found)]
        found.sort(key=lambda h: (h.start, h.start - h.end))
        hits: list[Hit] = []
        last_end = -1
        for hit in found:
            if hit.start >= last_end:
                hits.append(hit)
                last_end = hit.end
        return hits

    def person(self, name: str) -> str | None:
        """The perspective of a listed office-holder by full name (None when not listed)."""
        return self.people.get(fold_name(name))

    def label(self, target: str) -> str:
        """Human label of a target id (the id itself when unknown)."""
        t = self.targets.get(target)
        return t.label if t else target


@cache
def gazetteer() -> Gazetteer:
    """The built-in gazetteer, loaded on first use."""
    raw = resources.files("core").joinpath("data", "gazetteer.json").read_bytes()
    return Gazetteer(orjson.loads(raw))
