"""Sentence and paragraph segmentation with exact character offsets.

A small rule-based splitter (no model, no download): sentence-final punctuation, optionally
followed by closing quotes or brackets, ends a sentence when the next word starts like a sentence.
An abbreviation list keeps "Mr.", "Gen.", "Jan. 5", initials ("Michael R. Pompeo") and
"U.S."/"a.m." inside their sentence unless a typical sentence opener follows them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from core.models import Document, Sentence

# Abbreviations that never end a sentence: a name, number or date always follows them.
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen sen rep gov lt col sgt capt adm prof st mt ft rev pres supt maj cmdr
    messrs hon amb sens reps gens cpl pvt fr sr. jan feb mar apr jun jul aug sep sept oct nov dec
    no nos vs v cf e.g i.e approx dept est fig vol pp ca univ assn ave blvd rd
    """.replace("sr.", "").split()
)
# Abbreviations that may also end a sentence ("… in the U.S. The …"): split only before an opener.
AMBIGUOUS_ABBREVIATIONS = frozenset(
    "u.s u.k u.n e.u d.c a.m p.m etc inc corp ltd co jr sr bros llc plc al u.s.a".split()
)
# Capitalised words that typically open a sentence (after an ambiguous abbreviation).
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there
    but and so yet or however meanwhile still in on at for after before when while if as since
    what who why how where then now also some many most one two both another other such no not
    according last earlier later during despite although though""".split()
)

_BOUNDARY = re.compile(r"(?:\.{3}|…|[.!?])+[\"”’'»)\]]*(?=\s)|(?:\.{3}|…|[.!?])+[\"”’'»)\]]*$")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORD = re.compile(r"\s+([\"“‘'(\[]*)([^\s]*)")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def body_spans(doc: Document) -> list[tuple[int, int]]:
    """The spans of `doc.text` that hold article content (all of it when body is empty)."""
    if doc.body:
        return [(s.start, s.end) for s in doc.body if s.end > s.start]
    return [(0, len(doc.text))]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_wrap(prev_line: str, next_line: str) -> bool:
    """A hard-wrapped line break inside a paragraph (not a paragraph break)."""
    p = prev_line.rstrip()
    n = next_line.lstrip()
    if p[-1:] in ("\"", "”", "’") and p.rstrip("\"”’")[-1:] == ",":
        p = p.rstrip("\"”’")  # '"We will not go back to work,"' / 'union leader Jo Park said.'
    return bool(p) and bool(n) and (p[-1].islower() or p[-1] in ",;") and n[0].islower()


def paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Paragraph spans in text[start:end]: blocks separated by blank lines or newlines
    (a line break between a lowercase end and a lowercase start is a hard wrap, not a break)."""
    line_start = start
    para_start: int | None = None
    prev_line = ""
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[line_start:line_end]
        if line.strip():
            if para_start is not None and not _is_wrap(prev_line, line):
                yield _trimmed(text, para_start, line_start)
                para_start = None
            if para_start is None:
                para_start = line_start
            prev_line = line
        elif para_start is not None:
            yield _trimmed(text, para_start, line_start)
            para_start = None
            prev_line = ""
        if nl < 0:
            break
        line_start = pos = nl + 1
    if para_start is not None:
        s, e = _trimmed(text, para_start, end)
        if e > s:
            yield s, e


def _ends_sentence(text: str, mark_start: int, mark_end: int, para_end: int) -> bool:
    """Whether the punctuation run text[mark_start:mark_end] ends a sentence."""
    nxt = _NEXT_WORD.match(text, mark_end, para_end)
    if nxt is None:
        return True  # end of the paragraph
    opener, word = nxt.group(1), nxt.group(2)
    if not word and not opener:
        return True
    first = (word or opener)[:1]
    if first.islower() or word in ("—", "–", "--"):
        return False  # 'LOS ANGELES, Calif. — The …': a dateline's dash goes on
    if text[mark_start] != ".":
        return True
    if mark_end - mark_start > 1 and text[mark_start + 1] in "\"”’'»)]":
        return True  # '…attacks." Next' — the period sits inside a closing quote
    before = _WORD_BEFORE.search(text, max(0, mark_start - 40), mark_start)
    if before is None:
        return True
    token = before.group(1)
    low = token.lower().rstrip(".")
    if low in TITLE_ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: "Michael R. Pompeo"
    if low in AMBIGUOUS_ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", low):
        return word.strip("\"“‘'(").lower() in SENTENCE_OPENERS
    return True


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans inside one paragraph text[start:end] (trimmed, exact offsets)."""
    sent_start = start
    pending: tuple[int, int] | None = None
    for m in _BOUNDARY.finditer(text, start, end):
        if _ends_sentence(text, m.start(), m.end(), end):
            s, e = _trimmed(text, sent_start, m.end())
            if e > s:
                if pending is not None and not _has_words(text, s, e):
                    pending = (pending[0], e)  # 'either? Concerned ... ”': the lone mark closes
                else:
                    if pending is not None:
                        yield pending
                    pending = (s, e)
            sent_start = m.end()
    s, e = _trimmed(text, sent_start, end)
    if e > s:
        if pending is not None and not _has_words(text, s, e):
            pending = (pending[0], e)
        else:
            if pending is not None:
                yield pending
            pending = (s, e)
    if pending is not None:
        yield pending


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def paragraph_spans(doc: Document) -> list[tuple[int, int]]:
    """Every paragraph span of the document body, in order."""
    out: list[tuple[int, int]] = []
    for b_start, b_end in body_spans(doc):
        out.extend(paragraphs(doc.text, b_start, b_end))
    return out


def segment_document(doc: Document) -> list[Sentence]:
    """Sentences of one document's body, numbered by paragraph."""
    out: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(doc)):
        for s, e in split_sentences(doc.text, p_start, p_end):
            out.append(Sentence(document=doc.id, start=s, end=e, paragraph=index))
    return out


def segment(documents: Sequence[Document]) -> list[Sentence]:
    """Sentences of every document's body, with exact offsets into `Document.text`."""
    out: list[Sentence] = []
    for doc in documents:
        out.extend(segment_document(doc))
    return out
