"""Tokens for event grouping: content terms of a claim (stop words and reporting verbs dropped,
light stemming, numbers normalised), negation cues, and spelling-variant keys for names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Letters (with inner apostrophes/hyphens) or numbers (with inner separators).
TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['’\-][^\W\d_]+)*")

STOP_WORDS = frozenset(
    """a about above after again against all almost also although am among an and another any
    anyone anything are around as at be became because become been before being below between
    both but by can cannot could did do does doing done down during each either else etc even ever
    every few for from further get gets getting got had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least less like made make many
    may me might more most mostly much must my myself now of off often on once one only onto or
    other others otherwise our ours ourselves out over own per perhaps please put quite rather
    really same several shall she should since so some something still such than that the their
    theirs them themselves then there therefore these they thing things this those though through
    thus to too toward towards under until up upon us very via was we well were what whatever when
    where whether which while who whom whose why will with within would yet you your yours
    yourself yourselves mr mrs ms dr s t d ll m re ve""".split()
    # when, not what: 'last week' alone joined two unrelated claims; 'pushed back' is no 'back';
    # light verbs and adverbs that name no event ("I didn't see those requests" / "It's
    # wonderful to see you")
) | frozenset("""last next week weeks weekend back see sees saw seen seeing come comes came
    coming go goes went gone going know knows knew known knowing always never ever right
    want wants wanted think thinks thought look looks looked take takes took taken""".split())
# "US" the country is kept: it is lower-cased to "us" only when written "us" (pronoun).

REPORTING_VERBS = frozenset(
    """say says said saying tell tells told telling report reports reported reporting according
    add adds added note notes noted tweet tweets tweeted tweeting stated claim claims
    claimed write writes wrote written ask asks asked declare declares declared explain explains
    explained insist insists insisted argue argues argued suggest suggests suggested comment
    comments commented announce announces announced quote quoted quoting describe described
    statement spokesman spokeswoman spokesperson""".split()
)

NEGATION_CUES = frozenset(
    """not no never none nobody nothing neither nor without cannot deny denies denied
    denying""".split()
)

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow".split()
)

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1_000_000, "dozen": 12,
}
# "one" is too often a pronoun ("one of the ...") to count as a number.
_NUMBER_WORDS = {k: v for k, v in _UNITS.items() if k != "one"}

_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""))


def cut_at_word(text: str, limit: int, keep: float = 0.5) -> str:
    """`text` when it fits in `limit` characters; else cut after a whole word (when one ends
    past `keep` of the limit) and ended with '…', the whole at most `limit` long."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * keep else cut).rstrip(" ,;:") + "…"


def stem(word: str) -> str:
    """A light suffix stripper: threats/threat, attacked/attack, militias/militia, closing/close."""
    if len(word) <= 4 or word.endswith("ss") or word.endswith("us"):
        return word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + repl
            if (suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2]
                    and base[-1] not in "lsz"):
                base = base[:-1]  # stopped -> stop (but killed -> kill, as Porter does)
            return base.rstrip("e") if len(base) > 3 else base
    return word.rstrip("e")


def number_value(token: str) -> str | None:
    """'1,000' -> '1000', 'twenty-four' -> '24', 'hundred' -> '100'; None if not a number."""
    if token[0].isdigit():
        return token.replace(",", "").rstrip(".")
    low = token.lower()
    if low in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[low])
    if "-" in low:
        parts = low.split("-")
        if len(parts) == 2 and parts[0] in _UNITS and parts[1] in _UNITS:
            return str(_UNITS[parts[0]] + _UNITS[parts[1]])
    return None


# Irregular past forms of news verbs, so that "held" matches "hold" and "fled" matches "flee".
IRREGULAR_FORMS = {
    "held": "hold", "fled": "flee", "struck": "strike", "shot": "shoot", "led": "lead",
    "met": "meet", "won": "win", "lost": "lose", "began": "begin",
    "begun": "begin", "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise",
    "hit": "hit", "threw": "throw", "thrown": "throw", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "went": "go", "gone": "go", "came": "come", "sent": "send",
    "left": "leave", "kept": "keep", "broke": "break", "broken": "break", "spoke": "speak",
    "chose": "choose", "chosen": "choose", "caught": "catch", "brought": "bring", "built": "build",
    "bought": "buy", "sold": "sell", "paid": "pay", "seized": "seize", "died": "die", "dying": "die",
    "lying": "lie", "froze": "freeze", "frozen": "freeze", "stole": "steal", "stolen": "steal",
    "swore": "swear", "sworn": "swear", "withdrew": "withdraw", "withdrawn": "withdraw",
}
# A small, generic list of news-event word families that mean the same event argument: each
# group is folded onto its first word (after stemming). Kept short on purpose: a wrong synonym
# merges different events, so only near-exact equivalents in news reporting are listed.
EVENT_SYNONYMS = (
    ("responsible", "accountable", "liable"),
    ("withdraw", "withdrawal", "relocate", "relocation", "evacuate", "evacuation", "pullout"),
    ("kill", "dead", "die", "death", "fatality", "fatalities"),
    ("swift", "swiftly", "prompt", "promptly", "quick", "quickly", "rapid", "rapidly"),
    ("appropriate", "appropriately", "effective", "effectively", "proportionate"),
    ("close", "closure", "shut", "shutdown"),
    ("injure", "injured", "wound", "wounded", "hurt"),
    ("arrest", "detain", "detained", "detention"),
    ("diplomat", "diplomatic"),
    ("threat", "threaten", "threatened"),
)


@dataclass(slots=True)
class TermInfo:
    """What one raw token becomes: a term (or None when it does not count)."""

    term: str | None
    negation: bool = False
    number: bool = False


@dataclass
class Tokenizer:
    """Maps raw tokens to terms, caching per distinct raw token (100k lines reuse few types)."""

    cache: dict[str, TermInfo] = field(default_factory=dict)

    def info(self, raw: str) -> TermInfo:
        hit = self.cache.get(raw)
        if hit is not None:
            return hit
        info = self._compute(raw)
        self.cache[raw] = info
        return info

    @staticmethod
    def _compute(raw: str) -> TermInfo:
        if "." in raw:
            raw = raw.replace(".", "")  # U.S. -> US
        if raw == "US":
            return TermInfo("usa")  # the country, not the pronoun "us"
        low = raw.lower().replace("’", "'")
        if low.endswith("n't"):
            return TermInfo(None, negation=True)
        if low.endswith("'s"):
            low = low[:-2]
        low = low.strip("'-")
        if not low:
            return TermInfo(None)
        num = number_value(low)
        if num is not None:
            return TermInfo("#" + num, number=True)
        if low in NEGATION_CUES:
            return TermInfo(None, negation=True)
        if low in STOP_WORDS or low in REPORTING_VERBS or len(low) < 2:
            return TermInfo(None)
        low = IRREGULAR_FORMS.get(low, low)
        base = stem(low)
        return TermInfo(_SYNONYM_OF.get(base, base))

    def terms(self, text: str) -> tuple[list[str], list[str], bool]:
        """(terms, surface forms, has negation) of a text, in order."""
        terms: list[str] = []
        surfaces: list[str] = []
        negation = False
        for raw in TOKEN_RE.findall(text):
            info = self.info(raw)
            if info.term is not None:
                terms.append(info.term)
                surfaces.append(raw)
            elif info.negation:
                negation = True
        return terms, surfaces, negation


# Vowels, h and y carry little in transliterated names; w and v swap (Ahvaz/Ahwaz).
_VOWELS = str.maketrans("w", "v", "aeiouhy")


def variant_key(term: str) -> str:
    """Consonant skeleton used to find spelling variants: basra/basrah, soleimani/suleimani,
    ahvaz/ahwaz."""
    head, rest = term[0], term[1:].translate(_VOWELS)
    out = [head]
    for ch in rest:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


_SYNONYM_OF = {stem(IRREGULAR_FORMS.get(w, w)): stem(group[0]) for group in EVENT_SYNONYMS
               for w in group}

_MONTH_NUMBER = {m: k + 1 for k, m in enumerate(
    "january february march april may june july august september october november december"
    .split())}
_MONTH_NUMBER.update({m[:3]: k for m, k in list(_MONTH_NUMBER.items())})
_MONTH_NUMBER["sept"] = 9
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_ORDINAL_WEEK = {"first": (1, 7), "second": (8, 14), "third": (15, 21), "fourth": (22, 28),
                 "last": (22, 31), "final": (22, 31)}
_PART = {"early": (1, 10), "mid": (11, 20), "middle": (11, 20), "late": (21, 31),
         "end": (21, 31), "beginning": (1, 10), "start": (1, 10)}
_DATE_RE = re.compile(
    rf"\b(?:(?P<week>first|second|third|fourth|last|final)\s+week\s+of\s+{_MONTH}"
    rf"|(?P<part>early|mid|middle|late|end|beginning|start)(?:[-\s]+|\s+of\s+){_MONTH}"
    rf"|{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})",
    re.IGNORECASE,
)


def date_ranges(text: str) -> list[tuple[int, int, int]]:
    """Dates in a text as (month, first day, last day): 'September 22' -> (9, 22, 22), 'early
    September' -> (9, 1, 10), 'the first week of September' -> (9, 1, 7). Only dates with a day
    or a part of the month count: a bare month name says too little to tell two events apart."""
    out: list[tuple[int, int, int]] = []
    # Most sentences name no month: a plain split is ~10x cheaper than the date pattern.
    if MONTHS.isdisjoint(text.lower().replace(".", " ").replace(",", " ").split()):
        return out
    for m in _DATE_RE.finditer(text):
        month_word = next(g for g in m.groups()[::-1] if g and g.lower().rstrip(".") in _MONTH_NUMBER)
        month = _MONTH_NUMBER[month_word.lower().rstrip(".")]
        if m.group("week"):
            lo, hi = _ORDINAL_WEEK[m.group("week").lower()]
        elif m.group("part"):
            lo, hi = _PART[m.group("part").lower()]
        else:
            day = int(m.group("day") or m.group("day2"))
            if not 1 <= day <= 31:
                continue
            lo = hi = day
        out.append((month, lo, hi))
    return out


def dates_conflict(a: list[tuple[int, int, int]], b: list[tuple[int, int, int]]) -> bool:
    """Both texts give dates and none of them can be the same day."""
    if not a or not b:
        return False
    return not any(ma == mb and lo_a <= hi_b and lo_b <= hi_a
                   for ma, lo_a, hi_a in a for mb, lo_b, hi_b in b)
