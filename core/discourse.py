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

from core.models import Claim, Document
from core.segment import paragraph_spans, split_sentences
from core.tokens import _DATE_RE, STOP_WORDS, TOKEN_RE, Tokenizer, stem

_DEMONSTRATIVE_NOUN = re.compile(r"\b(?:that|this|these|those)\s+([a-z]{3,})\b", re.IGNORECASE)
_DEFINITE_NOUN = re.compile(r"\bthe\s+([a-z]{3,})\b", re.IGNORECASE)
_INDEFINITE_NOUN = re.compile(r"\b(?:a|an)\s+([a-z\-]+(?:\s+[a-z\-]+){0,2})", re.IGNORECASE)
SEPARATOR = " ; "
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
    return {stem(w) for m in pattern.finditer(text) for w in m.group(1).lower().split()
            if w not in STOP_WORDS and len(w) >= 3}


def _backward(text: str) -> tuple[set[str], set[str]]:
    """(nouns after a demonstrative, nouns after 'the')."""
    return _nouns(_DEMONSTRATIVE_NOUN, text), _nouns(_DEFINITE_NOUN, text)


def _sentence_words(text: str) -> set[str]:
    return {stem(w.lower()) for w in TOKEN_RE.findall(text)}


def paragraph_context(sentences: Sequence[str]) -> list[list[str]]:
    """Inherited salient words for each sentence of one paragraph (empty when it refers to
    nothing earlier)."""
    inherited: list[list[str]] = []
    own = [_salient(s) for s in sentences]
    words = [_sentence_words(s) for s in sentences]
    introduced = [_nouns(_INDEFINITE_NOUN, s) for s in sentences]
    for k, text in enumerate(sentences):
        demonstrative, definite = _backward(text)
        antecedent = -1
        for back in range(k - 1, -1, -1):
            if demonstrative & words[back] or definite & introduced[back]:
                antecedent = back
                break
        inherited.append([] if antecedent < 0 else own[antecedent] + inherited[antecedent])
    return inherited


def claim_contexts(claims: Sequence[Claim], documents: Sequence[Document]) -> list[str]:
    """For each claim, the words it inherits from the sentence it refers back to ('' if none).

    The back-reference must lie inside the claim's span; the words come from the antecedent
    sentence of the same paragraph (see the module docstring)."""
    by_doc = {d.id: d for d in documents}
    out = [""] * len(claims)
    wanted: dict[str, list[int]] = {}
    for k, c in enumerate(claims):
        if c.document in by_doc:
            wanted.setdefault(c.document, []).append(k)
    for doc_id, members in wanted.items():
        doc = by_doc[doc_id]
        spans: list[tuple[int, int, list[str]]] = []
        for p_start, p_end in paragraph_spans(doc):
            sentence_spans = list(split_sentences(doc.text, p_start, p_end))
            context = paragraph_context([doc.text[s:e] for s, e in sentence_spans])
            spans.extend((s, e, ctx) for (s, e), ctx in zip(sentence_spans, context, strict=True))
        starts = [s for s, _e, _ctx in spans]  # sentences in text order
        for k in members:
            claim = claims[k]
            # the sentence holding the claim's start (bisect: long documents have many)
            at = bisect_right(starts, claim.start) - 1
            if at < 0:
                continue
            s, e, ctx = spans[at]
            if ctx and s <= claim.start < e and _refers_back(claim.text):
                out[k] = SEPARATOR.join(ctx)
    return out


def _refers_back(text: str) -> bool:
    demonstrative, definite = _backward(text)
    return bool(demonstrative or definite)
