"""Word lists and name helpers shared by attribution and speaker resolution."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import orjson

# Reporting verbs, every inflection written out so one alternation finds them.
SAY_CUES = """say says said saying tell tells told telling add adds added adding note notes noted
noting argue argues argued arguing claim claims claimed claiming warn warns warned warning write
writes wrote writing tweet tweets tweeted tweeting announce announces announced announcing
believe believes believed think thinks report reports reported insist insists insisted insisting
acknowledge acknowledges acknowledged suggest suggests suggested suggesting explain explains
explained explaining ask asks asked asking states stated declare declares declared confirm
confirms confirmed deny denies denied allege alleges alleged predict predicts predicted promise
promises promised vow vows vowed contend contends contended maintain maintains maintained assert
asserts asserted admit admits admitted recall recalls recalled complain complains complained
observe observes observed remark remarks remarked reply replies replied respond responds
responded continue continues continued urge urges urged estimate estimates estimated conclude
concludes concluded emphasize emphasizes emphasized emphasise emphasised stress stresses
stressed concede concedes conceded boast boasts boasted testify testifies testified accuse
accuses accused charge charges charged cite cites cited find finds found show shows showed
reveal reveals revealed indicate indicates indicated posted posts post agree agrees agreed
disagree disagrees disagreed pledge pledges pledged counter counters countered insisted
joke jokes joked quip quips quipped lament laments lamented mused muses wonder wonders wondered
hinted hint hints signal signals signaled signalled read reads
called calls call calling demanded demands demand criticized criticizes criticised slammed
slams blasted blasts praised praises touted touts defended defends dismissed dismisses
questioned questions mocked mocks described describes highlighted highlights expects expected
hopes hoped fears feared wants wanted pointed points attacked attacks accusing criticizing
questioning describing calling citing blaming blamed blames""".split()

# Cues that report an event, not speech, unless a "that" clause follows ("announced the closure"),
# and cue forms that are mostly plural nouns without it ("member states in …", "his remarks on …").
NEEDS_THAT = frozenset(
    """announce announces announced announcing report reports reported posted posts post
    continue continues continued states remarks""".split()
)
# Cues whose first argument is the addressee ("told Reuters that …", "warned Iran that …").
ADDRESSEE_CUES = frozenset(
    "tell tells told telling warn warns warned warning ask asks asked asking urge urges urged "
    "remind reminds reminded assure assures assured inform informs informed".split()
)
# Addressee cues that never invert: after them comes the addressee, never the speaker ('"…,"
# Dana Roe told CBS News', not a speaker 'CBS News' as in '"…," said Dana Roe').
NO_INVERSION_CUES = frozenset(
    "tell tells told telling inform informs informed remind reminds reminded assure assures "
    "assured".split()
)
# Cues that take an object and then a quote or a label ("called the closure 'ridiculous'").
LABEL_CUES = frozenset("called calls call calling".split())

# Normalised cue (the base form shown to users for inflected cues would lose "tweeted").
ACCORDING_TO = "according to"

AUXILIARIES = frozenset(
    """has have had also later previously then again once repeatedly recently publicly privately
    reportedly would will even first further earlier quickly just already never often frequently
    simply initially subsequently separately did does do not has also since long""".split()
)

# Words that end a subject noun phrase when met walking backwards from the cue.
NP_STOPS = frozenset(
    """and but or that which who whom whose while as because when after before since though
    although if so where whereas than then therefore however meanwhile yet nor to by with
    is are was were be been being this these those what why how whether said says told
    instead indeed also""".split()
) | frozenset(SAY_CUES)

# Determiners that start a noun phrase ("the local governor", "a senior Iraqi official").
DETERMINERS = frozenset(
    "the a an some other several many most two three four few his her their its our my one "
    "another both all any".split()
)
PREPOSITIONS_IN_NP = frozenset("of at in for from on with to".split())

PRONOUNS = frozenset("he she they it we i you".split())
PERSON_PRONOUNS = frozenset("he she".split())

# Nouns that can head a speaker phrase without a capital letter.
ROLE_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson spokespeople source sources governor
    minister ministers analyst analysts expert experts critic critics report reports statement
    statements poll polls survey surveys study studies campaign campaigns aide aides adviser
    advisers advisor advisors lawyer lawyers attorney attorneys police authorities authority
    president senator senators governor governors diplomat diplomats observers observer people
    residents witnesses witness leader leaders lawmakers legislators officer officers commander
    commanders military army government ministry department agency spokesmen supporters
    opponents voters democrats republicans members member director chief secretary ambassador
    consul candidate nominee pollster pollsters economist economists researchers researcher
    scientists historian historians journalist journalists reporter reporters editor editors
    newspaper paper website account group groups organization committee council office
    administration embassy consulate mayor judge prosecutors prosecutor investigators documents
    data figures numbers records filing memo letter email emails tweet message speech
    representative representatives member staff staffer staffers team operatives insiders
    person man woman men women father mother wife husband son daughter friend friends family
    party tally firm count analysis estimate review investigation article book column post
    editorial network outlet station ad commercial video site release filing complaint lawsuit
    ruling bill panel board union association institute center foundation company coalition
    bureau service survey index tracker forecast model projections newspaper magazine show
    host anchor moderator candidate nominee challenger rival opponent incumbent delegates
    activists strategists consultants organizers donors pastor pastors students professor
    professors workers veterans protesters scholars commentators columnists pundits advocates
    negotiators regulators investors bankers doctors teachers parents employees executives
    founder owner author writer chairman chairwoman manager
    agents traders brokers farmers merchants operators drivers pilots nurses engineers dockworkers
    miners fishermen shopkeepers villagers unions agencies sheriff sheriffs troopers proponents backers defenders suit
    envoy envoys shareholders mediators monitors inspectors medics paramedics rescuers firefighters
    campaigners
    """.split()
)
# Singular heads of the plural role nouns ("One California delegate said …").
ROLE_NOUNS = ROLE_NOUNS | frozenset(w[:-1] for w in ROLE_NOUNS if w.endswith("s") and
                                    not w.endswith(("ss", "us", "is", "ies", "sses")))
# Plural bodies whose singular is no source ('the two states said', not 'the state said').
ROLE_NOUNS = ROLE_NOUNS | frozenset("states countries nations".split())

ANONYMOUS_HEADS = frozenset(
    """official officials source sources people person analysts experts observers critics
    diplomats aides insiders residents witnesses someone""".split()
)
ANONYMOUS_DETERMINERS = frozenset(
    "a an some other several many two three four few one unnamed anonymous multiple".split()
)

# Title and role words that precede a personal name ("U.S. Secretary of State Michael R. Pompeo").
TITLE_WORDS = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. gen gen. sen sen. rep rep. gov gov. lt lt. col col. sgt sgt.
    capt capt. adm adm. prof prof. president vice secretary state minister prime foreign defense
    defence interior chief director spokesman spokeswoman spokesperson consul general ambassador
    mayor speaker leader chairman chairwoman chair adviser advisor commissioner attorney judge
    justice king queen prince sheikh ayatollah pope senator governor representative congressman
    congresswoman former acting deputy assistant special envoy commander general u.s. us u.s uk
    sheriff marshal advocate adv. sir dame lord lady baroness rabbi imam archbishop bishop
    u.k. un democratic republican gop nominee candidate democrat republican senior top
    longtime veteran pollster analyst economist professor host anchor correspondent reporter
    columnist editor fellow founder ceo executive officer of the for at in and house white press
    national security council department treasury justice majority minority whip federal
    reserve supreme court iraqi iranian american british saudi israeli russian chinese syrian
    turkish european ministry foreign-affairs affairs pentagon campaign
    manager surrogate running mate chairman's staff rnc dnc secretary-general director-general
    attorney-general governor-general solicitor-general inspector-general auditor-general
    surgeon-general commander-in-chief editor-in-chief vice-president vice-chairman
    vice-chancellor under-secretary""".split()
)

_CAPITAL = re.compile(r"^[\"“‘'(]*[A-Z]")
_INITIAL = re.compile(r"^[A-Z]\.$")
NAME_PARTICLES = frozenset("al al- bin ibn de del della van von der da di le la abu el".split())


def is_capitalized(token: str) -> bool:
    """Whether a token starts with a capital letter (after opening punctuation)."""
    return bool(_CAPITAL.match(token))


def is_proper_name(phrase: str) -> bool:
    """A personal or organisation name: every word capitalised (particles and initials allowed)."""
    tokens = phrase.split()
    if not tokens or len(tokens) > 6:
        return False
    if tokens[0].lower() in DETERMINERS:
        return False
    return all(is_capitalized(t) or t.lower() in NAME_PARTICLES or t.lower().startswith("al-")
               for t in tokens)


PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "inside", "outside"})
_SERVING_PREPOSITIONS = frozenset({"for", "to", "with"})


# Titles of an office named after 'of' ("Secretary of Labor", "Director of National
# Intelligence"), unlike a company's ("chief executive officer of Private Jet Services").
_OFFICE_TITLES = frozenset("secretary minister director commissioner administrator".split())


NAME_WORDS = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al|bin|de|del|van|von|da|di|le|la|el)){0,3}"
# "Clinton and Sanders", "Hillary Clinton, Bernie Sanders and Martin O'Malley": a list of names
JOINT_NAMES = re.compile(rf"{NAME_WORDS}(?:,\s+{NAME_WORDS})*,?\s+and\s+{NAME_WORDS}")

_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def list_members(names: str) -> list[str]:
    """The items of a list of names: 'A, B and C' -> ['A', 'B', 'C']."""
    return [item.strip() for item in _LIST_SEPARATOR.split(names) if item.strip()]


_AND_OTHERS = re.compile(r"\S\s+and\s+(?:other|several\s+other|many\s+other|fellow)\s+[a-zA-Z]")
_TRAILING_WEEKDAY = re.compile(r"(?<=\S)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                               r"Sunday)$")


def _load_first_names() -> dict[str, str]:
    raw = orjson.loads(resources.files("core").joinpath("data", "first_names.json").read_bytes())
    genders = {name: "he" for name in raw["male"]}
    genders.update({name: "she" for name in raw["female"]})
    return genders


# Common first names -> the pronoun they usually take (core/data/first_names.json).
FIRST_NAMES: dict[str, str] = _load_first_names()


# Last words of institutions' names ('… Defense Forces', '… Prosecuting Authority').
INSTITUTION_HEADS = frozenset("""forces force authority agency ministry committee council commission
    department office bureau service services party army navy corps guard police court
    bank fund union association institute foundation organization organisation group coalition
    network university college center centre board league alliance federation company
    corporation inc ltd llc plc administration government parliament assembly congress senate
    tribunal cabinet directorate secretariat embassy consulate mission delegation
    programme program""".split())


# Ministries' portfolios: 'Water and Energy Minister …' is one title, no two people.
_PORTFOLIOS = frozenset("""water energy trade industry health social finance economy economic
    justice home foreign commonwealth transport environment agriculture science technology
    culture education labour labor housing interior defence defense security immigration
    tourism communications information sport sports fisheries mines mining petroleum planning
    development works infrastructure employment welfare women youth land lands natural""".split())


def split_name_role(mention: str) -> tuple[str, str | None]:
    """Split 'U.S. Secretary of State Michael R. Pompeo' into ('Michael R. Pompeo', 'U.S.
    Secretary of State'). A mention without a personal name comes back whole with no role."""
    mention = re.sub(r"\s*\([^)]*\)\s*$", "", mention)  # "John Kasich (R-OH)"
    # "Chairman Michael Steele Sunday": the day after a name is when, not who
    mention = _TRAILING_WEEKDAY.sub("", mention)
    portfolio = re.match(r"(\w+)\s+and\s", mention)
    if (JOINT_NAMES.fullmatch(mention) and not (
            portfolio and portfolio.group(1).lower() in _PORTFOLIOS)) or \
            _AND_OTHERS.search(mention):
        # "Justin Trudeau and Enrique Peña Nieto", "Mitt Romney and other Republicans": people
        # speaking together
        return mention, None
    tokens = mention.split()
    if not tokens:
        return mention, None
    if len(tokens) >= 2 and tokens[-1].lower().rstrip(".,") in INSTITUTION_HEADS and \
            is_capitalized(tokens[-1]):
        # "The Israel Defense Forces", "the National Prosecuting Authority": an institution's
        # name, no title before a person (the article dropped, as for other names)
        if tokens[0].lower() == "the" and is_capitalized(tokens[1]):
            return " ".join(tokens[1:]), None
        return mention, None
    # Trailing run of capitalised, non-title tokens is the personal name.
    i = len(tokens)
    while i > 0:
        tok = tokens[i - 1]
        low = tok.lower().strip(",")
        if _INITIAL.match(tok) or (
            (is_capitalized(tok) or low in NAME_PARTICLES) and low not in TITLE_WORDS
        ):
            i -= 1
        else:
            break
    name_tokens = tokens[i:]
    owner = max((k for k, t in enumerate(name_tokens[:-1]) if t.endswith(("'s", "’s"))),
                default=None)
    person = name_tokens[owner + 1:] if owner is not None else []
    if owner is not None and len(person) >= 2 and all(
            is_capitalized(t) and t[0].isalpha() for t in person) and \
            person[0].lower().rstrip(".") in FIRST_NAMES:
        # ('Lowe's Home Improvement', "Women's March": a name of its own, no person)
        # "Marijuana Industry Group's Mike Elliott": the organisation's person; the
        # organisation is the role
        role_tokens = [*tokens[:i + owner], name_tokens[owner][:-2]]
        return " ".join(name_tokens[owner + 1:]), " ".join(role_tokens)
    if not name_tokens or i == 0:
        return mention, None
    if i >= 2 and tokens[i - 1] == "of" and tokens[i - 2].lower().strip(".,") in _OFFICE_TITLES:
        # "Secretary of Labor Joan Pettit", "Secretary of Homeland Security Jeh Johnson": the
        # department's words open the run; the person is its last two words (and initials)
        words = [k for k, t in enumerate(name_tokens) if not _INITIAL.match(t)]
        if len(words) >= 3:
            i += words[-2]
            name_tokens = tokens[i:]
    if (i >= 3 and tokens[0].lower() == "the" and tokens[i - 1] in ("of", "for", "and") and
            is_capitalized(tokens[i - 2]) and tokens[i - 2].lower() not in TITLE_WORDS):
        # "the Bureau of Labor Statistics", "the Club for Growth", "the Organization for
        # Economic Cooperation and Development": one institution's name, not a role before a
        # person's name
        return mention, None
    if tokens[i - 1] == "of":
        # "Bill Richardson of New Mexico", "Sen. John McCain of Arizona": the person comes
        # before 'of' (after any leading titles), the place after it
        before = tokens[: i - 1]
        titles = 0
        while titles < len(before) and before[titles].lower().strip(".,") in TITLE_WORDS:
            titles += 1
        person = before[titles:]
        if len(person) >= 2 and all(is_capitalized(t) or _INITIAL.match(t) for t in person):
            role = ", ".join(x for x in (" ".join(before[:titles]), " ".join(tokens[i - 1:])) if x)
            return " ".join(person).strip(","), role
    if tokens[i - 1].lower() == "and":
        # "Attorneys general in Utah and New Mexico": the name closes a list, not a person's name
        return mention, None
    # ('a lawyer for Mr. Grimm': the titles before the name are read past)
    j = i - 1
    while j > 0 and tokens[j].lower().strip(".,") in TITLE_WORDS and is_capitalized(tokens[j]):
        j -= 1
    if tokens[j].lower() in PLACE_PREPOSITIONS or (
            tokens[j].lower() in (*_SERVING_PREPOSITIONS, "of") and j >= 1 and j < i - 1 and
            not is_capitalized(tokens[j - 1])) or (
            tokens[j].lower() in _SERVING_PREPOSITIONS and j >= 1 and
            not is_capitalized(tokens[j - 1])):
        # "a spokesman for Hillary Clinton", "one of the prosecutors for David Petraeus": the
        # named person is whom the speaker works for, not the speaker.
        # "a Western diplomat in Baghdad", "an official at Foggy Bottom": the capitalised run
        # is where the person is, not who: the speaker is the whole description.
        return mention, None
    k = next((x for x in range(1, i) if tokens[x] in ("in", "of", "for", "at", "on", "with")),
             None)
    if k is not None and tokens[k - 1].lower().endswith("s") and \
            tokens[k - 1].lower() in ROLE_NOUNS and tokens[0].lower() not in ("the", "a", "an"):
        # "Prosecutors in the trial of former minister Sibusiso Ndlovu": the plural role
        # speaks; the named person is what the description is about
        return mention, None
    # A lone trailing capitalised word after a lowercase role ("the local governor Smith") or a
    # title ("Secretary Pompeo") is a surname; "the US Consul" has no name and i points at "US".
    role = " ".join(tokens[:i]).strip(" ,")
    if role.lower() in DETERMINERS or not role:
        return " ".join(name_tokens), None
    if role.split()[0].lower() in ("the", "a", "an") and len(name_tokens) == 1 and not any(
        t.lower() in TITLE_WORDS for t in tokens[1:i]
    ):
        return mention, None
    if role.split()[0].lower() in ("the", "a", "an"):
        role = " ".join(role.split()[1:])
    if role.lower().rstrip(".") in _COURTESY_TITLES:
        role = ""  # 'Ms. Rice': a courtesy title says nothing of what she does
    return " ".join(name_tokens), role or None


_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs"})


def is_anonymous(mention: str) -> bool:
    """Unnamed sources: 'a senior Iraqi official', 'other sources', 'officials'."""
    tokens = [t.lower().strip(",.") for t in mention.split()]
    for index, token in enumerate(tokens[1:], start=1):
        if token in PLACE_PREPOSITIONS:  # 'an official in Tehran': the head is 'official'
            tokens = tokens[:index]
            break
    if not tokens:
        return False
    head = tokens[-1]
    if head not in ANONYMOUS_HEADS:
        return False
    if tokens[0] in ANONYMOUS_DETERMINERS or len(tokens) == 1:
        return True
    # "senior administration officials", "Iraqi sources": no determiner, plural head.
    return head.endswith("s") and tokens[0] not in ("the", "his", "her", "their", "its")


@dataclass(frozen=True)
class CueFrame:
    """Statistics of one learned cue word form (core/data/cues.json, from PolNeAR train)."""

    precision: float  # share of its occurrences that are annotated cues
    rest: float  # share of its occurrences followed by annotated content to the sentence end
    subject_rest: float  # the same right after a name or subject pronoun (rest when rare)
    after: float  # share of contents that follow the cue ("X said [that …]")
    source_before: float  # share of sources written before the cue
    noun: float  # share of uses after a determiner ("his statement")
    complement: str | None  # usual word after the cue: that / to / about / for / :


MIN_SUBJECT_SEEN = 8  # fewer subject-position occurrences: too few to trust subject_rest


def _load_cue_frames() -> dict[str, CueFrame]:
    raw = orjson.loads(resources.files("core").joinpath("data", "cues.json").read_bytes())
    frames: dict[str, CueFrame] = {}
    for form, info in raw["cues"].items():
        sb = info.get("source_before")
        rest = float(info["rest"])
        subject_rest = info.get("subject_rest")
        if subject_rest is None or int(info.get("subject_seen", 0)) < MIN_SUBJECT_SEEN:
            subject_rest = rest  # too rare in subject position to measure there
        frames[form] = CueFrame(precision=float(info["precision"]), rest=rest,
                                subject_rest=float(subject_rest),
                                after=float(info["after"]),
                                source_before=1.0 if sb is None else float(sb),
                                noun=float(info["noun"]), complement=info.get("next"))
    return frames


# Learned cue forms, derived from PolNeAR train statistics (bench/derive_cues.py).
CUE_FRAMES: dict[str, CueFrame] = _load_cue_frames()
