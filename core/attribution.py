"""Attribution: Documents in, Claims out (speaker mention, cue, kind, hedges).

Rule-based. Each body paragraph is split into sentences; double-quoted passages are found with
a quote scanner (curly and straight quotes, nesting, multi-paragraph quotes that re-open each
paragraph). A quote is attributed from the words around it (`"…," X said`, `X said: "…"`,
`X said that … "…"`); a quote without a cue continues the last speaker. Sentences without quotes
are checked for indirect speech (`X said (that) …`, `…, X said.`, `according to X, …`), then
for a learned cue (core/data/cues.json, word statistics from PolNeAR train made by
bench/derive_cues.py): a verb such as "endorsed", "hopes", "worried" after a source noun phrase
('X endorsed …'; the content is the rest of the clause), or a possessive noun cue ("Trump's claim
that …", "his call for …"). A learned cue fires when, in train, the rest of the sentence after
it was annotated content often enough (LEARNED_MIN_REST). A sentence (or the lead-in clause
before an attribution) that the rules leave as narration goes to a small trained classifier
(core/attribution_model.py): every learned cue form with a source phrase before it is a
candidate, and the most probable one above the classifier's threshold becomes an indirect claim.
Everything else is narration. Spans: a direct claim spans the quoted text including its quote
marks; an indirect claim spans its content (after the cue and "that", without the final period);
a narration claim spans its sentence. `claim.text == doc.text[claim.start:claim.end]` always.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from core.attribution_lexicon import (
    ACCORDING_TO,
    ADDRESSEE_CUES,
    AUXILIARIES,
    CUE_FRAMES,
    DETERMINERS,
    INSTITUTION_HEADS,
    JOINT_NAMES,
    LABEL_CUES,
    NAME_PARTICLES,
    NAME_WORDS,
    NEEDS_THAT,
    NO_INVERSION_CUES,
    NP_STOPS,
    PREPOSITIONS_IN_NP,
    PRONOUNS,
    ROLE_NOUNS,
    SAY_CUES,
    TITLE_WORDS,
    is_anonymous,
    is_capitalized,
    is_proper_name,
    list_members,
    split_name_role,
)
from core.attribution_model import CUE_MODEL, CueCandidate, CueModel
from core.hedges import find_hedges
from core.models import Claim, ClaimKind, Document
from core.segment import paragraph_spans, split_sentences

_TOKEN = re.compile(r"\S+")
_CUE = re.compile(r"\b(?:" + "|".join(sorted(set(SAY_CUES), key=len, reverse=True))
                  + r"|Says|Said|Tells|Warns|Claims|Insists|Admits)\b"  # headlines: "X Says Y"
                  # nouns, not cues: 'think tank', 'talk radio', 'talk show'
                  r"(?!(?<=think)\s+tanks?\b)(?!(?<=talk)\s+(?:radio|shows?|host)\b)")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
# 'calculated according to', 'varies according to': a manner, no source.
# Verbs that judge something in the speaker's words ('denounced the remarks as "…"').
_JUDGING_VERBS = frozenset("""denounced called described condemned criticized criticised praised
    slammed blasted dismissed branded labeled labelled hailed accused rejected welcomed mocked
    derided decried lauded""".split())
_TIMED_PARTICIPLE = re.compile(r"\s+(?:this|last|earlier|late)\s+(?:week|month|year|weekend|"
                               r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"
                               r"(?:also\s+)?[a-z]+(?:ed|s|t)\b")
_RELATIVE_AFTER = re.compile(r"\s*(?:who|which)\b[^,]{1,120},")
_MANNER_ACCORDING = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?(?:calculated|computed|determined|"
    r"measured|ranked|sorted|adjusted|distributed|allocated|weighted|classified|graded|priced|"
    r"scored|divided|assigned|arranged|indexed|organi[sz]ed|paid|taxed|set)|var(?:y|ies)|differs?|"
    r"depends?)\s+$")
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\b|:)\s*")
_WH = re.compile(r"\b(?:how|what|why|whether|if|when|where|who)\b")
_ADVERBIAL = re.compile(
    r"\s*,?\s*(?:(?:on|in|during|at|last|this|earlier|late|early|on\s+the)\s+)?"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|night|morning|afternoon|"
    r"evening|week|weekend|month|year|today|yesterday)\b(?:\s+(?:morning|night|afternoon|evening)"
    r")?|(?:in|on|during)\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+){0,2}?(?:statement|interview|"
    r"speech|tweet|post|letter|email|call|rally|conference|briefing|appearance|event|debate|"
    r"hearing|op-ed)(?:\s+(?:with|on|to|at|in)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?|"
    r"on\s+Twitter|to\s+reporters|to\s+[A-Z][\w.]*+(?:\s+[A-Z][\w.]*+){0,3}+(?![\w'’]))\s*,?"
)
_INTRO = re.compile(
    r"\b(?:issued|released|put\s+out|posted|published|sent|made|tweeted|wrote|gave|delivered)\s+"
    r"(?:a|an|the|his|her|their|its)?\s*(?:\w+\s+)?(?:statement|tweet|letter|message|note|"
    r"press\s+release|response|remarks|speech|concern|op-ed)\b"
)
_STATEMENT_BEFORE = re.compile(
    r"((?:[A-Z][\w.&-]*\s+){1,4}?)(?:'s\s+|’s\s+)?(?:statement|tweet|message|response|letter|"
    r"warning|promise|pledge|threat|vow)\s*[:,]?\s*$"
)
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:on|late|early|later|earlier|last|this))?\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?$")
# One-word "mentions" that are sentence openers, not speakers ("Speaking to reporters, …",
# "Hastily, …"). A closed list: a suffix rule (-ing/-ly) would also drop Beijing, Kelly, Manning.
_ANONYMITY = re.compile(
    r"\b(?:anonymity|not (?:be )?(?:named|identified)|not authori[sz]ed to|declined to be "
    r"(?:named|identified)|asked not to be|on background|(?:declined|refused|did not want) to "
    r"(?:give|share|provide) (?:his|her|their) (?:full )?names?)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+|\S)")
# Sentences longer than this (characters) are left to the rules alone; see `modelled`.
MODEL_MAX_SENTENCE = 2000
_OPENER_WORD = re.compile(
    r"Even|Often|Still|Also|Here|There|Now|Then|Having|Being|Speaking|Asked|Asking|Adding|Noting|"
    r"Citing|Saying|Writing|Responding|Referring|Addressing|Explaining|Arguing|Insisting|Calling|"
    r"Echoing|Acknowledging|Following|According|Looking|Given|Seeing|Appearing|Testifying|"
    r"(?:Hasti|Notab|Separate|Additional|Interesting|Important|Unfortunate|Fortunate|Ultimate|"
    r"Final|Recent|Previous|Current|Clear|Obvious|Apparent|Reported|Alleged|Initial|Original|"
    r"Similar|Eventual|Typical|General|Usual|Frank|Honest|Private|Public|Immediate|Late|Previous|"
    r"Subsequent|Quick|Repeated|Ironical|Critical)l?y|Shortly|Meanwhile"
)
_LEADING_ADVERBS = re.compile(
    r"(?:(?:In fact|In addition|Meanwhile|However|Still|Also|Now|Then|Later|Earlier|Today|"
    r"Yesterday|Instead|Indeed|Separately|Previously|Therefore|Thus|But|And|So|Yet|"
    r"(?:[Ee]ven|[Bb]oth|[Oo]nly)(?=\s+[A-Z])|"  # "even Obama", "Both Justin Trudeau and …"
    r"(?:On|In|Last|This|By)\s+(?:[A-Z][a-z]+|\d+)(?:\s+\d+)?),?\s+)+"
)
_ABBREVIATION = re.compile(r"^(?:(?:[A-Z]\.)*[A-Z]|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Rev|Fr|"
                           r"Adm|Prof|St|Jr|Sr|"
                           r"U\.S|U\.N|U\.K)\.$")
_FUNCTION_WORDS = frozenset(
    """this that these those but and so then however meanwhile when while after before if as
    because although though since yet what how why which who instead indeed also""".split()
)
_SPEAKER_DETERMINERS = frozenset("the a an his her their its".split())
_HEADLINE = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]*):\s+(?=\S)")
# Capitalised line labels that name no speaker ('UPDATE: …').
_NOT_LABELS = frozenset("""update note editor correction breaking watch video photo photos read
    related exclusive source sources disclosure advertisement listen transcript""".split())
# Section labels before a colon, not speakers: 'Editor's Note:', 'Paid Notice:', 'Delegate Update:'.
_LINE_LABEL = re.compile(r"(?m)^([^\n:]{1,60}):\s")
_LABEL_FUNCTION_WORDS = frozenset("with for to in on at from by the a an into over after".split())
_SECTION_LABEL = re.compile(r"\b(?:Note|Notice|Update|Correction|Clarification|Disclosure)$", re.I)
_POSSESSIVE_END = re.compile(r"\w['’]s?$")
_CONTRACTION = re.compile(r"(?:i|you|he|she|it|we|they|that|there|what)['’]")
_BAD_FIRST = frozenset(
    """and but or so nor that having you in half being after before if when do does did on at during for with by
    from while as because since although though whether where nothing nobody""".split()
)
# Content that only points back ('Buck said just that', 'she said as much'): no claim of its own.
_EMPTY_CONTENT = re.compile(r"(?i)(?:just|exactly|precisely|only)?\s*(?:that|this|so|as much|"
                            r"the same|it|otherwise)[.!,]?")
_DEMONSTRATIVE = frozenset("this that there these those what it's such".split())
# The particle of a phrasal cue ('laid out', 'pointed out', 'summed up', 'opened up about').
_PARTICLE = re.compile(r"\s+(?:out|up)\b(?=\s+(?!to\b|of\b)\S)")
_PHRASAL_CUES = frozenset("""lay lays laid laying point points pointed pointing spell spells spelled
    spelt spelling sum sums summed summing open opens opened opening speak speaks spoke speaking
    call calls called calling lash lashes lashed lashing hit hits hitting back backs backed
    backing single singles singled play plays played playing""".split())
# Prepositions inside a noun phrase read backwards ('officers along the border').
_NP_PREPOSITIONS = PREPOSITIONS_IN_NP | frozenset("along across near outside inside".split())
# 'it should be noted', 'it was reported': a passive with an expletive subject.
_EXPLETIVE_PASSIVE = re.compile(r"\s+(?:(?:should|must|can|could|may|might|will|would)\s+be|"
                                r"(?:is|was|has\s+been|had\s+been|have\s+been))\s+"
                                r"(?:[a-z]+ly\s+)?$")
# Raising verbs whose subject 'it' is expletive ('it seems unlikely that …').
_RAISING = re.compile(r"(?:seem|appear)(?:s|ed)?")
# Prepositions after the head noun of a described source ("officers along the border").
_HEAD_PREPOSITIONS = frozenset("along across near in at from on for with of outside inside".split())
_ANY_PREPOSITION = _HEAD_PREPOSITIONS | frozenset(
    "among between about by to into over under behind during after before within".split())
_POSSESSIVES = frozenset("his her their its my our your".split())
_DOC_NOUN_PHRASE = re.compile(
    r"(?:a|an|the|their|his|her|its)\s+(?:joint\s+|brief\s+|new\s+)?(?:statement|release|"
    r"letter|tweet|message|memo|post)$", re.I)
_ISSUED_BEFORE = re.compile(r"\b(?:issued|released|put\s+out|posted|sent|published)\s+$")
# "issued an open letter calling …", "ran an ad last August hitting …", "released a new radio ad
# calling …": a document someone put out, then the participle that gives its content
_PUT_OUT_DOC = re.compile(
    r"(?:an?|the|their|his|her|its)\s+(?:[\w’'-]+\s+){0,3}?(?:statement|release|letter|tweet|"
    r"message|memo|post|ad|ads|advertisement|editorials?|op-ed|column|video|report|commercial|"
    r"spot|email|petition|campaign|mailer|flyer|brochure)(?:\s+(?:last|this|on)\s+\w+)?$", re.I)
_PUT_OUT_BEFORE = re.compile(r"\b(?:issued|released|put\s+out|posted|sent|published|ran|run|"
                             r"aired|wrote|drafted?|unveiled|launched|delivered|circulated|"
                             r"signed|filed)\s+$")
_NOT_NAME_START = frozenset(
    "In On At For From By After Before During With Like As Of To About Unlike Against".split())
_FIRST_PERSON = frozenset("i we".split())
_SUBJECT_PRONOUNS = frozenset("he she they we i".split())
_STATEMENT_PRONOUNS = frozenset("it this".split())
_STATEMENT_CUES = frozenset("reads read says said states stated".split())
_DOC_NOUNS = re.compile(r"^(?:the|this|that)\s+(?:statement|tweet|letter|message|note|release)$",
                        re.I)

MIN_CONTENT_WORDS = 2
# Most words of indirect content before a quote that a cue introduces ("X said the plan … \"…\"").
QUOTE_LEAD_WORDS = 40
QUOTE_LEAD_IN = True  # the words of a sentence before a quote attributed after it join its claim
# A quote after this many words of its own sentence (no cue, no comma right before it) is the
# writer's sentence quoting a phrase ('Katie Couric advised graduates to "become members of
# the club."'), not the last speaker talking on.
CONTINUE_MAX_LEAD = 3
# Words that cannot end a source phrase ("to", "the", "in").
_NOT_HEAD = PREPOSITIONS_IN_NP | frozenset(
    "a an the who whom which and but or so while if as because by than into".split())
# The hand-gated learned-cue rules (`learned`, `noun_cue`) before the trained classifier.
LEARNED_RULES = True
# Learned cues (core/data/cues.json) fire when this share of their train occurrences were cues.
LEARNED_MIN_PRECISION = 0.1
# … and when the rest of the sentence after them was annotated content this often.
LEARNED_MIN_REST = 0.45
# Shortest learned content: 'X issued a statement.', 'X tweeted concern.' introduce a quote.
LEARNED_MIN_WORDS = 3
LEARNED_MAX_GAP = 3  # words between a sentence subject and its learned cue ("on Tuesday")
# A dateline opening an article's first paragraph is never a speaker, and the wire agency in
# its parentheses is an outlet: 'WASHINGTON —', 'NEW YORK (Reuters) -', 'Washington (AFP) –',
# 'PHILADELPHIA, July 25 (UPI) —'. A place in mixed case counts only with an agency tag in
# capitals or a capitalised word ('(AP)', '(Reuters)'), so 'Sen. Ann Fry (D-Ohio) —' stays.
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
_DATE_IN_DATELINE = r"(?:,\s*" + _MONTH_DAY + r")?"
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.]+(?:(?:[ ,]+|/)[A-Z][A-Z.]+)*(?:,\s+[A-Z][a-z.]+(?:\s[A-Z][a-z.]+){0,2})?"
    + _DATE_IN_DATELINE + r"\s*(?:\([^)]{1,20}\)\s*)?"
    r"|(?:[A-Z][\w.’'-]*(?:[ ,]+[A-Z][\w.’'-]*){0,3}" + _DATE_IN_DATELINE + r"|" + _MONTH_DAY +
    r")\s*\([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2}\)\s*)[—–-]+\s*")
# Capitalised sentence openers that are no subject: "Asked about …", "Despite …", "Everybody".
_NOT_SUBJECT_START = re.compile(r"despite|plus|everybody|everyone|nobody|"
                                r"neither|either|none|many|some|most|each|every|why|how|what")
_VERB_GROUP = frozenset(
    """is are was were am be been being has have had do does did don't doesn't didn't not never
    will would could can should may might must won't also still even now just already again long
    often then once""".split()
)


# Fewer words than this before a mid-sentence 'according to X,' are no content of their own.
ACCORDING_MIN_LEAD = 3
# A lead-in clause shorter than this ("But", "In fact, …") is framing, not a statement.
MIN_LEAD_IN_WORDS = 5


def _plausible_source(mention: str) -> bool:
    """A learned cue's source starts like a noun phrase: a capital, a determiner, a pronoun or
    a role noun ('officials'), not a verb ('comes amid US concerns')."""
    words = mention.split()
    if not words:
        return False
    first = words[0].lower()
    head = words[-1].lower().strip(",.")
    if is_capitalized(words[0]) or first in DETERMINERS or first in PRONOUNS:
        return True
    if first in ROLE_NOUNS or first.rstrip("s") in ROLE_NOUNS:
        return True
    # "senior officials": a lowercase modifier before a role noun, not a verb form.
    return (head in ROLE_NOUNS or head.rstrip("s") in ROLE_NOUNS) and first.isalpha() and \
        not first.endswith(("s", "ed", "ing"))


_NAME_AFTER_COMMA = re.compile(r"\s*((?:[A-Z][\w’'-]*\.?\s+){1,3}(?:[A-Z]\.\s+)*[A-Z][\w’'-]*(?:,?\s+"
                               r"(?:Jr|Sr)\.?)?)(?=\s*[,.;]|\s*$)")
_VERB_BEFORE_QUOTE = re.compile(r"\b([a-z]{3,}ed|shot|hit|spoke)(?:\s+(?:back|in|up|out))?\s*[,:]\s*$")
# Cues that take an object right after them, so the words after them are never the speaker.
_OBJECT_CUES = frozenset(
    """praised praises criticized criticizes criticised slammed slams blasted blasts touted touts
    defended defends dismissed dismisses questioned questions mocked mocks described describes
    highlighted highlights attacked attacks accused accuses charged charges cited cites blamed
    blames demanded demands""".split())
# An object right after a verb: '… lawmakers dismissed the concerns' (not '… Brown charged
# Wednesday during a rally').
_OBJECT_NEXT = re.compile(r"\s+(?:the|a|an|his|her|their|its|this|that|these|those|our|my|"
                          r"your)\s")
# A name and an adjunct with a possessive: 'Trump in his announcement speech'.
_NAME_THEN_ADJUNCT = re.compile(r"(.+?)\s+(?:in|on|at|during|from|with|after|before)\s+"
                                r"(?:his|her|their|its)\s")
# 'Cornyn, the Senate's No. 2 Republican, and ' before 'other supporters said'.
_NAME_APPOSITIVE_AND = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*),\s[^,;:]{3,80},\s+and\s+")
# A county or city a person is 'of' ('Sheriff Adam Hayward of Deuel County'): a home, no outlet.
_LOCAL_PLACE = re.compile(r"\b(?:County|City|Parish|Township|Borough|Village)$")
# A titled name and 'and' right before a second speaker's role: 'Nebraska Attorney General Jon
# Bruning and ' before "Oklahoma's attorney general, Scott Pruitt, said".
_TITLED_NAME_AND = re.compile(r"((?:[A-Z][\w.'’-]*\s+){1,6}[A-Z][\w'’-]*)\s+and\s+$")
# A passive of perceiving before a participle cue: 'was caught on camera saying'.
_SHOWN_SAYING = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?(?:caught|heard|"
                           r"recorded|quoted|filmed|overheard|taped|seen|shown|videotaped|"
                           r"photographed|pictured)(?:\s+on\s+(?:camera|tape|video|film|"
                           r"(?:a\s+)?hot\s+mic))?\s+$")
# A verb of showing before a name that a participle cue follows: 'The ad features Netanyahu'.
_SHOWS_NAME = re.compile(r"\s(?:features|featured|shows|showed|quotes|quoted|depicts|depicted)\s+"
                         r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)$")
# A negated cue between the speaker and the content ('did not dispute', "hasn't denied").
_NEGATED_CUE = re.compile(r"\b(?:(?:did|does|do|has|have|had|would|will|could|was|were|is|are)"
                          r"\s+)?(?:not|never)\s+(?!only\b)(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)|"
                          r"\b[a-z]+n['’]t\s+(?:[a-z]+ly\s+)?(?P<verb2>[a-z]+)")
LONG_APPOSITIVE_CHARS = 300  # characters after a quote searched for 'NAME, <appositive>, cue'
_NAME_THEN_COMMA = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*,\s")
_INVERTED_VERB_AFTER_QUOTE = re.compile(r"([a-z]{3,}ed|shot\s+back)\s+(?=[A-Z])")
_VERB_AFTER_QUOTE = re.compile(
    r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*|he|she)\s+([a-z]{3,}ed|shot|hit|spoke)"
    r"(?:\s+(?:back|in|up|out))?"
    # '"…," Toomey fumed on Tuesday.', '"…," Bennett shot back with a laugh.'
    r"(?:\s+(?:(?:on|late|early|last|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|\s+with\s+an?\s+[a-z]+)?"
    r"\s*[.,;]")


# First words of a fronted adverbial phrase before the subject ("Hours later, Trump …",
# "Amid the protests, the mayor …", "Back in 1999, Mr. Smith …"), besides participles
# ("Facing criticism, …", "Peppered with questions, …") and weekdays.
_FRONTED_FIRST = re.compile(
    r"(?:Earlier|Later|Likewise|Meanwhile|However|Still|Also|Then|Now|Back|Hours|Days|Weeks|"
    r"Months|Years|Minutes|Moments|Amid|Amidst|Despite|Throughout|After|Before|During|Since|"
    r"Following|Upon|With|Without|Within|In|On|At|By|For|From|Over|Under|Once|When|While|"
    r"Although|Though|Because|As|Unlike|Like|Instead|Indeed|Separately|Previously|Last|This|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Here|There|"
    r"[A-Z][a-z]{2,}(?:ing|ed))")
# "Twenty-three minutes later, Ms. Nuland sent …": an amount of time opens the sentence.
_TIME_AMOUNT = re.compile(r"(?:[A-Z][a-z]+(?:-[a-z]+)?|\d+|A|An)\s+(?:minutes?|hours?|days?|"
                          r"weeks?|months?|years?|decades?)\s+(?:later|earlier|ago|before|after)"
                          r"\b")
_SUBJECT_AFTER_FRONTED = re.compile(r"\s*(?:[A-Z]|(?:he|she|they|we|I)\b)")


_PLACE_BEFORE_COMMA = re.compile(r"\b(?:in|at|near|from|of|outside)\s+(?:[A-Z][\w.'’-]*\s+){0,2}"
                                 r"[A-Z][\w.'’-]*$")
# The state (or country) after 'Town,': one or two capitalised words or an abbreviation, and
# the comma that closes it ('Iowa,', 'New Hampshire,', 'N.H.,', 'Calif.,').
_STATE_AFTER_PLACE = re.compile(r"\s*(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|(?:[A-Z][a-z]*\.){1,2}"
                                r"|[A-Z][a-z]{2,4}\.)\s*,")
_TIME_SEGMENT = re.compile(
    r"\s*(?:(?:on|last|this|early|late|earlier|later)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|week|weekend|month|year|night|morning|afternoon|evening)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,")


def _balanced_quotes(part: str) -> bool:
    """Whether every quotation opened in `part` is closed in it (and none is left open)."""
    return part.count("\"") % 2 == 0 and part.count("“") == part.count("”") and \
        any(ch in part for ch in "\"“") and not any(ch in part for ch in ";:—")


def _skip_fronted(text: str, lo: int, hi: int) -> int:
    """Where the subject starts after a fronted adverbial phrase that ends with a comma
    ('Earlier this week, Smith pressed …' -> 'Smith pressed …'); `lo` when there is none."""
    first = _NEXT_WORD.match(text, lo, hi)
    if first is None or not (_FRONTED_FIRST.fullmatch(first.group(1)) or
                             _TIME_AMOUNT.match(text, first.start(1), hi)):
        return lo
    comma = text.find(",", first.end(1), min(hi, lo + 120))
    if comma > 0 and text[comma + 1:comma + 2] in ("\"", "”") and \
            _balanced_quotes(text[lo:comma + 2]):
        comma += 1  # 'Speaking on "Fox News Sunday," Sen. Jim DeMint …': a quoted title
    elif comma < 0 or any(ch in text[lo:comma] for ch in "“”\"‘;:—"):
        return lo
    if _PLACE_BEFORE_COMMA.search(text, lo, comma):
        # "Speaking in Salem, New Hampshire, Trump …": the state after a town is the place's
        # part, and a time after it ("in Ames, Iowa, on Sunday, …") is the phrase's too
        state = _STATE_AFTER_PLACE.match(text, comma + 1, hi)
        if state:
            comma = state.end() - 1
    time = _TIME_SEGMENT.match(text, comma + 1, hi)
    if time:
        comma = time.end() - 1
    if not _SUBJECT_AFTER_FRONTED.match(text, comma + 1, hi):
        return lo
    nxt = _NEXT_WORD.match(text, comma + 1, hi)
    if nxt is None or nxt.group(1).lower() in _FUNCTION_WORDS or \
            nxt.group(1).lower() in ("who", "which"):
        return lo
    return nxt.start(1)


# "… before saying", "… after repeatedly dismissing": a participle after a subordinator, like
# one after a comma, has the sentence's subject as its own.
_SUBORDINATOR_BEFORE = re.compile(r"(?:,(?:\s+(?:first|then|later|again|also|even|still|once|"
                                  r"[a-z]+ly))?|\b(?:before|after|while|without|since|upon|by)"
                                  r"(?:\s+[a-z]+ly)?)\s*$")


# "…, Mr. Varga said," / "…, said Mr. Varga," right before a participle.
_SAID_BEFORE_COMMA = re.compile(
    r"(?:\s(?P<cue>said|says|added|adds|wrote|writes)(?:\s+(?:on\s+)?(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday))?|,\s*(?P<icue>said|says)\s+(?P<name>[^,]+))\s*$")


# "… came as Netanyahu turned down an invitation …, saying …": the subject of a clause that a
# subordinator opens, right before the participle's comma, is the participle's subject.
_SUBORDINATE_CLAUSE = re.compile(
    r"\b(?:as|when|after|while|because|since|before|until|once)\s+"
    r"(?P<subject>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*|he|she|they)\s+"
    r"(?:(?:has|had|was|were|is|have)\s+)?(?P<verb>[a-z]+(?:ed|s)|turned|made|took|gave|told|"
    r"said|went|came|sent|wrote|met|left|spoke)\b[^,;:]*,\s*$")


def _subordinate_subject(text: str, lo: int, pos: int, cue: str,
                         paragraph: int) -> Attr | None:
    """The subject of the subordinate clause the participle at `pos` follows ('Rice's comments
    came as Netanyahu turned down an invitation …, saying …' -> Netanyahu), or None."""
    found = None
    for m in _SUBORDINATE_CLAUSE.finditer(text, max(lo, pos - 300), pos):
        found = m
    if found is None:
        return None
    attr = _make_attr(text, found.start("subject"), found.end("subject"), cue, None, paragraph)
    if attr is None or not (is_proper_name(attr.mention) or attr.mention in ("he", "she",
                                                                              "they")):
        return None
    return attr


def _participle_clause(text: str, lo: int, pos: int) -> bool:
    """Whether an -ing cue at `pos` opens a participle clause: after a comma or a subordinator."""
    return bool(_SUBORDINATOR_BEFORE.search(text, max(lo, pos - 40), pos))


# The verb before an infinitive cue: a participle ('was prompted to say') or a verb of wanting
# and trying; not an adjective ('Perez was right to urge …').
_INFINITIVE_BEFORE = re.compile(r"\b([a-z]{2,}ed|wants?|going|plans?|tries|hopes?|seems?|"
                                r"appears?|has|have|had|used|continues?)\s+to\s+$")


def _infinitive_subject(text: str, lo: int, pos: int, cue: str, paragraph: int) -> Attr | None:
    """'Mr. Trump was prompted to say, "…"', 'Ann Fry wanted to tell them "…"': the subject of
    the verb that governs the infinitive cue at `pos`, when it is a name or he/she."""
    m = _INFINITIVE_BEFORE.search(text, max(lo, pos - 40), pos)
    if m is None:
        return None
    attr = _subject_before(text, lo, _verb_group_start(text, lo, m.start(1)), cue, paragraph)
    return attr if attr is not None and _named_or_pronoun(attr.mention) else None


# A transcript line labelled with its speaker in capitals ('FALLIN: Well, I think …').
# Transcript labels of an unnamed asker.
_ASKER_LABELS = frozenset({"QUESTION", "Q", "REPORTER", "AUDIENCE MEMBER", "AUDIENCE"})
_LABELLED_LINE = re.compile(r"[A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]+){0,2}:\s")


def _named_or_pronoun(mention: str) -> bool:
    """A speaker phrase that is a personal name or a he/she: the only subjects trusted before
    a verb that is not a known reporting verb."""
    return mention.lower() in ("he", "she") or (
        is_proper_name(mention) and mention.split()[0] not in _NOT_NAME_START)


def _first_word(text: str, start: int, end: int) -> str:
    """The first word of a span, lowercase, or its first character when that is no letter."""
    m = _NEXT_WORD.match(text, start, end)
    return m.group(1).lower() if m else ""


def _verb_like(word: str) -> bool:
    """A lowercase word that reads as the verb after a subject ('Ryan endorsed Trump', 'Kasich
    bemoans America'), not a modifier before a name ('front-runner Donald Trump')."""
    if word in TITLE_WORDS or word in ROLE_NOUNS:
        return False
    return word in CUE_FRAMES or word.endswith("ed") or (
        word.endswith("s") and not word.endswith(("ss", "us", "is")))


# Words between a subject and its verb that leave the subject whole ('Trump himself said').
_SUBJECT_GLUE = frozenset("""and or who which that also himself herself themselves itself still
    too then now again alone instead""".split())


# Nouns that end in -ly ('a lawyer for the family said'), no adverbs.
_LY_NOUNS = frozenset("""family assembly ally rally supply monopoly tally bully folly belly jelly
    anomaly homily reply assemblyman assemblywoman""".split())


def _adverb(word: str) -> bool:
    """A lowercase -ly word that reads as an adverb ('similarly', not 'family')."""
    return word.endswith("ly") and len(word) > 4 and word.lower() not in _LY_NOUNS


# A determiner and one singular proper word right before a bare cue form make it a noun
# ('the Broadway show', 'a CNN report', 'the Mueller report'): 'the Pentagon say' is no verb.
# ('In Britain, the Government claim the cuts are necessary': a clause follows a verb)
_CLAUSE_NEXT = re.compile(r"\s+(?:the|a|an|that|he|she|it|they|we|this|these|those|there)\b")
_BARE_NOUN_CUES = frozenset("""show report claim tweet post call note comment statement warning
    remark response reply complaint appeal suggestion argument message interview""".split())
_COMPOUND_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+"
                              r"[A-Z][\w.’'-]*[^s\W]\s+$")


def _verb_group_start(text: str, lo: int, pos: int) -> int:
    """Where the auxiliaries and adverbs before a verb at `pos` begin ('doesn't really want')."""
    while True:
        end = pos
        while end > lo and text[end - 1] == " ":
            end -= 1
        start = text.rfind(" ", lo, end) + 1
        if start < lo:
            start = lo
        raw = text[start:end]
        word = raw.lower().replace("’", "'")
        if end > start and raw[:1].islower() and (word in _VERB_GROUP or (
                _adverb(word))):
            pos = start
        else:
            return pos


_POSSESSIVE_NOUN = re.compile(
    r"(?:(?<![\w.])(?P<owner>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w&-]*)['’]s?|"
    r"\b(?P<pron>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\b")
_AFTER_FIRST_NAME = re.compile(r"\b[A-Z][a-z]+\s+(?=([\w’'-]+))")
_LOWER_WORD = re.compile(r"(?<![\w.])[a-z]+\b")
_PASSIVE_BY = re.compile(r"\s+by\b")
_NOT_OWNERS = frozenset("It That There He She What Here Let Who This Where How".split())
_COPULA_THAT = re.compile(r"\s+(?:was|is|has\s+been|had\s+been)\s+that\s+")
# A past participle that modifies the noun before it: 'the only post mentioned in the cable',
# 'the RFRA signed into law'.
_PARTICIPLE_PHRASE = re.compile(r"\s+(?:in|into|on|at|during|under|with|from|by)\s+(?!.*\bthat\b)")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?$")
# A finite verb right after a cue word makes the cue word a noun ('Nomination questions are …').
_FINITE_NEXT = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would|could|can|should|may|"
                          r"might|must|came|comes|fell|rose|began|begin|begins|changed|seem|"
                          r"seemed|seems|remain|remained|remains|did|do|does)\b")
_NOUN_CUE_FORMS = frozenset(
    """tweet tweets note notes show shows call calls claim claims charge charges question questions
    attack attacks report reports comment comments remark remarks warning warnings view views
    thought thoughts""".split())
_FOUND_ONESELF = re.compile(r"(?:find|finds|found|finding)\s+(?:him|her|it|them|my|our|your)"
                            r"(?:self|selves)\b", re.I)
_COORDINATED = re.compile(r"\b(?:and|then|but|and then|but then)\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_COMPLEMENT = re.compile(r"\s*(?:that|to|about|for|on|of|with|over|whether|if|how|what|why|:)\b\s*")
# Complement words that carry meaning stay in the content: 'sought to implicate X' -> 'to
# implicate X' (a bare 'implicate X' reads as a command), 'asked whether X' -> 'whether X'.
_KEPT_COMPLEMENTS = frozenset("to whether if how what why".split())
DESCRIPTIONS = False  # accept "the billionaire businessman said" (recall +, precision -)
OPEN_DOUBLE = "“«"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'
_OPENING_CONTEXT = " \t\n([{—–-/:"


@dataclass
class Attr:
    """A detected speaker for one claim."""

    mention: str
    start: int
    end: int
    cue: str | None
    role: str | None = None
    anonymous: bool = False
    speaker: str | None = None  # antecedent resolved here (statement issuer, relay)
    via: list[str] = field(default_factory=list)
    paragraph: int = 0
    learned: bool = False  # found by a learned cue or the classifier, not a reporting verb
    # Where the whole subject phrase starts when the speaker is a name inside it ('One pastor
    # …, Darran Whiting of …, said'): the words before the name are no narration of their own.
    phrase_start: int | None = None


@dataclass
class Quote:
    """A double-quoted passage [start, end) including its quote marks."""

    start: int
    end: int
    continued: bool = False  # re-opened at a paragraph start (multi-paragraph quote)


_TITLE_SMALL = frozenset("a an the of on in and or to for with at by from as is but nor vs".split())
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
# What comes right before a quoted title: a preposition, a possessive, a work noun
# ('on ABC's "This Week"', 'in her memoir, "Tough Choices."', 'with "Fox News Sunday."').
_BEFORE_TITLE = re.compile(
    r"(?:\b(?:on|in|with|of|from|titled|book|memoir|autobiography|program|show|podcast|"
    r"column|film|movie|documentary|album|song|series|novel|essay)|\w['’]s?)\s*,?\s*$")
TITLE_MAX_WORDS = 12


def _is_title(text: str, q: Quote) -> bool:
    """A quoted title ('on ABC's "This Week With George Stephanopoulos."'): every word of the
    quote capitalised but short function words, and a preposition, possessive or work noun
    right before it. Titles are no one's words."""
    words = _TITLE_WORD.findall(text, q.start, q.end)
    if not words or len(words) > TITLE_MAX_WORDS or not words[0][0].isupper() or \
            any(not w[0].isupper() and w.lower() not in _TITLE_SMALL for w in words):
        return False
    before = _BEFORE_TITLE.search(text, max(0, q.start - 40), q.start)
    if before is None:
        return False
    # One capitalised word after a bare preposition is more often a name ('chants of "Marco!"')
    return len(set(words)) > 1 or before.group().split()[0].lower() not in _TITLE_SMALL


def _is_opening_straight(text: str, i: int, lo: int, hi: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    if prev in _OPENING_CONTEXT or prev in OPEN_DOUBLE or prev == "'":
        return not nxt.isspace()
    return False


# Reporting verbs whose reported speech may hold quoted words as one indirect claim.
_EMBED_CUES = frozenset("""said says say told tells added adds stated announced argued argues
    warned warns insisted insists claimed claims suggested suggests noted notes wrote writes saying
    arguing warning insisting adding telling accused accuses urged urges urging""".split())
# ('Iran called the closure "ridiculous."': a naming verb's quoted word is a direct quote)
# A tag right before a quote ('Clinton said, “…”', 'she added: “…”') introduces a quotation.
_CUE_BEFORE_QUOTE = re.compile(r"\b(?:said|says|told|tells|asked|asks|added|adds|wrote|writes|"
                               r"tweeted|replied|responded|continued|declared|explained)"
                               r"(?:\s+[\w.’'-]+){0,2}\s*[,:]\s*$")
# A sentence that ends in its own attribution ('…, the White House said.').
_TRAILING_TAG = re.compile(r"[,”\"]\s*,?\s+(?:[\w.’'-]+\s+){1,5}(?:said|says|added|adds|stated|noted|"
                           r"wrote|writes|told\s+[\w.’'-]+(?:\s+[\w.’'-]+)?)\s*[.!?]?\s*$")


def _fragment(text: str, q: Quote) -> bool:
    """A quoted fragment, not a sentence: it opens lowercase and ends without a full stop,
    or with the sentence's own ('"looks terrible"', '… should not "criminalise those who
    produce food."')."""
    inner = text[q.start + 1:q.end - 1].strip()
    closes = not text[q.end:q.end + 80].split("\n", 1)[0].strip()
    return bool(inner) and inner[0].islower() and (inner[-1] not in ".!?" or closes) and \
        len(inner.split()) <= 12


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[list[Quote]]:
    """Top-level double quotes per paragraph. A quote still open at a paragraph end continues
    when the next paragraph opens with a quote mark; otherwise it closes at the paragraph end."""
    out: list[list[Quote]] = []
    carry = False
    cache: dict[int, tuple[int | None, bool] | None] = {}

    def closer(k: int) -> tuple[int | None, bool] | None:  # read only after an open quote
        if k not in cache:
            cache[k] = _leading_closer(text, *paragraphs[k])
        return cache[k]

    for index, (p_start, p_end) in enumerate(paragraphs):
        quotes: list[Quote] = []
        depth = 0
        q_start = p_start
        continued = False
        i = p_start
        if carry and text[p_start:p_start + 1] not in OPEN_DOUBLE + STRAIGHT:
            # A letter quoted over several paragraphs whose middle paragraphs open with no mark:
            # the quote goes on to the closing mark that no opening one in its paragraph matches
            close = closer(index)
            runs = [closer(k) for k in range(index + 1, min(len(paragraphs),
                                                               index + 1 + MAX_BLOCK_GAP))] \
                if close is not None and close[1] else []
            if close is not None and close[0]:
                quotes.append(Quote(p_start, close[0], True))
                i = close[0]
            elif any(c is not None and c[0] for c in runs):
                first_closed = next(k for k, c in enumerate(runs) if c is not None and c[0])
                if all(c is not None and c[1] for c in runs[:first_closed]):
                    out.append([Quote(p_start, p_end, True)])
                    continue
        while i < p_end:
            ch = text[i]
            width = 1
            if ch == "'" and text.startswith("''", i):
                ch, width = STRAIGHT, 2  # typewriter double quote made of two apostrophes
            if ch in OPEN_DOUBLE and depth > 0 and i > p_start and text[i - 1] in ",.!?…" and \
                    (i + 1 >= p_end or text[i + 1].isspace()):
                ch = CLOSE_DOUBLE[0]  # '“… here,“ said Roe': an opening mark typed as the closer
            if ch in OPEN_DOUBLE or (ch == STRAIGHT and _is_opening_straight(text, i, p_start,
                                                                            p_end, width)):
                if depth == 0:
                    q_start = i
                    continued = carry and i == p_start
                depth += 1
            elif (ch in CLOSE_DOUBLE or ch == STRAIGHT) and depth > 0:
                depth -= 1
                if depth == 0:
                    quotes.append(Quote(q_start, i + width, continued))
            i += width
        carry = False
        if depth > 0:
            quotes.append(Quote(q_start, p_end, continued))
            carry = True
        out.append(quotes)
    # A carried quote only continues if the next paragraph really opens with a quote.
    for index in range(1, len(out)):
        if out[index] and out[index][0].start != paragraphs[index][0]:
            out[index][0].continued = False
    return out


# An appositive that says when, where or how, not who ('in an interview with Fox News').
_ADVERBIAL_APPOSITIVE = re.compile(r"(?:in|on|during|after|before|speaking|according|asked|"
                                   r"when|while|via|through|later|earlier)\b|"
                                   # 'Lee, making his first visit to Japan, said': what he was
                                   # doing, not who he is
                                   r"(?-i:[a-z]+ing\s+(?:his|her|their|a|an|the|its|up|out|on|"
                                   r"in|to|from|with|at|for|about)\b)",
                                   re.IGNORECASE)
# The opening of a fronted participle clause: 'A day after telling', 'Before saying'.
_FRONTED_PARTICIPLE = re.compile(
    r"\s*(?:(?:(?:A|An|One|Two|Three|Hours|Days|Weeks|Moments|Minutes|Shortly|Soon|Just|Only|"
    r"Even|Long|Right)\s+(?:[a-z]+\s+)?)?(?:after|before|while|since|upon|without|when)|After|"
    r"Before|While|Since|Upon|Without|When)\s+")
# The comma (inside a closing quote or not) that closes a fronted clause before its subject.
_FRONTED_CLOSE = re.compile(r"(,[”\"]?|[”\"](?=,)),?\s+(?=[A-Z])")
# Last words of a lead-in that wait for the rest of their phrase (the speaker and the claim).
_OPEN_ENDED = frozenset("""when by of after before that to for with as than about from whether if
    while because the a an in on at into between among during like""".split())
MAX_BLOCK_GAP = 2
ADDRESSEE_MAX_WORDS = 6  # 'to the chairman on Friday:', 'CNN,' before a quote  # paragraphs without marks a quote may run through before its closing mark


def _leading_closer(text: str, start: int, end: int) -> tuple[int | None, bool] | None:
    """For a paragraph [start, end): (the end of a closing double quote mark that no opening
    mark before it matches, or None; whether the paragraph holds no double quote mark at all).
    None when an opening mark comes first."""
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN_DOUBLE or (ch == STRAIGHT and _is_opening_straight(text, i, start, end)):
            depth += 1
        elif ch in CLOSE_DOUBLE or ch == STRAIGHT:
            if depth == 0:
                return i + 1, False
            depth -= 1
    if depth == 0 and not any(ch in text[start:end] for ch in OPEN_DOUBLE + CLOSE_DOUBLE +
                              STRAIGHT):
        return None, True
    return None


def _nested_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotes strictly inside [start, end): double (curly or straight) and single quotes."""
    found: list[Quote] = []
    i = start
    while i < end:
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        if ch in "“‘" or (ch in "'\"" and (prev.isspace() or prev in "“\"(")):
            closer = "”" if ch == "“" else "’" if ch == "‘" else ch
            alt = "'’" if ch in "'‘" else "\"”"
            j = i + 1
            while j < end:
                c = text[j]
                nxt = text[j + 1] if j + 1 < end else " "
                if (c == closer or c in alt) and not text[j - 1].isspace() and not nxt.isalnum():
                    break
                j += 1
            if j < end and j - i > 3:
                found.append(Quote(i, j + 1))
                i = j + 1
                continue
        i += 1
    return found


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


def _and_inside_name(toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the 'and' at toks[i] joins the parts of one institution's name: 'Ministry of
    Ports and Airports', 'Department of Health and Human Services' ('of' + one capitalised
    word before it, one or two capitalised words after it up to the end), not two speakers
    ('Trump and Clinton', 'John Kerry and Sergei Lavrov')."""
    if toks[i][2] != "and" or i < 2 or not 1 <= len(toks) - 1 - i <= 2:
        return False
    before, of = toks[i - 1][2], toks[i - 2][2]
    after = [w for _, _, w in toks[i + 1:]]
    if not (is_capitalized(before) and before.isalpha() and all(
            is_capitalized(w) and w.rstrip(",").isalpha() for w in after)):
        return False
    # "the House Ways and Means Committee", "the Food and Drug Administration": the head ends it
    return of == "of" or (len(after) == 2 and (after[-1].lower() in _ORG_HEADS or
                                               after[-1].lower() in INSTITUTION_HEADS))


# Heads of institutions whose names list their fields with 'and' after 'of/for/on'.
_ORG_HEADS = frozenset(
    """organization organisation academy academies committee department ministry institute
    institutes council association federation bureau office commission foundation society
    school college university center centre board agency alliance league union coalition
    conference centers centres""".split())


_WEEKDAY_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")


def _org_head_before_and(toks: list[tuple[int, int, str]]) -> int | None:
    """For tokens ending 'Committee on Civil Liberties, Justice and Home Affairs' or 'Academies
    of Sciences, Engineering and Medicine': the index of the institution's head word, whose
    name runs to the end through its 'and' (one or two capitalised words after it); else
    None. ('Secretary of State Kerry and Lavrov' has no institution head.)"""
    n = len(toks)
    if n >= 5 and toks[n - 2][2] == "on" and _WEEKDAY_WORD.fullmatch(toks[n - 1][2]):
        n -= 2  # "the Ministry of Agriculture and Livestock Development on Tuesday"
    for a in (n - 2, n - 3):
        if a < 3 or toks[a][2] != "and":
            continue
        if not all(is_capitalized(w) and w.isalpha() for _, _, w in toks[a + 1:n]):
            return None
        k = a - 1
        listed = 0
        while k >= 0 and listed < 5 and is_capitalized(toks[k][2]) and \
                toks[k][2].rstrip(",").isalpha():
            listed += 1
            k -= 1
        if listed == 0 or k < 1 or toks[k][2] not in ("of", "for", "on"):
            return None
        if toks[k - 1][2].lower() in _ORG_HEADS and is_capitalized(toks[k - 1][2]):
            return k - 1
        return None
    return None


# Roles that serve someone named after 'to' ('an aide to the governor', 'an adviser to
# President Obama', 'a source close to the family'): the role speaks, not whom it serves.
_SERVES_TO = frozenset("""aide aides adviser advisers advisor advisors close spokesman spokeswoman
    spokesperson ambassador ambassadors envoy envoys counsel consultant consultants assistant
    assistants deputy successor predecessor heir liaison""".split())


_MARKUP_CHARS = re.compile(r"[<>{}=|\\]")


def _acronym_in_name(toks: list[tuple[int, int, str]], i: int) -> bool:
    """'WHO Director-General Tedros …', 'US Secretary …': an upper-case acronym opening a
    name run, not the pronoun or relative word it spells."""
    word = toks[i][2]
    return len(word) >= 2 and word.isalpha() and word.isupper() and i < len(toks) - 1 and \
        is_capitalized(toks[i + 1][2])


def _np_backward(toks: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The noun phrase ending at the last token (walking back to a stop word or punctuation)."""
    if not toks:
        return None
    i = len(toks) - 1
    head = _org_head_before_and(toks)
    if head is not None:
        i = head  # "the Organization for Economic Cooperation and Development": one name
    first = i
    while i >= 0:
        word = toks[i][2]
        low = word.lower().strip("“\"‘'(")
        if i < len(toks) - 1 and (word[-1] in ",;:)”\"" or word in ("—", "–", "-", "--") or
                                   _MARKUP_CHARS.search(word)):
            break  # ('<script>alert(1)</script> He said': markup is no part of a name)
        if low in NP_STOPS and not (i == len(toks) - 1 and low in PRONOUNS) and (
                not is_capitalized(word) or low in _FUNCTION_WORDS) \
                and not _and_inside_name(toks, i) and not _acronym_in_name(toks, i) and not (
                    low == "to" and i > 0 and i < len(toks) - 1 and
                    toks[i - 1][2].lower() in _SERVES_TO):
            break
        first = i
        if word.startswith("(") and not word.rstrip(",.").endswith(")"):
            break  # "Congress (Frank said": the name starts inside the parenthesis
        if low in DETERMINERS and not (i > 0 and toks[i - 1][2].lower() in _NP_PREPOSITIONS):
            break
        i -= 1
        if len(toks) - i > 11:
            return None
    if first > len(toks) - 1:
        return None
    return toks[first][0], toks[-1][1]


# A sentence that tells the reader to do something ('See the cover below', 'Read more', 'Click
# here', 'Watch the video'): no speaker opens it.
_IMPERATIVES = frozenset("""see read click watch share follow sign subscribe check let find join
    listen look tell take scroll download visit""".split())
_IMPERATIVE_NEXT = frozenset("the a an our this these more here us it his her their".split())


def _clause_inside(words: list[str]) -> bool:
    """A phrase that holds a verb and its object ('the state's general assembly passed new
    language') or stops before its noun ('a worker's contributions over his'): no speaker."""
    if any(w.islower() and w.endswith("ed") and (nxt.lower() in DETERMINERS or
                                                  nxt.lower() in _POSSESSIVES or nxt == "new")
           for w, nxt in pairwise(words[1:])):
        return True
    return len(words) > 1 and words[-1].lower() in _POSSESSIVES


_PARTICLE_SURNAME = re.compile(r"(?:al|el|ad|ash|as|at|an|ar|az|ud|bin|ibn|abu|ben|da|de|di|du)-[A-Z]")


# A subject pronoun and its verb ('they entered caucus sites', 'it withheld emails'); 'She
# and her aides' is a speaker.
_AGE_EPITHET = re.compile(r"(?i)the\s+\d{1,3}-year-old")
# Heads of a possessed subject ("Turkey's central bank", "China's foreign ministry").
_POSSESSED_HEADS = ROLE_NOUNS | frozenset("""bank ministry government office agency regulator
    authority council committee commission department embassy military army navy police court
    parliament cabinet administration regime presidency watchdog""".split())
_PRONOUN_CONTRACTION = re.compile(r"(?i)^(?:he|she|it|they|we|i|you)['’](?:s|re|m|ve|d|ll)$")
_PRONOUN_CLAUSE = re.compile(r"(?i:they|he|she|we|i|it|you)\s+(?!and\b|or\b)[a-z]")


def _clause_not_source(phrase: str) -> bool:
    """A clause or a phrase cut short, not a source: 'they entered caucus sites' (a pronoun and
    its verb), "the two women she's" (accused of …), 'checked in without' (saying …)."""
    words = phrase.split()
    if not words:
        return False
    if _PRONOUN_CLAUSE.match(phrase) or _PRONOUN_CONTRACTION.search(words[-1]):
        return True
    return len(words) >= 2 and phrase.islower() and (
        words[-1] in _ANY_PREPOSITION or words[-1] in ("without", "with", "from", "against"))


def _valid_speaker(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > 10:
        return False
    if not any(ch.isalpha() for ch in phrase):
        return False  # "on April 18, 1977, declaring": a date's year is no speaker
    if re.search(r"[,.?!]['’”\"]+$", words[-1]):
        return False  # 'not new in Virginia,”': the end of a quote, no speaker
    head = words[-1].lower().strip(",.")
    if len(words) == 1 and head in PRONOUNS:
        return True
    if _AGE_EPITHET.fullmatch(phrase):
        return True  # 'The 47-year-old said': a person named just before
    if _clause_not_source(phrase):
        return False
    if head in _DEMONSTRATIVE or (words[0].lower() in _DEMONSTRATIVE and len(words) == 1):
        return False
    first = words[0].lower().strip("“\"‘'(")
    if len(words) == 1 and (first in DETERMINERS or first in _FUNCTION_WORDS):
        return False
    if first in _BAD_FIRST or _CONTRACTION.match(first) or (
            first in _IMPERATIVES and len(words) > 1 and words[1].lower() in _IMPERATIVE_NEXT):
        return False  # "See the Bachmann cover below, and tell us …": the reader is told
    if words[0].lower() not in DETERMINERS and words[0].lower() not in ROLE_NOUNS and any(
            w in _ANY_PREPOSITION and nxt.lower() in _POSSESSIVES
            for w, nxt in pairwise(words[1:])):
        return False  # "Steele on his Weekly Standard site": a place, not a source
    if _clause_inside(words):
        return False
    if is_capitalized(words[-1]) or (len(words) >= 2 and _PARTICLE_SURNAME.match(words[-1]) and
                                     is_proper_name(phrase)):
        return True  # ('Majed al-Ansari', 'Abdel Fattah el-Sisi')
    stem = head[:-1] if head.endswith("s") else head
    if head in ROLE_NOUNS or stem in ROLE_NOUNS:
        return True
    prep = next((k for k, w in enumerate(words) if k and w in _ANY_PREPOSITION), None)
    tail = words[prep + 1:] if prep is not None else []
    if prep is not None and words[prep] in _HEAD_PREPOSITIONS and \
            words[prep - 1].lower() in ROLE_NOUNS and 1 <= len(tail) <= 3 and \
            words[0].lower() not in _BAD_FIRST | _POSSESSIVES and \
            tail[-1].replace("’", "'").removesuffix("'s").isalpha() and \
            tail[-1].lower() not in DETERMINERS | _POSSESSIVES and \
            not any(w in _ANY_PREPOSITION or w in PRONOUNS or w.endswith("ed") for w in tail):
        return True  # "some officers along Colorado's borders": the head is before 'along'
    if len(words) >= 2 and is_capitalized(words[0]) and words[0].endswith(("'s", "’s")) and \
            head in _POSSESSED_HEADS:
        return True  # "Turkey's central bank", "China's foreign ministry"
    # "the billionaire businessman", "a White House aide": a determiner and a noun-like head.
    return (DESCRIPTIONS and words[0].lower() in _SPEAKER_DETERMINERS and len(words) <= 5
            and head.isalpha() and not _adverb(head) and head not in NP_STOPS)


# The word before a phrase that makes it a verb phrase, not a subject ('happy to hear Clinton',
# 'is being held ahead of …'), and before which a lowercase past form is a verb ('which included
# staff members').
_VP_BEFORE = frozenset("to is are was were be being been am".split())
_RELATIVE_BEFORE = frozenset("which that who".split())
_LOOSE_PREPOSITIONS = frozenset("ahead amid amidst despite without against toward towards into onto upon".split())
# The verb (and a preposition) before its object: 'interviewed about Pope Francis'.
_VERB_OBJECT = re.compile(r"^[a-z]+\s+(?:(?:about|of|from|to|for|with|by|on|at)\s+)?(\S.*)$")
# A hyphenated adjective ends no noun phrase ('a D.C.-based', 'the Iranian-backed').
_HYPHEN_ADJECTIVE = re.compile(r"-(?:based|born|led|backed|owned|run|funded|linked|affiliated|"
                               r"aligned|controlled|leaning|friendly|style|era|made)[,.]?$")


def _verb_phrase(text: str, start: int, mention: str) -> bool:
    """A phrase that is a verb and its object, not a speaker ('to hear Clinton', 'which
    included staff members', 'being held ahead of a ruling'), or ends in an adjective."""
    words = mention.split()
    if _HYPHEN_ADJECTIVE.search(words[-1]):
        return True
    first = words[0]
    if first.endswith("ing") and first.islower() and len(words) > 1 and \
            words[1] in _ANY_PREPOSITION | DETERMINERS:
        return True  # 'commenting on the racial divide …': a participle phrase, no subject
    if first in _LOOSE_PREPOSITIONS and "," not in mention:
        return True  # 'ahead of a significant ruling expected …': an adjunct, no subject
    if not first.isalpha() or not first.islower() or first in DETERMINERS or \
            first in _POSSESSIVES or first in PRONOUNS:
        return False
    before = text[max(0, start - 12):start].split()
    if not before:
        return False
    prev = before[-1]
    return prev in _VP_BEFORE or (prev in _RELATIVE_BEFORE and first.endswith("ed"))


def _clean_np(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence adverbs and time phrases at the front ('Therefore', 'On September 27')."""
    m = _LEADING_ADVERBS.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    return start, end


_NAME_ON_OUTLET = re.compile(r"^(.+?)\s+on\s+((?:the|his|her|their|a)\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:[Ww]eb\s*site|site|blog|show|program|programme|channel|"
                             r"podcast|network)(?:\s+.*)?)$")


_HONORIFICS = frozenset("sir dame lord lady mr mr. mrs mrs. ms ms. dr dr.".split())


# Reporting verbs sure enough that any plain noun phrase before them is their source ('The
# COP presidency said', 'the chipmaker said', 'The governing body said').
_STRONG_CUES = frozenset("said says stated announced".split())
_DESCRIPTION_OPENERS = _SPEAKER_DETERMINERS | frozenset("another one each every".split())


def _said_description(mention: str) -> bool:
    """A determiner and up to three modifiers before a lowercase noun head ('the chipmaker',
    'The COP presidency'), or an institution's name ending in its number ('… Lodge 44')."""
    words = mention.split()
    if not 2 <= len(words) <= 9 or words[0].lower() not in _DESCRIPTION_OPENERS:
        return False
    head = words[-1]
    if head.isdigit():
        # "The Fraternal Order of Police Lodge 44": a name and its number
        return all(is_capitalized(w) or w in ("of", "for", "and") for w in words[1:-1]) and \
            is_capitalized(words[-2])
    if len(words) > 5:
        return False
    return head.isalpha() and head.islower() and not _adverb(head) and \
        head not in NP_STOPS and head not in PRONOUNS and head not in DETERMINERS and \
        not any(w.islower() and (w.endswith("ed") or w in NP_STOPS) for w in words[1:-1])


def _make_attr(text: str, start: int, end: int, cue: str | None, role: str | None,
               paragraph: int) -> Attr | None:
    start, end = _clean_np(text, start, end)
    while start < end and text[start] in "“\"‘'([":
        start += 1  # '“I' -> 'I', '(Neither' -> 'Neither'
    trailing = _TRAILING_TIME.search(text, start, end)
    if trailing and trailing.start() > start:
        end = trailing.start()  # "House Speaker Paul Ryan on Thursday"
    mention = text[start:end].strip(" ,")
    if _OPENER_WORD.fullmatch(mention):
        return None  # "Speaking", "Hastily", "Having": a sentence opener, no speaker
    # "according to a CNN tally": the phrase itself marks a source, whatever its head noun.
    lenient = cue == ACCORDING_TO and 0 < len(mention.split()) <= 8 and \
        mention.split()[0].lower() not in _BAD_FIRST
    # "John Hudson at The Washington Post": a named person and the outlet they speak through.
    of = re.match(r"^(.+?)\s+(?:at|of|from|with)\s+(.+)$", mention)
    if of and len(of.group(1).split()) >= 2 and is_proper_name(of.group(1)) and \
            of.group(1).split()[-1].lower() not in TITLE_WORDS and not is_proper_name(
                re.sub(r"^[Tt]he\s+", "", of.group(2))):
        # "Phil Musser of digital consulting firm IMGE", "Tom Vantry of the Ohio delegation":
        # the person, with a description (split before the check: the description's lowercase
        # head would fail it)
        mention = of.group(1)
        end = start + len(mention)
        role = role or of.group(2)
    outlet = _NAME_ON_OUTLET.match(mention)
    if outlet and len(outlet.group(1).split()) >= 2 and is_proper_name(outlet.group(1)):
        # "Noel Sheppard on the conservative Web site News Busters": the person writes there
        mention = outlet.group(1)
        end = start + len(mention)
        role = role or outlet.group(2)
    adjunct = _NAME_THEN_ADJUNCT.match(mention)
    if adjunct and is_proper_name(adjunct.group(1)):
        before = text[max(0, start - 12):start].split()
        if before and before[-1].lower() in _ANY_PREPOSITION:
            return None  # "a letter to Steele on his site calling for …": an object
        # "Trump in his announcement speech called …": when and where, not who
        mention = adjunct.group(1)
        end = start + len(mention)
    if not lenient and not _valid_speaker(mention) and not (
            cue in _STRONG_CUES and _said_description(mention)):
        return None
    if cue != ACCORDING_TO and _verb_phrase(text, start, mention):
        # 'to watch Mitt Romney … insist', 'which included Trump vowing': the verb's object
        # is the speaker when it is a name or a role ('staff members'); else no speaker.
        m_obj = _VERB_OBJECT.match(mention)
        if m_obj is None or _HYPHEN_ADJECTIVE.search(mention) or m_obj.group(1).split()[0] in _BAD_FIRST:
            return None
        rest = m_obj.group(1)
        head = rest.split()[-1].lower()
        if not (is_proper_name(rest) or head in ROLE_NOUNS or head.removesuffix("s") in ROLE_NOUNS) \
                or rest.split()[0] in _LOOSE_PREPOSITIONS:
            return None
        start += m_obj.start(1)
        mention = rest
        role = None
    via: list[str] = []
    m = re.match(r"^(.+?)\s+(at|of|from|with|on)\s+((?:[Tt]he\s+)?[A-Z].*)$", mention)
    if m and m.group(2) == "on" and m.group(1).split()[-1].lower() in _ORG_HEADS:
        m = None  # "the Joint Committee on Taxation" is one name; "Ann Fry on Radio One" not
    if m and is_proper_name(m.group(1)) and m.group(1).split()[-1].lower() not in TITLE_WORDS and is_proper_name(re.sub(r"^[Tt]he\s+", "", m.group(3))):
        mention = m.group(1)
        end = start + len(mention)
        home = m.group(2) in ("of", "from") and (
            m.group(3) in _US_STATES or _LOCAL_PLACE.search(m.group(3)) is not None)
        if role is None:
            # "Senator Bob Corker of Tennessee": the state he is from, after his title
            role = m.group(3) if not home else \
                " of ".join(x for x in (split_name_role(mention)[1], m.group(3)) if x)
        if not home and m.group(2) != "of":
            # "John Hudson at The Washington Post"; 'Professor Park of Ewha Womans University'
            # is where he works, no intermediary
            via = [m.group(3)]
    _name, prefix_role = split_name_role(mention)
    if prefix_role and role is None and prefix_role.lower() not in _HONORIFICS:
        role = prefix_role  # ('Sir Ed Davey': an honorific, no role)
    # "X, speaking on condition of anonymity, said": the appositive makes the source anonymous
    anonymous = is_anonymous(mention) or bool(role and _ANONYMITY.search(role))
    return Attr(mention=mention, start=start, end=end, cue=cue, role=role,
                anonymous=anonymous, via=via, paragraph=paragraph)


def _subject_before(text: str, lo: int, hi: int, cue: str, paragraph: int,
                    nested: bool = False) -> Attr | None:
    """The speaker phrase that ends right before a cue at `hi` (auxiliaries skipped); a
    clause set off between them that asks for anonymity ('…, who asked not to be named, said')
    makes the source anonymous."""
    attr = _subject_phrase_before(text, lo, hi, cue, paragraph, nested)
    if attr is not None and not attr.anonymous and attr.end < hi and \
            text[attr.end:hi].lstrip().startswith(",") and _ANONYMITY.search(text, attr.end, hi):
        attr.anonymous = True
    return attr


def _subject_phrase_before(text: str, lo: int, hi: int, cue: str, paragraph: int,
                           nested: bool = False) -> Attr | None:
    toks = _tokens(text, lo, hi)
    # "Gorka similarly warned", "Trump has also said": auxiliaries and adverbs are no subject.
    while toks and (toks[-1][2].lower() in AUXILIARIES or (
            toks[-1][2].islower() and _adverb(toks[-1][2]))):
        if len(toks) >= 2 and toks[-1][2] == "Will" and is_capitalized(toks[-2][2]) and \
                toks[-2][2].isalpha():
            break  # "columnist George Will said": a surname, not the modal
        toks.pop()
    if not toks:
        return None
    if toks[-1][2].endswith(","):
        long_appositive = _opening_name(text, lo, toks, cue, paragraph)
        if long_appositive is not None:
            return long_appositive
        relative = _name_before_relative(text, lo, toks, cue, paragraph)
        if relative is not None:
            return relative
        # Appositive: "NAME, ROLE, said" or "ROLE, NAME, said" or "NAME, who …, said".
        j = next((k for k in range(len(toks) - 2, max(-1, len(toks) - APPOSITIVE_WINDOW), -1)
                  if toks[k][2].endswith(",")), None)
        if j is None:
            if not nested:
                return None
            span = _np_backward([*toks[:-1], (toks[-1][0], toks[-1][1] - 1, toks[-1][2][:-1])])
            return _make_attr(text, *span, cue, None, paragraph) if span else None
        # "NAME, a supporter from Jackson, Miss., said": the earliest comma after a name wins.
        for k in range(max(0, len(toks) - APPOSITIVE_WINDOW), j):
            if not toks[k][2].endswith(","):
                continue
            span = _np_backward([*toks[:k], (toks[k][0], toks[k][1] - 1, toks[k][2][:-1])])
            if span is None:
                continue
            n_start, n_end = _clean_np(text, *span)
            name = text[n_start:n_end]
            if (len(name.split()) >= 2 and is_proper_name(name)
                    and name.split()[0] not in _NOT_NAME_START):
                role = text[toks[k + 1][0]:toks[-1][1] - 1]
                if role.split()[0].lower() in ("who", "which", "whose", "whom"):
                    role = ""
                return _make_attr(text, n_start, n_end, cue, role or None, paragraph)
        appos_start, appos_end = toks[j + 1][0], toks[-1][1] - 1
        head_toks = [*toks[:j], (toks[j][0], toks[j][1] - 1, toks[j][2][:-1])]
        head = _np_backward(head_toks)
        if head is None:
            return None
        h_start, h_end = _clean_np(text, *head)
        head_text = text[h_start:h_end]
        appos = text[appos_start:appos_end]
        appos_words = appos.split()
        if not appos_words:  # "John Smith, , said": a typo, not an appositive
            return None
        if appos_words[0].lower() in ("where", "when"):
            # "the lawsuit from Nebraska and Oklahoma, where marijuana is outlawed, argues": the
            # clause describes the place; the whole opening phrase is the subject
            lead_toks = toks[:j + 1]
            if lead_toks and lead_toks[0][2].lower() in ("but", "and", "yet", "so"):
                lead_toks = lead_toks[1:]
            words = [t[2].strip(",") for t in lead_toks]
            if 2 <= len(words) <= 8 and (words[0].lower() in DETERMINERS or
                                         is_capitalized(words[0])) and \
                    not any(w.islower() and w not in ROLE_NOUNS and _verb_like(w)
                            for w in words[1:]):
                return _make_attr(text, lead_toks[0][0], lead_toks[-1][1] - 1, cue, None,
                                  paragraph)
        if appos_words[0].lower() in ("who", "which", "whose", "whom"):
            # "NAME, ROLE, which …, said": the part before the relative clause may be appositive.
            return _subject_before(text, lo, toks[j][1], cue, paragraph, nested=True)
        if head_text.split() and head_text.split()[0] in _NOT_NAME_START and \
                is_proper_name(appos):
            # "Of Carson, Levine said": a fronted phrase, then the speaker
            return _make_attr(text, appos_start, appos_end, cue, None, paragraph)
        place = _place_parenthetical(text, lo, h_start, h_end, appos)
        if place is not None:
            # "Lee, who runs a diner in Dayton, Ohio, said": "Dayton, Ohio" is a place.
            return _make_attr(text, *place, cue, None, paragraph)
        if appos in _US_STATES and _PLACE_END.search(text, lo, h_end):
            # "Betsy Sharp of Burke County, Georgia, knows", "a woman in Worcester,
            # Massachusetts, told": the state closes the place, not a name in apposition
            return _make_attr(text, h_start, h_end, cue, None, paragraph)
        named_appos = re.fullmatch(r"(?:the\s+)?((?:[A-Z][\w’'.-]*\s+)*(?:of\s+|for\s+|and\s+)?"
                                   r"(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*)(?:\s+\([A-Z]{2,}\))?",
                                   appos)
        if named_appos and not is_proper_name(head_text) and not is_proper_name(appos) and \
                head_text.split()[0].lower() in DETERMINERS and \
                named_appos.group(1).split()[-1].lower() in INSTITUTION_HEADS:
            # "The cycling body, the International Cycling Union (UCI), said": the named body
            body = _make_attr(text, appos_start + named_appos.start(1),
                              appos_start + named_appos.end(1), cue, None, paragraph)
            if body is not None:
                body.phrase_start = h_start
                return body
        if not is_proper_name(head_text) and is_proper_name(appos):
            role = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", head_text)
            pair = _TITLED_NAME_AND.search(text, max(lo, h_start - 80), h_start)
            if pair is not None and pair.start() == _clean_np(text, lo, pair.start())[0]:
                name = split_name_role(pair.group(1))[0]
                if len(name.split()) >= 2 and is_proper_name(name):
                    # "Nebraska Attorney General Jon Bruning and Oklahoma's attorney general,
                    # Scott Pruitt, said": the two speak together
                    return Attr(mention=f"{name} and {appos}", start=pair.start(),
                                end=appos_end, cue=cue, paragraph=paragraph)
            appositive = _make_attr(text, appos_start, appos_end, cue, role, paragraph)
            if appositive is not None and h_start < appos_start:
                # "Russia's deputy U.N. ambassador, Dmitry Polyanskiy, said": the description
                # is the speaker's, no narration of its own
                appositive.phrase_start = h_start
            return appositive
        appos_name = _APPOSITIVE_NAME.match(appos)
        if appos_name and not is_proper_name(head_text) and head_text.split()[0].lower() in \
                DETERMINERS and is_proper_name(appos_name.group(1)) and \
                appos_name.group(1).split()[-1].lower() not in TITLE_WORDS:
            # "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church, said":
            # the name in the appositive speaks, the description is its role
            n_end = appos_start + appos_name.end(1)
            attr = _make_attr(text, appos_start, n_end, cue, head_text, paragraph)
            if attr is not None:
                attr.phrase_start = h_start
            return attr
        # "Rep. Anthony Weiner, in an interview with Fox News, said": when and where he said
        # it, not who he is
        adverbial = _ADVERBIAL_APPOSITIVE.match(appos) is not None and \
            not _ANONYMITY.search(appos)
        return _make_attr(text, h_start, h_end, cue, None if adverbial else appos, paragraph)
    span = _np_backward(toks)
    if span is None:
        return None
    if text[span[0]:span[1]] in _US_STATES:
        home = _HOME_TOWN_BEFORE.search(text, max(lo, span[0] - 80), span[0])
        if home is not None:
            # "Stacy Baker of Columbia, South Carolina says": the state closes her home town
            resident = _make_attr(text, home.start(1), home.end(1), cue, None, paragraph)
            if resident is not None:
                return resident
    informed = _INFORMED_SOURCE.search(text, max(lo, span[0] - 60), span[0])
    if informed:
        # "…, people with knowledge of the case said": an anonymous source, not 'the case'
        return Attr(mention=text[informed.start():span[1]], start=informed.start(), end=span[1],
                    cue=cue, anonymous=True, paragraph=paragraph)
    first = next(k for k, tok in enumerate(toks) if tok[0] == span[0])
    if first >= 1 and toks[first - 1][2].lower() == "what":
        return None  # 'the future of what proponents call the bill': a free relative
    if first >= 2 and toks[first - 1][2].lower() in _TIME_PREPOSITIONS and \
            _TIME_PHRASE.fullmatch(text, span[0], span[1]):
        # "Sanders during a Sunday rally thanked …": the time phrase is no subject
        earlier = _np_backward(toks[:first - 1])
        if earlier is not None:
            span = earlier
            first = next(k for k, tok in enumerate(toks) if tok[0] == span[0])
    if first >= 2 and toks[first - 1][2].lower() == "who":
        # "Supporters who have heard from the campaign say": the relative clause's words are
        # not the subject; the noun phrase before 'who' is
        head = _np_backward(toks[:first - 1])
        opening = [k for k, tok in enumerate(toks) if head is not None and tok[0] == head[0]]
        if opening and (opening[0] == 0 or (opening[0] == 1 and toks[0][2].lower().strip(",") in
                                            ("but", "and", "yet", "still", "so", "now"))):
            assert head is not None
            attr = _make_attr(text, head[0], head[1], cue, None, paragraph)
            if attr is not None:
                return attr
    joint = _joint_names(text, lo, toks, span)
    if joint is not None:
        # "Both Justin Trudeau and Enrique Peña Nieto said": the named people speak together
        return _make_attr(text, joint, span[1], cue, None, paragraph)
    if first >= 2 and toks[first - 1][2] == "by" and (
            toks[first - 2][2].endswith("ed") or toks[first - 2][2] in _IRREGULAR_PARTICIPLES) and \
            toks[first - 2][2] not in _ISSUING_PARTICIPLES and not (
                first >= 3 and toks[first - 3][2].lower().strip(",") in _DOCUMENT_HEADS):
        # "The family of a man shot by a Dayton police officer called …": the agent of a
        # participle inside the subject is not the subject
        return None
    named = _name_before_role(text, lo, span[0], span[1])
    if named is not None:
        # "Jo Park, the director of the museum said": the closing comma is missing.
        return _make_attr(text, named[0], named[1], cue, text[span[0]:span[1]], paragraph)
    attr = _make_attr(text, span[0], span[1], cue, None, paragraph)
    others = _NAME_APPOSITIVE_AND.fullmatch(text, _clean_np(text, lo, span[0])[0], span[0])
    if attr is not None and others and text[span[0]:span[1]].lower().startswith("other ") and \
            is_proper_name(others.group(1)):
        # "Cornyn, the Senate's No. 2 Republican, and other supporters said": the named person
        # and the others speak together
        return Attr(mention=f"{others.group(1)} and {text[span[0]:span[1]]}", start=others.start(1),
                    end=span[1], cue=cue, paragraph=paragraph)
    if attr is not None and first >= 2 and toks[first - 1][2] == "and":
        list_start = _clean_np(text, lo, span[0])[0]
        pre = text[list_start:toks[first - 1][0]].split()
        if 1 <= len(pre) <= 8 and all(is_capitalized(w) or w.lower() in NAME_PARTICLES or
                                      w.lower().startswith("al-") or w == "of" for w in pre) \
                and is_proper_name(text[span[0]:span[1]]) and not _list_goes_on(text, list_start):
            # "Iraqi Prime Minister Haider al-Abadi and Iranian Foreign Minister Javad Zarif
            # said": the first titled name is no narration of its own (the last name speaks)
            attr.phrase_start = list_start
        elif 1 <= len(pre) <= 8 and is_capitalized(pre[-1]) and \
                attr.mention.split()[-1].lower().rstrip("s") in TITLE_WORDS | ROLE_NOUNS and \
                attr.mention.endswith("s") and not any(
                    w[-1] in ",;:" or (w.islower() and _verb_like(w)) for w in pre) and \
                not _list_goes_on(text, list_start):
            # "more than a half-dozen House and Senate Democrats also have said": one group
            wider = _make_attr(text, list_start, span[1], cue, None, paragraph)
            if wider is not None:
                return wider
        elif 1 <= len(pre) <= 8 and all(_np_word(w) for w in pre) and \
                not _list_goes_on(text, list_start):
            # "Attorneys general in Utah and New Mexico said", "some sheriffs and police
            # officers say": one noun phrase, not a fragment and its last name
            wider = _make_attr(text, list_start, span[1], cue, None, paragraph)
            if wider is not None:
                return wider
    return attr


def _np_word(word: str) -> bool:
    """A word that stays inside a noun phrase: a capitalised word, a determiner or quantifier,
    a place preposition, a role or title word ('Attorneys general in Utah', 'some sheriffs')."""
    low = word.lower().strip(",.")
    return is_capitalized(word) or low in DETERMINERS or low in _NP_INNER or \
        low in ROLE_NOUNS or low.rstrip("s") in ROLE_NOUNS or low in TITLE_WORDS


def _joint_names(text: str, lo: int, toks: list[tuple[int, int, str]],
                 span: tuple[int, int]) -> int | None:
    """Where a list of personal names that opens the clause and ends with the name at `span`
    starts ('Clinton and Sanders said', 'Both Justin Trudeau and Enrique Peña Nieto said',
    'Hillary Clinton, Bernie Sanders and Martin O'Malley said'); None when the word before
    `span` is not 'and', a listed item is no personal name, or the list does not open the
    clause (an object: 'Trump met Clinton and Sanders said')."""
    first = next(k for k, tok in enumerate(toks) if tok[0] == span[0])
    if first < 2 or toks[first - 1][2] != "and" or _and_inside_name(toks, first - 1) or \
            not _listed_name(text[span[0]:span[1]]):
        return None
    opening = _clean_np(text, lo, span[0])[0]
    comma = text.rfind(", ", opening, span[0])
    fronted = _FRONTED_FIRST.match(text, opening)
    if fronted and not text[fronted.end():fronted.end() + 1].isalnum() and comma > 0 and \
            not _JOINT_LIST.fullmatch(text, opening, span[0]):
        # "While it is against the law …, Nebraska and Oklahoma said": the list opens the main
        # clause after a fronted one
        opening = _clean_np(text, comma + 2, span[0])[0]
    if _list_goes_on(text, opening):
        return None
    m = _JOINT_LIST.fullmatch(text, opening, span[0])
    if m is None or not all(_listed_name(item) for item in list_members(m.group("list"))):
        return None
    return m.start("list")


def _list_goes_on(text: str, pos: int) -> bool:
    """Whether a list of names at `pos` continues one begun before it ('… ridicule Donald
    Trump, Ben Carson, and Carly Fiorina'): a capitalised word and a comma come right before,
    and that word neither opens its sentence ('Instead, Matthews, …') nor follows a
    preposition ('In Iowa, Clinton and Sanders said')."""
    pre = text[:pos].rstrip()
    if not pre.endswith(","):
        return False
    words = pre[:-1].split()
    if not words or not is_capitalized(words[-1]):
        return False
    before = pre[:-1].rstrip()[:-len(words[-1])].rstrip(" \t")
    if not before or before[-1] in ".!?\"“”:;—\n":
        return False
    return before.split()[-1].lower() not in PREPOSITIONS_IN_NP | _TIME_PREPOSITIONS


def _passive_cue(text: str, lo: int, m: re.Match[str]) -> bool:
    """Whether the cue word `m` is a passive participle ('the woman was accused of …', 'Grimm
    was expected to be indicted'): its subject is the one acted on, not a source."""
    return m.group() in _PASSIVE_OBJECT_VERBS and bool(
        _PASSIVE_AUX.search(text, max(lo, m.start() - 30), m.start()))


# Verbs whose passive subject is the one acted on ('was accused', 'is expected', 'were told');
# not stance adjectives, whose subject holds the stance ('are worried', 'is committed'), nor
# 'was quoted as saying' or 'was asked … by Y' (see asked_by).
_PASSIVE_OBJECT_VERBS = frozenset(
    """accused expected charged told criticized criticised praised blamed urged warned advised
    cited described called considered seen viewed believed thought known alleged supported
    endorsed backed informed briefed pressed questioned attacked targeted investigated indicted
    sued reported""".split())


def _names_a_description(text: str, lo: int, m: re.Match[str]) -> bool:
    """Whether the word `m` is 'named' giving a description its name ('a worker named Ana Ruiz
    has …'): no cue."""
    return m.group() == "named" and bool(
        _A_NOUN_NAMED.search(text, max(lo, m.start() - 40), m.end() + 2))


_A_NOUN_NAMED = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[a-z-]+\s+){1,2}named\s+[A-Z]")
_NAMED = re.compile(rf"\s+(?:named|called)\s+({NAME_WORDS})(?=,?\s+[a-z])")


def _joint_or(text: str, attr: Attr | None, hi: int) -> Attr | None:
    """`attr`, or the list of names it opens ('Bernie Sanders' of 'Bernie Sanders and Ted Cruz
    both campaigned'): the people speak together; or the name a description gives ('a worker
    named Ana Ruiz has nothing but praise …')."""
    if attr is not None and not is_proper_name(attr.mention):
        named = _NAMED.match(text, attr.end, hi)
        if named and is_proper_name(named.group(1)) and len(named.group(1).split()) >= 2:
            return _make_attr(text, attr.start, named.end(1), attr.cue, None,
                              attr.paragraph) or attr
    if attr is None or not is_proper_name(re.sub(r"^[Bb]oth\s+", "", attr.mention)):
        return attr
    lead = attr.phrase_start if attr.phrase_start is not None else attr.start
    joint = _joint_at(text, lead, hi)
    if joint is None or joint[0] >= attr.end or joint[1] <= attr.end:
        return attr
    wider = _make_attr(text, *joint, attr.cue, None, attr.paragraph)
    return wider or attr


def _joint_at(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The span of a list of personal names opening the clause at `lo` and ending before a
    lowercase word ('Bernie Sanders and Ted Cruz both campaigned', 'Both Justin Trudeau and
    Enrique Peña Nieto gave'), or None."""
    m = _JOINT_OPENING.match(text, lo, hi)
    if m is None or _list_goes_on(text, m.start("list")):
        return None
    names = m.group("list")
    if not all(_listed_name(item) for item in list_members(names)):
        return None
    return m.start("list"), m.end("list")


_INFORMED_SOURCE = re.compile(
    r"(?:\b(?:[Aa]|[Aa]n|[Tt]he|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Ss]enior)\s+)?"
    r"(?:(?:[A-Z][a-z]+(?:an|ian|ese|ish|i)|senior|[Ss]enior|administration|government|military|"
    r"intelligence|security|U\.S\.|US|European|Western)\s+){0,2}\b(?:[Pp]eople|[Pp]erson|"
    r"[Oo]fficials?|[Ss]ources?|[Aa]ides?|[Dd]iplomats?|[Ll]awyers?|[Aa]dvisers?|Democrats|"
    r"Republicans)\s+"
    r"(?:with(?:\s+direct)?(?:\s+knowledge\s+of)?|familiar\s+with|briefed\s+on|close\s+to|"
    r"involved\s+in|knowledgeable\s+about)\s+$")
_NP_INNER = frozenset("in of from at some many several other local state county top".split())
_JOINT_OPENING = re.compile(
    rf"(?:[Bb]oth\s+)?(?P<list>{JOINT_NAMES.pattern})(?=,?\s+[a-z])")
_JOINT_LIST = re.compile(rf"(?:[Bb]oth\s+)?(?P<list>{NAME_WORDS}(?:,\s+{NAME_WORDS})*,?\s+and\s+)")


def _listed_name(phrase: str) -> bool:
    """A personal name in a list of speakers: capitalised words, no title or institution."""
    words = phrase.split()
    return 1 <= len(words) <= 4 and is_proper_name(phrase) and not _is_institution(phrase) \
        and words[-1].lower().strip(",.") not in TITLE_WORDS and words[0] not in _NOT_NAME_START


def _is_institution(phrase: str) -> bool:
    return any(w.lower() in _ORG_HEADS for w in phrase.split()) or phrase.isupper()


APPOSITIVE_WINDOW = 16  # tokens before a cue searched for the comma after a name
LONG_APPOSITIVE_WINDOW = 45  # ... when that name opens the clause


def _opening_name(text: str, lo: int, toks: list[tuple[int, int, str]],
                  cue: str = "", paragraph: int = 0) -> Attr | None:
    """'Ana Quill, a former official who now runs a research center in the capital, which
    studies trade, said': a personal name opening the clause and closed by a comma, followed
    by an appositive too long for the usual look-back (more than APPOSITIVE_WINDOW tokens to
    the cue), speaks; the rest is its role."""
    if not APPOSITIVE_WINDOW < len(toks) <= LONG_APPOSITIVE_WINDOW:
        return None
    # "On the other side, Sen. Ann Fry (R-Tex.), a candidate who …, tweeted": after a fronted
    # phrase, and with the party tag that closes the name
    lo = _skip_fronted(text, lo, toks[-1][1])
    toks = [tok for tok in toks if tok[0] >= lo]
    k = next((i for i in range(min(6, len(toks) - APPOSITIVE_WINDOW)) if toks[i][2].endswith(",")),
             None)
    # ("… who worked for Sen. Ann Fry (R-Tenn.), one of …": a party tag is no aside)
    if k is None or any(ch in _PARTY_TAGS.sub("", text[toks[k][1]:toks[-1][1]])
                        for ch in ";:\"“”()"):
        return None
    name_toks = toks[:k] if k > 1 and _PARTY_TAG_TOKEN.fullmatch(toks[k][2][:-1]) else \
        [*toks[:k], (toks[k][0], toks[k][1] - 1, toks[k][2][:-1])]
    found = _opening_np(text, name_toks, lo)
    if found is None:
        return None
    n_start, n_end = found
    name = text[n_start:n_end]
    words = name.split()
    if len(words) < 2 or not is_proper_name(split_name_role(name)[0]) or \
            words[0] in _NOT_NAME_START or \
            any(w.lower().strip(",.") in TITLE_WORDS for w in words[-1:]):
        return None
    role = text[toks[k + 1][0]:toks[-1][1] - 1]
    if role.split()[0].lower() in ("who", "which", "whose", "whom"):
        role = ""
    return _make_attr(text, n_start, n_end, cue, role or None, paragraph)


def _name_before_relative(text: str, lo: int, toks: list[tuple[int, int, str]],
                          cue: str, paragraph: int) -> Attr | None:
    """'Westmacott, who served in Iran, Turkey and France, praised …': a name opening the
    clause, then a comma and a relative clause that runs to the cue (whatever commas it
    holds), is the subject."""
    k = next((i for i in range(min(5, len(toks) - 2)) if toks[i][2].endswith(",")), None)
    if k is None or toks[k + 1][2].lower() not in ("who", "whose", "which"):
        return None
    found = _opening_np(text, [*toks[:k], (toks[k][0], toks[k][1] - 1, toks[k][2][:-1])], lo)
    if found is None:
        return None
    name = text[found[0]:found[1]]
    if toks[k + 1][2].lower() == "which":
        # "The lawsuit, which was brought by X, and Y, accused …": the document speaks
        if not _DOC_NOUN_PHRASE.match(name) and not re.match(r"(?i)the\s+(?:lawsuit|suit|"
                                                             r"report|complaint|bill)\b", name):
            return None
        return _make_attr(text, found[0], found[1], cue, None, paragraph)
    words = name.split()
    # "The official, who spoke on condition of anonymity because …, said": a role noun phrase
    role_np = words[0].lower() in _SPEAKER_DETERMINERS and len(words) <= 5 and (
        words[-1].lower() in ROLE_NOUNS or words[-1].lower().removesuffix("s") in ROLE_NOUNS)
    if not role_np and (not is_proper_name(name) or words[0] in _NOT_NAME_START or
                        words[-1].lower() in TITLE_WORDS):
        return None
    return _make_attr(text, found[0], found[1], cue, None, paragraph)


_PARTY_TAGS = re.compile(r"\([A-Z][A-Za-z]?(?:-[A-Z][\w.]*)?\.?\)")
_TIME_PREPOSITIONS = frozenset("during on at in over after before since until by".split())
_TIME_PHRASE = re.compile(
    r"(?:(?:an?|the|last|this|next|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|"
    r"December)(?:\s+[a-z]+)?")


_US_STATES = frozenset("""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware
    Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma
    Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming
    """.split()) | {"New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
                    "North Dakota", "Rhode Island", "South Carolina", "South Dakota",
                    "West Virginia"}
_PLACE_END = re.compile(r"\b(?:in|of|at|near|from)\s+(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*$")


# 'A statement issued by the White House said': the agent of these speaks through the document.
_ISSUING_PARTICIPLES = frozenset("""issued released signed sent published written prepared
    commissioned conducted compiled produced authored posted filed drafted circulated made
    delivered put""".split())
_DOCUMENT_HEADS = frozenset("""statement report letter memo study survey poll analysis review
    document documents filing complaint lawsuit brief ad video post tweet message email
    declaration resolution petition""".split())
_IRREGULAR_PARTICIPLES = frozenset("""shot hit hurt run struck taken given made held built bought
    sold sent brought caught chosen written beaten bitten driven known seen told led paid won""".split())
_HOME_TOWN_BEFORE = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*)\s+(?:of|from)\s+"
                               r"(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*,\s*$")
_APPOSITIVE_NAME = re.compile(r"((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*)\s+(?:of|at|from|in|with)\s")


def _place_parenthetical(text: str, lo: int, h_start: int, h_end: int,
                         appos: str) -> tuple[int, int] | None:
    """For 'NAME, <phrase> in Town, State, said': the span of NAME when the appositive `appos`
    is the state of a place 'in/of/at Town' ending the head phrase [h_start, h_end), and a
    comma-set-off phrase holding that place follows a name at the clause start; else None."""
    if not (1 <= len(appos.split()) <= 2 and is_proper_name(appos)):
        return None
    if not _PLACE_END.search(text, lo, h_end):
        return None
    comma = text.find(",", lo, h_start)
    if comma < 0:
        return None
    span = _np_backward(_tokens(text, lo, comma))
    if span is None:
        return None
    n_start, n_end = _clean_np(text, *span)
    name = text[n_start:n_end]
    if not is_proper_name(name) or name.split()[0] in _NOT_NAME_START or \
            n_start != _clean_np(text, lo, n_end)[0]:
        return None
    return n_start, n_end


_ROLES_AND = re.compile(r",\s+((?:[a-z]+\s+){1,3})and$")


def _name_before_role(text: str, lo: int, start: int, end: int) -> tuple[int, int] | None:
    """The personal name before a role phrase 'a/an/the …' at [start, end) that follows it
    after a comma ('Jo Park, the director of the museum'), or None."""
    role = text[start:end].split()
    if len(role) < 2 or not ((role[0] in ("a", "an", "the") and role[1][:1].islower())
                             or role[0].lower() in ROLE_NOUNS or role[0].lower() in TITLE_WORDS):
        return None
    pre = text[lo:start].rstrip()
    joined = _ROLES_AND.search(pre)
    if joined and all(w in ROLE_NOUNS or w in TITLE_WORDS for w in joined.group(1).split()):
        pre = pre[:joined.start() + 1]  # "Ann Lo, president and CEO of the association said"
    if not pre.endswith(","):
        return None
    found = _opening_np(text, _tokens(text, lo, lo + len(pre) - 1), lo)
    if found is None:
        return None
    n_start, n_end = found
    words = text[n_start:n_end].split()
    if len(words) < 2 or not is_proper_name(text[n_start:n_end]) or \
            words[0] in _NOT_NAME_START or words[-1].lower() in TITLE_WORDS:
        return None
    return n_start, n_end


def _opening_np(text: str, toks: list[tuple[int, int, str]], lo: int) -> tuple[int, int] | None:
    """The noun phrase the tokens end with (cleaned), when it is what opens the clause at
    `lo`; else None."""
    span = _np_backward(toks)
    if span is None:
        return None
    n_start, n_end = _clean_np(text, *span)
    if n_start != _clean_np(text, lo, n_end)[0]:
        return None
    return n_start, n_end


_SIGNED_BELOW = re.compile(r"[ \t]*\n\s*[-—–][ \t]*((?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w’'-]*)"
                           r"\.?[ \t]*(?:\n|$)")
_LABEL_BEFORE_QUOTE = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*):\s*$")
_AS_PUT_IT = re.compile(r"\b[Aa]s\s+(\S.{0,150}?)\s+((?:has\s+|once\s+|later\s+)?puts?)\s+it"
                        r"\s*[,:—]?\s*$")
_TITLE_ABBREVIATIONS = frozenset("gov sen rep gen lt col adm".split())
_PARTY_TAG_TOKEN = re.compile(r"\([A-Z][A-Za-z]?(?:-[A-Z][\w.]*)?\.?\)")


def _role_head(phrase: str) -> bool:
    """Whether a phrase ends in a role or title word ('a pollster', 'the group's director'),
    not in whatever a sentence goes on with ('the gunman', 'the death toll has risen to 45')."""
    head = phrase.split()[-1].lower().strip(",.")
    return head in ROLE_NOUNS or head in TITLE_WORDS


def _np_forward(text: str, lo: int, hi: int, cue: str | None, paragraph: int) -> Attr | None:
    """A speaker phrase starting at `lo` ('said Caddell, a pollster.', 'according to X, …');
    None after a cue like 'told', whose object is the addressee."""
    if cue in NO_INVERSION_CUES:
        return None
    toks = _tokens(text, lo, hi)
    taken: list[tuple[int, int, str]] = []
    ends_with_comma = False
    limit = 12 if cue == ACCORDING_TO else 9
    for index, tok in enumerate(toks[:limit + 4]):
        if index >= limit:
            break
        word = tok[2]
        low = word.lower().strip(",.;:")
        # "according to a count by The Associated Press": the author of the count counts.
        # "according to a tally by the Associated Press" too.
        by_name = cue == ACCORDING_TO and low == "by" and index + 1 < len(toks) and (
            is_capitalized(toks[index + 1][2]) or (
                toks[index + 1][2] == "the" and index + 2 < len(toks)
                and is_capitalized(toks[index + 2][2])) or (
                # "according to projections by the pollster Ifop"
                toks[index + 1][2] == "the" and index + 3 < len(toks)
                and toks[index + 2][2] in ROLE_NOUNS and is_capitalized(toks[index + 3][2])))
        # "according to a (recent) report from X", "a post by X": after a determiner and
        # lowercase modifiers a reporting word is the document's noun, not a verb
        # ('"…," said the report.': the document noun ends the sentence)
        document_noun = (cue == ACCORDING_TO or index == len(toks) - 1 or word[-1] in ".,;") \
            and low in SAY_CUES and 1 <= len(taken) <= 2 and \
            taken[0][2].lower() in DETERMINERS and all(w.islower() for _, _, w in taken)
        # "said former Ohio Gov. and party Chairman Ed Rendell": two titles of one person
        titles_and = low == "and" and bool(taken) and \
            taken[-1][2].lower().rstrip(".") in TITLE_WORDS | _TITLE_ABBREVIATIONS and \
            index + 1 < len(toks) and is_capitalized(toks[index + 1][2])
        if taken and (low in NP_STOPS or low in _VERB_GROUP) and not by_name and \
                not document_noun and not titles_and \
                and (not is_capitalized(word) or low in _FUNCTION_WORDS):
            break  # ('said the candidate could be …': a clause, the verb ends the phrase)
        if titles_and:
            limit += 4  # room for the second title and the name
        if _ABBREVIATION.match(word):
            taken.append((tok[0], tok[1], word))
            continue
        stripped = word.rstrip(",.;:!?”\"")
        if taken and _PARTY_TAG_TOKEN.match(stripped) and cue != ACCORDING_TO:
            # "said Rep. Tom Brecker (D-Va.) at the time": the party tag ends the name
            ends_with_comma = word[len(stripped):].startswith(",")
            break
        if stripped.endswith(")") and "(" not in stripped:
            # "(… according to Factcheck.org)": the parenthesis closes around the source
            stripped = stripped.rstrip(")")
            taken.append((tok[0], tok[0] + len(stripped), stripped))
            break
        taken.append((tok[0], tok[0] + len(stripped), stripped))
        if word != stripped:
            ends_with_comma = word[len(stripped):].startswith(",")
            break
    if not taken:
        return None
    start, end = taken[0][0], taken[-1][1]
    role = None
    if ends_with_comma:
        rest = re.match(r"\s*((?:a|an|the|his|her)\s+[^,.;]+)", text[end + 1:hi])
        opening = cue == ACCORDING_TO and text[max(0, lo - 20):lo].rstrip().endswith(
            "According to")
        closed = rest is not None and (not opening or (text[end + 1 + rest.end():hi].startswith(
            ",") and len(rest.group(1).split()) <= 8 and _role_head(rest.group(1))))
        if rest and closed:
            # ('According to UNICEF, the number of children … has risen': the content, no role)
            role = rest.group(1).strip()
        described = text[start:end]
        name = _NAME_AFTER_COMMA.match(text, end + 1, hi)
        if name and not is_proper_name(described) and described.split()[0].lower() in (
                "the", "a", "an", "his", "her", "its", "their") and is_proper_name(name.group(1)):
            # "…, said the company's chief executive, John J. Ferriola.": the name speaks
            named = _make_attr(text, name.start(1), name.end(1), cue, described, paragraph)
            if named is not None:
                named.phrase_start = start  # the description is no narration of its own
            return named
    return _make_attr(text, start, end, cue, role, paragraph)


# A past-tense verb right before a noun phrase makes it that verb's object ('portrayed a
# State Department concerned about …').
_OBJECT_OF_VERB = re.compile(r"\b[a-z]{3,}ed\s+$")
_WAS_ASKED = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?asked\b")
_ASKED_BY_END = re.compile(r"\s+by\s+((?:[A-Z][\w.'’-]*\s+|(?:the|a|an)\s+){0,6}[A-Z][\w'’-]*)"
                           r"\s*[.!?]?\s*$")
_ASKED_WHETHER = re.compile(r"\b(?:whether|if)\s+$")
_MANNER_BEFORE_THAT = re.compile(r"(\s+[a-z]{3,}ly)\s+that\b")


# Where or how something was said, between the cue and 'that' ('wrote on X that', 'said in a
# note to clients that', 'told reporters at the Capitol that').
_WHERE_BEFORE_THAT = re.compile(r"(\s*(?<![\w'’-])(?:(?:on|in|at|during|via|through)\s+(?:(?:a|an|the|his|her|"
                                r"their|its)\s+|(?=[A-Z])|(?=social\s+media|television|radio))|"
                                r"(?:released|issued|posted|published|sent|distributed)\s+by\s+"
                                r"(?:(?:the|a|an|its|his|her|their)\s+)?)"
                                r"(?:(?!(?:the|a|an)\s)[\w.'’-]+\s+){0,6}?)that\b")


def _content_after(text: str, pos: int, hi: int, cue: str) -> int:
    """Where the content starts after a cue ending at `pos` (adverbials, addressee, 'that')."""
    particle = _PARTICLE.match(text, pos, hi) if cue.lower() in _PHRASAL_CUES else None
    if particle:
        pos = particle.end()  # "laid out eight priorities", "pointed out that …"
    m = _ADVERBIAL.match(text, pos, hi)
    if m and m.end() > pos:
        pos = m.end()
    manner = _MANNER_BEFORE_THAT.match(text, pos, hi)
    if manner:
        pos = manner.end(1)  # 'reported incorrectly that …', 'said privately that …'
    where = _WHERE_BEFORE_THAT.match(text, pos, hi) if not cue.lower().startswith(
        ("call", "urg", "press", "prevail")) else None  # 'called on the US to attack … that'
    if where and not re.search(r"\bto\s+[a-z]+\s+(?:the|a|an|his|her|their)\b", where.group(1)):
        pos = where.end(1)  # 'wrote on X that …', 'said in a note to clients that …'
    if cue in ADDRESSEE_CUES:
        window = text[pos:min(hi, pos + 120)]
        t = re.search(r"\bthat\b\s*", window)
        if t and len(window[:t.start()].split()) > ADDRESSEE_MAX_WORDS + 2:
            t = None  # 'told reporters the tax was a threat to small firms that hire …'
        if t and re.search(r"\bto\s+[a-z]+", window[:t.start()]):
            return pos + len(window) - len(window.lstrip())  # "asks the court to strike down
            # … a measure that …": the request is the content; 'that' opens a relative clause
        if t:
            return pos + t.end()
        w = _WH.search(window)
        if w:
            return pos + w.start()
        obj = re.match(r"\s*(?:(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*[,:]?\s+|"
                        r"(?:him|her|them|me|us|reporters|supporters)[,:]?\s+)", text[pos:hi])
        if obj:
            pos += obj.end()
    t2 = _THAT.match(text, pos, hi)
    if t2:
        pos = t2.end()
    while pos < hi and text[pos].isspace():
        pos += 1
    return pos


def _complement_start(text: str, comp: re.Match[str]) -> int:
    """Where the content starts after a matched complement: after 'that', 'about', ':', but at
    'to', 'whether', 'how' … (word counts still use comp.end(), as the cue model was fit)."""
    word = comp.group().strip()
    if word in _KEPT_COMPLEMENTS:
        return comp.start() + comp.group().index(word)
    return comp.end()


# After a quote's own cue, words that add where, when, to whom or how it was said, not what:
# '"…," she said to cheers', '…," Roe wrote in a memo', '…," he said, referring to Cruz'.
_FRAME_WORDS = frozenset(
    """in on at during of about after before when while shortly last earlier later to with
    without from following as amid upon""".split())
# A learned cue this reliable in a quote's frame ('…," she said, comparing him to …') gives it
# content of its own.
TAIL_CUE_PRECISION = 0.5


def _frame_only(text: str, start: int, end: int, cue: str) -> bool:
    """Whether the words [start, end) after the cue of a quote's attribution are more of its
    frame (an addressee, a time or place, a participle comment) rather than content."""
    words = text[start:end].split()
    if not words or re.search(r"[“”\"]|\bthat\b", text[start:end]) or \
            _CUE.search(text, start, end) or any(
                (frame := CUE_FRAMES.get(w.group().lower())) is not None and
                frame.precision >= TAIL_CUE_PRECISION for w in _WORD.finditer(text, start, end)):
        return False  # '…," she said, when asked whether …': an attribution of its own
    if cue.lower() in ADDRESSEE_CUES:
        return not _WH.search(text, start, end)
    if words[0] == ",":
        words = words[1:]
    elif words[0].startswith(","):
        words[0] = words[0][1:]
    first = words[0].lower().strip(",") if words else ""
    if text[start] == ",":
        return first not in SAY_CUES
    return first in _FRAME_WORDS


_FRONTED_OPENER = re.compile(
    r"(?:And\s+|But\s+|Just\s+|Even\s+)?(?:With|Without|In|On|At|As|After|Before|While|When|"
    r"During|Since|Until|Despite|For|From|Further|Furthermore|Among|Amid|Over|Under|Once|If|"
    r"Although|Though|Because)\b")


def _fronted_phrase(words: str) -> bool:
    """A fronted adverbial ending in its comma ('With such a thin margin,', 'In the past,',
    'As for his travel,'): one phrase from a preposition or subordinator, no clause of its own
    to attribute."""
    body = words.strip().rstrip(",")
    return bool(_FRONTED_OPENER.match(body.lstrip(" \"“‘'("))) and "," not in body


def _content_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return end


class _DocAttributor:
    """Attribution state for one document (the last speaker, for quote continuation)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.claims: list[Claim] = []
        self.last: Attr | None = None
        self.last_sentence = -10
        self.sentence_index = 0
        self.extend_to: int | None = None  # content end past the quote ('"…" every time …')
        self.quote_tail = False  # the sentence [lo, hi) is the rest of one after a quote
        self.tail_frame = False  # … and indirect() found it to be only the quote's frame
        self.lowercase_words: frozenset[str] | None = None  # built on first use
        self.after_first_names: frozenset[str] | None = None  # words after 'Capitalised '
        self.label_counts: Counter[str] | None = None  # 'TAPPER' -> lines opening 'TAPPER: '
        self.model: CueModel | None = CUE_MODEL
        self.learned_rules = LEARNED_RULES
        # Training (bench/train_attribution.py): every scored candidate is recorded here.
        self.collected: list[tuple[CueCandidate, int, int, int, Attr]] | None = None

    def emit(self, start: int, end: int, kind: ClaimKind, attr: Attr | None, paragraph: int,
             context_start: int | None = None, context_end: int | None = None) -> None:
        """One claim [start, end); hedges come from the claim and its frame [context_start,
        context_end) (default: up to the claim), never from sibling claims in between."""
        start, end = _strip_span(self.text, start, end)
        dateline = _DATELINE.match(self.text, start, end)
        if dateline is not None and re.search(r"\s[—–-]+\s*$", dateline.group()) and \
                len(self.text[dateline.end():end].split()) >= 2:
            start = dateline.end()  # 'WASHINGTON -- The House voted …': the place, not the claim
        if end <= start:
            return
        text = self.text[start:end]
        if kind == ClaimKind.DIRECT and _paraphrase_with_quoted_words(text):
            # 'his obligation to “do everything I can”': only the marked words are the
            # speaker's own; the claim as a whole is reported speech
            kind = ClaimKind.INDIRECT
        lo = start if context_start is None else min(start, context_start)
        frame_end = start if context_end is None else min(start, context_end)
        if frame_end == start:
            hedges = find_hedges(self.text[lo:end])
        else:  # searched apart, so that no cue joins words across the gap
            hedges = find_hedges(self.text[lo:frame_end] + "\n" + text)
        claim = Claim(
            id=f"{self.doc.id}:{start}-{end}", document=self.doc.id, start=start, end=end,
            text=text, kind=kind, paragraph=paragraph, hedges=hedges,
        )
        if attr is not None:
            claim.speaker = attr.speaker
            claim.speaker_mention = attr.mention
            claim.speaker_start = attr.start
            claim.speaker_end = attr.end
            claim.role = attr.role
            claim.anonymous = attr.anonymous
            claim.via = list(attr.via)
            claim.cue = attr.cue.lower() if attr.cue else None
            negated = _negated_cue(self.text, attr.end, start, claim.cue)
            if negated and negated not in hedges:
                # "Republican officials did not dispute the authenticity …": the speaker did
                # not state it; the claim shows the negation as its first hedge
                claim.hedges.insert(0, negated)
            # An unnamed 'other sources' is itself the hedge; the cue shown is the mention as it
            # is written here ('other sources', 'Other source'), not a fixed label.
            mention = self.text[attr.start:attr.end].lower()
            if attr.anonymous and mention.startswith("other source") and \
                    not any(mention in hedge for hedge in hedges):
                claim.hedges.append(mention)
        self.claims.append(claim)

    def remember(self, attr: Attr) -> None:
        self.last = attr
        self.last_sentence = self.sentence_index

    def resolve_statement(self, attr: Attr) -> Attr:
        """'It reads that …' after 'X issued a statement.' is X's."""
        low = attr.mention.lower()
        if (low in _STATEMENT_PRONOUNS or _DOC_NOUNS.match(attr.mention)) and self.last and \
                self.sentence_index - self.last_sentence <= 2 and \
                (attr.cue or "") in _STATEMENT_CUES | {"notes", "adds", "continues"}:
            attr.speaker = self.last.speaker or self.last.mention
            attr.role = attr.role or self.last.role
            attr.anonymous = self.last.anonymous
            attr.via = list(self.last.via)
        elif low in _FIRST_PERSON and self.last is not None and self.last.mention.lower() not in \
                _FIRST_PERSON and attr.paragraph - self.last.paragraph <= 1 and \
                not _LABELLED_LINE.match(self.text, self.text.rfind("\n", 0, attr.start) + 1):
            # ('FALLIN: Well, I think …' is the labelled speaker's own line: resolved later)
            # "I said that …" in news text is mostly the last quoted speaker talking on.
            attr.speaker = self.last.speaker or self.last.mention
            attr.anonymous = self.last.anonymous
        return attr

    def lead_start(self, lo: int, q: Quote) -> int:
        """Where a quote attributed after it starts its claim: at the sentence start when the
        quote completes the sentence's own words ('Teachers there are "very pro-Bernie," Kilfoyle
        said.'), else at the quote."""
        if not QUOTE_LEAD_IN:
            return q.start
        lead = self.text[lo:q.start]
        words = lead.split()
        if len(words) < MIN_CONTENT_WORDS or lead.rstrip().endswith((":", ".", "?", "!")) or \
                any(ch in lead for ch in OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT) or \
                _CUE.search(lead) or _ACCORDING.search(lead):
            return q.start
        return lo + len(lead) - len(lead.lstrip())

    def quote_attr(self, q: Quote, lo: int, hi: int, paragraph: int) -> tuple[Attr | None, int]:
        """Speaker of a quote from the words around it; also where the claim starts."""
        text = self.text
        self.extend_to = None
        # After the quote: '…," said Caddell' / '…," Caddell said' / '…," he added.'
        after = text[q.end:hi]
        lead = len(after) - len(after.lstrip(" \n,—–-'’”\""))  # (a nested quote's close too;
        # a hard-wrapped line break: '…work,"\nunion leader Jo Park said.')
        pos = q.end + lead
        m = _CUE.match(text, pos, hi)
        if m:
            attr = _np_forward(text, m.end(), hi, m.group(), paragraph)
            nxt = _NEXT_WORD.match(text, attr.end, hi) if attr else None
            if attr and nxt and nxt.group(1).lower() in _VERB_GROUP and \
                    not text[attr.end:nxt.start(1)].strip():
                attr = None  # '…,'' said the candidate could be …': 'said' takes a clause
            if attr:
                return attr, self.lead_start(lo, q)
        for m in _CUE.finditer(text, pos, min(hi, pos + 90)):
            if m.group().lower() in _OBJECT_CUES and _OBJECT_NEXT.match(text, m.end(), hi):
                break  # '…was "badly misguided," lawmakers dismissed the concerns.': a verb
                # with its object, not a speech tag
            shown = _SHOWN_SAYING.search(text, max(pos, m.start() - 60), m.start())
            # '"…," Mr. Netanyahu is shown saying.': the one shown speaks
            attr = _subject_before(text, pos, shown.start() if shown else m.start(), m.group(),
                                   paragraph)
            described = text[pos:attr.start] if attr else ""
            if attr and (attr.start == pos or (
                    attr.role and described.rstrip().endswith(",") and
                    len(described.split()) <= 8 and
                    not any(ch in described for ch in ".;:\"“”"))):
                # '…," the coalition's executive director, Matt Brooks, said': the role first
                return self.resolve_statement(attr), self.lead_start(lo, q)
            break
        else:
            m = _CUE.search(text, pos, min(hi, pos + LONG_APPOSITIVE_CHARS))
            if m is not None and _NAME_THEN_COMMA.match(text, pos, m.start()):
                # '"…," Dana Roe, an adviser to farmers and former director of the county
                # budget office, wrote': a long appositive between the name and its cue
                attr = _subject_before(text, pos, m.start(), m.group(), paragraph)
                if attr and attr.start == pos and _named_or_pronoun(attr.mention):
                    return attr, self.lead_start(lo, q)
        named = self.trailing_name(pos, hi, paragraph)
        if named is not None:
            # '"…" if she lost by more, said Dana Roe, an analyst.': the sentence's trailing
            # attribution, after a clause that goes on from the quote
            return named, self.lead_start(lo, q)
        signed = _SIGNED_BELOW.match(text, q.end)
        if signed is not None and not text[text.rfind("\n", 0, q.start) + 1:q.start].strip():
            # a quote standing as its own paragraph, signed on the next line: '"…"\n\n- Sanders.'
            attr = _make_attr(text, signed.start(1), signed.end(1), "signed", None, paragraph)
            if attr is not None and _named_or_pronoun(attr.mention):
                return attr, q.start
        # Before the quote: 'X notes: "…"', 'X said that the US has "…"', 'according to X, "…"'.
        frame_lo = lo
        label = _LABEL_BEFORE_QUOTE.search(text, frame_lo, q.start)
        if label is not None and not text[frame_lo:label.start()].strip(" \"”'") and \
                self.known_name(label.group(1)):
            # 'Clinton: "…" Bush: "…"': each quote after its own speaker's label
            attr = _make_attr(text, label.start(1), label.end(1), ":", None, paragraph)
            if attr is not None:
                return attr, q.start
        put = _AS_PUT_IT.search(text, frame_lo, q.start)
        if put is not None:
            # 'As Dana Roe, a pollster, put it: "…"': the one who put it speaks
            attr = _subject_before(text, put.start(1), put.start(2), "put it", paragraph)
            if attr is not None:
                return attr, q.start
        cues = list(_CUE.finditer(text, frame_lo, q.start))
        for m in reversed(cues):
            if m.group() == "show" and not text[m.end():q.start].strip():
                continue  # 'a host on the TV show "Shark Tank."': a title, not a cue
            if m.group().endswith("ing") and _participle_clause(text, frame_lo, m.start()):
                # 'X endorsed Cruz last week, saying he "…"': the sentence subject speaks.
                attr = self.participle_subject(frame_lo, m.start(), m.group(), paragraph)
            else:
                attr = _subject_before(text, frame_lo, m.start(), m.group(), paragraph)
            by = _PASSIVE_BY.match(text, m.end(), q.start)
            if by and m.group() not in LABEL_CUES and \
                    _PASSIVE_AUX.search(text, frame_lo, m.start()):
                # 'Sanders was asked by host Bill Maher, who …, "…"': the agent speaks
                agent = _np_forward(text, by.end(), q.start, m.group(), paragraph)
                if agent is not None and is_proper_name(split_name_role(agent.mention)[0]):
                    return agent, q.start
            if attr is None:
                nested = _COORDINATED.search(text, frame_lo, m.start())
                if nested:
                    attr = self.leading_subject(frame_lo, m.start(), m.group(), paragraph)
            if attr is None:
                attr = _infinitive_subject(text, frame_lo, m.start(), m.group(), paragraph)
            if attr is None:
                continue
            if _DOC_NOUN_PHRASE.match(attr.mention):
                # 'X issued a statement saying "…"': the issuer speaks, not the statement.
                issued = _ISSUED_BEFORE.search(text, frame_lo, attr.start)
                issuer = None if issued is None else (
                    _subject_before(text, frame_lo, issued.start(), m.group(), paragraph)
                    or self.learned_subject(frame_lo, issued.start(), m.group(), paragraph))
                if issuer is not None:
                    attr = issuer
            elif m.group().endswith("ing"):
                attr = self.document_issuer(attr, frame_lo, m.group(), paragraph)
            attr = self.resolve_statement(attr)
            claim_start = q.start
            if m.group() not in LABEL_CUES:
                c = _content_after(text, m.end(), q.start, m.group())
                between = text[c:q.start]
                if re.search(r"\w", between) and len(between.split()) <= QUOTE_LEAD_WORDS and \
                        not (between.rstrip().endswith((":", ",")) and
                             len(between.split()) <= ADDRESSEE_MAX_WORDS):
                    claim_start = c  # 'X said the plan was "a disaster" …': content, not quote
                rest = text[q.end:hi]
                if re.match(r"\s*[\w“‘\"(]", rest) and re.search(r"\w", rest):
                    self.extend_to = _content_end(text, q.end, hi)
            return attr, claim_start
        acc = _ACCORDING.search(text, frame_lo, q.start)
        if acc:
            attr = _np_forward(text, acc.end(), q.start, "according to", paragraph)
            if attr:
                return attr, q.start
        st = _STATEMENT_BEFORE.search(text, frame_lo, q.start)
        if st:
            s0, s1 = _clean_np(text, st.start(1), st.start(1) + len(st.group(1).rstrip()))
            name = re.sub(r"^(?:This|That|The|A)\s+", "", text[s0:s1])
            s0 = s1 - len(name)
            if name and is_proper_name(name):
                return Attr(mention=name, start=s0, end=s1, cue="statement",
                            paragraph=paragraph), q.start
        # Any past-tense verb right at the quote: 'Silverman interjected, "…"',
        # '"…," Trump shot back.' (the reporting verbs of _CUE were tried above).
        verb = _VERB_BEFORE_QUOTE.search(text, frame_lo, q.start)
        if verb:
            attr = _subject_before(text, frame_lo, verb.start(), verb.group(1), paragraph)
            if attr is not None and _named_or_pronoun(attr.mention):
                return self.resolve_statement(attr), q.start
        verb = _VERB_AFTER_QUOTE.match(text, pos, hi)
        if verb:
            attr = _make_attr(text, verb.start(1), verb.end(1), verb.group(2), None, paragraph)
            if attr is not None and _named_or_pronoun(attr.mention):
                return attr, q.start
        verb = _INVERTED_VERB_AFTER_QUOTE.match(text, pos, hi)
        if verb:
            # '"…," remembered Roy Verley, a former spokesman.': the verb, then the name
            attr = _np_forward(text, verb.end(), hi, verb.group(1), paragraph)
            if attr is not None and _named_or_pronoun(attr.mention):
                return attr, q.start
        return None, q.start

    def transcript_turn(self, lo: int, hi: int, paragraph: int) -> tuple[Attr, int] | None:
        """A transcript line 'TAPPER: …' or 'Matthews: …': a label that opens two or more lines
        of the document. Returns its speaker and where the words start."""
        head = _HEADLINE.match(self.text, lo, hi)
        if head is None or len(head.group(1).split()) > 2 or \
                head.group(1).lower() in _NOT_LABELS:
            return None
        label = head.group(1)
        if self.label_lines(label) < 2 or \
                not (label.isupper() or self.known_name(label)):
            return None
        if label.upper() in _ASKER_LABELS:
            # 'QUESTION: …', 'Q: …': a reporter asks, unnamed
            asker = Attr(mention=label, start=head.start(1), end=head.end(1), cue=":",
                         anonymous=True, speaker="a reporter", paragraph=paragraph)
            return asker, head.end()
        attr = _make_attr(self.text, head.start(1), head.end(1), ":", None, paragraph)
        if attr is not None and label.isupper():
            # 'MR. PRICE:', 'TAPPER:': the name as it is written in running text
            attr.speaker = " ".join(w[:1] + w[1:].lower() for w in label.split())
        return None if attr is None else (attr, head.end())

    def label_lines(self, label: str) -> int:
        """How many lines of the document open with 'label: ' (one pass over the document, not
        a search per line: a long transcript stays linear)."""
        if self.label_counts is None:
            self.label_counts = Counter(m.group(1) for m in _LINE_LABEL.finditer(self.text))
        return self.label_counts.get(label, 0)

    def known_name(self, name: str) -> bool:
        """A 'NAME: …' lead-in names a speaker: two or more capitalised words, or a surname
        that appears after a first name elsewhere in the document."""
        words = name.split()
        if len(words) >= 2:
            return is_proper_name(name) and words[-1].lower() not in TITLE_WORDS and \
                not any(w.lower() in _LABEL_FUNCTION_WORDS for w in words)  # 'CHARGED WITH
            # MURDER:' is a heading
        if name.isupper() and len(name) >= 3 and name.lower() not in _NOT_LABELS and \
                self.label_lines(name) >= 2:
            return True  # a transcript: 'TAPPER: …' opens two or more lines
        if self.after_first_names is None:
            # One pass over the document (a regex search per call was quadratic on big files).
            names: set[str] = set()
            for m in _AFTER_FIRST_NAME.finditer(self.text):
                word = m.group(1)
                names.add(word)
                names.update(word[:k] for k in range(1, len(word)) if not word[k].isalnum()
                             and word[k - 1].isalnum())
            self.after_first_names = frozenset(names)
        return name in self.after_first_names

    def common_word(self, word: str) -> bool:
        """Whether a capitalised word is also written in lower case in this document
        ('Let', 'Pretty'): a sentence-initial common word, not a name."""
        if self.lowercase_words is None:
            self.lowercase_words = frozenset(_LOWER_WORD.findall(self.text))
        return word.lower() in self.lowercase_words

    def learned_subject(self, lo: int, hi: int, cue: str, paragraph: int) -> Attr | None:
        """The sentence subject for a learned cue further on ('Republican front-runner Donald
        Trump, who …, endorsed …', 'Trump on Tuesday endorsed …'): a name, pronoun or role
        phrase at the start of the clause."""
        text = self.text
        m = _DATELINE.match(text, lo, hi) or _LEADING_ADVERBS.match(text, lo, hi)
        if m:
            lo = m.end()
        lo = _skip_fronted(text, lo, hi)
        toks = _tokens(text, lo, hi)
        taken: list[tuple[int, int, str]] = []
        for index, (t0, _t1, word) in enumerate(toks[:8]):
            bare = word.rstrip(",")
            low = bare.lower()
            ahead = [w for _, _, w in toks[index + 1:index + 3]]
            if not taken:
                accept = low in ("he", "she", "they", "we", "i") or low in DETERMINERS or (
                    is_capitalized(bare) and not _NOT_SUBJECT_START.fullmatch(low)
                    and not (low.endswith("ed") and self.common_word(bare))
                    and not re.fullmatch(r"\w{3,}ing|\w{5,}ly", low)
                    and low not in _BAD_FIRST and low not in _FUNCTION_WORDS
                    and low not in NP_STOPS)
            else:
                accept = (is_capitalized(bare) or bool(_ABBREVIATION.match(bare))
                          or low in NAME_PARTICLES or low in ROLE_NOUNS
                          or low.rstrip("s") in ROLE_NOUNS)
                # "columnist and Fox News contributor George Will": two roles of one person
                accept = accept or (low == "and" and taken[-1][2].islower()
                                    and taken[-1][2].lower() in ROLE_NOUNS
                                    and bool(ahead) and is_capitalized(ahead[0]))
                # "Former Secretary of State Madeleine Albright": 'of' inside a title
                accept = accept or (low == "of" and taken[-1][2].lower() in TITLE_WORDS
                                    and is_capitalized(taken[-1][2]) and len(ahead) == 2
                                    and all(is_capitalized(w) for w in ahead))
            # "Republican presidential front-runner Donald Trump": lowercase modifiers.
            accept = accept or (bare.replace("-", "").isalpha() and bare.islower()
                                and any(is_capitalized(w) for w in ahead)
                                and low not in NP_STOPS and low not in PREPOSITIONS_IN_NP
                                and not _verb_like(low))
            if not accept:
                break
            taken.append((t0, t0 + len(bare), bare))
            if word.endswith(","):
                break
        while taken and not (is_capitalized(taken[-1][2]) or taken[-1][2].lower() in
                             ROLE_NOUNS or taken[-1][2].lower().rstrip("s") in ROLE_NOUNS
                             or taken[-1][2].lower() in PRONOUNS):
            taken.pop()
        if not taken or len(taken) == len(toks):
            return None
        rest = [w for _, _, w in toks[len(taken):]]
        if len(rest) == 1 and rest[0].isalpha() and rest[0].islower() and \
                rest[0] not in _VERB_GROUP and not _adverb(rest[0]) and \
                rest[0] not in _ANY_PREPOSITION and rest[0] not in PRONOUNS and \
                rest[0] not in _SUBJECT_GLUE:
            return None  # "Russian drones struck …": the subject is cut, its head no source
        first = taken[0][2]
        if first.lower() not in PRONOUNS and first.lower() not in DETERMINERS and \
                self.common_word(first) and (len(taken) == 1 or not is_capitalized(taken[1][2])):
            return None  # "Long before …", "Outside the …": an opener, not a name
        return _joint_or(text, _make_attr(text, taken[0][0], taken[-1][1], cue, None, paragraph),
                         hi)

    def said_subject(self, lo: int, pos: int, cue: str, paragraph: int) -> Attr | None:
        """'…, Ana Quill said, adding that …', '…, said Ana Quill, adding …': a participle right
        after a sentence's own attribution goes on with that speaker, not the sentence
        subject."""
        text = self.text
        pre = text[lo:pos].rstrip()
        if not pre.endswith(","):
            return None
        end = lo + len(pre) - 1
        m = _SAID_BEFORE_COMMA.search(text, max(lo, end - 80), end)
        if m is None:
            return None
        start = max(lo, text.rfind(",", lo, m.start()) + 1)
        if m.group("cue"):
            attr = _subject_before(text, start, m.start("cue"), m.group("cue"), paragraph)
            if attr is None or text[start:attr.start].strip(" ,") or \
                    text[attr.end:m.start("cue")].strip():
                return None  # the whole clause between the commas must be "NAME said"
        else:
            attr = _np_forward(text, m.start("name"), end, m.group("icue"), paragraph)
            if attr is None or attr.end != end:
                return None
        if not _named_or_pronoun(attr.mention):
            return None
        attr.cue = cue
        return attr

    def asked_by(self, found: tuple[int, int, Attr], hi: int,
                 paragraph: int) -> tuple[int, int, Attr] | None:
        """'Clinton was asked whether she had seen the cable by Rep. Michael McCaul.': the
        question is the asker's (the 'by' phrase ending the sentence), never the one asked; no
        claim when the asker is not named."""
        c_start, c_end, _attr = found
        m = _ASKED_BY_END.search(self.text, c_start, hi)
        if m is None:
            return None
        asker = _make_attr(self.text, m.start(1), m.end(1), "asked", None, paragraph)
        if asker is None:
            return None
        return c_start, min(c_end, m.start()), asker

    def by_subject(self, lo: int, pos: int, cue: str, paragraph: int) -> Attr | None:
        """'…, whose aide tried to clarify the comment by insisting': the subject of the past
        tense verb the 'by' phrase belongs to (within a few words), or None."""
        text = self.text
        if not re.search(r"\bby\s+$", text[max(lo, pos - 6):pos]):
            return None
        words = list(_WORD.finditer(text, max(lo, pos - 60), pos))[:-1]
        for w in reversed(words[-6:]):
            if w.group().islower() and w.group().endswith("ed"):
                return _subject_before(text, lo, _verb_group_start(text, lo, w.start()), cue,
                                       paragraph)
        return None

    def participle_subject(self, lo: int, pos: int, cue: str, paragraph: int) -> Attr | None:
        """The subject of a participle cue at `pos` ('…, saying'): the speaker of an attribution
        right before it, the subject of a subordinate clause it follows, else the sentence's."""
        return self.by_subject(lo, pos, cue, paragraph) or \
            self.said_subject(lo, pos, cue, paragraph) or \
            _subordinate_subject(self.text, lo, pos, cue, paragraph) or \
            self.learned_subject(lo, pos, cue, paragraph) or \
            self.leading_subject(lo, pos, cue, paragraph)

    def leading_subject(self, lo: int, hi: int, cue: str, paragraph: int) -> Attr | None:
        """Subject of the sentence for a coordinated cue ('Iraq regretted … and said …')."""
        m = _DATELINE.match(self.text, lo, hi)
        if m:
            lo = m.end()
        lo = _skip_fronted(self.text, lo, hi)
        toks = _tokens(self.text, lo, hi)
        taken: list[tuple[int, int, str]] = []
        head_at = -1  # "Turkey's central bank held …": the possessed noun phrase up to its head
        for index, tok in enumerate(toks[:8]):
            word = tok[2]
            if taken and taken[-1][2].endswith(("'s", "’s")) and word.islower():
                head_at = next((k for k in range(index, min(index + 3, len(toks)))
                                if toks[k][2].lower() in _POSSESSED_HEADS), -1)
            if index <= head_at:
                taken.append(tok)
                continue
            # "Democratic front-runner Hillary Clinton": a lowercase modifier before a name.
            modifier = bool(taken) and index + 1 < len(toks) and is_capitalized(
                toks[index + 1][2]) and ("-" in word or word.lower() in TITLE_WORDS)
            # "Two heartland states filed …": lowercase modifiers after a determiner, up to the
            # past-tense verb
            # "the bill's proponents": a possessed role noun
            possessor = bool(taken) and word.islower() and word.endswith(("'s", "’s")) and \
                index + 1 < len(toks) and toks[index + 1][2].lower() in ROLE_NOUNS
            described = bool(taken) and all(t[2].lower() in DETERMINERS for t in taken) and \
                word.islower() and not _verb_like(word) and any(
                    later[2].endswith("ed") for later in toks[index + 1:index + 4])
            if is_capitalized(word) or word.lower() in DETERMINERS or \
                    word.lower().rstrip(",") in ROLE_NOUNS \
                    or _ABBREVIATION.match(word) or modifier or described or possessor:
                if word[-1] in ",;:":
                    # "Michael J. Petrilli, president of …, tied …, saying": the name is the subject.
                    if word[-1] == "," and len(taken) >= 1:
                        taken.append((tok[0], tok[1] - 1, word[:-1]))
                        # "Sudan's envoy, Ali Mohamed, thanked …": the name set off after it
                        return self.appositive_name(taken[0][0], taken[-1][1], hi, cue,
                                                    paragraph) or \
                            _make_attr(self.text, taken[0][0], taken[-1][1], cue, None,
                                       paragraph)
                    return None
                taken.append(tok)
            else:
                break
        if not taken or len(taken) == len(toks):
            return None
        named = self.appositive_name(taken[0][0], taken[-1][1], hi, cue, paragraph)
        if named is not None:
            return named
        return _joint_or(self.text, _make_attr(self.text, taken[0][0], taken[-1][1], cue, None,
                                               paragraph), hi)

    def appositive_name(self, start: int, end: int, hi: int, cue: str,
                        paragraph: int) -> Attr | None:
        """'the other candidate on the stage, former Secretary of State Hillary Clinton, drew
        …': a description subject [start, end) (with a prepositional phrase) followed by a
        name set off by commas; the name speaks, the description is its role."""
        text = self.text
        start = _clean_np(text, start, end)[0]
        first = text[start:end].split()[0]
        if is_proper_name(text[start:end]) or (first.lower() not in DETERMINERS and
                                               not first.endswith(("'s", "’s"))):
            return None
        comma = text.find(",", end, min(hi, end + 60))
        if comma < 0:
            return None
        between = text[end:comma].split()
        if between and (between[0] not in PREPOSITIONS_IN_NP or len(between) > 5):
            return None
        close = text.find(",", comma + 1, min(hi, comma + 80))
        if close < 0:
            return None
        a0 = comma + 1 + len(text[comma + 1:close]) - len(text[comma + 1:close].lstrip())
        name, role = split_name_role(text[a0:close])
        if len(name.split()) < 2 or not is_proper_name(name) or not text[a0:close].endswith(name):
            return None
        n0 = close - len(name)
        role = " ".join(x for x in (text[start:comma], role) if x)
        attr = _make_attr(text, n0, close, cue, role, paragraph)
        if attr is not None:
            attr.phrase_start = start
        return attr

    def indirect(self, lo: int, hi: int, paragraph: int) -> tuple[int, int, Attr] | None:
        """Indirect speech in one sentence [lo, hi): content span and speaker."""
        text = self.text
        acc = _ACCORDING.search(text, lo, hi)
        if acc and _MANNER_ACCORDING.search(text, max(lo, acc.start() - 40), acc.start()):
            acc = None  # 'benefits are calculated according to a worker's contributions'
        if acc:
            attr = _np_forward(text, acc.end(), hi, "according to", paragraph)
            if attr:
                if len(text[lo:acc.start()].split()) < ACCORDING_MIN_LEAD:
                    # "But, according to the poll, 46 percent …": the content is after it
                    after = attr.end
                    if attr.role:
                        # "According to Ann Fry, a pollster, the plan …": past the role too
                        at = text.find(attr.role, attr.end, hi)
                        if at >= 0 and not text[attr.end:at].strip(" ,"):
                            after = at + len(attr.role)
                    comma = text.find(",", after, hi)
                    if comma < 0:
                        comma = text.find(",", attr.end, hi)
                    relative = _RELATIVE_AFTER.match(text, comma + 1, hi) if comma > 0 else None
                    if relative is not None:
                        # "According to a senior police officer, who spoke on condition of
                        # anonymity, at least four …": past the relative clause too
                        if _ANONYMITY.search(relative.group()):
                            attr.anonymous = True
                        comma = relative.end() - 1
                    if comma > 0:
                        return comma + 1, _content_end(text, comma + 1, hi), attr
                else:
                    return lo, _content_end(text, lo, acc.start()), attr
        head = _HEADLINE.match(text, lo, hi)
        if head and self.known_name(head.group(1)) and not _SECTION_LABEL.search(head.group(1)):
            attr = _make_attr(text, head.start(1), head.end(1), ":", None, paragraph)
            if attr and _WORD.search(text, head.end(), hi):  # 'Clinton: 547.' is a tally
                return head.end(), _content_end(text, head.end(), hi), attr
        trailing = self.trailing(lo, hi, paragraph)
        if trailing is not None:
            return trailing
        for m in _CUE.finditer(text, lo, hi):
            cue = m.group()
            if _FOUND_ONESELF.match(text, m.start(), hi):
                continue  # "he found himself in trouble": a situation, not a finding
            if cue.lower() in _NOUN_CUE_FORMS and _FINITE_NEXT.match(text, m.end(), hi):
                continue  # "Criminal charges are …", "Trump's tweet came …": a noun subject
            if cue.lower() in _NOUN_CUE_FORMS and re.match(r"\s+as\b", text[m.end():hi]):
                continue  # 'Hollande denounced Trump's remarks as "hurtful"': the object
            if _COMPOUND_BEFORE.search(text, max(lo, m.start() - 40), m.start()) and \
                    cue in _BARE_NOUN_CUES and not _CLAUSE_NEXT.match(text, m.end(), hi):
                continue  # "the Broadway show", "a CNN report": a noun, no verb
            clause_lo = max(lo, text.rfind(";", lo, m.start()) + 1)
            fronted = self.fronted_participle(clause_lo, m, hi, cue, paragraph)
            if fronted is not None:
                return fronted
            shown = _SHOWN_SAYING.search(text, max(clause_lo, m.start() - 60), m.start()) \
                if cue.endswith("ing") else None
            if shown is not None:
                # "the RNC chairman was caught on camera saying that …": the one caught speaks
                attr = _subject_before(text, clause_lo, shown.start(), cue, paragraph)
            elif cue.endswith("ing") and _participle_clause(text, clause_lo, m.start()):
                attr = self.participle_subject(clause_lo, m.start(), cue, paragraph)
            else:
                attr = _subject_before(text, clause_lo, m.start(), cue, paragraph)
            coordinated = False
            if attr is None and _COORDINATED.search(text, clause_lo, m.start()):
                attr = self.leading_subject(clause_lo, m.start(), cue, paragraph)
                coordinated = attr is not None
            if attr is not None and _POSSESSIVE_END.search(attr.mention) and \
                    text.startswith(":", m.end()):
                continue  # "Editor's note: …": a label (a possessed noun), no speaker
            if attr is not None and _DOC_NOUN_PHRASE.match(attr.mention):
                issued = _ISSUED_BEFORE.search(text, clause_lo, attr.start)
                if issued:
                    issuer = _subject_before(text, clause_lo, issued.start(), cue, paragraph)
                    if issuer is not None:
                        issuer.speaker = None
                        attr = issuer  # "Trump and Ryan issued a statement describing …"
            elif attr is not None and cue.endswith("ing"):
                attr = self.document_issuer(attr, clause_lo, cue, paragraph)
            if attr is not None and attr.mention.lower() == "it" and \
                    _EXPLETIVE_PASSIVE.match(text, attr.end, m.start()):
                continue  # "it should be noted", "it was reported that": no source
            if attr is not None:
                attr = self.resolve_statement(attr)
                before = text[lo:attr.start].rstrip()
                adv = _ADVERBIAL.match(text, m.end(), hi)
                after_cue = text[adv.end() if adv else m.end():hi]
                if before.endswith(",") and len(before.split()) >= 2 and (
                        after_cue.lstrip().startswith(",") or (adv and adv.group().rstrip()
                                                               .endswith(","))):
                    # "This campaign, he says, is different.": the sentence around the cue.
                    return lo, _content_end(text, lo, hi), attr
                c = _content_after(text, m.end(), hi, cue)
                c_end = _content_end(text, c, hi)
                words = text[c:c_end].split()
                has_that = bool(re.search(r"\bthat\b|:", text[m.end():c]))
                first_verb = text[attr.end:m.start()].split()[:1]
                if coordinated and len(text[attr.end:m.start()].split()) >= 4 and \
                        any(q in text[attr.end:m.start()] for q in "“\"") and \
                        first_verb and first_verb[0].lower() in _JUDGING_VERBS:
                    # 'Hollande denounced Trump's remarks as "hurtful" and warned of …': the
                    # quoted words of the first verb are the speaker's too; the claim holds both
                    c = attr.end + len(text[attr.end:m.start()]) - len(
                        text[attr.end:m.start()].lstrip(" ,"))
                if self.quote_tail and not has_that and _frame_only(text, c, c_end, cue):
                    self.tail_frame = True  # '"…," she told ABC News in February.'
                    return None
                if len(words) >= MIN_CONTENT_WORDS and (cue not in NEEDS_THAT or has_that) and \
                        not _EMPTY_CONTENT.fullmatch(text[c:c_end].strip()):
                    return c, _subordinate_end(text, lo, attr.start, c, c_end), attr
                if before.endswith(",") and len(before.split()) >= 3 and \
                        not _fronted_phrase(before):
                    return lo, _content_end(text, lo, len(before) + lo - 1 + 1), attr
                if cue in NEEDS_THAT and not has_that and _CUE.search(text, m.end(), hi):
                    continue  # 'X reported revenue of …, but the chipmaker said …': a later cue
                if len(words) <= 4:
                    self.remember(attr)  # 'X tweeted concern.' introduces a quote
                return None
            # Inverted: '…, said Mr. Smith.' (not '…, praised the efforts of X': a verb with
            # an object never inverts)
            pre = text[lo:m.start()].rstrip()
            if pre.endswith(",") and len(pre.split()) >= 3 and cue.lower() not in _OBJECT_CUES:
                attr = _np_forward(text, m.end(), hi, cue, paragraph)
                rest = text[attr.end:hi].strip(" .\n\"”’'") if attr else ""
                if attr and rest and not rest.startswith((",", "(")) and \
                        rest.split()[0] not in ("who", "whose", "of", "at", "from"):
                    continue  # '…, said the message was clear': the words after 'said' go on
                if attr:
                    return lo, _content_end(text, lo, lo + len(pre) - 1), attr
        intro = _INTRO.search(text, lo, hi)
        if intro:
            attr = _subject_before(text, lo, intro.start(), "statement", paragraph)
            if attr:
                self.remember(attr)
        return None

    def fronted_participle(self, lo: int, m: re.Match[str], hi: int, cue: str,
                           paragraph: int) -> tuple[int, int, Attr] | None:
        """'A day after telling reporters that he's "not going to talk about this anymore,"
        Congressman Anthony Weiner broke his silence': a participle cue in a fronted clause
        has the main clause's subject; its content ends with that clause."""
        text = self.text
        if not cue.endswith("ing") or not _FRONTED_PARTICIPLE.fullmatch(text, lo, m.start()):
            return None
        close = _FRONTED_CLOSE.search(text, m.end(), hi)
        if close is None:
            return None
        attr = self.learned_subject(close.end(), hi, cue, paragraph) or \
            self.leading_subject(close.end(), hi, cue, paragraph)
        if attr is None or not _named_or_pronoun(split_name_role(attr.mention)[0]):
            return None
        c = _content_after(text, m.end(), close.start(), cue)
        end = close.start() + len(close.group(1))
        if len(text[c:end].split()) < MIN_CONTENT_WORDS:
            return None
        return c, end, attr

    def trailing_name(self, lo: int, hi: int, paragraph: int) -> Attr | None:
        """The named speaker of a sentence that ends '…, said Dana Roe.' or '…, said Dana Roe,
        an analyst …' (the words [lo, hi) are the rest of the sentence)."""
        text = self.text
        cues = list(_CUE.finditer(text, lo, hi))
        if not cues:
            return None
        m = cues[-1]
        if not text[lo:m.start()].rstrip().endswith(",") or len(text[lo:m.start()].split()) < 2:
            return None
        if m.group() in NO_INVERSION_CUES:
            # '"…," Ana Quill, who ran the office for years, told CBS News.': the subject before
            # the cue speaks, the name after it is the addressee
            attr = _subject_before(text, lo, m.start(), m.group(), paragraph)
            start = lo + len(text[lo:m.start()]) - len(text[lo:m.start()].lstrip(" ,—–-"))
            if attr is None or attr.start != start or not _named_or_pronoun(attr.mention):
                return None
            return attr
        attr = _np_forward(text, m.end(), hi, m.group(), paragraph)
        if attr is None or not _named_or_pronoun(attr.mention) or attr.mention.lower() in (
                "he", "she"):
            return None
        after = text[attr.end:hi]
        if after.strip(" .\n\"”’'") and not after.lstrip().startswith(","):
            return None
        return attr

    def trailing(self, lo: int, hi: int, paragraph: int) -> tuple[int, int, Attr] | None:
        """A sentence that ends in its attribution ('Polls show a tie, said Dana Roe, an
        analyst.', 'He vowed to win, Roe said.'): the sentence before the comma is the speaker's,
        whatever cue comes earlier in it."""
        text = self.text
        cues = list(_CUE.finditer(text, lo, hi))
        if len(cues) < 2:
            return None  # a single cue: the loop in indirect() reads it the same way
        m = cues[-1]
        cue = m.group()
        pre = text[lo:m.start()].rstrip()
        rest = text[m.end():hi]
        if pre.endswith(",") and len(pre.split()) >= 4:
            # inverted: '…, said Dana Roe.' / '…, said Dana Roe, an analyst at …'
            attr = _np_forward(text, m.end(), hi, cue, paragraph)
            if attr is None or not _named_or_pronoun(attr.mention):
                return None
            after = text[attr.end:hi].strip(" .\n\"”’'")
            if after and not text[attr.end:hi].lstrip().startswith(","):
                return None
            return lo, _content_end(text, lo, lo + len(pre) - 1), attr
        comma = pre.rfind(",")
        if comma < 0 or rest.strip(" .\n\"”’'"):
            return None
        subject_lo = lo + comma + 1
        if len(text[subject_lo:m.start()].split()) > 4 or len(pre[:comma].split()) < 4:
            return None
        if any(c.start() >= subject_lo for c in cues[:-1]):
            return None  # 'Dmitry Peskov, the Kremlin spokesman, said Moscow would respond.'
        attr = _subject_before(text, subject_lo, m.start(), cue, paragraph)
        if attr is None or not (_named_or_pronoun(attr.mention) or (
                cue in _STRONG_CUES and text[subject_lo:attr.start].strip() == "" and
                _valid_speaker(attr.mention) and
                not any(c.group() in _STRONG_CUES for c in cues[:-1]))):
            # ('…, officials from both countries said.': a role after the comma says it too)
            return None
        return lo, _content_end(text, lo, subject_lo - 1), attr

    def learned(self, lo: int, hi: int, paragraph: int,
                quotes: Sequence[Quote]) -> tuple[int, int, Attr] | None:
        """Attribution by a learned cue word (PolNeAR train statistics) and a source noun
        phrase before it: 'X endorsed …', 'X hopes to …', '…, X believes.'"""
        text = self.text
        for m in _WORD.finditer(text, lo, hi):
            if not m.group()[0].islower():
                continue  # "Secretary of State", "United States": names, not cues
            form = m.group().replace("’", "'")
            frame = CUE_FRAMES.get(form)
            if frame is None or frame.precision < LEARNED_MIN_PRECISION or form.endswith("ly") \
                    or frame.noun >= 0.3 or frame.subject_rest < LEARNED_MIN_REST:
                continue
            if any(q.start <= m.start() < q.end for q in quotes) or \
                    _names_a_description(text, lo, m) or _passive_cue(text, lo, m):
                continue
            if form in NEEDS_THAT and not re.match(r"\s*(?:that\b|:)", text[m.end():hi]):
                continue  # "The US announced the closure": an event, not a statement
            if _PASSIVE_BY.match(text, m.end(), hi):
                continue  # "Trump is supported by …": the subject is no source
            if _COPULA_THAT.match(text, m.end(), hi):
                continue  # "Hutchinson's chief complaint was that …": a noun (see noun_cue)
            if form.endswith("ed") and _PARTICIPLE_PHRASE.match(text, m.end(), hi) and \
                    not _PASSIVE_AUX.search(text, max(lo, m.start() - 20), m.start()) and \
                    re.search(r"\b(?:the|a|an|only|this|that)\s+(?:[a-z-]+\s+)?[\w’'-]+\s+$",
                              text[max(lo, m.start() - 40):m.start()], re.IGNORECASE):
                continue  # 'the only post mentioned in the cable': a participle, no claim
            if _FOUND_ONESELF.match(text, m.start(), hi):
                continue  # "he found himself in trouble": a situation, not a finding
            if form.lower() in _NOUN_CUE_FORMS and _FINITE_NEXT.match(text, m.end(), hi):
                continue  # "Ferry questions are …": a noun subject
            if form.endswith("ed") and _TIMED_PARTICIPLE.match(text, m.end(), hi):
                continue  # "Polls published this week put …": a participle, the verb comes later
            clause_lo = max(lo, text.rfind(";", lo, m.start()) + 1)
            # "Roffman doesn't want", "Republicans are looking": the subject is before these.
            verb_start = _verb_group_start(text, clause_lo, m.start())
            participle = form.endswith("ing") and text[clause_lo:verb_start].rstrip().endswith(",")
            # "…, promising to …": the subject of a participle clause opens the sentence.
            attr = _subordinate_subject(text, clause_lo, m.start(), form, paragraph) \
                if participle else _subject_before(text, clause_lo, verb_start, form, paragraph)
            lead = False
            if attr is None:
                attr = self.learned_subject(clause_lo, m.start(), form, paragraph)
                lead = not participle and not _COORDINATED.search(text, clause_lo, m.start())
                between = text[attr.end:verb_start].strip() if attr else ""
                if lead and between and not (between[0] == "," and between[-1] == ",") and \
                        len(between.split()) > LEARNED_MAX_GAP:
                    continue  # the cue is too far from the subject to be its verb
            if attr is not None and _FRONTED_FIRST.fullmatch(attr.mention) and \
                    not text[clause_lo:attr.start].strip(" \"“‘'("):
                # "Peppered with questions, Mr. Putin …", "Despite criticism, Obama deems …":
                # the cue is inside a fronted phrase; the main clause's subject after its comma
                comma = text.find(",", m.end(), hi)
                after = self.learned_subject(comma + 1, hi, form, paragraph) if comma > 0 \
                    else None
                if after is not None:
                    attr = after
            if attr is None or not _plausible_source(attr.mention):
                continue
            if attr.mention.lower() == "it" and (
                    _RAISING.fullmatch(form) or _EXPLETIVE_PASSIVE.match(text, attr.end,
                                                                        m.start())):
                continue  # "it seems unlikely that …", "It appears that …": no source at all
            if form.endswith("ed") and _OBJECT_OF_VERB.search(text, max(clause_lo,
                                                                      attr.start - 30),
                                                               attr.start):
                continue  # "an email portrayed a State Department concerned about …": an object
            if form.endswith("ing") and not participle:
                shows = _SHOWS_NAME.search(attr.mention)
                if shows is not None:
                    # "The ad features Netanyahu laying out …": the one shown speaks
                    named = _make_attr(text, attr.start + shows.start(1), attr.end, form, None,
                                       paragraph)
                    if named is not None:
                        attr = named
                attr = self.document_issuer(attr, clause_lo, form, paragraph)
            attr = self.resolve_statement(attr)
            c = _content_after(text, m.end(), hi, form)
            comp = _COMPLEMENT.match(text, c, hi)
            shown = c
            if comp:
                c, shown = comp.end(), _complement_start(text, comp)
            c_end = _content_end(text, c, hi)
            words_after = len(text[c:c_end].split())
            if frame.after >= 0.5 and words_after >= LEARNED_MIN_WORDS:
                return shown, _subordinate_end(text, lo, attr.start, c, c_end), attr
            before = text[lo:attr.start].rstrip()
            if lead:
                continue
            if words_after < LEARNED_MIN_WORDS and before.endswith(",") and \
                    len(before.split()) >= LEARNED_MIN_WORDS and not _fronted_phrase(before):
                return lo, _content_end(text, lo, lo + len(before) - 1), attr
            if frame.after < 0.5 and words_after >= LEARNED_MIN_WORDS:
                return lo, _content_end(text, lo, hi), attr  # "X seemed to …": all of it
        return None

    def document_issuer(self, attr: Attr, lo: int, cue: str, paragraph: int) -> Attr:
        """'X released a new radio ad calling …': the one who put out the document (the subject
        of 'released', 'ran', 'issued' …) speaks through it, not the document phrase."""
        if not _PUT_OUT_DOC.fullmatch(attr.mention):
            return attr
        put_out = _PUT_OUT_BEFORE.search(self.text, lo, attr.start)
        if put_out is None:
            return attr
        issuer = _subject_before(self.text, lo, put_out.start(), cue, paragraph) or \
            self.learned_subject(lo, put_out.start(), cue, paragraph)
        if issuer is None or not _plausible_source(issuer.mention) or \
                _PUT_OUT_DOC.fullmatch(issuer.mention):
            return attr
        return issuer

    def noun_cue(self, lo: int, hi: int, paragraph: int) -> tuple[int, int, Attr] | None:
        """A learned noun cue with a possessive source: "Trump's claim that …", "her call
        for …", "his decision to …"."""
        text = self.text
        for m in _POSSESSIVE_NOUN.finditer(text, lo, hi):
            if (m.group("owner") or "") in _NOT_OWNERS:
                continue  # "It's a reference to …": 'it is', not a possessive
            # the noun may come after one or two modifiers: "Hutchinson's chief complaint"
            for w in list(_LOWER_WORD.finditer(text, m.start("noun"), hi))[:3]:
                noun = w.group().lower()
                frame = CUE_FRAMES.get(noun)
                if frame is None or frame.noun < 0.3 or frame.subject_rest < LEARNED_MIN_REST:
                    continue
                comp = _COMPLEMENT.match(text, w.end(), hi) or \
                    _COPULA_THAT.match(text, w.end(), hi)  # "… complaint was that …"
                if comp is not None:
                    break
            else:
                continue
            c = comp.end()
            c_end = _content_end(text, c, hi)
            if len(text[c:c_end].split()) < LEARNED_MIN_WORDS:
                continue
            if comp.re is _COMPLEMENT:
                c = _complement_start(text, comp)
            if m.group("owner") is None:
                s0, s1 = m.span("pron")
                attr: Attr | None = Attr(mention=text[s0:s1], start=s0, end=s1, cue=noun,
                                         paragraph=paragraph)
            else:
                s0, s1 = m.span("owner")
                attr = _make_attr(text, s0, s1, noun, None, paragraph)
            if attr is None or not _plausible_source(attr.mention):
                continue
            return c, c_end, self.resolve_statement(attr)
        return None

    def cue_candidates(self, lo: int, hi: int, paragraph: int, quotes: Sequence[Quote]
                       ) -> list[tuple[CueCandidate, int, int, Attr]]:
        """Every learned cue form in the sentence with a source before it and a content span:
        what the trained classifier chooses from."""
        text = self.text
        out: list[tuple[CueCandidate, int, int, Attr]] = []
        words = list(_WORD.finditer(text, lo, hi))
        in_quote = [q for q in quotes if q.start < hi and q.end > lo]
        last_subject: Attr | None = None
        for index, m in enumerate(words):
            if not m.group()[0].islower():
                continue
            form = m.group().lower().replace("’", "'")
            if form not in CUE_FRAMES or form.endswith("ly"):
                continue
            if any(q.start <= m.start() < q.end for q in in_quote):
                continue
            if _names_a_description(text, lo, m) or _passive_cue(text, lo, m) or \
                    _COPULA_THAT.match(text, m.end(), hi):
                continue
            clause_lo = max(lo, text.rfind(";", lo, m.start()) + 1)
            verb_start = _verb_group_start(text, clause_lo, m.start())
            attr = _subject_before(text, clause_lo, verb_start, form, paragraph)
            how = "adjacent"
            if attr is not None:
                last_subject = attr
            elif form.endswith("ing") and index and words[index - 1].group() == "by" and \
                    last_subject is not None:
                # "the spokesman tried to clarify the comment by insisting": the subject of
                # the verb the 'by' phrase belongs to
                attr = Attr(mention=last_subject.mention, start=last_subject.start,
                            end=last_subject.end, cue=form, role=last_subject.role,
                            anonymous=last_subject.anonymous, paragraph=paragraph)
            if attr is None:
                attr = self.learned_subject(clause_lo, m.start(), form, paragraph)
                how = "lead"
            if attr is None:
                # Any noun phrase before the cue: the classifier weighs how plausible it is.
                span = _np_backward(_tokens(text, clause_lo, verb_start))
                before_np = text[max(clause_lo, span[0] - 12):span[0]].split() if span else []
                if before_np and before_np[-1].lower() in _ANY_PREPOSITION:
                    span = None  # '… close to the reporter, said': the object of 'to'
                if span is not None:
                    a0, a1 = _clean_np(text, *span)
                    while a0 < a1 and text[a0] in "“\"‘'([":
                        a0 += 1
                    a1 = a0 + len(text[a0:a1].rstrip(" ,"))
                    if any(ch in text[a0:a1] for ch in "\"“”"):
                        a1 = a0  # 'as "unconvincing and unsupportable," saying': quoted words
                    last = text.rfind(" ", a0, a1) + 1
                    if last > a0 and text[last:a1].lower() in _SUBJECT_PRONOUNS:
                        a0 = last  # "a topic she knew well": the pronoun is the subject
                    if a1 > a0 and not _clause_inside(text[a0:a1].split()):
                        attr = Attr(mention=text[a0:a1], start=a0, end=a1, cue=form,
                                    anonymous=is_anonymous(text[a0:a1]), paragraph=paragraph)
                        how = "loose"
            if attr is not None and attr.mention.lower() in ("who", "which"):
                # "Katie Packer, who chairs …, said": the phrase before the relative pronoun.
                pre = text[clause_lo:attr.start].rstrip()
                attr = None
                if pre.endswith(","):
                    span = _np_backward(_tokens(text, clause_lo, clause_lo + len(pre) - 1))
                    attr = _make_attr(text, *span, form, None, paragraph) if span else None
            if attr is None or attr.mention.split()[-1].lower() in _NOT_HEAD or \
                    not any(ch.isalpha() for ch in attr.mention):
                continue
            if attr.mention.lower() == "it" and (
                    _RAISING.fullmatch(form) or _EXPLETIVE_PASSIVE.match(text, attr.end,
                                                                        m.start())):
                continue  # "It should be noted that …", "it seems that …": no source
            if not _plausible_source(attr.mention):
                how += "-implausible"
            c = _content_after(text, m.end(), hi, form)
            comp = _COMPLEMENT.match(text, c, hi)
            if comp:
                c = comp.end()
            c_end = _content_end(text, c, hi)
            after = True
            n_words = len(text[c:c_end].split())
            if comp:
                c = _complement_start(text, comp)
            if n_words < MIN_CONTENT_WORDS:
                before = text[lo:attr.start].rstrip()
                if not before.endswith(",") or len(before.split()) < 3:
                    continue
                c, c_end, after = lo, _content_end(text, lo, lo + len(before) - 1), False
                n_words = len(text[c:c_end].split())
            nxt = _NEXT_WORD.match(text, m.end(), hi)
            prior = _WORD.findall(text, max(lo, attr.start - 30), attr.start)
            cand = CueCandidate(
                form=form, prev=words[index - 1].group().lower() if index else "",
                next=nxt.group(1).lower() if nxt else "", subject=attr.mention,
                subject_how=how, subject_first=not text[lo:attr.start].strip(" “\"‘'("),
                before_subject=prior[-1].lower() if prior else "", after=after, content_words=n_words,
                cue_index=index, quote_in_sentence=bool(in_quote),
                content_first=_first_word(text, c, c_end))
            out.append((cand, c, c_end, attr))
        return out

    def modelled(self, lo: int, hi: int, paragraph: int,
                 quotes: Sequence[Quote]) -> tuple[int, int, Attr] | None:
        """The best candidate cue of the trained classifier, when it is confident enough."""
        if self.model is None and self.collected is None:
            return None
        if hi - lo > MODEL_MAX_SENTENCE:
            # Each candidate looks back to its clause start and ahead to the sentence end: in a
            # "sentence" of many kilobytes (a transcript or page without full stops) that is
            # quadratic. Such text keeps what the rules found.
            return None
        best: tuple[float, int, int, Attr] | None = None
        for cand, c, c_end, attr in self.cue_candidates(lo, hi, paragraph, quotes):
            if self.collected is not None:
                self.collected.append((cand, c, c_end, lo, attr))
            if self.model is None:
                continue
            pronoun = _PRONOUN_CLAUSE.match(attr.mention)
            if pronoun is not None:
                # 'he cut into Bush, calling him a "stiff"': the clause's pronoun speaks
                word = attr.mention.split()[0]
                attr = replace(attr, mention=word, end=attr.start + len(word))
            elif _clause_not_source(attr.mention):
                continue
            p = self.model.probability(cand)
            if p >= self.model.threshold and (best is None or p > best[0]):
                best = (p, c, c_end, attr)
        if best is None:
            return None
        return best[1], best[2], self.resolve_statement(best[3])

    def run(self) -> list[Claim]:
        text = self.text
        paras = paragraph_spans(self.doc)
        quotes_by_para = [[q for q in qs if not _is_title(text, q)]
                          for qs in find_quotes(text, paras)]
        for p_index, ((p_start, p_end), quotes) in enumerate(zip(paras, quotes_by_para,
                                                                  strict=True)):
            sentences = list(split_sentences(text, p_start, p_end))
            turn = self.transcript_turn(p_start, p_end, p_index)
            if turn is not None:
                # 'TAPPER: And obviously, … Talk to them.': the whole line is the labelled
                # speaker's turn, quotes in it included.
                self.remember(turn[0])
                for s_start, s_end in sentences:
                    self.sentence_index += 1
                    if s_end > turn[1]:
                        self.emit(max(s_start, turn[1]), s_end, ClaimKind.DIRECT, turn[0],
                                  p_index)
                continue
            covered_until = p_start
            for s_start, s_end in sentences:
                self.sentence_index += 1
                if s_end <= covered_until:
                    continue
                lo = max(s_start, covered_until)
                s_quotes = [q for q in quotes if lo <= q.start < s_end]
                if s_quotes and all(_fragment(text, q) for q in s_quotes) and \
                        s_quotes[-1].end <= s_end and self.embeds(lo, s_end, p_index, s_quotes):
                    # 'Walker told the BBC that the affair "looks terrible" and that the party
                    # needed "to get a grip".': quoted words inside reported speech are one
                    # indirect claim, not direct quotes of their own
                    self.plain_sentence(lo, s_start, s_end, p_index, quotes)
                    continue
                handled = False
                for qi, q in enumerate(s_quotes):
                    # The sentence that holds the quote's end bounds the words after it.
                    hi = next((e for s, e in sentences if s <= q.end - 1 < e), s_end)
                    if qi + 1 < len(s_quotes):
                        hi = min(hi, s_quotes[qi + 1].start)
                    frame_lo = lo if qi == 0 else s_quotes[qi - 1].end
                    self.extend_to = None
                    if q.continued and self.last is not None:
                        attr, claim_start = None, q.start  # multi-paragraph quote goes on
                    else:
                        attr, claim_start = self.quote_attr(q, frame_lo, hi, p_index)
                    if attr is None and qi + 1 == len(s_quotes):
                        tail = self.attribution_after(q, hi, sentences, frame_lo, p_index)
                        if tail is not None:
                            attr, claim_start, tail_end = tail
                            self.extend_to = None
                            covered_until = max(covered_until, tail_end)
                    if attr is None and not self.continues(q, p_index, frame_lo):
                        continue
                    if attr is None:
                        assert self.last is not None
                        attr = Attr(mention=self.last.mention, start=self.last.start,
                                    end=self.last.end, cue=self.last.cue, role=self.last.role,
                                    anonymous=self.last.anonymous, speaker=self.last.speaker,
                                    via=list(self.last.via), paragraph=p_index)
                    self.remember(attr)
                    self.emit_quote(q, claim_start, attr, p_index)
                    covered_until = max(covered_until, q.end, self.extend_to or 0)
                    handled = True
                if handled:
                    continue
                self.plain_sentence(lo, s_start, s_end, p_index, quotes)
        self.claims.sort(key=lambda c: (c.start, c.end))
        return self.claims

    def embeds(self, lo: int, hi: int, paragraph: int, quotes: Sequence[Quote]) -> bool:
        """Whether reported speech in [lo, hi) holds every quote in its content."""
        if _TRAILING_TAG.search(self.text, lo, hi):
            return False  # 'Trump called the report "fake news", the White House said.'
        saved = (self.last, self.quote_tail, self.tail_frame, self.last_sentence,
                 len(self.claims))
        found = self.indirect(lo, hi, paragraph)
        self.last, self.quote_tail, self.tail_frame, self.last_sentence = saved[:4]
        del self.claims[saved[4]:]
        if any(_CUE_BEFORE_QUOTE.search(self.text, max(lo, q.start - 40), q.start)
               for q in quotes):
            return False  # 'Clinton said, “as long as we’re not …”': a quotation after its tag
        return found is not None and found[0] < quotes[0].start and \
            found[1] >= quotes[-1].end - 1 and (found[2].cue or "").lower() in _EMBED_CUES

    def plain_sentence(self, lo: int, s_start: int, s_end: int, p_index: int,
                       quotes: Sequence[Quote], clause: bool = False) -> None:
        """Claims of a sentence [lo, s_end) without a quote of its own (or the rest after a
        quote): indirect speech, learned cues, or narration. `clause`: [lo, s_end) is the main
        clause after a subordinate one that held another claim."""
        text = self.text
        self.quote_tail, self.tail_frame = lo > s_start and not clause, False
        found = self.indirect(lo, s_end, p_index)
        self.quote_tail = False
        # '"… e-mails. We released them today," Schultz said.': the rest of a sentence
        # that only names the speaker of the quote before it is that quote's frame
        frame = lo > s_start and self.last is not None and \
            lo <= self.last.start < s_end and lo <= self.last.end <= s_end
        if self.tail_frame:  # '"…," she told ABC News in February.': no claim
            if not frame:
                self.emit(lo, s_end, ClaimKind.NARRATION, None, p_index)
            return
        learned = found is None
        if found is None and self.learned_rules:
            found = self.learned(lo, s_end, p_index, quotes)
        if found is None and self.learned_rules:
            found = self.noun_cue(lo, s_end, p_index)
        if found is None:
            found = self.modelled(lo, s_end, p_index, quotes)
        if found and _ASKED_WHETHER.search(text, max(lo, found[2].start - 40),
                                           found[2].start):
            # 'demurred when asked whether she believed X': a question put to her,
            # not her claim
            found = None
        if found and found[2].cue and found[2].cue.lower() == "asked" and \
                _WAS_ASKED.search(text, found[2].end, found[0]):
            found = self.asked_by(found, s_end, p_index)
        if found:
            c_start, c_end, attr = found
            attr.learned = learned
            lead_end = attr.start if attr.phrase_start is None else attr.phrase_start
            self.emit_lead_in(lo, min(lead_end, c_start), p_index, quotes)
            self.remember(attr)
            self.emit(c_start, c_end, ClaimKind.INDIRECT, attr, p_index,
                      context_start=min(attr.start, c_start))
            if text.startswith(", ", c_end) and \
                    _SUBORDINATE_OPENER.fullmatch(text, lo, attr.start) and \
                    len(text[c_end:s_end].split()) >= 3:
                # 'Shortly after Kristol called for his resignation, a GOP operative began …':
                # the main clause after the speaker's subordinate one has claims of its own
                self.plain_sentence(c_end + 2, s_start, s_end, p_index, quotes, clause=True)
        elif not frame:
            self.emit(lo, s_end, ClaimKind.NARRATION, None, p_index)

    def attribution_after(self, q: Quote, hi: int, sentences: Sequence[tuple[int, int]],
                          frame_lo: int, paragraph: int) -> tuple[Attr, int, int] | None:
        """'"… offensive!" Cruz said.': a quote ending in its own ! or ? closes a sentence, and
        the short sentence after it names its speaker ('Cruz said.', 'Todd asked the host.').
        Returns the speaker, the claim start and the end of that sentence."""
        text = self.text
        if text[q.end:hi].strip() or not re.search(r"[!?.,]['’”\"]+$", text[q.start:q.end]):
            return None
        nxt = next(((s, e) for s, e in sentences if s >= hi), None)
        if nxt is None or text[hi:nxt[0]].strip() or len(text[nxt[0]:nxt[1]].split()) > 8:
            return None  # a longer sentence says more than who spoke: it stays its own
        attr, claim_start = self.quote_attr(q, frame_lo, nxt[1], paragraph)
        if attr is None or not nxt[0] <= attr.start < nxt[0] + 40:
            return None
        return attr, claim_start, nxt[1]

    def emit_lead_in(self, lo: int, hi: int, paragraph: int, quotes: Sequence[Quote]) -> None:
        """The author's own clause before an attribution ('Although indirect fire … was cited as
        a reason, other sources said …') stays visible as narration, not lost, unless it holds
        an attribution of its own ('X endorsed Y on Monday, and Z said …')."""
        a, b = _strip_span(self.text, lo, hi)
        while b > a and self.text[b - 1] in ",;:—–-":
            a, b = _strip_span(self.text, a, b - 1)
        words = _WORD.findall(self.text, a, b)
        if len(words) >= MIN_LEAD_IN_WORDS:
            found = self.modelled(a, b, paragraph, quotes)
            if found is not None:
                self.emit(found[0], found[1], ClaimKind.INDIRECT, found[2], paragraph,
                          context_start=min(found[2].start, found[0]))
            elif words[-1].lower() not in _OPEN_ENDED:
                # ('One of the sharpest exchanges of the day came when': a frame cut short,
                # no statement of the author's)
                self.emit(a, b, ClaimKind.NARRATION, None, paragraph)

    def continues(self, q: Quote, paragraph: int, frame_lo: int) -> bool:
        """A quote without a cue continues the last speaker when it is a real quotation."""
        if self.last is None or paragraph - self.last.paragraph > 1:
            return False
        if q.continued:
            return True
        if self.last.learned:
            return False  # 'X endorsed Y.', 'New polls show …': a learned cue opens no quote
        words = self.text[q.start:q.end].split()
        lead = self.text[frame_lo:q.start].split()
        if lead and lead[-1].endswith("—") and not _CUE.search(self.text, frame_lo, q.start):
            return False  # 'BROADWAY BEAT—"…"': a digest item under its label, no speech
        if len(lead) >= CONTINUE_MAX_LEAD and is_capitalized(lead[0]) and \
                not lead[-1].endswith(","):
            return False  # a fronted 'But, given the threats, "…"' still continues
        inner = self.text[q.start + 1:q.end - 1].strip()
        if not lead and paragraph == self.last.paragraph and len(words) >= 2 and \
                inner[:1].isupper() and inner[-1:] in ".!?":
            return True  # '"We are running out," he said. "Fuel, blood, anaesthetics."'
        return len(words) >= 4

    def emit_quote(self, q: Quote, claim_start: int, attr: Attr, paragraph: int) -> None:
        """A direct quote; a relayed quote ('X noted, "An official tells …"') yields the inner
        speaker's claims with the relay in `via`."""
        text = self.text
        inner_lo, inner_hi = q.start + 1, max(q.start + 1, q.end - 1)
        if text.startswith("''", q.start):  # typewriter '' marks are two characters wide
            inner_lo = q.start + 2
            inner_hi = max(inner_lo, q.end - 2 if text.startswith("''", q.end - 2) else q.end)
        inner_sents = list(split_sentences(text, inner_lo, inner_hi))
        relay = None
        if inner_sents and claim_start == q.start and not q.continued:
            s0, s1 = inner_sents[0]
            nested_first = [n for n in _nested_quotes(text, s0, s1)]
            # a probe: its 'X says.' remembers X as the next quote's speaker; the quote's own
            # speaker stays the last one ('"… what the man says," Roe said. "…"' is Roe's)
            last, last_sentence = self.last, self.last_sentence
            found = self.indirect(s0, nested_first[0].start if nested_first else s1, paragraph)
            self.last, self.last_sentence = last, last_sentence
            if found and found[2].start == s0 + len(text[s0:found[2].start]) - len(
                    text[s0:found[2].start].lstrip()) and found[2].start - s0 < 3 and \
                    _is_relay(attr, q, found[2]):
                relay = found
        if relay is None:
            # Nested quotes with their own speaker ('This DOS statement "…"') cut the outer one.
            pieces: list[tuple[int, int]] = []
            cut = claim_start
            context = attr.start if attr.paragraph == paragraph else None
            for n in _nested_quotes(text, inner_lo, inner_hi):
                window_lo = max(inner_lo, n.start - 60, text.rfind(". ", inner_lo, n.start) + 2)
                st = _STATEMENT_BEFORE.search(text, window_lo, n.start)
                if not st:
                    continue
                name = re.sub(r"^(?:This|That|The|A)\s+", "", st.group(1).strip())
                if not is_proper_name(name):
                    continue
                s1 = st.start(1) + len(st.group(1).rstrip())
                inner = Attr(mention=name, start=s1 - len(name), end=s1, cue="statement",
                             via=[attr.speaker or split_name_role(attr.mention)[0]],
                             paragraph=paragraph)
                pieces.append((cut, st.start(1)))
                self.emit(n.start, n.end, ClaimKind.DIRECT, inner, paragraph)
                cut = n.end
            pieces.append((cut, max(q.end, self.extend_to or 0)))
            for a, b in pieces:
                if len(pieces) > 1:
                    a, b = _open_edges(text, a, b, q)
                a, b = _strip_span(text, a, b)
                if re.search(r"\w", text[a:b]):
                    # Hedges from the frame before the quote, not from earlier pieces of it.
                    self.emit(a, b, ClaimKind.DIRECT, attr, paragraph, context_start=context,
                              context_end=claim_start)
            return
        outer_name = attr.speaker or split_name_role(attr.mention)[0]
        via = [outer_name, *attr.via]
        inner_attr = relay[2]
        inner_attr.via = via
        self.emit(relay[0], relay[1], ClaimKind.DIRECT, inner_attr, paragraph,
                  context_start=inner_attr.start)
        covered = relay[1]
        for n in _nested_quotes(text, inner_lo, inner_hi):
            if n.start >= covered:
                self.emit(n.start, n.end, ClaimKind.DIRECT, inner_attr, paragraph)
                covered = n.end
        for s0, s1 in inner_sents[1:]:
            if s0 >= covered:
                self.emit(s0, s1, ClaimKind.DIRECT, inner_attr, paragraph)
                covered = s1
        self.last = inner_attr


# Reporting verbs that pass on what someone else said ('X noted, "An official tells The Post …"').
# Verbs of thinking and wanting ('"Jeb wants to be a tough guy," Trump said') open a quote
# that its own speaker says about someone else.
_RELAY_CUES = frozenset(
    """say says said tell tells told note notes noted add adds added write writes wrote report
    reports reported tweet tweets tweeted state states stated confirm confirms confirmed explain
    explains explained announce announces announced""".split())


_OPENING_MARKS = "“\"‘'«"


_CLAUSE_GOES_ON = frozenset("which who whom whose where when and or but as".split())
_SUBORDINATE_OPENER = re.compile(
    r"(?:(?:Shortly|Soon|Just|Long|Right|Only|Even|But|And)\s+)?(?:[Aa]fter|[Bb]efore|[Ww]hen|"
    r"[Ss]ince|[Aa]lthough|[Tt]hough|[Ww]hile|[Bb]ecause|[Oo]nce|[Uu]ntil|[Ww]henever|if|If)\s")


def _subordinate_end(text: str, lo: int, subject: int, c: int, c_end: int) -> int:
    """The content's end when the speaker's clause is a fronted subordinate one ('Shortly
    after Kristol called for his resignation, a GOP operative began …'): the comma closing
    that clause; else `c_end`."""
    if not _SUBORDINATE_OPENER.fullmatch(text, lo, subject):
        return c_end
    comma = text.find(", ", c, c_end)
    while comma >= 0:
        nxt = _NEXT_WORD.match(text, comma + 1, c_end)
        word = nxt.group(1).lower() if nxt else ""
        # ', which cost $5 billion,' and the ', had failed' after it go on with the clause
        if word not in _CLAUSE_GOES_ON and word not in AUXILIARIES and \
                word not in _VERB_GROUP and not word.endswith("ed"):
            break
        comma = text.find(", ", comma + 1, c_end)
    if comma < 0 or len(text[c:comma].split()) < 2:
        return c_end
    return comma


def _negated_cue(text: str, lo: int, hi: int, cue: str | None) -> str | None:
    """The negated cue ('did not dispute') written between a speaker ending at `lo` and the
    content at `hi`, lower-cased; None when the cue there is not negated."""
    if cue is None or not 0 <= hi - lo <= 60:
        return None
    for m in _NEGATED_CUE.finditer(text, lo, hi):
        if (m.group("verb") or m.group("verb2")) == cue.split()[0]:
            return m.group().lower().replace("’", "'")
    return None


def _paraphrase_with_quoted_words(text: str) -> bool:
    """Whether a claim is the reporter's paraphrase holding a few quoted words ('the speech will
    be "destructive" to relations'), rather than a quotation (which opens with its mark, or is
    mostly marked words; a transcript line has no marks at all)."""
    head = text.lstrip(" \t\n—–-([")
    if not head or head[0] in _OPENING_MARKS:
        return False
    opening = min((i for i in (text.find(m) for m in "“\"«") if i >= 0), default=-1)
    if opening < 0:
        return False
    closing = max(text.rfind(m) for m in "”\"»")
    # mostly the speaker's words ('the US has "advised the Government of Iran … attacks."')
    # stays a quotation; counted in words, so that 'Steele's comments are "utterly
    # irresponsible."' and 'were "wildly inaccurate."' read alike
    quoted = len(text[opening:closing + 1].split())
    return quoted * 2 < len(text.split())


_VAGUE_GROUP = re.compile(r"(?i)(?:a\s+lot\s+of|lots\s+of|many|most|some|plenty\s+of|all)?\s*"
                         r"(?:people|folks|everybody|everyone|nobody|somebody|someone|"
                         r"others)\b")


def _is_relay(outer: Attr, q: Quote, inner: Attr) -> bool:
    """Whether a quote's opening 'Y tells Z …' relays Y's words: the quote's speaker is named
    before the quote (a speaker named after it speaks the quote themselves), Y is a third
    party (not 'I', 'we', 'you') and the cue is a reporting verb."""
    return outer.end <= q.start and (inner.cue or "").lower() in _RELAY_CUES and \
        inner.mention.lower() not in ("i", "we", "you") and \
        not _VAGUE_GROUP.match(inner.mention)  # '"A lot of people said …," she said': hers


def _open_edges(text: str, start: int, end: int, q: Quote) -> tuple[int, int]:
    """A piece of a quote cut by a nested one leaves out the outer quote mark that its partner
    piece holds: '"A. This DOS statement “B” C."' gives 'A.' and 'C.', not '"A.' and 'C."'
    (a lone mark reads as a stray, and cards add their own marks around quotes)."""
    if start == q.start and end < q.end:
        if text.startswith("''", start):
            start += 2  # typewriter '' opener
        elif text[start] in OPEN_DOUBLE + STRAIGHT:
            start += 1
    if end == q.end and start > q.start:
        if end - 2 > start and text.startswith("''", end - 2):
            end -= 2
        elif text[end - 1] in CLOSE_DOUBLE + STRAIGHT:
            end -= 1
    return start, end


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding space, nor the clause punctuation and dashes left at its
    edges (', tried to clarify …', '-- and publicly apologize for --')."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and text[start] in ",;:—–":
            start += 1
        elif text.startswith("--", start) and end - start > 2:
            start += 2
        elif end > start and text[end - 1] in ",;—–" and end - start > 1:
            end -= 1
        elif text.endswith("--", start, end) and end - start > 2:
            end -= 2
        else:
            return start, end


def attribute_document(doc: Document) -> list[Claim]:
    """Claims of one document, in text order."""
    return _DocAttributor(doc).run()


def attribute(documents: Sequence[Document]) -> list[Claim]:
    """Split every document into claims with exact offsets, speakers mentions, cues and hedges."""
    claims: list[Claim] = []
    for doc in documents:
        claims.extend(attribute_document(doc))
    return claims
