"""Page furniture: which parts of a document's text are article content.

Text copied or scraped from a web page carries the page around the article: "top of page",
share buttons, bylines, photo credits, view counters, cookie banners, "Related" lists, the comment
section. `find_body` marks the article content as spans of the text (offsets index the text
exactly; nothing is removed from it) and returns what the furniture tells about the article
(title, byline author, dateline) on the side.

The signals are general, not strings of one site:
- units: a line, or several hard-wrapped lines of one paragraph read as one unit;
- prose: a unit with a few content words that ends like a sentence (. ? ! or a closing quote),
  or a long one. Prose is body even if it says "comments", unless an unmistakable furniture
  pattern (a byline, a credit line, a cookie banner, a "Read more:" label) covers it;
- vocabulary: a short unit made only of interface words (share, tweet, subscribe, views, menu…),
  function words and numbers is furniture ("96 views0 comments", "Back to top");
- timestamps, photo credits, bylines ("By NAME", "Writer's picture NAME");
- position: short non-sentence units before the first or after the last prose unit are
  furniture (site names, deck lines, tag lists); between prose they stay body (sub-headings);
- lists: a "Related"/"Read more" heading makes the headline-like units after it furniture; a
  comment-section heading in the second half of the text ends the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from pydantic import BaseModel, Field

from core.ingest_meta import parse_date
from core.models import Span
from core.segment import split_sentences


class FurnitureSpan(BaseModel):
    """A stretch of text that is not article content, and why."""

    start: int
    end: int
    reason: str


class Layout(BaseModel):
    """What `find_body` found in one text."""

    body: list[Span] = Field(default_factory=list, description="Article content, in text order.")
    furniture: list[FurnitureSpan] = Field(default_factory=list)
    title: str | None = Field(default=None, description="Title line found in the text (heuristic).")
    title_span: Span | None = None
    author: str | None = Field(default=None, description="Name from a byline, if any.")
    published: str | None = Field(default=None, description="ISO date from a dateline, if any.")


# Reasons, as shown to users and asserted in tests.
TITLE = "title"
BYLINE = "byline"
PHOTO_CREDIT = "photo credit"
TIMESTAMP = "timestamp"
CONTROLS = "site controls or counters"
BOILERPLATE = "site boilerplate"
RELATED = "related links"
COMMENTS = "comment section"
IMAGE = "image"
BEFORE_ARTICLE = "before the article text"
AFTER_ARTICLE = "after the article text"
DECORATION = "separator or bare link"

# Unit kinds found by looking at one unit alone.
_PROSE = 0
_AMBIGUOUS = 1
_FURNITURE = 2
_LIST_HEAD = 3
_COMMENTS_HEAD = 4

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MARKER = re.compile(r"(?:[#>]+[ \t]*|[-*+•·▪◦‣][ \t]+)+")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*(?:\s[^)]*)?\)")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+")
# Sentence-final marks, Latin, Arabic and CJK.
_SENTENCE_FINAL = ".?!…。！？؟۔"
_QUESTION_FINAL = "?!！？؟"
_CLOSERS = "\"'”’»)]"
_QUOTES = "\"'”’»"

_STOP = frozenset(
    "a an the to of on in for our your us this that these those and or with via by at from all "
    "me my up out is it its here now you we be no yet first not are was has have will off just "
    "get go new any every one as if so than then there what when where who how why can do k".split()
)
_UI = frozenset(
    """
    share shares shared sharing tweet tweets retweet retweets email e mail print printer
    subscribe subscribed subscriber subscribers subscription subscriptions unsubscribe sign signin
    signup login logout log register account advertisement advertisements advert advertising ad ads
    sponsored promoted comment comments commenting view views viewed like likes liked reaction
    reactions reply replies read reads reading related cookie cookies accept decline reject
    consent preferences settings privacy policy terms skip content menu home homepage search
    facebook twitter whatsapp linkedin pinterest reddit telegram instagram youtube tiktok
    flipboard messenger copy copied link links url follow following followers newsletter
    newsletters inbox close next previous prev save saved bookmark bookmarks report see load
    show hide toggle navigation nav trending popular recommended latest most more recent loading
    closed leave open gallery photo photos video videos watch listen audio podcast download app
    apps contact about help feedback notifications alerts premium join discussion conversation
    thanks thank writer's picture author authors profile tags tag topics categories category
    archive archives rss feed sitemap embed permalink translate top bottom back page pages main
    full site website story stories article articles post posts below above continue continues
    continued free min mins minute minutes hour hours day days ago updated published posted
    edit edited print sms whatsapp x send forward click here tap more less expand collapse
    """.split()
)
_TIME = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun am pm a p m et est edt ct cst cdt
    mt mst mdt pt pst pdt gmt bst utc cet cest eet eest ast ist msk z t
    """.split()
)

_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|al-[A-Z][\w'’\-]*|(?:de|van|von|der|den|bin|ibn|da|del|la|le|du)\b)"
_NAME = _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,4}"
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|story by|posted by|reported by|text by|authors?)[ \t]*:?[ \t]+"
    r"(?P<names>" + _NAME + r"(?:[ \t]*(?:,|and|&)[ \t]+" + _NAME + r")*?)"
    r"(?P<rest>(?:[ \t]*[,|·•/–—-]|[ \t]+(?i:on|in|for|at)\b).*)?$"
)
# WordPress: "Posted on September 30, 2018 by basrawatch".
_POSTED_BYLINE = re.compile(
    r"^(?i:posted|published)(?i: on)?[ \t]+(?P<date>[^|]{4,40}?)[ \t]+(?i:by)[ \t]+(?P<names>[\w.' -]{1,40})$"
)
_WIX_BYLINE = re.compile(r"^(?i:writer['’]?s[ \t]*picture)[ \t]*(?P<names>\S.{0,60})$")
_BYLINE_REST_WORDS = frozenset(
    "on at in and of the for with from via to staff writer writers correspondent correspondents "
    "reporter reporters editor editors contributor contributors contributing senior chief special "
    "updated published posted am pm a m p min read news".split()
)

class _Rule(NamedTuple):
    pattern: re.Pattern[str]
    reason: str
    # Lower-case strings one of which must occur before the regex is tried: Python's re is slow
    # at unanchored case-insensitive alternations, and most units contain none of these.
    keywords: tuple[str, ...] = ()


# Furniture even when the unit reads like a sentence.
_OVERRIDES: tuple[_Rule, ...] = (
    _Rule(re.compile(
        r"^(?:photo|photograph|image|picture|video|graphic|illustration|file photo|caption|"
        r"photo credit|image credit|top image|header image|featured image|pictured)s?[ \t]*[:|]",
        re.I), PHOTO_CREDIT),
    _Rule(re.compile(r"\b(?:image|media|photo|picture) (?:copyright|caption|credit)\b", re.I), PHOTO_CREDIT,
          ("copyright", "caption", "credit")),
    _Rule(re.compile(r"\((?:AP|AFP|Reuters|REUTERS|EPA|Getty|Xinhua|Anadolu|UPI|dpa)\b[^()]{0,80}\)[.\s]*$"),
          PHOTO_CREDIT, (")",)),
    _Rule(re.compile(r"\b(?:REUTERS|AFP|AP|EPA|EPA-EFE)/[A-Z]"), PHOTO_CREDIT, ("/",)),
    _Rule(re.compile(r"(?i:getty images|shutterstock|alamy)(?: for [^.]{1,40})?[ \t]*\)?[ \t]*$"), PHOTO_CREDIT,
          ("getty", "shutterstock", "alamy")),
    _Rule(re.compile(
        r"^(?:advertisement|sponsored(?: content)?|tags?|topics?|filed under|"
        r"share this(?: article| story| post)?|follow us|subscribe|watch|listen)[ \t]*[:|»›>–—-]",
        re.I), BOILERPLATE),
    _Rule(re.compile(r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|edited) by\b", re.I),
          BOILERPLATE),
    _Rule(re.compile(
        r"\bwe use cookies\b|\buses? cookies\b|\b(?:accept|allow|manage|reject)(?: all)? cookies\b|"
        r"\bcookie (?:policy|settings|preferences|notice|consent)\b", re.I), BOILERPLATE, ("cookie",)),
    _Rule(re.compile(r"\bby (?:continuing|clicking|using this (?:site|website))\b.*\b(?:agree|consent|accept)", re.I),
          BOILERPLATE, ("continuing", "clicking", "using this")),
    _Rule(re.compile(
        r"\b(?:sign up|register) (?:for|to) (?:our|the|my)\b.*\bnewsletters?\b|"
        r"\bsubscribe to (?:our|the|my)\b.*\b(?:newsletter|channel|podcast)s?\b|"
        r"\b(?:delivered|straight) to your inbox\b", re.I),
          BOILERPLATE, ("newsletter", "inbox", "channel", "podcast")),
    _Rule(re.compile(
        r"\ball rights reserved\b|^©|©[ \t]*\d{4}|^copyright\b|\bclick here\b|\btrust principles\b|"
        r"\b(?:enable|turn on) javascript\b|\byour browser does not support\b|"
        r"\byour email address will not be published\b", re.I),
          BOILERPLATE, ("reserved", "©", "copyright", "click here", "principles", "javascript", "browser",
                        "email address")),
    _Rule(re.compile(
        r"\bthis (?:article|story|post) (?:was|has been|is) (?:originally |first )?"
        r"(?:published|updated|amended|corrected)\b", re.I),
          BOILERPLATE, ("this article", "this story", "this post")),
    _Rule(re.compile(
        # Phrases people also say ("follow me on Twitter") only count at the start of a unit.
        r"^(?:follow (?:us|me) on|join (?:the|our) (?:discussion|conversation)|leave a (?:comment|reply)|"
        r"comments? (?:are|is) closed)\b|"
        r"\b(?:get|download) (?:our|the) app\b|\b(?:log|sign) ?in to (?:comment|reply|continue)\b|"
        r"\bto continue reading\b|\bsubscribers? only\b|\bstory continues below\b", re.I),
          BOILERPLATE, ("our app", "the app", "follow us on", "follow me on", "join the", "join our",
                        "leave a", "are closed", "is closed", "in to comment", "in to reply",
                        "in to continue", "continue reading", "subscriber", "continues below")),
)
_TAIL_OVERRIDES = _OVERRIDES[2:5]
_RULE_KEYWORDS = tuple(sorted({k for rule in _OVERRIDES for k in rule.keywords}))
# Units longer than this are prose unless a credit ends them (no banner or label is this long).
_LONG_UNIT = 500
_TAIL_CHARS = 200

_RELATED_LABEL = re.compile(
    r"^(?:related(?: \w+)?|read more|read also|also read|more reading|further reading|see also|"
    r"more on this(?: story)?|more (?:stories|news)|more (?:from|in) [^:]{1,40}|"
    r"recommended(?: \w+)?|you (?:may|might) also like|don't miss|most (?:read|popular|viewed|shared)|"
    r"trending(?: now| stories)?|popular(?: now| stories)?|top stories|latest(?: news| stories)?|"
    r"recent posts|editor'?s picks|what to read next|up next)"
    r"[ \t]*(?:[:.|»›>–—-][ \t]*(?P<item>.*))?$",
    re.I,
)
_COMMENTS_LABEL = re.compile(
    r"^(?:\d+[ \t]+)?(?:comments?|responses?|replies|discussion|reader comments|"
    r"leave a (?:comment|reply)(?: cancel reply)?|join the (?:discussion|conversation)|add a comment|"
    r"post a comment|write a comment|comments are closed|show comments|view comments|"
    r"\d+ thoughts? on .*|(?:responses?|replies|comments?) to .*)[ \t]*[:.]?$",
    re.I,
)
_AUTHOR_BOX = re.compile(r"(?i:written by\b|about the (?:author|writer)\b)")
_MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
_SOFT_CREDIT_KEYWORDS = (
    "getty", "shutterstock", "alamy", "afp", "reuters", "associated press", "ap photo", "epa",
    "photo", "image", "picture",
)
_SOFT_CREDIT = re.compile(
    r"\b(?:getty images|shutterstock|alamy|afp|reuters|associated press|ap photo|epa)\b|"
    r"\b(?:photo|image|picture)s? (?:by|courtesy of|credit)\b",
    re.I,
)
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")

# Comment-section headings and bylines only end the article in the second half of the text.
_END_MARKER_MIN_POSITION = 0.5
_TITLE_MAX_WORDS = 25
# A headline with a full stop is taken when it is this short or in title case.
_SHORT_HEADLINE_WORDS = 12
_TITLE_MIN_WORDS = 3
_RELATED_ITEM_MAX_WORDS = 20
_WRAP_MIN_CHARS = 30
_WRAP_MIN_RATIO = 0.6


class _Unit(NamedTuple):
    start: int  # first character of the content (after indentation and list/heading markers)
    end: int  # end of the content (trailing whitespace excluded)
    block: int  # index of the blank-line separated block
    lines: int
    kind: int
    reason: str
    heading: bool  # a markdown '#' heading
    author: str | None  # from a byline
    published: str | None  # ISO date from a byline or timestamp


class _Verdict(NamedTuple):
    kind: int
    reason: str
    author: str | None = None
    published: str | None = None


# Line markers, removed from a line's content.
_NO_MARKER = 0
_HEADING = 1
_BULLET = 2
_QUOTE = 3


class _Line(NamedTuple):
    start: int
    end: int
    verdict: _Verdict
    marker: int


def find_body(text: str, start: int = 0, known_title: str | None = None) -> Layout:
    """Split `text[start:]` into article content (body spans) and page furniture.

    `start` skips a prefix that is not body (front matter). `known_title` (from metadata) marks
    the matching line at the top as the title; without it a headline-like line before the first
    paragraph is taken as the title.
    """
    units = _units(text, start)
    layout = Layout()
    if not units:
        return layout
    roles = [unit.reason if unit.kind == _FURNITURE else "" for unit in units]
    _mark_sections(text, units, roles)
    prose = [i for i, u in enumerate(units) if u.kind == _PROSE and not roles[i]]
    if prose:
        first, last = prose[0], prose[-1]
        for i in range(first):
            if not roles[i]:
                roles[i] = BEFORE_ARTICLE
        for i in range(last + 1, len(units)):
            if not roles[i]:
                roles[i] = AFTER_ARTICLE
    else:
        first = len(units)
    _mark_title(text, units, roles, first, known_title, layout, guess=bool(prose))
    if not prose and layout.title is not None and all(roles):
        # A lone heading is all there is: it is the text, not a title.
        roles = [("" if role == TITLE else role) for role in roles]
        layout.title = layout.title_span = None
    _collect(units, roles, layout)
    _set_byline_and_date(units, roles, first, layout)
    return layout


def _set_byline_and_date(units: list[_Unit], roles: list[str], first_prose: int, layout: Layout) -> None:
    """Author from the first byline, date from the first dateline before the article (else the
    first one anywhere), leaving out related-link lists and comments."""
    usable = [i for i, role in enumerate(roles) if role not in (RELATED, COMMENTS)]
    layout.author = next((units[i].author for i in usable if units[i].author), None)
    dated = [i for i in usable if units[i].published]
    before = [i for i in dated if i < first_prose]
    layout.published = units[(before or dated)[0]].published if dated else None


def _collect(units: list[_Unit], roles: list[str], layout: Layout) -> None:
    body = layout.body
    previous: _Unit | None = None
    for unit, role in zip(units, roles, strict=True):
        if role:
            layout.furniture.append(FurnitureSpan(start=unit.start, end=unit.end, reason=role))
            previous = None
            continue
        if previous is not None and previous.block == unit.block:
            body[-1] = Span(start=body[-1].start, end=unit.end)
        else:
            body.append(Span(start=unit.start, end=unit.end))
        previous = unit


def _mark_sections(text: str, units: list[_Unit], roles: list[str]) -> None:
    """Related-link lists; and the end of the article: a comment-section heading, or an author
    box ("Written by …", "About the author") after the article has begun, in the second half."""
    in_list = False
    seen_prose = False
    for i, unit in enumerate(units):
        late = unit.start >= _END_MARKER_MIN_POSITION * len(text)
        author_box = seen_prose and _AUTHOR_BOX.match(text, unit.start, unit.end) is not None
        if late and (unit.kind == _COMMENTS_HEAD or author_box):
            tail_role = COMMENTS if unit.kind == _COMMENTS_HEAD else AFTER_ARTICLE
            for j in range(i + 1, len(units)):
                roles[j] = roles[j] or tail_role
            roles[i] = roles[i] or tail_role
            return
        seen_prose = seen_prose or unit.kind == _PROSE
        if unit.kind == _LIST_HEAD:
            roles[i] = RELATED
            in_list = True
            continue
        if in_list:
            if roles[i]:
                continue
            if unit.lines == 1 and _is_headline_like(text[unit.start:unit.end]):
                roles[i] = RELATED
                continue
            in_list = False
        if unit.kind == _COMMENTS_HEAD:
            roles[i] = CONTROLS


def _is_headline_like(unit_text: str) -> bool:
    words = len(unit_text.split())
    return words <= _RELATED_ITEM_MAX_WORDS and not unit_text.rstrip("\"'”’»)]").endswith(".")


def _mark_title(
    text: str, units: list[_Unit], roles: list[str], first_prose: int,
    known_title: str | None, layout: Layout, guess: bool,
) -> None:
    """Mark the title unit: the one matching `known_title`, else a markdown heading or (when
    `guess`) a headline-like line before the first paragraph."""
    top = min(first_prose + 1, len(units))
    if known_title:
        wanted = _comparable(known_title)
        for i in range(top):
            if roles[i] in ("", BEFORE_ARTICLE) and _matches_title(_comparable(_clean(text, units[i])), wanted):
                roles[i] = TITLE
                layout.title_span = Span(start=units[i].start, end=units[i].end)
                return
        return
    chosen = _pick_title(text, units, roles, first_prose, guess)
    if chosen is not None:
        unit = units[chosen]
        roles[chosen] = TITLE
        title = _clean(text, unit)
        # 'Obama sees insult if voters stay home.' reads as a title without its full stop.
        layout.title = title[:-1] if re.search(r"[a-z0-9’'”)]\.$", title) else title
        layout.title_span = Span(start=unit.start, end=unit.end)


def _pick_title(
    text: str, units: list[_Unit], roles: list[str], first_prose: int, guess: bool
) -> int | None:
    candidates = [
        i for i in range(min(first_prose, len(units)))
        if roles[i] in ("", BEFORE_ARTICLE) and units[i].lines == 1 and units[i].kind == _AMBIGUOUS
    ]
    for i in candidates:
        if units[i].heading:
            return i
    if not guess:
        return None
    headline_like = [
        i for i in candidates
        if _TITLE_MIN_WORDS <= len(_clean(text, units[i]).split()) <= _TITLE_MAX_WORDS
        and text[units[i].end - 1] != "."
    ]
    # A headline stands alone in its block; a site name and its tagline come together.
    alone = [i for i in headline_like if sum(1 for j in candidates if units[j].block == units[i].block) == 1]
    if alone or headline_like:
        return (alone or headline_like)[0]
    # A question or exclamation headline reads as prose: take it when more prose follows.
    if first_prose < len(units) - 1 and units[first_prose].lines == 1:
        unit = units[first_prose]
        cleaned = _clean(text, unit)
        next_is_other_block = units[first_prose + 1].block != unit.block
        if (
            _ends_like_headline_question(cleaned)
            and len(cleaned.split()) <= _TITLE_MAX_WORDS
            and next_is_other_block
            and any(u.kind == _PROSE for u in units[first_prose + 1:])
        ):
            return first_prose
        # A headline written with a full stop ('Obama sees insult if voters stay home.'): the
        # document's first line, one short sentence standing alone, with paragraphs after it.
        if (
            first_prose == 0 and guess
            and _TITLE_MIN_WORDS <= len(cleaned.split()) <= _TITLE_MAX_WORDS
            and next_is_other_block
            and _sentences(text, unit.start, unit.end) == 1
            and sum(1 for u in units[1:] if u.kind == _PROSE) >= 2
            # worded as a headline: in title case, or short with paragraphs of several
            # sentences after it (not a text of one-sentence paragraphs)
            and (_title_case(cleaned) or (
                len(cleaned.split()) <= _SHORT_HEADLINE_WORDS
                and any(u.kind == _PROSE and _sentences(text, u.start, u.end) > 1
                        for u in units[1:6])))
        ):
            return first_prose
    return None


def _sentences(text: str, start: int, end: int) -> int:
    return sum(1 for _ in split_sentences(text, start, end))


def _title_case(line: str) -> bool:
    """Most longer words capitalised ('Wash Post Fact-Check: If Obama Says It, It's True.')."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _comparable(value: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", value.casefold()).split())


def _matches_title(line: str, wanted: str) -> bool:
    return bool(wanted) and (line == wanted or (line.startswith(wanted) and len(line) - len(wanted) <= 40))


def _clean(text: str, unit: _Unit) -> str:
    """The unit's text as one line, without markdown markup."""
    return _without_links(text[unit.start:unit.end])


def _without_links(unit_text: str) -> str:
    """One line of text with markdown links reduced to their words."""
    if "](" in unit_text:
        unit_text = _MD_LINK.sub(r"\1", unit_text)
    return " ".join(unit_text.split())


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line's content from `start`, line breaks excluded."""
    pos = start
    for brk in _LINE_BREAK.finditer(text, start):
        yield pos, brk.start()
        pos = brk.end()
    if pos < len(text):
        yield pos, len(text)


def _units(text: str, start: int) -> list[_Unit]:
    """Every unit of the text from `start`, classified by itself."""
    units: list[_Unit] = []
    block = 0
    pending: list[_Line] = []  # the current block's lines

    def flush() -> None:
        for unit_start, unit_end, lines, verdict, marker in _join_wrapped(text, pending):
            heading = marker == _HEADING
            units.append(_Unit(
                unit_start, unit_end, block, lines, verdict.kind, verdict.reason, heading,
                verdict.author, verdict.published,
            ))
        pending.clear()

    for line_start, line_end in _lines(text, start):
        content_start, content_end, marker = _trim(text, line_start, line_end)
        if content_start >= content_end:
            if pending:
                flush()
                block += 1
            continue
        verdict = _classify(text[content_start:content_end])
        pending.append(_Line(content_start, content_end, verdict, marker))
    if pending:
        flush()
    return units


def _trim(text: str, start: int, end: int) -> tuple[int, int, int]:
    """Content bounds of a line without indentation and list/heading/quote markers, and the marker."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    found = _MARKER.match(text, start, end)
    if found is None:
        return start, end, _NO_MARKER
    marker = {"#": _HEADING, ">": _QUOTE}.get(text[start], _BULLET)
    return found.end(), end, marker


def _join_wrapped(text: str, lines: list[_Line]) -> Iterator[tuple[int, int, int, _Verdict, int]]:
    """Units of one block: hard-wrapped lines of a paragraph are joined and judged together."""
    longest = max(line.end - line.start for line in lines)
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and _wraps_into_next(text, lines[j], lines[j + 1], longest):
            j += 1
        verdict = lines[i].verdict
        if j > i:
            verdict = _classify(" ".join(text[line.start:line.end] for line in lines[i:j + 1]))
        yield lines[i].start, lines[j].end, j - i + 1, verdict, lines[i].marker
        i = j + 1


def _wraps_into_next(text: str, line: _Line, following: _Line, longest: int) -> bool:
    """True when `following` continues the paragraph that `line` starts (hard-wrapped text)."""
    length = line.end - line.start
    same_quote = line.marker == following.marker == _QUOTE
    return (
        line.marker in (_NO_MARKER, _BULLET, _QUOTE)
        and (following.marker == _NO_MARKER or same_quote)
        and line.verdict.kind in (_AMBIGUOUS, _PROSE)
        and following.verdict.kind in (_AMBIGUOUS, _PROSE)
        and length >= _WRAP_MIN_CHARS
        and length >= _WRAP_MIN_RATIO * longest
        and not _ends_like_sentence(text[line.start:line.end])
    )


def _classify(unit_text: str) -> _Verdict:
    """Judge one unit by itself (its text, markers already removed)."""
    if len(unit_text) > _LONG_UNIT:
        # A long paragraph: only a trailing credit can make it furniture (fast path for big inputs).
        tail = " ".join(unit_text[-_TAIL_CHARS:].split())
        if _matching_rule(tail, _TAIL_OVERRIDES) is not None:
            return _Verdict(_FURNITURE, PHOTO_CREDIT)
        return _Verdict(_PROSE, "")
    s = _without_links(unit_text)
    if _MD_IMAGE.match(unit_text):
        return _Verdict(_FURNITURE, IMAGE)
    byline = _byline(s)
    if byline is not None:
        return byline
    if _COMMENTS_LABEL.match(s):
        return _Verdict(_COMMENTS_HEAD, COMMENTS)
    rule = _matching_rule(s, _OVERRIDES)
    if rule is not None:
        return _Verdict(_FURNITURE, rule.reason)
    related = _RELATED_LABEL.match(s)
    if related is not None and (
        not related.group("item") or len(related.group("item").split()) <= _RELATED_ITEM_MAX_WORDS
    ):
        return _Verdict(_LIST_HEAD, RELATED)
    if _is_prose(s):
        return _Verdict(_PROSE, "")
    tokens = _tokens(s)
    if not tokens:
        # No word at all: a rule ("---", "* * *"), a bare link, an emoji row.
        return _Verdict(_FURNITURE, DECORATION)
    verdict = _vocabulary_verdict(s, tokens)
    if verdict is not None:
        return verdict
    lowered = s.lower()
    if any(k in lowered for k in _SOFT_CREDIT_KEYWORDS) and _SOFT_CREDIT.search(s):
        return _Verdict(_FURNITURE, PHOTO_CREDIT)
    return _Verdict(_AMBIGUOUS, "")


def _matching_rule(s: str, rules: tuple[_Rule, ...]) -> _Rule | None:
    lowered = s.lower()
    # One scan for every keyword, then only the rules whose keywords occur.
    hits = {k for k in _RULE_KEYWORDS if k in lowered}
    for rule in rules:
        if (not rule.keywords or not hits.isdisjoint(rule.keywords)) and rule.pattern.search(s):
            return rule
    return None


def _tokens(s: str) -> list[str]:
    lowered = s.lower().replace("’", "'")
    if "http" in lowered or "www." in lowered:
        lowered = _URL.sub(" ", lowered)
    return _TOKEN.findall(lowered)


def _ends_like_sentence(s: str) -> bool:
    """Ends with . ? ! … or a closing quote, possibly followed by closing quotes or brackets."""
    core = s.rstrip(_CLOSERS)
    if core and core[-1] in _SENTENCE_FINAL:
        return True
    return len(core) < len(s) and s[len(core)] in _QUOTES


def _ends_like_headline_question(s: str) -> bool:
    core = s.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _QUESTION_FINAL


def _is_prose(s: str) -> bool:
    ends_like_sentence = _ends_like_sentence(s) or s.endswith(":")
    if len(s) >= 150:
        words = s.count(" ") + 1
        return words >= 25 or (ends_like_sentence and words >= 4)
    if not ends_like_sentence:
        return False
    tokens = _tokens(s)
    if len(tokens) < 4:
        return False
    content = sum(1 for t in tokens if not t.isdigit() and t not in _UI and t not in _STOP)
    return content >= 2


def _vocabulary_verdict(s: str, tokens: list[str]) -> _Verdict | None:
    has_ui = has_time = has_number = False
    for token in tokens:
        if token.isdigit():
            has_number = True
        elif token in _TIME:
            has_time = True
        elif token in _UI:
            has_ui = True
        elif token not in _STOP:
            return None
    if has_number and (has_time or _CLOCK.search(s)):
        return _Verdict(_FURNITURE, TIMESTAMP, published=parse_date(s))
    if has_ui:
        return _Verdict(_FURNITURE, CONTROLS)
    return None


def _byline(s: str) -> _Verdict | None:
    wix = _WIX_BYLINE.match(s)
    if wix is not None:
        return _Verdict(_FURNITURE, BYLINE, author=wix.group("names").strip())
    posted = _POSTED_BYLINE.match(s)
    if posted is not None and parse_date(posted.group("date")):
        return _Verdict(
            _FURNITURE, BYLINE, author=posted.group("names").strip(), published=parse_date(posted.group("date"))
        )
    match = _BYLINE.match(s)
    if match is None:
        return None
    rest = match.group("rest") or ""
    for word in _WORD.findall(rest):
        # After the names come an outlet, a place, a role or a date, never a sentence.
        if not (word[0].isupper() or word.lower() in _BYLINE_REST_WORDS or word.lower() in _TIME):
            return None
    return _Verdict(_FURNITURE, BYLINE, author=match.group("names").strip(), published=parse_date(rest))
