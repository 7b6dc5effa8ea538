"""Discourse context for grouping: a claim that refers back to an event ("the attack", "that
attack", "This happened …") inherits the salient words (names, numbers, dates) of the sentence
it refers to, so that "Tehran has sought to implicate the US in the attack" can meet "a major
attack in Ahvaz killed 25 on September 22" on "Ahvaz", "25" and the date.

Rules (local coherence, within one paragraph, nearest antecedent first):
- a demonstrative + noun ("that attack", "these strikes") refers to the nearest earlier sentence
  whose words include that noun;
- "the" + noun refers to the nearest earlier sentence that introduced the noun with "a"/"an"
  (up to two words between), the indefinite-then-definite pattern of a new referent;
An antecedent's own inherited words pass on (chains of back-references).
A bare "This"/"That" opening a sentence ("This happened after a mortar attack …") is not followed:
such a sentence usually relates the previous event to a new one, and inheriting at full weight
made the new event look like the old one (measured on the seed pairs).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from core.models import Claim, Document
from core.segment import paragraph_spans, split_sentences
from core.tokens import _DATE_RE, STOP_WORDS, TOKEN_RE, Tokenizer, stem

_DEMONSTRATIVE_NOUN = re.compile(r"\b(?:that|this|these|those)\s+([a-z]{3,})\b", re.IGNORECASE)
_DEFINITE_NOUN = re.compile(r"\bthe\s+([a-z]{3,})\b", re.IGNORECASE)
_INDEFINITE_NOUN = re.compile(r"\b(?:a|an)\s+([a-z\-]+(?:\s+[a-z\-]+){0,2})", re.IGNORECASE)
SEPARATOR = " ; "
# Word types repeat: stemming each once keeps long documents cheap.
_stem = lru_cache(maxsize=65536)(stem)
_TOKENIZER = Tokenizer()


def _salient(text: str) -> list[str]:
    """Names (capitalised words that are not stop words), numbers and dates of a sentence."""
    dates = list(_DATE_RE.finditer(text))
    out = [m.group(0).rstrip(".") for m in dates]
    for token in TOKEN_RE.finditer(text):
        if any(m.start() <= token.start() < m.end() for m in dates):
            continue
        raw = token.group(0)
        info = _TOKENIZER.info(raw)
        if info.number or (info.term is not None and raw[0].isupper()):
            out.append(raw)
    return out


def _nouns(pattern: re.Pattern[str], text: str) -> set[str]:
    """Stems of the words the pattern's group captures (the noun, or the 1–3 words after 'a')."""
    return {_stem(w) for m in pattern.finditer(text) for w in m.group(1).lower().split()
            if w not in STOP_WORDS and len(w) >= 3}


def _backward(text: str) -> tuple[set[str], set[str]]:
    """(nouns after a demonstrative, nouns after 'the')."""
    return _nouns(_DEMONSTRATIVE_NOUN, text), _nouns(_DEFINITE_NOUN, text)


def _sentence_words(text: str) -> set[str]:
    return {_stem(w.lower()) for w in TOKEN_RE.findall(text)}


# An antecedent is looked for this many sentences back at most, and a claim inherits at most
# this many words: both bound the work on one huge paragraph (a 50 MB single-paragraph input)
# without changing anything on news paragraphs, which are a few sentences long.
MAX_LOOKBACK = 12
MAX_INHERITED = 24


class _Paragraph:
    """One paragraph's sentences, with each sentence's features computed only when asked for."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self.sentences = sentences
        self._own: dict[int, list[str]] = {}
        self._words: dict[int, set[str]] = {}
        self._introduced: dict[int, set[str]] = {}
        self._inherited: dict[int, list[str]] = {}
        self._antecedent: dict[int, int] = {}

    def own(self, k: int) -> list[str]:
        if k not in self._own:
            self._own[k] = _salient(self.sentences[k])
        return self._own[k]

    def words(self, k: int) -> set[str]:
        if k not in self._words:
            self._words[k] = _sentence_words(self.sentences[k])
        return self._words[k]

    def introduced(self, k: int) -> set[str]:
        if k not in self._introduced:
            self._introduced[k] = _nouns(_INDEFINITE_NOUN, self.sentences[k])
        return self._introduced[k]

    def antecedent(self, k: int) -> int:
        """The nearest earlier sentence that sentence k refers back to (-1: none)."""
        found = self._antecedent.get(k)
        if found is not None:
            return found
        found = -1
        demonstrative, definite = _backward(self.sentences[k])
        if demonstrative or definite:
            for back in range(k - 1, max(-1, k - 1 - MAX_LOOKBACK), -1):
                if demonstrative & self.words(back) or definite & self.introduced(back):
                    found = back
                    break
        self._antecedent[k] = found
        return found

    def inherited(self, k: int) -> list[str]:
        """Salient words sentence k inherits along its chain of back-references, nearest
        antecedent first: the first MAX_INHERITED of them, so only the chain's first links
        are read (at most MAX_INHERITED steps: a chain of sentences without names ends too)."""
        cached = self._inherited.get(k)
        if cached is not None:
            return cached
        words: list[str] = []
        at = k
        for _step in range(MAX_INHERITED):
            back = self.antecedent(at)
            if back < 0:
                break
            known = self._inherited.get(back)
            words.extend(self.own(back))
            if known is not None:
                words.extend(known)
                break
            if len(words) >= MAX_INHERITED:
                break
            at = back
        self._inherited[k] = words[:MAX_INHERITED]
        return self._inherited[k]


def paragraph_context(sentences: Sequence[str]) -> list[list[str]]:
    """Inherited salient words for each sentence of one paragraph (empty when it refers to
    nothing earlier)."""
    paragraph = _Paragraph(sentences)
    return [paragraph.inherited(k) for k in range(len(sentences))]


def claim_contexts(claims: Sequence[Claim], documents: Sequence[Document]) -> list[str]:
    """For each claim, the words it inherits from the sentence it refers back to ('' if none).

    The back-reference must lie inside the claim's span; the words come from the antecedent
    sentence of the same paragraph (see the module docstring). Only paragraphs holding a claim
    that refers back are split and read, and only the sentences its chain reaches: linear in
    the claims, whatever the document's length."""
    by_doc = {d.id: d for d in documents}
    out = [""] * len(claims)
    wanted: dict[str, list[int]] = {}
    for k, c in enumerate(claims):
        if c.document in by_doc and _refers_back(c.text):
            wanted.setdefault(c.document, []).append(k)
    locator = SentenceLocator()
    read: dict[tuple[str, int], _Paragraph] = {}
    for members in wanted.values():
        for k in members:
            claim = claims[k]
            doc = by_doc[claim.document]
            found = locator.locate(doc, claim.start)
            if found is None:
                continue
            at_p, at, spans = found
            paragraph = read.get((doc.id, at_p))
            if paragraph is None:
                paragraph = read[(doc.id, at_p)] = _Paragraph([doc.text[s:e] for s, e in spans])
            ctx = paragraph.inherited(at)
            if ctx:
                out[k] = SEPARATOR.join(ctx)
    return out


def _refers_back(text: str) -> bool:
    demonstrative, definite = _backward(text)
    return bool(demonstrative or definite)


# ---- a claim's own sentence ------------------------------------------------------------------

# Words of a sentence that only frames speech ("Mike Pompeo issued a statement.", "X tweeted
# concern."): the acts and their products. Reporting verbs are not terms at all (core/tokens.py).
FRAME_WORDS = frozenset(
    _stem(w) for w in """issue issued issues release released releases post posted posts publish
    published statement statements tweet tweets remark remarks comment comments concern concerns
    interview interviews message messages letter letters video videos speech speeches
    conference conferences briefing briefings press post release voice voiced express expressed
    respond responded response reply replied reaction react reacted""".split())
# A claim with fewer own terms than this ('"ridiculous."', 'there may be more to it') says what
# it is about only through the rest of its sentence.
CONTENT_POOR = 2


def _terms(text: str) -> list[str]:
    """Content terms (stop words and reporting verbs left out), as the similarity reads them."""
    out: list[str] = []
    for token in TOKEN_RE.finditer(text):
        term = _TOKENIZER.info(token.group(0)).term
        if term is not None:
            out.append(term)
    return out


def _outside(text: str, start: int, end: int, holes: Sequence[tuple[int, int]]) -> str:
    """text[start:end] with the `holes` blanked out (kept as spaces: no words are joined)."""
    chars = list(text[start:end])
    for a, b in holes:
        for k in range(max(a, start), min(b, end)):
            chars[k - start] = " "
    return "".join(chars)


def sentence_contexts(claims: Sequence[Claim], documents: Sequence[Document]) -> list[str]:
    """For each claim, what its own sentence says about its topic ('' if nothing is needed).

    - A content-poor claim (fewer than CONTENT_POOR terms of its own: 'Iran called the closure
      "ridiculous."', 'Although indirect fire … was cited as a reason, other sources said there
      may be more to it') takes the words of its sentence outside its span, its speaker and its
      cue: what it is about ("the closure", the indirect fire).
    - A frame sentence, narration that only says someone spoke ('Mike Pompeo issued a
      statement.', 'X, Minister of …, tweeted concern.': nothing left once the next claim's
      speaker, role and FRAME_WORDS are taken out), takes the text of that next claim of the
      same paragraph: it introduces it and belongs to its event.
    Linear in the claims: each paragraph holding such a claim is split once."""
    by_doc = {d.id: d for d in documents}
    out = [""] * len(claims)
    order = sorted(range(len(claims)), key=lambda k: (claims[k].document, claims[k].start))
    next_of: dict[int, int] = {}
    for x, k in enumerate(order[:-1]):
        nxt = order[x + 1]
        if claims[nxt].document == claims[k].document:
            next_of[k] = nxt
    locator = SentenceLocator()
    for k, claim in enumerate(claims):
        doc = by_doc.get(claim.document)
        if doc is None:
            continue
        own = _terms(claim.text)
        if claim.kind == "narration":
            following = next_of.get(k)
            if following is None or claims[following].kind == "narration" or \
                    claims[following].paragraph != claim.paragraph:
                continue
            follower = claims[following]
            named = set(_terms(" ".join(filter(None, (
                follower.speaker, follower.role, follower.speaker_mention)))))
            rest = [t for t in own if t not in named and t not in FRAME_WORDS]
            if not rest and set(own) & named:  # it names the speaker, and says nothing else
                out[k] = follower.text
            continue
        if len(set(own)) >= CONTENT_POOR:
            continue
        found = locator.locate(doc, claim.start)
        if found is None:
            continue
        _at_p, at_s, spans = found
        sentence = spans[at_s]
        holes = [(claim.start, claim.end)]
        if claim.speaker_start is not None and claim.speaker_end is not None:
            holes.append((claim.speaker_start, claim.speaker_end))
        rest_text = _outside(doc.text, sentence[0], sentence[1], holes)
        cue = {_stem(w.lower()) for w in (claim.cue or "").split()}
        words = [w for w in TOKEN_RE.findall(rest_text) if _stem(w.lower()) not in cue]
        if _terms(" ".join(words)):
            out[k] = " ".join(words)
    return out


# A card shows the whole sentence of a claim this short (content-poor, or a fragment of a few
# words), when the sentence is not much longer: '"ridiculous."' reads 'Iran called the closure
# "ridiculous."'.
CARD_SENTENCE_MAX_CHARS = 240


def claim_sentence(claim: Claim, doc: Document, locator: SentenceLocator | None = None
                   ) -> tuple[int, int] | None:
    """The span of the sentence around a claim that says little on its own (fewer than
    CONTENT_POOR content terms), when that sentence says more and is short enough to show;
    else None."""
    if len(set(_terms(claim.text))) >= CONTENT_POOR:
        return None
    found = (locator or SentenceLocator()).locate(doc, claim.start)
    if found is None:
        return None
    _at_p, at_s, spans = found
    start, end = spans[at_s]
    if end - start > CARD_SENTENCE_MAX_CHARS or not (start <= claim.start and claim.end <= end):
        return None
    if not _terms(_outside(doc.text, start, end, [(claim.start, claim.end)])):
        return None
    return start, end


class SentenceLocator:
    """Finds the sentence that holds an offset: each document's paragraphs and each paragraph's
    sentences are split once, and found by bisection over their starts (a long document has many
    paragraphs, a long paragraph many sentences)."""

    def __init__(self) -> None:
        self._paragraphs: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
        self._sentences: dict[tuple[str, int], tuple[list[int], list[tuple[int, int]]]] = {}

    def locate(self, doc: Document, at: int) -> tuple[int, int, list[tuple[int, int]]] | None:
        """(paragraph index, sentence index, the paragraph's sentence spans) for offset `at`,
        None outside the body's sentences."""
        if doc.id not in self._paragraphs:
            spans = paragraph_spans(doc)
            self._paragraphs[doc.id] = ([s for s, _e in spans], spans)
        p_starts, paragraphs = self._paragraphs[doc.id]
        at_p = bisect_right(p_starts, at) - 1
        if at_p < 0:
            return None
        key = (doc.id, at_p)
        if key not in self._sentences:
            spans = list(split_sentences(doc.text, *paragraphs[at_p]))
            self._sentences[key] = ([s for s, _e in spans], spans)
        starts, spans = self._sentences[key]
        at_s = bisect_right(starts, at) - 1
        if at_s < 0 or not spans[at_s][0] <= at < spans[at_s][1]:
            return None
        return at_p, at_s, spans
