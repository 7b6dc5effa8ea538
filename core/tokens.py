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
)
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


def stem(word: str) -> str:
    """A light suffix stripper: threats/threat, attacked/attack, militias/militia, closing/close."""
    if len(word) <= 4 or word.endswith("ss") or word.endswith("us"):
        return word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]  # stopped -> stop
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
        return TermInfo(stem(low))

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
