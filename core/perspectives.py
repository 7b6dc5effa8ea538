"""Perspectives: map every speaker to a side (a government, an institution, analysts, the press).

Evidence for a speaker is gathered from everything the case says about them (name, aliases,
roles, the words that named them) and weighed:

1. a user registry (``--perspectives FILE``) overrides everything: its aliases are fuzzy-matched
   (rapidfuzz, word-aligned windows) against the speaker's names and roles;
2. a speaker that *is* a country, capital, state body, institution, outlet or think tank;
3. role words: analyst/think-tank words and press words win unless the speaker holds a current
   government role; otherwise countries and institutions found in the roles are scored by how
   they are used: nationality modifiers ('US Consul', 'a senior Iraqi official', "Iran's") and
   state bodies weigh most, 'in the UK' less, a place of posting ('in Basra', 'to the UN') least;
4. local officials ('the local governor') take the document's clearly dominant location, and
   so do national government roles with no country named ('Ports minister Silvio Costa');
5. union officers and strikers ('union leader Carla Mendes') go to unions & workers;
6. a former office-holder with no current role counts as a commentator (analysts), except a
   former head of state or government, minister or secretary of state: still a political actor,
   their party if the text names it, else unknown;
7. a speaker who talks in an official voice ('our Embassy', 'I have directed') takes the country
   they present as acting ('the United States will …');
8. a named person with no affiliation whose cue reads as commentary goes to analysts ('wrote on
   Instagram' is a channel, and quoted words are never the cue).
Otherwise the perspective stays unknown (None); the reason says why. Before 2–8, a current US
state office named with its state ('Nebraska Attorney General …', 'Gov. … of Texas') makes the
state's government the perspective ('Nebraska'), and after them a state-only office with no state
named ('the governor') takes the state whose offices the documents name (see `_state_decision`).

Narration (no speaker) goes to an author perspective per document outlet/author/file.
Claims and speakers are updated in place (copying 100k pydantic models costs more than the
whole mapping) and returned as lists.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from core.attribution_lexicon import FIRST_NAMES
from core.gazetteer import (
    ANALYSTS_ID,
    PRESS_ID,
    UNIONS_ID,
    US_STATE_PREFIX,
    Hit,
    Party,
    Target,
    UsState,
    fold_name,
    gazetteer,
    slugify,
)
from core.models import Claim, ClaimKind, Document, Perspective, Speaker

# The registry's public names, re-exported (they lived here before core.registry).
from core.registry import PerspectiveKind as PerspectiveKind
from core.registry import PerspectiveRegistry as PerspectiveRegistry
from core.registry import RegistryError as RegistryError
from core.registry import RegistryPerspective as RegistryPerspective
from core.registry import load_registry as load_registry


@dataclass(frozen=True, slots=True)
class _Alias:
    perspective: RegistryPerspective
    alias: str
    needle: str  # rapidfuzz-processed alias
    size: int  # number of words
    exact: re.Pattern[str] | None  # short aliases ('UN', 'PMF') match as whole words, case-sensitively


class _RegistryMatcher:
    """Word-aligned fuzzy matching of registry aliases inside speaker names and roles."""

    def __init__(self, registry: PerspectiveRegistry) -> None:
        self.threshold = registry.threshold
        self.aliases: list[_Alias] = []
        for persp in registry.perspectives:
            for alias in _unique([persp.label, *persp.aliases]):
                needle = " ".join(default_process(alias).split())
                if not needle:
                    continue
                exact = None
                if len(needle) < 4:
                    exact = re.compile(r"(?<!\w)" + re.escape(alias.strip()) + r"(?!\w)")
                self.aliases.append(_Alias(persp, alias, needle, len(needle.split()), exact))

    def match(self, texts: Iterable[str]) -> tuple[RegistryPerspective, str, str, float] | None:
        """The best (perspective, alias, text, score) at or above the threshold, or None."""
        best: tuple[RegistryPerspective, str, str, float] | None = None
        for text in texts:
            processed = " ".join(default_process(text).split())
            if not processed:
                continue
            words = processed.split()
            for al in self.aliases:
                score = self._score(al, text, processed, words)
                if score >= self.threshold and (best is None or score > best[3]):
                    best = (al.perspective, al.alias, text, score)
        return best

    def _score(self, al: _Alias, text: str, processed: str, words: list[str]) -> float:
        if al.exact is not None:
            return 100.0 if al.exact.search(text) else 0.0
        # one C call rules out most texts before the word-window loop
        if fuzz.partial_ratio(al.needle, processed) < self.threshold - 10:
            return 0.0
        best = 0.0
        for size in {max(1, al.size - 1), al.size, al.size + 1}:
            for i in range(max(1, len(words) - size + 1)):
                best = max(best, fuzz.ratio(al.needle, " ".join(words[i : i + size])))
        return best


# ---------------------------------------------------------------- word lists

_FLAGS = re.IGNORECASE
# Current office-holders: any of these plus an evident country makes a government perspective.
_GOV_STRONG = re.compile(
    r"\b(?:secretary[- ]general|minist(?:er|ers|ry|ries)|spokes(?:man|men|woman|women|person|people)|officials?|"
    r"ambassadors?|envoys?|consuls?(?:[- ]general)?|consulates?|embass(?:y|ies)|diplomats?|"
    r"governors?|lawmakers?|legislators?|senators?|congress(?:man|men|woman|women)|"
    r"parliament(?:arians?|ary)?|government|administration|authorities|cabinet|commanders?|"
    r"generals?|admirals?|mayors?|chancellor|prime minister|premier|crown prince|emir|regime|"
    r"secretary of state|foreign secretary|defen[cs]e secretary|press secretary|junta|"
    r"presidency|presidential (?:office|palace|spokes(?:man|woman|person)|aides?|secretary|officials?)|"
    r"elect(?:oral|ion)s?(?:\s+and\s+[a-z]+)?\s+(?:commission|board|council|authority)"
    # the commission itself or its people, not what it files ('Federal Election Commission filings')
    r"(?!\s+(?:filings?|data|records?|reports?|documents?|figures?|rules?|forms?|disclosures?)\b)|"
    r"president['’]s office|police|armed forces|state[- ](?:run )?(?:media|television|tv|news agency|broadcaster)|"
    r"prosecutors?(?:[- ]general)?|state advocates?)\b",
    _FLAGS,
)
# A state's agencies, counted as government roles only with their country written right with
# them ("Japan's fisheries agency", 'the China Coast Guard', "Turkey's central bank"), not
# where they sit ('a Paris-based agency'); a news, aid or credit agency is no state's, and an
# authority on a country is an expert.
_STATE_AGENCY = re.compile(
    r"\b(?:authority(?!\s+on\b)|regulators?|inspectorate|coast ?guard|central bank|"
    r"(?<!news )(?<!aid )(?<!relief )(?<!advertising )(?<!ad )(?<!talent )(?<!travel )(?<!rating )"
    r"(?<!ratings )(?<!credit )(?<!press )(?<!modeling )(?<!modelling )(?<!marketing )"
    r"(?<!employment )(?<!recruitment )(?<!insurance )(?<!dating )(?<!photo )(?<!literary )agency)\b",
    _FLAGS,
)
_GOV_MP = re.compile(r"\bMPs?\b")
# 'Sen. Chuck Schumer', 'Rep. Nancy Pelosi', 'Gov. …': titles that need a country, like 'senator'.
_ABBREVIATED_TITLE = re.compile(r"\b(?:Sen|Rep|Gov)\.(?=\s|$)")
# A US legislator's party and state after the name: 'Graham (R-S.C.)', 'Schumer, D-N.Y.'.
_US_PARTY_STATE = re.compile(r"(?:^|[\s(,]+)[RDI]-(?:[A-Z][a-z]*\.?){1,3}(?:\s[A-Z][a-z]+\.?)?(?=[),;\s]|$)")
# Outlets name their own country's officials without the country ('President Obama' in the New
# York Times), foreign ones with it ('Israeli Prime Minister Benjamin Netanyahu'). Home countries
# of outlets by web domain (their country-code domains are read too), and the titles that exist
# in the two countries whose outlets are listed: an unqualified title takes the outlet's country
# only if that country has such an office.
_OUTLET_HOMES = {
    "United States": (
        "nytimes.com washingtonpost.com foxnews.com huffingtonpost.com huffpost.com cnn.com "
        "wsj.com usatoday.com latimes.com nbcnews.com cbsnews.com abcnews.go.com npr.org "
        "politico.com thehill.com breitbart.com apnews.com bloomberg.com nypost.com "
        "washingtontimes.com newsweek.com time.com theatlantic.com vox.com msnbc.com "
        "dailycaller.com nationalreview.com motherjones.com slate.com salon.com axios.com "
        "chicagotribune.com bostonglobe.com csmonitor.com pbs.org").split(),
    "United Kingdom": (
        "bbc.co.uk bbc.com theguardian.com guardian.co.uk telegraph.co.uk independent.co.uk "
        "ft.com thetimes.co.uk dailymail.co.uk mirror.co.uk sky.com economist.com "
        "reuters.com").split(),
}
_COUNTRY_TLDS = {"uk": "United Kingdom", "ir": "Iran", "iq": "Iraq", "il": "Israel",
                 "ru": "Russia", "fr": "France", "de": "Germany", "tr": "Turkey",
                 "sa": "Saudi Arabia", "qa": "Qatar", "ae": "United Arab Emirates",
                 "cn": "China", "in": "India", "pk": "Pakistan", "ua": "Ukraine",
                 "sy": "Syria", "lb": "Lebanon", "eg": "Egypt", "jo": "Jordan",
                 "br": "Brazil", "ca": "Canada", "au": "Australia", "jp": "Japan"}
_HOME_TITLES = {
    # Federal offices only: campaign aides, spokespeople and 'officials' may be anyone's.
    "United States": re.compile(
        r"\b(?:(?i:president|vice[- ]president|secretary|senators?|"
        r"congress(?:man|men|woman|women)|speaker|national security advis[eo]r|press secretary|"
        r"attorney general|administration|white house|cabinet|lawmakers?)\b|Representatives?\b|"
        r"(?:Sen|Rep)\.)"),
    "United Kingdom": re.compile(
        r"\b(?:(?i:prime minister|minist(?:er|ers|ry)|secretary|chancellor|lords?|government|"
        r"cabinet)|MPs?)\b"),
}
# Cabinet titles of countries whose ministers are called secretaries ('Home Secretary', 'Treasury
# Secretary', 'Cabinet Secretary', 'Secretary of State for Business'): with no country named they
# take the documents' dominant country only if it is one of these.
_CABINET_SECRETARY = re.compile(
    r"\b(?:(?:Home|Foreign|Business|Health|Defen[cs]e|Culture|Education|Transport(?:ation)?|Justice|"
    r"Environment|Energy|Trade|Treasury|Commerce|Interior|Agriculture|Labou?r|Housing|Cabinet|"
    r"Northern Ireland|Scottish|Welsh|Work and Pensions|Homeland Security|Veterans Affairs|"
    r"Science|Levelling[- ]Up|Chief|Security|Public Security|Economy|Finance|Foreign Affairs|"
    r"Navy|Defense|Government|Welfare|Public Education) Secretary|Secretary of State for|"
    r"Chancellor of the Exchequer)\b")
# Titles only one country's government has: with no country named, they are that country's
# when the documents name it at all.
_COUNTRY_TITLES = (
    (re.compile(r"\bChief Cabinet Secretary\b"), "japan"),
    (re.compile(r"\b(?:Taoiseach|T[áa]naiste)\b"), "ireland"),
)
_EU_ID = "european-union"
# 'Budget Commissioner Piotr Serafin', 'the commissioner for competition' (not 'High
# Commissioner', 'Police Commissioner', 'Election Commissioner' …)
_EU_COMMISSIONER = re.compile(r"(?<![\w-])(?:(?P<w>[A-Z][\w'’]+)\s+)?(?:and\s+[A-Z][a-z]+\s+)?"
                              r"Commissioner\b|\bcommissioner\s+for\s+[a-z]")
_NOT_EU_COMMISSIONER = frozenset(
    "High Police Fire County City Insurance Election Electoral Information Privacy Parole Revenue "
    "Assistant Deputy Rural RFS Corrections Ombudsman Lands Land Children's Water Sheriff Tax "
    "Metropolitan Met Garda Prisons Border Immigration Customs Baseball League NFL NBA MLB".split())
# where a sentence starts: after its predecessor's end or a paragraph break
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])|\n\s*")
# a country's opposition: 'Opposition leader …', "Kenya's main opposition coalition", 'the leader
# of the opposition' (not 'opposition research', 'the opposition to the bill')
_OPPOSITION = re.compile(
    r"\b(?:(?:main|chief|leading|largest|biggest)\s+)?opposition\s+(?:leaders?|coalition|alliance|"
    r"party|parties|bloc|lawmakers?|legislators?|MPs?|deputies|senators?|figures?|politicians?|"
    r"spokes(?:man|woman|person)|chief|candidates?|members?|groups?|front)\b|"
    r"\bleader of the opposition\b", _FLAGS)
# the party named as the opposition party: 'the opposition party PAN', 'PAN, the main
# opposition party'
_OPPOSITION_PARTY = re.compile(
    r"\bopposition party\s+(?P<a>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})|"
    r"(?P<b>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}),\s+the\s+(?:main\s+|largest\s+)?"
    r"opposition party\b")
_COORDINATED = re.compile(r"(?:['’]s)?\s*(?:,|and\b|or\b|&)", _FLAGS)
_SENTENCE_OPENING = re.compile(r"[\s\"“‘']*(?:(?:The|In|On|At)\s+)?")
_COUNTRYISH = frozenset({"country", "demonym", "capital", "city", "body"})
_SECRETARY_COUNTRIES = frozenset({"united-states", "united-kingdom", "kenya", "philippines", "mexico"})
# National government roles: with no country named, they take the documents' dominant country.
_NATIONAL = re.compile(r"\b(?:minist(?:er|ers|ry|ries)|government|cabinet|prime minister|premier|"
                       r"presidency|prosecutors?(?:[- ]general)?|state advocates?|"
                       # 'the presidential office', 'a senior presidential official' (not 'President
                       # X', who may be a visiting head of state)
                       r"presidential (?:office|palace|spokes(?:man|woman|person)|aides?|secretary|officials?)|"
                       # 'the Independent Electoral and Boundaries Commission'
                       r"elect(?:oral|ion)s?(?:\s+and\s+[a-z]+)?\s+(?:commission|board|council|authority))\b"
                       r"(?!\s+(?:filings?|data|records?|reports?|documents?|figures?|rules?|forms?|disclosures?)\b)",
                       _FLAGS)
# National offices that are not 'government' words but need no country in a story about one:
# 'Sen. Bernie Sanders' (US Congress when the US dominates), 'Federal investigators said'.
_NATIONAL_OFFICE = re.compile(
    r"(?:\b(?:Sen|Rep)\.(?=\s)|\b(?i:senators?|congress(?:man|woman)|federal\s+(?:investigators|officials|"
    r"agents|authorities|prosecutors|regulators|police|judges?)))")
# Titles and domains that need a country to mean government ('president' of a think tank, too).
_GOV_NEUTRAL = re.compile(
    r"\b(?:president|vice[- ]president|secretary|director|chief|head|chairman|chairwoman|leader|"
    r"advis[eo]rs?|aides?|sources?|representatives?|officers?|negotiators?|delegation|deputy|"
    r"military|army|navy|air force|forces|troops|intelligence|security services|ministers|"
    r"king|queen|sultan|monarch)\b",
    _FLAGS,
)
# 'then the director of the C.I.A.' is the office held when the reported words were said or
# written: current for the story, not former.
_FORMER = re.compile(r"\b(?:former|formerly|ex|retired|onetime|one-time)\b[\s-]", _FLAGS)
_ANALYST = re.compile(
    r"\b(?:analysts?|(?:senior|visiting|research|non-?resident|distinguished|adjunct)\s+fellows?|"
    r"fellows?(?=\s+(?:at|with|of|in)\b)|professors?|prof\.|researchers?|experts?|scholars?|think[- ]tanks?|"
    r"academics?|lecturers?|economists?|commentators?|strategists?|historians?|"
    r"political scientists?|institute|university|college|school of|cent(?:er|re) for|"
    r"research director|director of research|(?-i:pollsters?|polling (?:firm|company|institute|agency|group)))\b",
    _FLAGS,
)
_PRESS = re.compile(
    r"\b(?:reporters?|correspondents?|journalists?|editors?|columnists?|newspapers?|"
    r"news agency|broadcasters?|anchor|bureau chief|staff writer|bloggers?|newsroom|"
    r"(?<!state )(?<!state-run )(?<!social )media)\b",
    _FLAGS,
)
_LOCAL = re.compile(
    r"\b(?:(?:local|provincial|municipal|district|city|town|village|tribal)\s+(?:\w+\s+){0,2}?"
    r"(?:officials?|authorit(?:y|ies)|governors?|police|council|leaders?|administrators?|"
    r"government|chiefs?|elders?|sheikhs?|officers?)|governors?|mayors?|police chief|police|"
    r"governorate|provincial council)\b",
    _FLAGS,
)
# Verbs of commentary in the attribution ('Pregent notes'); verbs of opinion ('thinks',
# 'believes') and what the claim itself says ('I think', 'a mistake') make no one an analyst: a
# governor's son who says "I think" is a private person.
_COMMENTARY_CUE = re.compile(
    r"\b(?:notes?|noted|argues?|argued|writes?|wrote|written|contends?|"
    r"contended|observes?|observed|explains?|explained|suggests?|suggested|"
    r"comments?|commented|analy[sz]es|analy[sz]ed|predicts?|predicted|cautions?|"
    r"cautioned|posits?|posited|points? out|pointed out|interview)\b",
    _FLAGS,
)
# 'wrote on Instagram', 'wrote in a statement': a channel, no commentary
_CHANNEL_AFTER = re.compile(
    r"\s+(?:on|in|to|via)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w-]+\s+)?"
    r"(?:Instagram|Twitter|X|Facebook|TikTok|Telegram|Weibo|WeChat|Threads|Bluesky|YouTube|LinkedIn|"
    r"social media|statement|letter|post|posting|message|tweet|e-?mail|text|note|filing|"
    r"court (?:papers|documents|filing))\b")
# quoted words inside a frame are the speaker's own ('"… as he notes," he said'), no cue
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# A former head of state or government, minister or monarch is still a political actor, no
# commentator ('Former prime minister Édouard Philippe said …'); other former officials
# (ambassadors, officers, intelligence chiefs) comment from outside and count as analysts.
_FORMER_POLITICAL = re.compile(
    r"^(?:prime minister|premier|chancellor|minist(?:er|ers|ry|ries)|secretary of state|"
    r"foreign secretary|defen[cs]e secretary|crown prince|emir|cabinet|presidency|government|"
    r"administration|regime|junta)$", _FLAGS)
# an unnamed ministry's voice ('a ministry spokeswoman', 'the ministry's spokesman')
_UNNAMED_MINISTRY = re.compile(r"(?:a|an|the)\s+ministry(?:['’]s)?\s+(?:spokes(?:man|woman|person)|"
                               r"official|source|statement)", _FLAGS)
# a country's minister or ministry: "Germany's digital minister", 'the French foreign ministry'
_MINISTRY_AFTER = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){0,3}\s+minist(?:er|ry)\b", _FLAGS)
_OFFICIAL_VOICE = re.compile(
    r"\b(?:our (?:embassy|embassies|consulate|consulates|consulate general|diplomats|diplomatic|"
    r"personnel|troops|forces|government|citizens|facilities|staff|mission|ambassador)|"
    r"I have (?:directed|ordered|instructed|authori[sz]ed|approved))\b",
    _FLAGS,
)
# '<country> will/has …' as the actor of a statement; passives ('Iran will be held responsible')
# and demands ('Iran must stop') name the target, not the side speaking
_SUBJECT_VERB = re.compile(
    r"\s+(?:(?:will|would|has|have|had|shall|won't|does|did)\b(?!\s+(?:be|been|being|face|pay)\b)|"
    r"(?:stands?|remains?|intends?|plans?|condemns?|rejects?|supports?|regrets?|warns?|warned)\b)",
    _FLAGS,
)
# Words that may directly precede or follow a place name inside a title ('US Consul',
# 'northern Iraq'); any other capitalised neighbour suggests a person ('Jordan Peterson').
_TITLE_WORDS = frozenset(
    "the a an of in at to from for and or by with on said says told both but while as when if "
    "after before across inside near toward towards all many some most this that these those "
    "north south east west northern southern eastern western central greater upper lower mainland "
    "occupied rural downtown federal foreign interior defense defence state national security "
    "council supreme leader parliament senate house navy air force forces police military army "
    "official officials spokesman spokeswoman spokesperson envoy mission delegation "
    "representative general chief head secretary deputy revolutionary guard guards central bank "
    "news agency ministry minister ministers president prime embassy consulate consul "
    "ambassador government cabinet administration authorities provincial governor mayor "
    "intelligence special senior top former acting presidential royal islamic republic "
    "department office affairs trade finance justice energy oil health arab kurdish muslim "
    "coast agency authority fisheries maritime aviation "
    "christian jewish sunni shia shiite republican republicans democratic democrat democrats "
    "conservative liberal labour socialist communist opposition ethnic king queen emir sultan "
    "prince crown republic kingdom people state states consuls ambassadors presidents "
    "ministers governments embassies parliaments"
    .split()
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|de|del|della|van|von|der|da|di|du|la|le)(?:-\w+)?)$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", _FLAGS)
_STANCE_PREFIX = re.compile(r"(?:\b(?:pro|anti|non)-)$", _FLAGS)
_STANCE_SUFFIX = re.compile(
    r"^-(?:backed|aligned|allied|linked|affiliated|sponsored|funded|supported|leaning|friendly|"
    r"led|controlled|held|influenced|trained|armed)\b",
    _FLAGS,
)

# Who speaks for the body named after 'for' ('spokesman for the DNC').
_SERVES = re.compile(r"\b(?:spokes(?:man|woman|person)|aide|adviser|advisor|lawyer|attorney|"
                     r"counsel|director|chairman|chairwoman|strategist)\s+for\s+(?:the\s+)?$",
                     _FLAGS)
# Evidence weights by gazetteer category and how the term is used in the phrase.
_WEIGHTS: dict[str, dict[str, float]] = {
    "country": {"modifier": 5, "possessive": 5, "of": 5, "from": 4, "location": 3, "destination": 1.5,
                "topic": 0.5, "bare": 2},
    "capital": {"modifier": 3, "possessive": 3, "of": 2, "from": 2, "location": 2, "destination": 1,
                "topic": 0.5, "bare": 2},
    "city": {"modifier": 2, "possessive": 2, "of": 2, "from": 1.5, "location": 1, "destination": 0.5,
             "topic": 0.5, "bare": 1},
}
_CONTEXT_WORDS = {
    "in": "location", "at": "location", "inside": "location", "near": "location",
    "across": "location", "around": "location", "outside": "location", "throughout": "location",
    "within": "location", "to": "destination", "toward": "destination", "towards": "destination",
    "for": "destination", "on": "topic", "about": "topic", "over": "topic", "against": "topic", "of": "of", "from": "from",
}
# Organised labour: a union named as such, its officers, strikers ('European Union' is no union:
# 'union' alone does not count).
# workers whose own bodies are unions ('Pilots Association', 'Teachers' Federation'), capitalised
_WORKERS = (r"(?:Pilots|Teachers|Nurses|Workers|Employees|Journalists|Editors|Mineworkers|Miners|"
            r"Dockworkers|Firefighters|Fire Fighters|Machinists|Steelworkers|Teamsters|Postal Workers|"
            r"Flight Attendants|Air Traffic Controllers|Railway Workers|Transport Workers|Physicians|"
            r"Doctors|Professors|Writers|Actors|Musicians|Farmworkers)")
_UNION_KIND = r"(?:trade|labou?r|workers['’]?|teachers['’]?|dockworkers['’]?|miners['’]?|nurses['’]?)"
_UNION = re.compile(
    rf"\b(?:(?:{_UNION_KIND}\s+)?unions?(?:['’]s)?\s+(?:leaders?|president|chief|head|boss|officials?|"
    r"representatives?|spokes(?:man|woman|person)|organi[sz]ers?|members?)|"
    rf"{_UNION_KIND}\s+unions?|labou?r leaders?|shop stewards?|strikers|strike leaders?|"
    # a named union: 'the Texas State Employees Union', 'the Teamsters', 'the AFL-CIO'
    r"(?:employees|workers|teachers|nurses|laborers|machinists|steelworkers)['’]?\s+"
    r"(?:international\s+)?union|teamsters|AFL-CIO|SEIU|"
    # 'the National Union of Press Editors', 'the Elementary Teachers' Federation of Ontario',
    # 'the Air Line Pilots Association' (no 'Union of Concerned Scientists', 'African Union')
    r"(?-i:(?:National|General|Trades?|Workers['’]?)\s+Union\s+of|Union\s+of\s+" + _WORKERS + r")|"
    r"(?-i:" + _WORKERS + r"['’]?\s+(?:[A-Z][a-z]+\s+)?(?:Union|Federation|Association|Guild|Brotherhood)))\b",
    _FLAGS,
)
_ANY_ROLE_WORD = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_GOV_STRONG, _GOV_MP, _GOV_NEUTRAL, _ANALYST, _PRESS, _LOCAL,
                                         _UNION, _STATE_AGENCY)),
    _FLAGS,
)
# case-sensitive: 'a foreign diplomat', not the 'Foreign Office'
_FOREIGN_MARKER = re.compile(r"\b(?:[Ww]estern|foreign|international|expatriate)\b")
_RELATIVE_CLAUSE = re.compile(r",?\s+(?:which|whose|where)\s", _FLAGS)
_CURRENT = re.compile(r"\b(?:current|currently|serving|sitting|incumbent|now)\b", _FLAGS)
_STUDENT = re.compile(r"\b(?:students?|alumn\w*|undergraduates?|graduates?|pupils?)\b", _FLAGS)
_CLAUSE_BREAK = re.compile(r"[,;:()]")
_ADDRESSEE = re.compile(
    r"\b(?:told|tells|telling|tell|briefed|briefing|addressed|addressing|said to|speaking to|spoke to|"
    r"speaking with|spoke with|wrote to)\s+(?:(?:the|a|an|some|foreign|local|visiting|gathered)\s+)*"
    r"(?:reporters|journalists|the press|press|media|newspapers?|correspondents)\b", _FLAGS)
_POSSESSIVE_END = re.compile(r"['’]s$")
_COUNTRY_POSTING = re.compile(r"\s+country\s+(?:director|representative|manager|head|chief|office|"
                              r"coordinator|programme|program)\b", _FLAGS)
_BASED = re.compile(r"-based\b", _FLAGS)
_FOLLOWED_BY_WORD = re.compile(r"[\s-]+[A-Za-z]")
_FOLLOWED_BY_FUNCTION_WORD = re.compile(r"\s+(?:and|or|but|to|in|on|at|of|for|is|was|said|says)\b", _FLAGS)
_PLACE_CATEGORIES = frozenset({"country", "capital", "city"})
_WHERE_ONLY = frozenset({"location", "destination", "topic"})
_NAME_LIKE = frozenset({"country", "capital", "city", "demonym", "outlet", "think_tank", "pollster"})
_OFFICIAL_CATEGORIES = frozenset({"body", "media", "institution"})
_MIN_PLACE_WEIGHT = 2.0  # a place of posting alone ('chief in Benghazi', 'adviser on Syria') is too weak
_LOCATION_SHARE = 2.0  # the dominant location must have at least twice the runner-up's weight
_LOCATION_MIN = 3.0
_PLACE_MENTION_WEIGHTS = {"city": 1.0, "capital": 0.5}
_COUNTRY_MENTION_WEIGHTS = {"country": 1.0, "demonym": 1.0, "city": 1.0, "capital": 1.0}


# ---------------------------------------------------------------- evidence in one text


@dataclass(slots=True)
class _Evidence:
    target: str
    weight: float
    description: str
    source: str
    ctx: str = ""  # how the term is used (see `_context`)


@dataclass(slots=True)
class _TextFacts:
    """What one name or role string says about affiliation."""

    places: list[_Evidence] = field(default_factory=list)
    official: list[str] = field(default_factory=list)  # body/media/institution terms (current)
    gov: list[str] = field(default_factory=list)
    former: list[str] = field(default_factory=list)
    neutral: list[str] = field(default_factory=list)
    analyst: list[str] = field(default_factory=list)
    press: list[str] = field(default_factory=list)
    local: list[str] = field(default_factory=list)
    union: list[str] = field(default_factory=list)


def _is_former(text: str, start: int) -> bool:
    """True when the office at `start` is qualified as past ('a former top US official')."""
    clause = _CLAUSE_BREAK.split(text[max(0, start - 60) : start])[-1]
    return _FORMER.search(clause) is not None and _CURRENT.search(clause) is None


# Capitalised opening words that count or determine, no part of a name ('Two Philippine
# officials', 'Several Egyptian diplomats').
_COUNT_WORDS = frozenset("""two three four five six seven eight nine ten a an the one several many
    some both all most few other another dozens hundreds thousands senior top""".split())


def _context(text: str, hit: Hit) -> str:
    """How a place term is used: modifier, possessive, of, from, location, destination, bare;
    'skip' for stances ('anti-US', 'Iran-backed') and person names ('Jordan Peterson')."""
    # bounded windows: hits in long claim texts must not rescan the whole text
    before, after = text[max(0, hit.start - 40) : hit.start], text[hit.end : hit.end + 40]
    if (before[-1:] == "-" and _STANCE_PREFIX.search(before)) or (after[:1] == "-" and _STANCE_SUFFIX.match(after)):
        return "skip"
    prev_words = before.split()[-3:] if before[-1:].isspace() else []
    next_words = after.split(None, 1)[:1] if after[:1].isspace() else []
    category = hit.entry.category
    if category in _NAME_LIKE and " " not in hit.text and not any(c.isupper() for c in hit.text[1:]):
        # a title-case word next to a capitalised non-title word reads as part of a person's
        # name: 'Jordan Peterson', 'Denzel Washington', 'Mark Cuban', 'Michael Bloomberg'
        around = prev_words[-1:] if category in ("demonym", "outlet", "think_tank", "pollster") else prev_words[-1:] + next_words
        for word in around:
            word = word.strip(".,;:!?\"'“”()[]")
            if (word[:1].isupper() and word.lower() not in _TITLE_WORDS
                    and word.lower() not in _COUNT_WORDS and gazetteer().lookup(word) is None):
                return "skip"
    if after.startswith(("'s", "’s")):
        return "possessive"
    if _COUNTRY_POSTING.match(after):
        return "location"  # "the group's Sudan country director" works there, for the group
    if category == "country" and _GOV_STRONG.match(after.lstrip()) and after[:1].isspace():
        return "modifier"  # 'for the US Embassy': the country's own body, whatever precedes
    if prev_words and prev_words[-1].lower() == "the":
        prev_words = prev_words[:-1]
    if (category in _PLACE_CATEGORIES and len(prev_words) >= 2 and prev_words[-1] == "of"
            and prev_words[-2][:1].isupper()
            and prev_words[-2].strip(".,;:").lower() not in _TITLE_WORDS):
        return "skip"  # part of an organisation's name: 'Bank of America', 'Church of England'
    if prev_words and prev_words[-1].lower() in _CONTEXT_WORDS:
        return _CONTEXT_WORDS[prev_words[-1].lower()]
    if _BASED.match(after):
        return "location"
    if _FOLLOWED_BY_WORD.match(after) and not _FOLLOWED_BY_FUNCTION_WORD.match(after):
        return "modifier"
    return "bare"


# 'for/of/at/with' and the capitalised name of whom a role serves ('spokesman for the Harbor
# Coalition', 'an official at Goldman Sachs').
_SERVED_BODY = re.compile(
    r"\s+(?:for|of|at|with)\s+(?:the\s+)?((?:[A-Z][\w’'&.-]*)(?:\s+(?:[A-Z][\w’'&.-]*|of|and|for|the|&))*)")


_LOWER_WORD_AFTER = re.compile(r"\s+(?!(?:in|at|on|of|and|or|but|to|for|with|from|by|as|who|which|that|"
                               r"when|while|where|whose|said|says|told|tells|is|was|has|had|will|would)\b)[a-z]")


def _serves_private_body(text: str, end: int) -> bool:
    """Whether the role word ending at `end` is followed by the name of a body that is no
    state (nothing in it is a country, capital, state body or government word): a spokesman
    for a coalition, a company or a campaign speaks for it, not for a government."""
    m = _SERVED_BODY.match(text, end)
    if m is None or _LOWER_WORD_AFTER.match(text, m.end()):
        return False  # 'the ministry for European affairs': an adjective, no body's name
    body = m.group(1)
    if _GOV_STRONG.search(body) or _GOV_NEUTRAL.search(body):
        return False
    return not any(hit.entry.target is not None and hit.entry.category not in ("outlet", "think_tank")
                   for hit in gazetteer().scan(body))


_COMPANY_NAME = re.compile(r"(?:\s+[A-Z][\w&'’.-]*){0,3}\s+(?:Inc|Corp|Corporation|Ltd|LLC|plc|PLC|"
                           r"Airlines|Airways)\b|(?:\s+[A-Z][\w&'’.-]*){1,3}\s+(?:Co|Company|"
                           r"Holdings)\b")
# the role of a country's representative to an international body, after the body's name
_POSTED = re.compile(r"\s+(?:(?:deputy|permanent|special|acting)\s+)?(?:ambassadors?|envoys?|"
                     r"representatives?|mission|delegations?|delegates?)\b", _FLAGS)


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping (start, end) spans joined, in order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_facts(text: str) -> _TextFacts:
    """Affiliation evidence in one name or role ('US Consul in Basra')."""
    g = gazetteer()
    facts = _TextFacts()
    # a relative clause describes something else ('director at FireEye, which traced Russian …')
    text = _RELATIVE_CLAUSE.split(text, maxsplit=1)[0]
    # whom they spoke to is not who they are ('told reporters', 'said in a Reuters interview')
    text = _ADDRESSEE.sub(" ", text)
    shown = _quote(text)
    for hit in g.scan(text):
        entry = hit.entry
        if entry.target is None:
            continue
        ctx = _context(text, hit)
        if ctx == "skip" or _COMPANY_NAME.match(text, hit.end):
            continue  # 'American Media Inc.', 'British Airways' name a company, not a state
        if ctx == "location" and _FOREIGN_MARKER.search(text):
            continue  # 'a Western diplomat in Baghdad' is posted there, not from there
        former = _is_former(text, hit.start)
        cat = entry.category
        if cat == "think_tank":
            facts.analyst.append(f"think tank '{hit.text}'")
        elif cat == "pollster":
            facts.analyst.append(f"pollster '{hit.text}'")
        elif cat == "outlet":
            facts.press.append(f"outlet '{hit.text}'")
        elif cat == "demonym":
            facts.places.append(_Evidence(entry.target, 5, f"demonym '{hit.text}'", shown, ctx))
        elif cat in _OFFICIAL_CATEGORIES:
            what = {"body": "state body", "media": "state media", "institution": "institution"}[cat]
            if former:
                facts.former.append(f"{what} '{hit.text}'")
                continue
            label = g.label(entry.target)
            weight = 4.0
            if cat == "institution":
                # 'UN envoy' is the UN; 'ambassador to the UN' is only posted there; a
                # 'spokesman for the Democratic National Committee' speaks for it
                serving = ctx == "destination" and _SERVES.search(text, 0, hit.start)
                weight = _WEIGHTS["country"]["of" if serving else ctx]
            if cat == "institution" and weight >= 4 and _POSTED.match(text, hit.end) and any(
                    ev.weight >= 4 and g.targets[ev.target].kind == "government"
                    for ev in facts.places):
                # "Britain's U.N. ambassador", "Russia's deputy U.N. envoy": a country's
                # representative posted to the body speaks for the country
                facts.places.append(_Evidence(entry.target, _WEIGHTS["country"]["destination"],
                                              f"{what} '{hit.text}' ({label}, posted to)", shown,
                                              "destination"))
                continue
            facts.places.append(_Evidence(entry.target, weight, f"{what} '{hit.text}' ({label})",
                                          shown, ctx))
            if weight >= 4:
                facts.official.append(hit.text)
        else:
            weight = _WEIGHTS[cat if cat in _WEIGHTS else "country"][ctx]
            kind = {"capital": "capital", "city": "place"}.get(cat, "country")
            facts.places.append(_Evidence(entry.target, weight, f"{kind} '{hit.text}' ({ctx})",
                                          shown, ctx))
    if _ANY_ROLE_WORD.search(text) is None and _ABBREVIATED_TITLE.search(text) is None:
        return facts  # most names hold no role word: one pass, not six
    unions = [m.span() for m in _UNION.finditer(text)]
    for m in _GOV_STRONG.finditer(text):
        if any(a <= m.start() < b for a, b in unions):  # 'union official' is no state official
            continue
        if _serves_private_body(text, m.end()):
            continue  # 'spokeswoman for the Harbor Investment Coalition' speaks for it
        (facts.former if _is_former(text, m.start()) else facts.gov).append(m.group())
    for m in _GOV_MP.finditer(text):
        (facts.former if _is_former(text, m.start()) else facts.gov).append(m.group())
    if any(ev.weight >= 4 and ev.ctx in ("modifier", "possessive") for ev in facts.places):
        for m in _STATE_AGENCY.finditer(text):
            if not _serves_private_body(text, m.end()):
                (facts.former if _is_former(text, m.start()) else facts.gov).append(m.group())
    facts.neutral.extend(m.group() for m in _GOV_NEUTRAL.finditer(text))
    facts.neutral.extend(m.group() for m in _ABBREVIATED_TITLE.finditer(text))
    if _STUDENT.search(text) is None:  # a student at a university is no expert
        facts.analyst.extend(f"'{m.group()}'" for m in _ANALYST.finditer(text))
    facts.press.extend(f"'{m.group()}'" for m in _PRESS.finditer(text))
    facts.local.extend(m.group() for m in _LOCAL.finditer(text))
    facts.union.extend(f"'{text[a:b]}'" for a, b in unions)
    return facts


# ---------------------------------------------------------------- speaker profiles


@dataclass(slots=True)
class _Profile:
    """Everything the case says about one speaker."""

    name: str
    texts: list[str]  # name, aliases, roles, mentions (unique, in order)
    anonymous: bool
    claims: list[Claim] = field(default_factory=list)


@dataclass(slots=True)
class _Decision:
    target: str | None
    reason: str
    # Decided from how the speaker talks ('wrote', 'comments'), not who they are: how the
    # documents introduce the person may still say more ('Petraeus, then the director of …').
    weak: bool = False


_PRONOUNS = frozenset("he she they it we i you him her them his its their us".split())


def _unique(items: Iterable[str | None]) -> list[str]:
    """Non-empty items, first spelling of each (case-insensitive), in order; bare pronouns
    ('he', 'they') carry no evidence and are dropped."""
    seen: dict[str, str] = {}
    for item in items:
        if item and item.strip():
            key = item.casefold()
            if key.strip() not in _PRONOUNS:
                seen.setdefault(key, item)
    return list(seen.values())


def _describe(evidence: list[_Evidence]) -> str:
    """'demonym 'Iraqi' in 'a senior Iraqi official'': the two strongest items and their sources."""
    evs = sorted(evidence, key=lambda e: -e.weight)
    items = _unique(e.description for e in evs)[:2]
    sources = _unique(e.source for e in evs if e.description in items)[:2]
    return ", ".join(items) + " in " + " / ".join(f"'{src}'" for src in sources)


def _bare_name(name: str) -> str:
    name = name.strip().strip("\"'“”‘’[](){}.,:;").strip()
    name = _LEADING_ARTICLE.sub("", name)
    return _POSSESSIVE_END.sub("", name)


def _identity(profile: _Profile) -> _Decision | None:
    """A speaker that is itself a country, capital, body, institution, outlet or think tank."""
    g = gazetteer()
    words = _bare_name(profile.name).split()
    # a person's name ('Lucas Lima'): two or three capitalised words, none a gazetteer name
    surname = words[-1] if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and \
        g.lookup(" ".join(words)) is None else None
    for text in profile.texts:
        if surname is not None and _bare_name(text) == surname and \
                _bare_name(profile.name) != surname:
            continue  # 'Lima said' for Lucas Lima: his surname, not Peru's capital
        entry = g.lookup(_bare_name(text))
        if entry is None or entry.target is None or entry.category == "city":
            continue
        label = g.label(entry.target)
        cat = entry.category
        if cat == "country":
            kind = "country" if g.targets[entry.target].kind == "government" else "body"
            why = f"speaker is the {kind} '{text}'" + ("" if entry.term == label else f" ({label})")
        elif cat == "capital":
            why = f"speaker is '{text}', the capital of {label} (metonym)"
        elif cat == "demonym":
            why = f"speaker is '{text}', the people of {label}"
        elif cat == "body":
            why = f"speaker '{text}' is a state body of {label}"
        elif cat == "media":
            why = f"speaker '{text}' is state media of {label}"
        elif cat == "institution":
            why = f"speaker is '{text}' ({label})"
        elif cat == "think_tank":
            why = f"speaker '{text}' is a think tank"
        elif cat == "pollster":
            why = f"speaker '{text}' is a pollster (analysts)"
        else:
            why = f"speaker '{text}' is a news outlet"
        return _Decision(entry.target, why)
    return None


def _looks_like_person(profile: _Profile) -> bool:
    for text in [profile.name, *profile.texts]:
        tokens = _bare_name(text).split()
        if (2 <= len(tokens) <= 5 and tokens[0][:1].isupper()
                and all(_NAME_TOKEN.match(t) for t in tokens)
                and not any(t.lower() in _TITLE_WORDS for t in tokens)):
            return True
    return False


# Up to this many documents, a person is also looked up in the articles they do not speak in
# (those of at most DESCRIBE_MAX_CHARS). In the articles they speak in, the text read is the
# stretch before and around each of their first claims: a person is introduced near their words,
# and a 50 MB document is not rescanned for every speaker.
DESCRIBE_ACROSS_DOCUMENTS = 50
DESCRIBE_MAX_CHARS = 200_000
DESCRIBE_BEFORE, DESCRIBE_AFTER, DESCRIBE_CLAIMS = 4000, 400, 20


def _around(claims: Sequence[Claim], docs: dict[str, Document]) -> list[str]:
    """The text before and around a speaker's first claims, each stretch once."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for c in claims[:DESCRIBE_CLAIMS]:
        spans[c.document].append((max(0, c.start - DESCRIBE_BEFORE), c.end + DESCRIBE_AFTER))
    out: list[str] = []
    for doc_id, pieces in spans.items():
        doc = docs.get(doc_id)
        if doc is None:
            continue
        pieces.sort()
        merged = [list(pieces[0])]
        for a, b in pieces[1:]:
            if a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        out.extend(doc.text[a:b] for a, b in merged)
    return out
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+")
_PREMODIFIER_LOWER = frozenset(
    "national security press foreign defense defence deputy chief senior top former acting "
    "prime minister secretary adviser advisor spokesman spokeswoman spokesperson of state "
    "white house majority minority leader whip general attorney vice".split())
_TITLE_ABBREVIATIONS = frozenset("Mr. Mrs. Ms. Dr. Sen. Rep. Gov. Gen. Lt. Col. Sgt. Adm. Capt. "
                                  "Maj. Cmdr. St. Jr. Sr. Prof. Rev. Hon.".split())
_HEADS_CLAUSE = re.compile(r"who\s+(?:heads|head|leads|lead|runs|directs|chairs)\s+(the\s+.+)")
# no apposition but a clause: 'ban Trump, Salceda cited a memorandum issued by …'
_CLAUSE_AFTER = re.compile(r"[A-Z][\w'’.-]*\s+(?:[a-z]+ed|said|says|told|tells|cites|cite|wrote|writes|"
                           r"added|adds|argues|notes|says)\b")
_RELATIVE_START = re.compile(r"(?:who|whom|whose|which|that|where|when)\b", _FLAGS)
# 'the president of the National Organization for Women', 'Chick-fil-A president Dan Cathy':
# an organisation's officer, whatever the outlet's country.
_ORGANISATION_OFFICER = re.compile(
    r"\b(?i:president|chairman|chairwoman|chief executive|ceo|director)\s+of\s+(?!the United States)"
    r"|(?:^|\s)[A-Z][\w&.'’-]*\s+(?:president|chairman|chairwoman|CEO|chief executive)\b")
_SHARED_STATE = re.compile(
    r"(?<![\w-])(?P<s>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:state\s+)?(?:lawmakers|legislators|"
    r"legislature|officials|Republicans|Democrats)\s+and\s+(?:Gov\.|Governor)(?:\s+[A-Z][\w.'’-]*){0,3}\s+$")
# 'of the far-right National Rally', 'of the centre-right Horizons party' after a name
_OF_PARTY = re.compile(r"\s+of\s+((?:the\s+)?(?:[a-z][\w-]*\s+){0,3}(?:[A-Z][\w'’-]*\s*){1,4}?(?:\s*party)?)"
                       r"(?=\s*[,.;(]|\s+[a-z]|$)")
_PREMODIFIER_STOP = frozenset("The A An But And Or So Yet As If When While After Before".split())


def _surname(name: str) -> str | None:
    """The last word of a person's name ('Mr. Netanyahu' → 'Netanyahu'), None if not a name."""
    words = _HONORIFIC.sub("", _bare_name(name)).split()
    if not words or not _NAME_TOKEN.match(words[-1]) or words[-1].lower() in _TITLE_WORDS:
        return None
    last = words[-1].rstrip(".,")
    return last if len(last) >= 3 and last[:1].isupper() else None


def name_descriptors(name: str, texts: Iterable[str], limit: int = 12,
                     first: str | None = None) -> list[str]:
    """How the documents introduce a person, read around each mention of their surname: the
    title words right before it ('Israeli Prime Minister Benjamin Netanyahu', 'President Barack
    Obama', 'national security adviser Susan Rice'), an apposition right after it ('Rice,
    President Obama's national security adviser,') and a US party-state marker ('Graham
    (R-S.C.)'). With `first` (a surname two people share: Asa and Seth Hutchinson), only
    mentions with that first name count ('Seth Hutchinson, 31, an organizer for …')."""
    surname = _surname(name)
    if surname is None:
        return []
    pattern = re.compile(rf"\b{re.escape(surname)}\b")
    out: list[str] = []
    for text in texts:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 80):m.start()].split()
            if first is not None and (not before or before[-1].strip("\"“”‘’'") != first):
                continue
            run: list[str] = []
            for word in reversed(before):
                bare = word.strip("\"“”‘’'")
                if not bare or bare[-1] in ",;:()!?" or (
                        bare.endswith(".") and len(bare) > 2 and bare not in _TITLE_ABBREVIATIONS):
                    break  # another clause, or the end of the sentence before ('… Obama. Mr.')
                if not (bare[:1].isupper() or bare.lower() in _PREMODIFIER_LOWER):
                    break
                run.append(bare)
                if len(run) >= 6:
                    break
            while run and run[-1] in _PREMODIFIER_STOP:
                run.pop()
            rest = before[: len(before) - len(run)][-3:] if run else []
            former = next((i for i, w in enumerate(rest) if _FORMER.match(w + " ")), None)
            if former is not None and all(w.islower() for w in rest[former:]):
                # 'former transport minister Sibusiso Ndlovu': the office was held before
                run.append("former")
            if run:
                out.append(" ".join(reversed(run)) + " " + surname)
                if run[-1] in ("Gov.", "Governor"):
                    # 'Indiana lawmakers and Gov. Mike Pence': the state of both
                    shared_state = _SHARED_STATE.search(text, max(0, m.start() - 140), m.start())
                    if shared_state is not None:
                        state = _state_rule().name.fullmatch(shared_state.group("s"))
                        if state is not None:
                            out.append(f"{state.group()} " + " ".join(reversed(run)) + " " + surname)
            after = text[m.end():m.end() + 90]
            party = _US_PARTY_STATE.match(after)
            if party:
                out.append(surname + after[:party.end()])
            elif (member := _OF_PARTY.match(after)) is not None and \
                    _party_rule().membership.fullmatch(member.group(1).strip()):
                # 'Jordan Bardella of the far-right National Rally (RN)'
                out.append(member.group(1).strip())
            elif after.startswith(", "):
                # 'Petraeus, then the director of the C.I.A., and …': a sentence ends at a full
                # stop before a space, not at the dots of an abbreviation
                parts = after[2:].split(",")
                if len(parts) > 1 and re.fullmatch(r"\d{1,3}", parts[0].strip()):
                    parts = parts[1:]  # an age first: 'Seth Hutchinson, 31, an organizer for …'
                apposition = re.split(r"\.\s", parts[0])[0].strip()
                heads = _HEADS_CLAUSE.match(apposition)
                if heads is not None:
                    # 'Clemens Fuest, who heads the Ifo Institute in Munich,': its head
                    apposition = "head of " + heads.group(1)
                if apposition and len(apposition) < 80 and _ANY_ROLE_WORD.search(apposition) \
                        and not _RELATIVE_START.match(apposition) and not _CLAUSE_AFTER.match(apposition):
                    out.append(surname + ", " + apposition)
            if len(out) >= limit:
                return _unique(out)
    return _unique(out)


def url_host(url: str | None) -> str:
    """The site of a web address, without 'www.'/'mobile.' ('https://mobile.nytimes.com/x' →
    'nytimes.com'); '' when there is none."""
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0].split(":")[0]
    return re.sub(r"^(?:www|mobile)\.", "", host)


def outlet_home(document: Document) -> str | None:
    """The country of a document's outlet, from its web address (None when unknown)."""
    host = url_host(document.url)
    if not host:
        return None
    for country, domains in _OUTLET_HOMES.items():
        if any(host == d or host.endswith("." + d) for d in domains):
            return country
    return _COUNTRY_TLDS.get(host.rsplit(".", 1)[-1])


class _Assigner:
    """Per-call state: caches by text, speaker and document."""

    def __init__(self, documents: Sequence[Document], registry: PerspectiveRegistry | None) -> None:
        self.docs = {d.id: d for d in documents}
        self.matcher = _RegistryMatcher(registry) if registry and registry.perspectives else None
        self.registry = registry
        self._facts: dict[str, _TextFacts] = {}
        self._states: dict[tuple[str, bool], tuple[UsState, str] | None] = {}
        self._state_offices: dict[str, Counter[str]] = {}
        self._mentions: dict[tuple[str, bool], dict[tuple[str, str], float]] = {}
        self._acronyms: dict[str, dict[str, str]] = {}
        self._hits: dict[str, list[Hit]] = {}
        self._endings: dict[str, dict[str, tuple[str, str]]] = {}
        self._introduced: dict[tuple[str, str], list[str]] = {}
        # perspectives found in the text, not listed: a country's opposition, a named party
        self.extra_targets: dict[str, Target] = {}

    def acronyms(self, claims: Sequence[Claim]) -> dict[str, str]:
        """Initials → name of the gazetteer's bodies and institutions of several words that the
        claims' documents name ('NPA' → 'National Prosecuting Authority'); one meaning only."""
        out: dict[str, set[str]] = defaultdict(set)
        for doc_id in _unique(c.document for c in claims):
            got = self._acronyms.get(doc_id)
            if got is None:
                got = self._acronyms[doc_id] = {}
                doc = self.docs.get(doc_id)
                if doc is not None and len(doc.text) <= DESCRIBE_MAX_CHARS:
                    for hit in self.doc_hits(doc_id):
                        if hit.entry.category in _OFFICIAL_CATEGORIES and " " in hit.text.strip():
                            got.setdefault(_initials(hit.entry.term), hit.entry.term)
                    for m in _DEFINED_ACRONYM.finditer(doc.text):
                        # 'the Independent Electoral and Boundaries Commission (IEBC)'
                        words = m.group(1).split()
                        full = next((" ".join(words[i:]) for i in range(len(words))
                                     if _initials(" ".join(words[i:])) == m.group(2)), None)
                        if full is not None:
                            got.setdefault(m.group(2), full)
            for k, v in got.items():
                out[k].add(v)
        return {k: next(iter(v)) for k, v in out.items() if len(v) == 1 and len(k) >= 2}

    def short_names(self, claims: Sequence[Claim]) -> dict[str, str]:
        """Head word → name of the gazetteer's bodies and institutions that the claims'
        documents name ('Commission' → 'European Commission'); one meaning only."""
        out: dict[str, set[str]] = defaultdict(set)
        for doc_id in _unique(c.document for c in claims):
            doc = self.docs.get(doc_id)
            if doc is None or len(doc.text) > DESCRIBE_MAX_CHARS:
                continue
            for hit in self.doc_hits(doc_id):
                words = hit.entry.term.split()
                if hit.entry.category in _OFFICIAL_CATEGORIES and len(words) >= 2 \
                        and words[-1] in _SHORT_HEADS:
                    out[words[-1]].add(hit.entry.term)
            for head in list(out):
                # 'The Springfield City Council … the UN Security Council': another body with
                # that head word is named too, so 'the Council' is not the gazetteer's
                for m in re.finditer(rf"\b((?:[A-Z][\w.'’-]*\s+){{1,4}}){re.escape(head)}\b",
                                     doc.text):
                    written = f"{m.group(1)}{head}"
                    if not any(written.endswith(term) or term.endswith(written.strip())
                               for term in out[head]) and \
                            m.group(1).split()[-1].lower() not in ("the", "a"):
                        out[head].add(written)
        return {k: next(iter(v)) for k, v in out.items() if len(v) == 1}

    def facts(self, text: str) -> _TextFacts:
        got = self._facts.get(text)
        if got is None:
            got = self._facts[text] = _text_facts(text)
        return got

    # -- document location ------------------------------------------------------------
    def mention_counts(self, doc_id: str, countries: bool = False) -> dict[tuple[str, str], float]:
        """Weighted place mentions in a document, by (target, term); cached per document.

        Places: cities count 1 and capitals ½ (often metonyms for governments). With
        `countries`: every mention of a country (name, demonym, capital, city) counts 1."""
        cached = self._mentions.get((doc_id, countries))
        if cached is not None:
            return cached
        counts: dict[tuple[str, str], float] = defaultdict(float)
        weights = (_COUNTRY_MENTION_WEIGHTS if countries else _PLACE_MENTION_WEIGHTS)
        for hit in self.doc_hits(doc_id):
            weight = weights.get(hit.entry.category, 0.0)
            if hit.entry.target and weight:
                counts[(hit.entry.target, hit.entry.term)] += weight
        self._mentions[(doc_id, countries)] = counts
        return counts

    def doc_hits(self, doc_id: str) -> list[Hit]:
        """The gazetteer's hits in a document, in order; cached."""
        got = self._hits.get(doc_id)
        if got is None:
            doc = self.docs.get(doc_id)
            got = self._hits[doc_id] = gazetteer().scan(doc.text) if doc is not None else []
        return got

    def dominant_location(self, doc_ids: Iterable[str], min_weight: float = _LOCATION_MIN,
                          countries: bool = False, exclude: Sequence[Claim] = ()) -> tuple[str, str] | None:
        """The country whose places (with `countries`: any mention of it) clearly dominate
        the documents, with a description. Places inside the `exclude` claims do not count: a
        speaker's side never comes from what their own claims say ('the foreign minister said
        Pakistan would not comment')."""
        per_target: dict[str, float] = defaultdict(float)
        per_term: dict[tuple[str, str], float] = defaultdict(float)
        weights = (_COUNTRY_MENTION_WEIGHTS if countries else _PLACE_MENTION_WEIGHTS)
        for doc_id in _unique(doc_ids):
            for key, weight in self.mention_counts(doc_id, countries).items():
                per_target[key[0]] += weight
                per_term[key] += weight
            spans = [(c.start, c.end) for c in exclude if c.document == doc_id]
            if not spans:
                continue
            hits = self.doc_hits(doc_id)
            starts = [h.start for h in hits]
            for a, b in _merge_spans(spans):
                for hit in hits[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]:
                    weight = weights.get(hit.entry.category, 0.0)
                    if hit.entry.target and weight:
                        per_target[hit.entry.target] -= weight
                        per_term[(hit.entry.target, hit.entry.term)] -= weight
        per_target = {k: v for k, v in per_target.items() if v > 0}
        per_term = {k: v for k, v in per_term.items() if v > 0}
        ranked = sorted(per_target.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked:
            return None
        top, top_w = ranked[0]
        second_w = ranked[1][1] if len(ranked) > 1 else 0.0
        if top_w < min_weight or top_w < _LOCATION_SHARE * second_w:
            return None
        terms = sorted(((k[1], w) for k, w in per_term.items() if k[0] == top), key=lambda kw: -kw[1])
        shown = ", ".join(f"{t} ×{w:g}" for t, w in terms[:3])
        g = gazetteer()
        runner = f"; next {g.label(ranked[1][0])} {second_w:g}" if len(ranked) > 1 else ""
        return top, f"{g.label(top)} is the document's dominant location ({shown}{runner})"

    def home_country(self, profile: _Profile) -> tuple[str, str] | None:
        """(country, outlets) when every document the speaker speaks in comes from an outlet
        of that one country."""
        homes: set[str | None] = set()
        names: list[str] = []
        for c in profile.claims:
            doc = self.docs.get(c.document)
            if doc is None:
                return None
            homes.add(outlet_home(doc))
            names.append(doc.outlet or url_host(doc.url))
        home = next(iter(homes)) if len(homes) == 1 else None
        return (home, ", ".join(_unique(names)[:3])) if home is not None else None

    def countries_of(self, profile: _Profile) -> set[str]:
        """The countries a speaker's documents are about: the clearly dominant one and the
        home of the outlets they come from."""
        out: set[str] = set()
        loc = self.dominant_location((c.document for c in profile.claims), min_weight=1.0,
                                     countries=True, exclude=profile.claims)
        if loc is not None:
            out.add(loc[0])
        home = self.home_country(profile)
        if home is not None:
            entry = gazetteer().lookup(home[0])
            if entry is not None and entry.target is not None:
                out.add(entry.target)
        return out

    # -- claims' own words ---------------------------------------------------------------
    def frames(self, profile: _Profile) -> list[str]:
        """The reporting frames between speaker mention and claim ('Pompeo says that the US has')."""
        out: list[str] = []
        for c in profile.claims:
            doc = self.docs.get(c.document)
            if doc is None:
                continue
            if c.speaker_end is not None and 0 <= c.start - c.speaker_end <= 200:
                out.append(doc.text[c.speaker_end : c.start])
            elif c.speaker_start is not None and 0 <= c.speaker_start - c.end <= 200:
                out.append(doc.text[c.end : c.speaker_start])
        return out

    def acting_country(self, windows: list[str]) -> tuple[str, str] | None:
        """The country a speaker presents as acting ('the United States will …')."""
        g = gazetteer()
        counts: Counter[str] = Counter()
        example: dict[str, str] = {}
        for text in windows:
            for hit in g.scan(text):
                target = hit.entry.target
                if target is None or hit.entry.category not in ("country", "capital"):
                    continue
                if g.targets[target].kind != "government":
                    continue
                ctx = _context(text, hit)
                if ctx not in ("bare", "modifier"):
                    continue
                m = _SUBJECT_VERB.match(text, hit.end)
                if m:
                    counts[target] += 1
                    example.setdefault(target, _quote(text[hit.start : m.end()], 60))
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        target, n = ranked[0]
        return target, f"named as the actor {n}× (e.g. '{example[target]}')"

    def clipped_body(self, profile: _Profile) -> _Decision | None:
        """A body's name cut short at its front ('Drug Administration' where the document
        writes 'The Food and Drug Administration warned …'): the gazetteer's state body or
        institution of several words that the speaker's documents name and that ends with the
        speaker's whole name (two capitalised words at least)."""
        name = _bare_name(profile.name)
        words = name.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return None
        for doc_id in _unique(c.document for c in profile.claims[:DESCRIBE_CLAIMS]):
            found = self.body_endings(doc_id).get(name)
            if found is not None:
                target, term = found
                return _Decision(target, f"'{name}' is the end of '{term}', which the "
                                 f"document names: {gazetteer().label(target)}")
        return None

    def body_endings(self, doc_id: str) -> dict[str, tuple[str, str]]:
        """The ends (two words or more) of the bodies' and institutions' names a document names
        → (target, full name); cached."""
        got = self._endings.get(doc_id)
        if got is None:
            got = self._endings[doc_id] = {}
            for hit in self.doc_hits(doc_id):
                words = hit.entry.term.split()
                if hit.entry.category in _OFFICIAL_CATEGORIES and hit.entry.target is not None:
                    for i in range(1, len(words) - 1):
                        got.setdefault(" ".join(words[i:]), (hit.entry.target, hit.entry.term))
        return got

    def ministry_named(self, profile: _Profile) -> _Decision | None:
        """'Germany's digital minister … welcomed the ruling, according to a ministry
        spokeswoman': an unnamed ministry's voice speaks for the ministry its own sentence
        names with one country ('Germany's digital minister', 'the French foreign ministry')."""
        role = next((m.group() for t in profile.texts if (m := _UNNAMED_MINISTRY.fullmatch(t.strip()))),
                    None)
        if role is None:
            return None
        g = gazetteer()
        found: dict[str, str] = {}
        others: set[str] = set()
        for c in profile.claims[:DESCRIBE_CLAIMS]:
            for w in [c.text, *self.frames(_Profile(profile.name, [], False, [c]))]:
                for hit in g.scan(w):
                    if hit.entry.category in ("country", "demonym", "capital") and \
                            hit.entry.target is not None:
                        others.add(hit.entry.target)
                    if hit.entry.category not in ("country", "demonym") or hit.entry.target is None:
                        continue
                    if _context(w, hit) not in ("modifier", "possessive"):
                        continue
                    if (after := _MINISTRY_AFTER.match(w, hit.end)) is not None:
                        found.setdefault(hit.entry.target, w[hit.start:after.end()])
        if len(found) != 1 or len(others) > 1:
            return None  # ('Berlin rejected the Russian foreign ministry's claims, a ministry
            # spokeswoman said': two countries in the sentence, no telling whose ministry)
        target, phrase = next(iter(found.items()))
        return _Decision(target, f"'{role}' speaks for the ministry its sentence names "
                         f"('{_quote(phrase, 50)}'): {g.label(target)}")

    # -- organisations -------------------------------------------------------------------
    def introduced_as(self, name: str, claims: Sequence[Claim]) -> list[str]:
        """How the claims' documents describe an organisation by its kind: the kind right
        before the name ('cloud software company Norrsken Data') or an apposition after it
        ('BEUC, the European consumer organisation,')."""
        out: list[str] = []
        for doc_id in _unique(c.document for c in claims[:DESCRIBE_CLAIMS]):
            doc = self.docs.get(doc_id)
            if doc is None or len(doc.text) > DESCRIBE_MAX_CHARS:
                continue
            key = (doc_id, name)
            got = self._introduced.get(key)
            if got is None:
                got = self._introduced[key] = []
                text = doc.text
                i = text.find(name)
                while i >= 0 and len(got) < 20:
                    end = i + len(name)
                    if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-'’")) and \
                            not (end < len(text) and (text[end].isalnum() or text[end] in "-")):
                        if (m := _ORG_KIND_END.search(text, max(0, i - 80), i)) is not None:
                            got.append(m.group().strip())
                        if (m := _APPOSITION.match(text, end)) is not None:
                            got.append(m.group(1))
                    i = text.find(name, end)
            out.extend(got)
        return out

    def expand_initials(self, acronym: str, claims: Sequence[Claim]) -> str | None:
        """The one capitalised name in the claims' documents whose initials spell `acronym`
        ('Rapid Support Forces' for 'RSF')."""
        found: set[str] = set()
        for doc_id in _unique(c.document for c in claims[:DESCRIBE_CLAIMS]):
            doc = self.docs.get(doc_id)
            if doc is None or len(doc.text) > DESCRIBE_MAX_CHARS:
                continue
            for m in _CAPITALISED_NAME.finditer(doc.text):
                words = [w for w in m.group().split() if w.lower() not in _ORG_CONNECTORS]
                for i in range(len(words) - len(acronym) + 1):
                    part = words[i:i + len(acronym)]
                    if "".join(w[0] for w in part) == acronym and part[0] not in _PREMODIFIER_STOP:
                        found.add(" ".join(part))
        return next(iter(found)) if len(found) == 1 else None

    def armed_group(self, profile: _Profile) -> _Decision | None:
        """An armed group that is no state's, as the documents describe it ('the paramilitary
        Rapid Support Forces', 'M40, a rebel group,'): a side of its own, labelled with its name,
        for the group and for its people ('RSF spokesman …', 'a commander of the …')."""
        for text in profile.texts:
            bare = _bare_name(text)
            candidates = [bare]
            if (m := _GROUP_VOICE.match(bare)) is not None:
                candidates.append(m.group(1))
            candidates.extend(m.group(1) for m in _GROUP_SERVED.finditer(text))
            for candidate in candidates:
                name = _org_name(candidate)
                if name is None:
                    continue
                if re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", name):
                    name = self.expand_initials(name, profile.claims) or name
                described = [*self.introduced_as(name, profile.claims),
                             *(m.group() for m in [_ORG_KIND_BEFORE.match(_bare_name(text))] if m)]
                armed = next((d for d in described if _ARMED.search(d)), None)
                if armed is None:
                    continue
                gid = "armed-" + (slugify(name) or "group")
                self.extra_targets.setdefault(gid, Target(gid, name, "other"))
                return _Decision(gid, f"'{_quote(text, 50)}' is or speaks for '{name}', described as "
                                 f"'{_quote(armed, 40)}': an armed group, a side of its own")
        return None

    def named_like_analysts(self, profile: _Profile, merged: _TextFacts) -> bool:
        """Whether the only analyst evidence is a word of the speaker's own name ('Institute',
        'Center for') while the documents describe it as another kind of organisation ('The
        Sabin Vaccine Institute, a Washington-based nonprofit,'): an organisation, no think tank."""
        if merged.press or not merged.analyst or not all(
                a.strip("'").casefold() in _NAME_ANALYST_WORDS for a in merged.analyst):
            return False
        name = _org_name(profile.name)
        if name is None or _person_name(profile.name):
            return False
        described = [t for t in [*profile.texts, *self.introduced_as(name, profile.claims)]
                     if t.casefold() != name.casefold() and _org_description([t])]
        return bool(described) and not any(_ANALYST.search(t) for t in described)

    def opposition(self, profile: _Profile) -> _Decision | None:
        """A country's opposition ('Opposition leader …', "Kenya's main opposition coalition",
        'a Turkish opposition lawmaker'): a perspective of its own beside the government, "<Demonym>
        opposition", for the country its words name, else the documents' dominant country; a party
        named as the opposition party ('the opposition party PAN') is that party's own."""
        role = next(((t, m) for t in profile.texts for m in _OPPOSITION.finditer(t)
                     if _holds_now(t, m.start())), None)
        if role is None:
            return None
        text, m = role
        named = next((n for t in profile.texts for n in _OPPOSITION_PARTY.finditer(t)), None)
        if named is not None:
            name = (named.group("a") or named.group("b")).strip()
            pid = "party-" + (slugify(name) or "unnamed")
            self.extra_targets.setdefault(pid, Target(pid, name, "other"))
            return _Decision(pid, f"'{_quote(named.group(), 50)}': the opposition party {name}")
        g = gazetteer()
        places = [ev for ev in self.facts(text).places if ev.weight >= 4
                  and ev.ctx in ("modifier", "possessive", "of", "bare")
                  and g.targets[ev.target].kind == "government"]
        if len({ev.target for ev in places}) == 1:
            country, why = places[0].target, _describe(places)
        else:
            loc = None if places else self.dominant_location(
                (c.document for c in profile.claims), min_weight=1.0, countries=True,
                exclude=profile.claims)
            if loc is None:
                return None
            country, why = loc
        label = f"{g.demonyms[country]} opposition" if country in g.demonyms \
            else f"Opposition ({g.label(country)})"
        oid = f"{country}-opposition"
        self.extra_targets.setdefault(oid, Target(oid, label, "other"))
        return _Decision(oid, f"opposition role '{m.group()}' ({why}): {label}")

    def sentence_before_opens_with(self, profile: _Profile) -> tuple[str, str] | None:
        """(country, reason) when the sentence right before the speaker's first words opens with
        a country or its capital ('Beijing rejected the protest. Foreign ministry spokeswoman …
        said', "Mexico's attorney general's office said … ¶ Security Secretary … said"): the
        side a reader takes an unqualified government role to speak for, in a story about two."""
        first = min(profile.claims[:DESCRIBE_CLAIMS], key=lambda c: (c.document, _position(c)), default=None)
        if first is None:
            return None
        doc = self.docs.get(first.document)
        if doc is None:
            return None
        pos = min(first.start, _position(first))
        lo = max(0, pos - 1500)
        starts = [lo if lo == 0 else -1, *(m.end() for m in _SENTENCE_BREAK.finditer(doc.text, lo, pos + 2)
                                           if m.end() <= pos)]
        starts = [x for x in starts if x >= 0]
        if len(starts) < 2:
            return None
        prev, cur = starts[-2], starts[-1]
        sentence = doc.text[prev:cur]
        opening = _SENTENCE_OPENING.match(sentence)
        at = opening.end() if opening else 0
        g = gazetteer()
        hit = next(iter(g.scan(sentence[at:at + 60])), None)
        if hit is None or hit.start != 0 or hit.entry.target is None \
                or hit.entry.category not in ("country", "capital") \
                or g.targets[hit.entry.target].kind != "government":
            return None
        if _context(sentence[at:], hit) not in ("bare", "possessive", "modifier") or \
                _COORDINATED.match(sentence, at + hit.end):
            return None  # 'Brazil and Argentina held talks.': two sides
        return hit.entry.target, (f"the sentence before opens with '{hit.text}' "
                                  f"('{_quote(sentence.strip(), 50)}'): {g.label(hit.entry.target)}")

    # -- the decision --------------------------------------------------------------------
    def decide(self, profile: _Profile) -> _Decision:
        """The speaker's perspective, with the reason: the registry first, then a US state's
        government (see `_state_decision`), then the rules below, with the US Congress apart
        from the rest of the US government (see `_branch`)."""
        if self.matcher is not None:
            found = self.matcher.match(profile.texts)
            if found:
                persp, alias, text, score = found
                return _branch(_Decision(
                    persp.resolved_id(),
                    f"registry: alias '{alias}' matches '{_quote(text)}' (score {score:.0f})",
                ), profile)
        # a speaker whose name is a country, capital, body, outlet … stays so ('ABC News' with a
        # stray role about a governor; 'Washington'); otherwise a state office decides first
        if _identity(_Profile(profile.name, [profile.name], profile.anonymous)) is None:
            state = _state_decision(profile, self.docs, self._states, self.state_offices)
            if state is not None:
                return state
        return _branch(self._decide(profile), profile)

    def state_of_documents(self, profile: _Profile, decision: _Decision) -> _Decision:
        """A state-only office with no state named ('the governor', 'state Sen. Ann Roe
        (D-Phoenix)', 'state Senate President …'), decided as no perspective, United States or
        US Congress, takes the state whose offices the speaker's documents name clearly most
        often ('Arizona Gov. …' ×3, at least twice any other); else `decision` stands."""
        if decision.target not in (None, US_ID, US_CONGRESS_ID):
            return decision
        found = self._state_of_documents(profile)
        return decision if found is None else found

    def _state_of_documents(self, profile: _Profile) -> _Decision | None:
        office = next((m for t in profile.texts for m in _STATE_ONLY_UNNAMED.finditer(t)
                       if _holds_now(t, m.start())), None)
        if office is None:
            return None
        # A named office-holder ('Gov. Ann Roe', 'state Sen. Luis Pardo') is named with the
        # state where introduced, if anywhere: the documents must name one state's offices only
        # (a roundup names several governors). An unnamed singular office ('the governor', 'the
        # legislature') takes the state clearly most named (twice any other), in the speaker's
        # articles, else in every article of a small case (one story); plural groups ('state
        # lawmakers') only in their own articles.
        named = _looks_like_person(profile) or office.group().endswith(".")
        singular = not named and _STATE_SINGULAR_OFFICE.fullmatch(office.group()) is not None
        own = _unique(c.document for c in profile.claims)
        across = singular and len(self.docs) <= DESCRIBE_ACROSS_DOCUMENTS
        for doc_ids in (own, list(self.docs) if across else []):
            counts: Counter[str] = Counter()
            for doc_id in doc_ids:
                counts.update(self.state_offices(doc_id))
            ranked = counts.most_common(2)
            if ranked and ranked[0][1] >= _LOCATION_SHARE and (
                    len(ranked) == 1 or (not named and ranked[0][1] >= _LOCATION_SHARE * ranked[1][1])):
                break
        else:
            return None
        sid, n = ranked[0]
        label = gazetteer().label(sid)
        runner = f"; next {gazetteer().label(ranked[1][0])} ×{ranked[1][1]}" if len(ranked) > 1 else ""
        return _Decision(sid, f"US state office '{office.group()}' with no state named; the documents "
                         f"name {label}'s offices most ({label} ×{n}{runner}): {label}'s state government")

    def state_offices(self, doc_id: str) -> Counter[str]:
        """How often a document names each state's offices ('Arizona Gov. Jan Brewer'); cached."""
        got = self._state_offices.get(doc_id)
        if got is None:
            got = Counter()
            doc = self.docs.get(doc_id)
            if doc is not None and len(doc.text) <= DESCRIBE_MAX_CHARS:
                rule = _state_rule()
                for pattern in rule.patterns:
                    got.update(rule.state_of(m.group("s"))[0].id for m in pattern.finditer(doc.text))
            self._state_offices[doc_id] = got
        return got

    def _decide(self, profile: _Profile) -> _Decision:
        ident = _identity(profile) or self.clipped_body(profile)
        if ident is not None:
            return ident
        by_party = _party_decision(profile, lambda: self.countries_of(profile))
        if by_party is not None:
            return by_party
        opposition = self.opposition(profile)
        if opposition is not None:
            return opposition
        party = next((m.group().strip(" (,") for t in profile.texts
                      if (m := _US_PARTY_STATE.search(t))), None)
        if party is not None:
            return _Decision(US_ID, f"US legislator's party and state '{party}'")

        merged = _TextFacts()
        for text in profile.texts:
            f = self.facts(text)
            merged.places.extend(f.places)
            merged.official.extend(f.official)
            merged.gov.extend(f.gov)
            merged.former.extend(f.former)
            merged.neutral.extend(f.neutral)
            merged.analyst.extend(f.analyst)
            merged.press.extend(f.press)
            merged.local.extend(f.local)
            merged.union.extend(f.union)

        if merged.union and not merged.gov and not merged.official:
            return _Decision(UNIONS_ID, f"union evidence {', '.join(_unique(merged.union)[:2])}"
                             f" in '{_quote(' / '.join(profile.texts))}' and no government role")
        if (merged.analyst or merged.press) and not merged.gov and not merged.official \
                and not self.named_like_analysts(profile, merged):
            if len(merged.analyst) >= len(merged.press):
                return _Decision(ANALYSTS_ID, f"analyst evidence {', '.join(_unique(merged.analyst)[:2])}"
                                 f" in '{_quote(' / '.join(profile.texts))}' and no government role")
            return _Decision(PRESS_ID, f"press evidence {', '.join(_unique(merged.press)[:2])}"
                             f" in '{_quote(' / '.join(profile.texts))}' and no government role")

        fallback = "no evidence of affiliation in names or roles"
        if merged.places:
            fallback = f"place evidence ({_describe(merged.places)}) but no government role"
        if merged.places and (merged.gov or merged.neutral or merged.official):
            scores: dict[str, float] = defaultdict(float)
            best_ev: dict[str, list[_Evidence]] = defaultdict(list)
            for ev in merged.places:
                scores[ev.target] += ev.weight
                best_ev[ev.target].append(ev)
            ranked = sorted(scores.items(), key=lambda kv: -kv[1])
            top, top_w = ranked[0]
            role = _unique([*merged.gov, *merged.neutral, *merged.official])[:1]
            if len(ranked) > 1 and ranked[1][1] == top_w:
                fallback = "conflicting evidence: " + " vs ".join(
                    f"{gazetteer().label(t)} ({_describe(best_ev[t])})" for t, _ in ranked[:2])
            elif top_w < _MIN_PLACE_WEIGHT and not merged.local:
                # a local official's place is their locality ('local officials in Basra')
                fallback = f"only weak place evidence: {_describe(best_ev[top])}"
            elif not merged.gov and not merged.official and not merged.local and all(
                    ev.ctx in _WHERE_ONLY for ev in best_ev[top]):
                # 'executive vice president of the National Committee to …, an advocacy group
                # in Washington': where a body sits, with a title any organisation has
                fallback = (f"only where they are ({_describe(best_ev[top])}) and a title "
                            f"'{role[0] if role else ''}' that needs no government")
            else:
                why = _describe(best_ev[top])
                if len(ranked) > 1:
                    t2, w2 = ranked[1]
                    why += f" (outweighs {gazetteer().label(t2)}: {w2:g} < {top_w:g})"
                if role:
                    why += f"; role '{role[0]}'"
                return _Decision(top, why)

        if merged.local and not merged.places:
            loc = self.dominant_location((c.document for c in profile.claims),
                                         exclude=profile.claims)
            governor = all(re.fullmatch(r"governors?", w, _FLAGS) for w in merged.local)
            if loc is not None and governor and loc[0] == US_ID:
                # a US governor holds a state office: the state rule decides, or nothing does
                return _Decision(None, f"US state office ('{merged.local[0]}') with no state named")
            if loc is None:
                # 'Sinaloa's governor', 'a senior police officer' in a story clearly about one
                # country that is not the United States: a state or local office of that country
                # (only US states are perspectives of their own)
                loc = self.dominant_location((c.document for c in profile.claims),
                                             countries=True, exclude=profile.claims)
                if loc is not None and loc[0] == US_ID:
                    loc = None
            if loc is not None:
                return _Decision(loc[0], f"local official ('{merged.local[0]}'); {loc[1]}")
            return _Decision(None, f"local official ('{merged.local[0]}') but no clearly dominant location")

        if merged.former and not merged.gov and not all(
                _FORMER_POLITICAL.match(f) for f in merged.former):
            return _Decision(ANALYSTS_ID, f"former office ({', '.join(_unique(merged.former)[:2])}) "
                             "and no current government role")
        if merged.former and not merged.gov and not merged.official:
            # nor do their past titles make them the government of the outlet's country now
            return _Decision(None, f"former office ({', '.join(_unique(merged.former)[:2])}): a "
                             "former head of government or minister is no commentator, and no "
                             "current affiliation")

        frames = self.frames(profile)
        windows = [c.text for c in profile.claims] + frames
        voice = next((m.group() for w in windows if (m := _OFFICIAL_VOICE.search(w))), None)
        if voice:
            # A speaker's side never comes from what their claim is about ('Russia has chosen to
            # stand in the way', 'Pakistan would not comment'); only a speaker who talks as the
            # state ('our embassy', 'I have directed') is taken as the state they name as acting.
            acting = self.acting_country(windows)
            if acting is not None:
                return _Decision(acting[0], f"official voice ('{voice}') speaking for "
                                 f"{gazetteer().label(acting[0])}: {acting[1]}")

        campaign = any("campaign" in t.casefold() or _ORGANISATION_OFFICER.search(t)
                       for t in profile.texts)
        if (merged.gov or merged.neutral) and not merged.places and not campaign:
            home = self.home_country(profile)
            if home is not None:
                country, outlets = home
                titles = _HOME_TITLES.get(country)
                title = next((t for t in [*merged.gov, *merged.neutral]
                              if titles is None or titles.search(t)), None)
                if title is None and titles is not None:
                    # 'a deputy national security adviser': the office is a phrase, not one
                    # of the role words found in it
                    title = next((m.group() for t in profile.texts if (m := titles.search(t))),
                                 None)
                target = gazetteer().lookup(country)
                if title is not None and target is not None and target.target is not None:
                    return _Decision(target.target, f"role '{title}' with no country named, in "
                                     f"{outlets} ({country}): an outlet names its own country's "
                                     "officials without the country")
        if not merged.places and not profile.anonymous:
            named = self.ministry_named(profile)
            if named is not None:
                return named
        own_title = next(((m.group(), target) for t in profile.texts for pattern, target in _COUNTRY_TITLES
                          for m in pattern.finditer(t) if _holds_now(t, m.start())), None)
        if own_title is not None and not merged.places and not campaign:
            # 'Chief Cabinet Secretary Yoshimasa Hayashi': a title only one country's government
            # has, in documents that name that country
            title, country = own_title
            seen = next((h.text for c in profile.claims[:DESCRIBE_CLAIMS]
                         for h in self.doc_hits(c.document) if h.entry.target == country
                         and h.entry.category in _COUNTRYISH), None)
            if seen is not None:
                return _Decision(country, f"title '{title}' exists only in {gazetteer().label(country)}'s "
                                 f"government, and the documents name it ('{seen}')")
        commissioner = next((m.group().strip() for t in profile.texts for m in _EU_COMMISSIONER.finditer(t)
                             if (m.group("w") or "") not in _NOT_EU_COMMISSIONER
                             and _holds_now(t, m.start())), None)
        if commissioner is not None and not merged.places and not campaign:
            # 'Budget Commissioner Piotr Serafin' in documents that name the European Union or
            # its Commission: a member of the European Commission
            seen = next((h.text for c in profile.claims[:DESCRIBE_CLAIMS]
                         for h in self.doc_hits(c.document) if h.entry.target == _EU_ID), None)
            if seen is not None:
                return _Decision(_EU_ID, f"title '{commissioner}' in documents that name the "
                                 f"European Union ('{seen}'): a European Commissioner")
        national = next((g for g in merged.gov if _NATIONAL.search(g)), None)
        if national is None and not campaign:
            national = next((m.group() for t in profile.texts for m in _NATIONAL_OFFICE.finditer(t)
                             if _holds_now(t, m.start())), None)
        if national is not None and not merged.places:
            # 'Ports minister Silvio Costa' in a story set in Brazil: a minister of the
            # country the documents are clearly about (as local officials take their place);
            # one mention is enough when no other country comes near it.
            loc = self.dominant_location((c.document for c in profile.claims), min_weight=1.0,
                                         countries=True, exclude=profile.claims)
            if loc is not None and (national not in ("Sen.", "Rep.") or loc[0] == US_ID):
                # 'Sen.'/'Rep.' is US usage: in a Sydney story it may be a visiting US senator
                return _Decision(loc[0], f"government role ('{national}') with no country named; "
                                 f"{loc[1]}")
            topic = self.sentence_before_opens_with(profile) if national not in ("Sen.", "Rep.") else None
            if loc is None and topic is not None:
                return _Decision(topic[0], f"government role ('{national}') with no country named; "
                                 f"{topic[1]}")
        cabinet = next((m.group() for t in profile.texts for m in _CABINET_SECRETARY.finditer(t)
                        if _holds_now(t, m.start())), None)
        if cabinet is not None and not merged.places and not campaign:
            # 'Business Secretary Kemi Badenoch' in a story from London: a cabinet title of the
            # few countries whose ministers are secretaries, in documents about one of them
            loc = self.dominant_location((c.document for c in profile.claims), min_weight=1.0,
                                         countries=True, exclude=profile.claims)
            if loc is not None and loc[0] in _SECRETARY_COUNTRIES:
                return _Decision(loc[0], f"cabinet title ('{cabinet}') with no country named; {loc[1]}")
            topic = self.sentence_before_opens_with(profile) if loc is None else None
            if topic is not None and topic[0] in _SECRETARY_COUNTRIES:
                return _Decision(topic[0], f"cabinet title ('{cabinet}') with no country named; {topic[1]}")
        if (merged.gov or merged.neutral) and not merged.places:
            title = (merged.gov or merged.neutral)[0]
            return _Decision(None, f"role '{title}' but no country or institution evident")
        if merged.gov:
            return _Decision(None, fallback)

        if not profile.anonymous and not voice and _looks_like_person(profile):
            # the cue's words between the mention and the claim, without quoted words: 'the
            # rider wrote on Instagram' is a channel, no commentary
            bare = [_QUOTED.sub(" ", w) for w in frames]
            channel = {m.group().casefold() for w in bare for m in _COMMENTARY_CUE.finditer(w)
                       if _CHANNEL_AFTER.match(w, m.end())}
            cue = next((c.cue for c in profile.claims if c.cue and _COMMENTARY_CUE.search(c.cue)
                        and c.cue.casefold() not in channel), None)
            if cue is None:
                cue = next((m.group() for w in bare for m in _COMMENTARY_CUE.finditer(w)
                            if not _CHANNEL_AFTER.match(w, m.end())), None)
            if cue is not None:
                return _Decision(ANALYSTS_ID, f"named commentator without government role (cue '{cue}')",
                                 weak=True)
        return _Decision(None, fallback)


# ---------------------------------------------------------------- parties

# The people of a party: its leaders, its members of parliament, its spokespeople ('Labour's
# deputy leader', 'a Conservative MP', 'SPD leader', 'a BJP spokesman').
_PARTY_ROLE = (
    r"(?i:MPs?|MSPs?|MEPs?|MLAs?|MPPs?|peers?|leaders?|deputy leaders?|deputy|co-leaders?|chair(?:man|woman|person)?|"
    r"president|spokes(?:man|men|woman|women|person|people)|backbench(?:ers?)?|frontbench(?:ers?)?|"
    r"candidates?|members?|councill?ors?|lawmakers?|legislators?|politicians?|whips?|"
    r"general secretary|secretary[- ]general|sources?|figures?|grandees?|officials?|chief|"
    r"activists?|strategists?|rebels?|veterans?|delegates?|senators?|parliamentarians?|"
    r"campaign|campaigners?|shadow\s+\w+(?:\s+secretary)?|headquarters|HQ|party|parliamentary party)")
# a word after a party's name that makes it something else: 'the Labour Ministry', 'Labour Day'
_PARTY_NOT = (
    r"(?![\w-])(?!['’]s\s+(?:Ministry|Department)\b)(?!\s+(?:Ministry|Minister|Ministers|Department|"
    r"Secretary|Day|Court|Code|Force|Office|Organi[sz]ation|Market|Relations|Inspectorate|"
    r"Commission|Board|Law|Laws|Standards|Statistics|Bureau|Union|Unions|union|unions|Congress|"
    r"Federation|Council|movement)\b)")
# An executive office: a party's minister speaks for the government ('Business Secretary Kemi
# Badenoch'), its opposition 'shadow' ministers and its MPs for the party.
_EXECUTIVE_OFFICE = re.compile(
    r"(?<!shadow )(?<!Shadow )\b(?:(?:prime |foreign |interior |defen[cs]e |finance |deputy prime )?"
    r"minister|chancellor|premier|secretary of state|"
    r"(?:home|foreign|business|health|defen[cs]e|culture|education|transport|justice|environment|"
    r"energy|trade|treasury|interior|housing|cabinet|chief|northern ireland|scottish|welsh|"
    r"work and pensions) secretary|cabinet)\b(?!\s+(?:candidate|hopeful))", _FLAGS)


class _PartyRule:
    """Finds a party and how a text names it (see `_party_decision`)."""

    def __init__(self) -> None:
        self.names: dict[str, list[Party]] = defaultdict(list)
        self.context: set[str] = set()
        for party in gazetteer().parties:
            for n in party.names:
                self.names[n].append(party)
            for n in party.context_names:
                self.names[n].append(party)
                self.context.add(n)
        alt = _alternation(self.names)
        name = rf"(?<![\w-])(?<!International )(?P<p>{alt}){_PARTY_NOT}"
        self.identity = re.compile(rf"(?:the\s+)?{name}")
        # a role that is the party itself, with lower-case modifiers: 'Jordan Bardella of the
        # far-right National Rally' gives the role 'the far-right National Rally'
        self.membership = re.compile(rf"(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}{name}(?:\s+party)?")
        self.patterns = [
            # 'Labour's deputy leader', 'Liberal Democrat leader', 'a Conservative MP', 'BJP
            # spokesman', 'Tory MPs'
            re.compile(rf"{name}(?:['’]s)?\s+(?:(?:[a-z][\w-]*|[A-Z][a-z]+)\s+){{0,2}}?"
                       rf"{_PARTY_ROLE}\b", _FLAGS_CASE),
            # 'leader of the Labour Party', 'a spokesman for the Conservatives', 'a spokeswoman
            # for the centre-right Les Républicains'
            re.compile(rf"\b{_PARTY_ROLE}\s+(?:of|for|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{name}",
                       _FLAGS_CASE),
        ]

    def find(self, text: str, name: bool) -> tuple[str, str, bool] | None:
        """(party name as written, the phrase, whether the text is the party itself) of a
        party's person or the party itself."""
        if name:
            m = self.identity.fullmatch(_bare_name(text)) or self.identity.fullmatch(text.strip())
            if m is not None:
                return m.group("p"), m.group(), True
        else:
            m = self.membership.fullmatch(text.strip().strip(",;"))
            if m is not None:
                return m.group("p"), m.group(), False
        for pattern in self.patterns:
            for m in pattern.finditer(text):
                if _holds_now(text, m.start()):
                    return m.group("p"), m.group(), False
        return None


_FLAGS_CASE = 0  # party names are proper nouns: 'a conservative commentator' is no party


@cache
def _party_rule() -> _PartyRule:
    return _PartyRule()


def _party_decision(profile: _Profile, context: Callable[[], set[str]]) -> _Decision | None:
    """A party's perspective for the party itself ('Labour said', 'the Liberal Democrats') or
    its people ('Labour's deputy leader', 'the Conservative MP for Broxbourne', 'SPD leader'),
    unless they hold an executive office (a minister speaks for the government). A name other
    countries' parties share, or an ordinary word too ('Conservative', 'Liberals', 'Congress'),
    needs documents about the party's country (`context`: the countries the speaker's
    documents clearly center on, or whose outlets they are)."""
    rule = _party_rule()
    if any(_EXECUTIVE_OFFICE.search(t) and _holds_now(t, m.start())
           for t in profile.texts for m in _EXECUTIVE_OFFICE.finditer(t)):
        return None
    countries: set[str] | None = None
    for text in profile.texts:
        found = rule.find(text, text == profile.name)
        if found is None:
            continue
        written, phrase, itself = found
        parties = rule.names[written]
        if written in rule.context or len(parties) > 1:
            if countries is None:
                countries = context()
            parties = [p for p in parties if p.country in countries]
            if len(parties) != 1:
                continue
        party = parties[0]
        where = "" if countries is None else \
            f", in documents about {gazetteer().label(party.country)}"
        why = (f"speaker is the party '{_quote(text, 60)}'" if itself
               else f"party '{written}' in '{_quote(phrase, 60)}'")
        return _Decision(party.id, f"{why}{where}: {party.label}")
    return None


# US domestic stories set Congress against the White House (a veto override, a speech to
# Congress the administration opposed): a member or body of Congress is a perspective of its own,
# "US Congress", beside "United States" (the administration and the rest of the government).
US_ID = "united-states"
US_CONGRESS_ID = "united-states-congress"
US_CONGRESS_LABEL = "US Congress"
_LEGISLATIVE = re.compile(
    r"\b(?:Congress(?:ional)?|congressional|Capitol Hill|Senate|senators?|Sen\.|Sens\.|"
    r"House of Representatives|House (?:Speaker|Republicans|Democrats|Majority|Minority|GOP|"
    r"Foreign Affairs|Armed Services|Intelligence|Judiciary|committee)|Speaker of the House|"
    r"Rep\.|Reps\.|(?<!Trade )Representatives?|congress(?:man|men|woman|women)|lawmakers?|legislators?)"
    r"(?!\w)|(?:^|[\s(,])[RDI]-[A-Z]", _FLAGS)
_EXECUTIVE = re.compile(
    r"\b(?:White House|administration|President|president|Vice President|vice president|"
    r"Secretary|secretary|Department|Pentagon|ambassador|envoy|consul|spokes(?:man|woman|person) "
    r"for the (?:State|Defense)|State Department|cabinet|CIA|FBI|Treasury|[Aa]ttorney [Gg]eneral|"
    r"national security advis[eo]r|press secretary|Trade Representative|USTR)\b")
_FORMER_LEGISLATOR = re.compile(r"\b(?:former|ex-|retired)\s+(?:\w+\s+)?(?:senator|Sen\.|"
                                r"congress(?:man|woman)|Rep\.|representative)", _FLAGS)


def _branch(decision: _Decision, profile: _Profile) -> _Decision:
    """A United States decision for a member or body of Congress ('Sen. Tom Bell (D-Ore.)', 'the
    Senate', 'House Republicans') becomes US Congress; anyone with an executive title too
    ('Secretary of State John Kerry, a former senator') stays United States."""
    if decision.target != US_ID:
        return decision
    texts = [t for t in profile.texts if t]
    legislative = next((m.group().strip(" (,") for t in texts if (m := _LEGISLATIVE.search(t))),
                       None)
    if legislative is None or any(_EXECUTIVE.search(_FORMER_LEGISLATOR.sub("", t))
                                  for t in texts):
        return decision
    return _Decision(US_CONGRESS_ID, f"{decision.reason}; Congress ('{legislative}')")


# US state governments: a governor, a state attorney general, a state legislature or agency speaks
# for its state ("Nebraska", `united-states-nebraska`), not for the United States, so a lawsuit of
# one state against another keeps its sides. Only a state *office* named with the state counts:
# members of Congress from a state ('Sen. Ted Cruz of Texas', 'Rep. Ann Lee (R-N.Y.)', 'Texas Sen.
# …') and residents ('a Colorado voter') stay as before. A name that is something else too
# (Washington the capital metonym, Georgia the country, New York the city) needs an office only a
# state has ('Washington Gov. …', 'Georgia's attorney general', 'New York State …').
_STATE_ONLY = (  # offices and bodies no city, country or federal branch holds
    r"Gov\.|[Gg]overnors?|Lt\.\s*Gov\.|[Ll]ieutenant [Gg]overnors?|[Aa]ttorneys?[- ][Gg]eneral(?:['’]s office)?|"
    r"AG|[Ss]tate (?:Sen\.|Rep\.|[Ss]enators?|[Rr]epresentatives?|[Ll]awmakers?|[Ll]egislators?|"
    r"[Ll]egislature|Senate|House|Assembly|[Tt]reasurer|[Aa]uditor|[Cc]omptroller|[Pp]olice|"
    r"[Pp]atrol|[Aa]ttorney [Gg]eneral|[Ss]chool [Bb]oard|[Hh]ealth [Dd]epartment)|"
    # ('Iowa State officials', 'Michigan State officials' are a university's)
    r"state (?:[Oo]fficials?|[Aa]gency|[Aa]gencies|[Gg]overnment)|"
    r"[Ll]egislature|General Assembly|House of Delegates|"
    r"Highway Patrol|National Guard")
# more offices and bodies of a state, after an unambiguous name ('Colorado Department of Revenue',
# "Colorado's top law enforcement official", 'Nebraska officials')
_STATE_MORE = (
    r"[Ss]ecretary of [Ss]tate|Department of [A-Z][a-z]+|Dept\. of [A-Z][a-z]+|[Tt]reasurer|"
    r"[Cc]omptroller|[Oo]fficials?|[Aa]uthorities|[Rr]egulators?|[Gg]overnment|[Aa]genc(?:y|ies)")
_STATE_QUALIFIER = (  # words between the state and the office: 'Colorado's top law enforcement official'
    r"(?:(?:Republican|Democratic|Democrat|GOP|top|senior|chief|deputy|assistant|acting|"
    r"elected|state|law[- ]enforcement|public[- ]health|health|marijuana|election|environmental|"
    r"transportation|education|corrections|tax|revenue|agriculture|wildlife|emergency)\s+){0,3}")
# 'Gov. Jay Inslee of Washington', 'the attorneys general of Nebraska and Oklahoma', 'Attorneys
# general in Utah and New Mexico'
_STATE_TITLE_NAMED = r"(?:Gov\.|Governor|Lt\.\s*Gov\.|Lieutenant Governor)(?:\s+[A-Z][\w.'’-]*){1,4}?,?"
_STATE_OFFICE_OF = (
    r"(?:[Gg]overnors?|[Ll]ieutenant [Gg]overnors?|[Aa]ttorneys?[- ][Gg]eneral|"
    r"[Ll]egislatures?|General Assembly|[Ss]tate (?:[Ss]enators?|[Rr]epresentatives?|[Ll]awmakers?|"
    r"[Ll]egislators?|[Oo]fficials?|[Tt]reasurer|[Aa]uditor))")
# a state office in a speaker's texts with no state named: worth reading how the documents
# introduce the speaker ('Attorney General Scott Pruitt' → 'Oklahoma Attorney General …')
_STATE_OFFICE_HINT = re.compile(
    r"\b(?:Gov\.|[Gg]overnors?\b|[Aa]ttorneys?[- ][Gg]eneral\b|[Ll]ieutenant [Gg]overnor\b|"
    r"[Ss]tate (?:Sen\.|Rep\.|[Ss]enators?\b|[Rr]epresentatives?\b|[Ll]awmakers?\b|[Ll]egislators?\b)|"
    r"[Ll]egislature\b)")
# offices only a state has, also with no state named ('the governor'; a bank's or a province's
# governor is no state's)
_STATE_ONLY_UNNAMED = re.compile(
    r"\b(?:Gov\.|Lt\.\s*Gov\.|(?<![Bb]ank )(?<![Cc]entral )(?<![Pp]rovincial )(?<!Fed )(?<!regional )"
    r"[Gg]overnor\b(?!\s+(?:of|for)\s+(?:the\s+)?[A-Z])|[Ll]ieutenant [Gg]overnor\b|"
    r"[Ss]tate (?:Sen\.|Rep\.|[Ss]enators?\b|[Rr]epresentatives?\b|[Ll]awmakers?\b|"
    r"[Ll]egislators?\b|[Ll]egislature\b|Senate\b|House\b|[Aa]ttorney [Gg]eneral\b))")
_STATE_SINGULAR_OFFICE = re.compile(
    r"[Gg]overnor|[Ll]ieutenant [Gg]overnor|[Ss]tate (?:[Ll]egislature|Senate|House|[Aa]ttorney [Gg]eneral)")
_STATE_OFFICE_WITH_TAG = re.compile(
    r"\b(?:Gov\.|[Gg]overnor\b|Lt\.\s*Gov\.|[Ll]ieutenant [Gg]overnor\b|[Aa]ttorney [Gg]eneral\b|"
    r"[Ss]tate (?:Sen\.|Rep\.|[Ss]enator\b|[Rr]epresentative\b))")


_STATE_OF = re.compile(r"(?:the\s+)?[Ss]tates?\s+of\s", _FLAGS)
# 'the Baptist minister who became Arkansas governor', 'who served as governor of Texas': a past
# office, like 'former' ('who was elected governor' is current)
_PAST_OFFICE = re.compile(r"\b(?:became|was(?!\s+(?:re-?)?elected|\s+appointed|\s+named|\s+sworn)|"
                          r"were|served\s+as|had\s+been|once)\s+(?:\S+\s+){0,3}$", _FLAGS)
# words after a state's name that make it a description of someone, not the state speaking
# ('Minnesota congresswoman …', 'Colorado voters'), or a heading ('New Hampshire: Ann Roe, …')
_STATE_DESCRIBES = re.compile(
    r"\s*(?::|(?:congress(?:man|men|woman|women)|senators?|Sen\.|Rep\.|representatives?|"
    r"delegation|voters?|residents?|natives?|Republicans?|Democrats?|Democratic|GOP|man|woman|men|"
    r"women|-born|-based|officials?|lawmakers?)(?!\w))", _FLAGS)


# words before a state office that make it someone else's ('a challenge from Missouri Secretary of
# State …', 'Jeb Bush and New Jersey Gov. …'); 'a spokesman for', 'an aide to' speak for it
_OTHER_HOLDER = re.compile(
    r"\b(?:from|against|with|by|than|versus|vs|and|or|nor|like|unlike|including|questioning|"
    r"challeng\w*|defeat\w*|beat\w*|succeed\w*|replac\w*|criticiz\w*|attack\w*|endors\w*|"
    r"join\w*|met|meets|meeting|called|calls|told|tells|asked|urged|sued|suing)\b|"
    r"(?<!aide )(?<!adviser )(?<!advisor )(?<!aides )(?<!advisers )\bto\b", _FLAGS)


def _holds_now(text: str, start: int) -> bool:
    """The office at `start` is held now: not 'former', not 'who became …'."""
    clause = _CLAUSE_BREAK.split(text[max(0, start - 60) : start])[-1]
    return not _is_former(text, start) and _PAST_OFFICE.search(clause) is None


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(set(names), key=lambda n: (-len(n), n)))


class _StateRule:
    """Finds a state office and its state in one text (see `_STATE_ONLY`)."""

    def __init__(self) -> None:
        states = gazetteer().us_states.values()
        self.by_name: dict[str, UsState] = {}
        for st in states:
            for name in (st.name, *st.alt):
                self.by_name[name.casefold()] = st
        self.abbr: dict[str, UsState] = {a: st for st in states for a in (*st.abbr, st.name)}
        every = _alternation(n for st in states for n in (st.name, *st.alt))
        clear = _alternation(n for st in states for n in ((st.name,) if not st.ambiguous else ()) + st.alt)
        edge_l, edge_r = r"(?<![\w.-])(?<!West )", r"(?!\w)(?!\s+City\b)(?!-)"
        one_any = rf"{edge_l}(?:{every}){edge_r}"
        one_clear = rf"{edge_l}(?:{clear}){edge_r}"
        self.name = re.compile(one_any)
        # 'Nebraska and Oklahoma officials': a list of states (see `state_of`)
        lst_any = rf"{one_any}(?:(?:,\s*|\s+and\s+|\s*&\s*){one_any})*"
        lst_clear = rf"{one_clear}(?:(?:,\s*|\s+and\s+|\s*&\s*){one_any})*"
        poss = r"(?:['’]s?)?\s+"
        self.patterns = [
            re.compile(rf"(?P<s>{lst_any}){poss}{_STATE_QUALIFIER}(?:{_STATE_ONLY})(?!\w)"),
            re.compile(rf"(?P<s>{lst_clear}){poss}{_STATE_QUALIFIER}(?:{_STATE_MORE})(?!\w)"),
            re.compile(rf"\b{_STATE_TITLE_NAMED}\s+of\s+(?:the\s+[Ss]tate\s+of\s+)?(?P<s>{lst_any})"),
            re.compile(rf"\b{_STATE_OFFICE_OF},?\s+(?:of|for)\s+(?:the\s+[Ss]tate\s+of\s+)?(?P<s>{lst_any})"),
            # 'in': only a name that is the state alone ('governors meeting in Washington' are not
            # Washington state's)
            re.compile(rf"\b{_STATE_OFFICE_OF},?\s+in\s+(?P<s>{lst_clear})"),
        ]
        # the speaker is the state: 'Nebraska', 'Nebraska and Oklahoma', 'the State of Georgia'
        self.identity = re.compile(
            rf"(?:(?:the\s+)?[Ss]tates?\s+of\s+(?P<a>{lst_any})|(?P<b>{lst_clear})"
            r"(?:\s+[Ss]tate)?(?:\s+government)?)")
        self.tag = re.compile(r"(?:^|[\s(,]+)[RDI]-([A-Z][\w.]*(?:\s?[A-Z][\w.]*)?)(?=[),;\s]|$)")

    def state_of(self, names: str) -> tuple[UsState, str]:
        """The state of a list of names, and a note on the others: a joint speaker of several
        states ('Nebraska and Oklahoma', 'Oklahoma and Nebraska') goes to the first in
        alphabetical order, the same column whatever order the text names them in."""
        found = sorted({self.by_name[" ".join(m.group().split()).casefold()].name: None
                        for m in self.name.finditer(names)})
        states = [self.by_name[n.casefold()] for n in found]
        note = f" (with {', '.join(found[1:])}: a joint speaker of several states goes to the " \
            "first in alphabetical order)" if len(found) > 1 else ""
        return states[0], note

    def find(self, text: str, name: bool = False) -> tuple[UsState, str] | None:
        """(state, why) for a current state office in `text`; with `name`, `text` is the
        speaker's name and may be the state itself ('Nebraska', 'the State of Georgia')."""
        if self.name.search(text) is None:  # most texts name no state: one pass, not five
            return self.tagged(text)
        if name and (_LEADING_ARTICLE.match(text.strip()) is None or _STATE_OF.match(text.strip())):
            # 'The Idaho' (of 'The Idaho congressman') is no state; 'the State of Georgia' is
            m = self.identity.fullmatch(_bare_name(text))
            if m is not None:
                st, note = self.state_of(m.group("a") or m.group("b"))
                return st, f"speaker is the state '{_quote(text, 60)}'{note}"
        for pattern in self.patterns:
            for m in pattern.finditer(text):
                clause = _CLAUSE_BREAK.split(text[max(0, m.start() - 80) : m.start()])[-1]
                if _holds_now(text, m.start()) and _OTHER_HOLDER.search(clause) is None:
                    st, note = self.state_of(m.group("s"))
                    return st, f"US state office '{_quote(m.group(), 60)}'{note}"
        return self.tagged(text)

    def tagged(self, text: str) -> tuple[UsState, str] | None:
        """'Gov. Ann Roe, R-Texas': a state office and a party-state tag."""
        office = _STATE_OFFICE_WITH_TAG.search(text)
        if office is not None and _holds_now(text, office.start()):
            for m in self.tag.finditer(text):
                tagged = self.abbr.get(m.group(1))
                if tagged is not None:
                    return tagged, f"US state office '{office.group()}' and the tag '{m.group().strip(' (,')}'"
        return None


def is_state_perspective(target: str | None) -> bool:
    """Whether a perspective id is a US state's government ('united-states-nebraska')."""
    return target is not None and target.startswith(US_STATE_PREFIX) and any(
        st.id == target for st in gazetteer().us_states.values())


@cache
def _state_rule() -> _StateRule:
    return _StateRule()


def _describes_someone(profile: _Profile, docs: dict[str, Document]) -> bool:
    """Whether a mention of the speaker runs on into a description of someone ('Minnesota
    congresswoman Michele Bachmann' cut down to the speaker 'Minnesota')."""
    for c in profile.claims:
        doc = docs.get(c.document)
        if doc is not None and c.speaker_end is not None \
                and _STATE_DESCRIBES.match(doc.text, c.speaker_end, c.speaker_end + 40):
            return True
    return False


def _state_decision(profile: _Profile, docs: dict[str, Document],
                    memo: dict[tuple[str, bool], tuple[UsState, str] | None],
                    offices: Callable[[str], Counter[str]]) -> _Decision | None:
    """A state government perspective when the speaker is a state, or their names and roles
    name a state office with its state; the state found most often wins (the first on a tie).
    A state as the speaker ('Nebraska and Oklahoma said') needs its offices named in the
    speaker's articles ('Nebraska Attorney General …'): in 'Florida may be the test' or 'Only
    Connecticut remained uncalled' a state is its voters, not its government. `offices` counts
    a document's state offices."""
    rule = _state_rule()
    found: list[tuple[UsState, str, str]] = []
    named: Counter[str] | None = None
    for text in profile.texts:
        # only the speaker's own name may be the state itself: an alias or a mention
        # 'Colorado' of 'police officers in counties bordering Colorado' is not
        key = (text, text == profile.name)
        if key not in memo:
            memo[key] = rule.find(*key)
        hit = memo[key]
        if hit is None:
            continue
        if hit[1].startswith("speaker is"):
            if named is None:
                named = Counter()
                for doc_id in _unique(c.document for c in profile.claims):
                    named.update(offices(doc_id))
            if not named[hit[0].id] or _describes_someone(profile, docs):
                continue
        found.append((hit[0], hit[1], text))
    if not found:
        return None
    counts = Counter(st.id for st, _, _ in found)
    top = max(counts.values())
    st, why, text = next(f for f in found if counts[f[0].id] == top)
    where = "" if why.startswith("speaker is") or _quote(text, 60) in why else f" in '{_quote(text)}'"
    return _Decision(st.id, f"{why}{where}: {st.name}'s state government")


# ---------------------------------------------------------------- what the text around says

# 'In Moscow, Foreign Minister Sergei Lavrov said …': a place fronted in the speaker's sentence is
# where they speak from (a capital is the government's metonym)
_FRONTED = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)In\s+(?P<p>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),"
                      r"\s+(?P<rest>[^.!?\n\"“”,]{0,80})$")


def _fronted_places(claims: Sequence[Claim], docs: dict[str, Document]) -> list[str]:
    """'Foreign Minister Sergei Lavrov in Moscow' for 'In Moscow, Foreign Minister Sergei Lavrov
    said': a country, capital or city fronted in the sentence the speaker is named in."""
    g = gazetteer()
    out: list[str] = []
    for c in claims[:DESCRIBE_CLAIMS]:
        doc = docs.get(c.document)
        if doc is None or c.speaker_start is None:
            continue
        m = _FRONTED.search(doc.text, max(0, c.speaker_start - 160), c.speaker_start)
        if m is None:
            continue
        entry = g.lookup(m.group("p"))
        if entry is None or entry.category not in _PLACE_CATEGORIES or entry.target is None:
            continue
        mention = c.speaker_mention or c.speaker or ""
        out.append(f"{mention} in {m.group('p')}".strip())
    return out


_WORDS_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+){1,2})$")
_FOR_AFTER = re.compile(
    r"\s+for\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?(?:premier|prime minister|president|ministry|"
    r"minister|government|chancellor|governor|mayor|presidency|cabinet|embassy)\b(?!\s+of\b)")


def _mention_context(claims: Sequence[Claim], docs: dict[str, Document]) -> list[str]:
    """A description's words that the speaker's mention left out: a demonym right before it
    ('Two Egyptian officials familiar with the negotiations said') and whose voice it is right
    after it ('A spokesperson for the premier rejected …'). Only for descriptions (a mention
    in lower case), not for names."""
    out: list[str] = []
    for c in claims[:DESCRIBE_CLAIMS]:
        doc = docs.get(c.document)
        mention = (c.speaker_mention or "").strip()
        if doc is None or c.speaker_start is None or c.speaker_end is None or not mention:
            continue
        if not (mention[:1].islower() or _DESCRIPTION.match(mention)):
            continue
        left = _WORDS_BEFORE.search(doc.text, max(0, c.speaker_start - 40), c.speaker_start)
        if left is not None:
            # the word right before only: 'Two' in 'Two Egyptian officials' is no name
            out.append(left.group(1).split()[-1] + " " + mention)
        right = _FOR_AFTER.match(doc.text, c.speaker_end)
        if right is not None:
            out.append(mention + right.group())
    return out


_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{2,6}(?![\w.])")


# a name the document defines with its initials: 'the Independent Electoral and Boundaries
# Commission (IEBC)'
_DEFINED_ACRONYM = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|the|on)\s+)*){1,7}[A-Z][\w'’-]*)"
                              r"\s+\(([A-Z]{2,6})\)")


def _initials(term: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", term) if w[:1].isupper())


def _expand_acronyms(texts: Sequence[str], doc_terms: Callable[[], dict[str, str]]) -> list[str]:
    """'National Prosecuting Authority spokesperson' for 'NPA spokesperson' when the documents
    name a body of the gazetteer whose initials the unknown acronym spells."""
    g = gazetteer()
    out: list[str] = []
    for text in texts:
        for m in _ACRONYM.finditer(text):
            if g.lookup(m.group()) is not None:
                continue
            full = doc_terms().get(m.group())
            if full is not None:
                out.append(text[: m.start()] + full + text[m.end():])
    return out


# 'the Commission' for the 'European Commission' its documents name (see `_expand_short_names`)
_SHORT_HEADS = frozenset("Commission Council Parliament Court Agency Fund Bank Organization "
                         "Organisation Committee".split())
_SHORT_NAME = re.compile(r"\b([Tt]he\s+)(" + "|".join(sorted(_SHORT_HEADS)) + r")\b(?!\s+(?:of|for|on)\b)")


def _expand_short_names(texts: Sequence[str], doc_terms: Callable[[], dict[str, str]]) -> list[str]:
    """"the European Commission's executive vice-president" for "the Commission's executive
    vice-president" when the documents name one body of the gazetteer with that head word."""
    out: list[str] = []
    for text in texts:
        m = _SHORT_NAME.search(text)
        if m is None:
            continue
        full = doc_terms().get(m.group(2))
        if full is not None:
            out.append(text[: m.start(2)] + full + text[m.end(2):])
    return out


# Definite and indefinite descriptions that point back to a body named earlier in the same
# document ('The military said' after 'The Israel Defense Forces said', 'an army spokesman' after
# 'The Indian Army said', 'a spokeswoman for the regulator' after 'Germany's financial regulator
# BaFin said', 'the spokesman' after 'the Prime Minister's official spokesman'), by their head
# word; 'their leader' and 'its spokesman' point back to the body that spoke last.
_BACK_HEADS: dict[str, tuple[str, ...]] = {
    "military": ("military", "army", "armed forces", "defen[cs]e forces", "forces", "navy",
                 "air force"),
    "army": ("army", "military", "armed forces", "defen[cs]e forces"),
    "armed forces": ("armed forces", "military", "army", "defen[cs]e forces"),
    "forces": ("forces", "military", "army"),
    "navy": ("navy",),
    "ministry": ("ministry",),
    "regulator": ("regulator", "watchdog", "authority"),
    "watchdog": ("watchdog", "regulator"),
    "agency": ("agency", "administration", "bureau", "service", "organi[sz]ation"),
    "police": ("police",),
    "prosecutors?": ("prosecut\\w*",),
    "prosecuting authority": ("prosecuting authority", "prosecut\\w*"),
    "authority": ("authority",),
    "government": ("government",),
    "embassy": ("embassy",),
    "spokes(?:man|woman|person)": ("spokes(?:man|woman|person)",),
    "office": ("office",),
}
_BACK_HEAD = re.compile(r"\b(?:" + "|".join(_BACK_HEADS) + r")\b", _FLAGS)
_DESCRIPTION = re.compile(r"^(?:the|a|an|another|its|their|his|her)\s+[a-z]", _FLAGS)
_BODY_POSSESSOR = re.compile(r"^(?:its|their)\s+", _FLAGS)
BACK_REFERENCE_CHARS = 2500


class _Decided:
    """Claims whose speaker has a perspective, by document and position (see `_back_reference`)."""

    def __init__(self, pairs: Iterable[tuple[Claim, Speaker]]) -> None:
        by_doc: dict[str, list[tuple[Claim, Speaker]]] = defaultdict(list)
        for pair in pairs:
            by_doc[pair[0].document].append(pair)
        self.at: dict[str, tuple[list[int], list[tuple[Claim, Speaker]]]] = defaultdict(lambda: ([], []))
        for doc_id, pairs_of in by_doc.items():
            pairs_of.sort(key=lambda p: _position(p[0]))
            self.at[doc_id] = ([_position(c) for c, _ in pairs_of], pairs_of)

    def add(self, claim: Claim, speaker: Speaker) -> None:
        positions, items = self.at[claim.document]
        pos = _position(claim)
        i = bisect.bisect_right(positions, pos)
        positions.insert(i, pos)
        items.insert(i, (claim, speaker))

    def before(self, claim: Claim, chars: int) -> list[tuple[Claim, Speaker]]:
        """Decided claims of the same document starting up to `chars` before, nearest first."""
        positions, items = self.at.get(claim.document, ([], []))
        pos = _position(claim)
        lo, hi = bisect.bisect_left(positions, pos - chars), bisect.bisect_left(positions, pos)
        return items[lo:hi][::-1]


def _position(claim: Claim) -> int:
    return claim.speaker_start if claim.speaker_start is not None else claim.start


_UNION_BACK = re.compile(r"^the\s+(?:(?:[\w-]+\s+){1,3}of\s+the\s+)?(?:union|federation|association|guild)"
                         r"(?:['’]s\b.*)?$", _FLAGS)
# "agency's emergency response director": a role whose article the attribution left out
_BARE_POSSESSOR = re.compile(r"^[a-z][\w-]*['’]s\s")


def _is_body(speaker: Speaker) -> bool:
    """Whether a decided speaker is an organisation or a listed body, not a person, although
    its name looks like one ('Doctors Without Borders', 'Arktik Shipping')."""
    p = speaker.perspective or ""
    return p in gazetteer().ngos or \
        _identity(_Profile(speaker.name, [speaker.name], False)) is not None


def _back_reference(speaker: Speaker, own: Sequence[Claim], decided: _Decided,
                    spoken: _Decided | None = None) -> tuple[str, str] | None:
    """(perspective, reason) from the body a description points back to (see `_BACK_HEADS`):
    the nearest earlier speaker of the same document, at most BACK_REFERENCE_CHARS before,
    whose names and roles hold the same head word; 'its'/'their' + role: the speaker right
    before, if it is a body (not a named person)."""
    texts = [("the " + t if _BARE_POSSESSOR.match(t) else t)
             for t in _unique([speaker.name, speaker.role, *(c.speaker_mention for c in own)])]
    texts = [t for t in texts if _DESCRIPTION.match(t)]
    if not texts:
        return None
    org = next((t for t in texts if _ORG_BACK.match(t)), None)
    if org is not None and spoken is not None:
        # "the group's Sudan country director", 'a spokeswoman for the charity': the body that
        # spoke last (people and undecided descriptions such as 'the company' in between
        # skipped), if it is a listed non-governmental organisation; another named body there,
        # even one with no perspective, stops the search
        for c in own[:DESCRIBE_CLAIMS]:
            for oc, os in spoken.before(c, BACK_REFERENCE_CHARS):
                if os.id == speaker.id:
                    continue
                if not _is_body(os) and _ORG_HEAD.search(os.name) is None and _looks_like_person(
                        _Profile(os.name, _unique([os.name, os.role, oc.speaker_mention]), os.anonymous)):
                    continue
                if os.perspective is None and _DESCRIPTION.match(os.name):
                    continue  # 'the company' points back itself: no newly named body
                p = os.perspective or ""
                if p in gazetteer().ngos:
                    return p, (f"'{_quote(org, 50)}' points back to the organisation "
                               f"'{_quote(os.name, 50)}' that spoke last: {gazetteer().label(p)}")
                break
    union = next((t for t in texts if _UNION_BACK.match(t)), None)
    if union is not None:
        # 'the union', 'the federation', "the union's president": the labour union named shortly
        # before ('the union' after the European Union is left to the head-word rule below)
        for c in own[:DESCRIBE_CLAIMS]:
            for _oc, os in decided.before(c, BACK_REFERENCE_CHARS):
                if os.id != speaker.id and os.perspective == UNIONS_ID:
                    return UNIONS_ID, (f"'{_quote(union, 50)}' points back to the union "
                                       f"'{_quote(os.name, 50)}' named shortly before: "
                                       f"{gazetteer().label(UNIONS_ID)}")
    heads: list[re.Pattern[str]] = []
    for t in texts:
        for m in _BACK_HEAD.finditer(t):
            key = next(k for k in _BACK_HEADS if re.fullmatch(k, m.group(), _FLAGS))
            heads.extend(re.compile(rf"\b(?:{h})\b", _FLAGS) for h in _BACK_HEADS[key])
    if not any(t[:4].lower() == "the " for t in texts):
        # 'a spokesman' introduces someone new; 'an army spokesman' points back by the body
        heads = [h for h in heads if "spokes" not in h.pattern]
    possessed = any(_BODY_POSSESSOR.match(t) for t in texts)
    if not heads and not possessed:
        return None
    for c in own[:DESCRIBE_CLAIMS]:
        # 'its'/'their' point to the speaker right before, decided or not ('BEUC … said. Its
        # director general …' is BEUC's, not that of a government that spoke before BEUC), and
        # so does 'its foreign ministry' ('Egypt … welcomed the talks. Its foreign ministry
        # said …' is Egypt's, not that of a ministry named before)
        by_last = spoken is not None and (not heads or possessed)
        before = (spoken if by_last and spoken is not None else decided).before(c, BACK_REFERENCE_CHARS)
        for oc, os in before:
            if os.id == speaker.id:
                continue
            if os.perspective is None:
                break
            names = _unique([os.name, os.role, oc.speaker_mention])
            if heads and not possessed:
                hit = next((h.search(n) for n in names for h in heads if h.search(n)), None)
                if hit is None:
                    continue
                why = f"'{hit.group()}'"
            else:
                if _looks_like_person(_Profile(os.name, names, os.anonymous)) and not _is_body(os):
                    break  # 'their leader' after a person: not a body's
                why = "the body that spoke last"
            target = os.perspective or ""
            return target, (f"'{_quote(texts[0], 50)}' points back to '{_quote(os.name, 50)}' "
                            f"named shortly before ({why}): {gazetteer().label(target)}")
    return None


def _first_name(words: Sequence[str]) -> bool:
    """Whether a name's first word is a given name ('Seth Hutchinson'), not a description ('the
    76-year-old Pelosi') or a stray word."""
    first = words[0]
    return bool(_NAME_TOKEN.match(first)) and first[:1].isupper() and first.lower() not in _TITLE_WORDS \
        and first not in _PREMODIFIER_STOP and gazetteer().lookup(first) is None


def _listed_person(names: Sequence[str], claims: Sequence[Claim],
                   docs: dict[str, Document]) -> tuple[str, str] | None:
    """(perspective, reason) of a speaker in the gazetteer's short list of office-holders: by
    full name, or by surname when their documents give the listed full name ('Mr. Guterres'
    after 'António Guterres'). Only for speakers nothing in the text decides."""
    g = gazetteer()
    for name in names:
        bare = _HONORIFIC.sub("", _bare_name(name))
        target = g.person(bare)
        if target is None and len(bare.split()) == 1 and (surname := _surname(bare)) is not None:
            folded = fold_name(surname)
            texts = {fold_name(docs[c.document].text) for c in claims[:DESCRIBE_CLAIMS]
                     if c.document in docs and len(docs[c.document].text) <= DESCRIBE_MAX_CHARS}
            # 'Lula' after 'President Luiz Inácio Lula da Silva': a word of the listed name
            full = {t for n, t in g.people.items() if f" {folded} " in f" {n} "[1:]
                    and any(n in text for text in texts)}
            target = next(iter(full)) if len(full) == 1 else None
        if target is not None:
            return target, (f"'{_quote(name, 40)}' is in the built-in list of office-holders "
                            f"(as of 2025-06): {g.label(target)}")
    return None


# ---------------------------------------------------------------- organisations

_NAME_ANALYST_WORDS = frozenset({"institute", "university", "college", "center for", "centre for",
                                 "school of"})
# The kind of body a description names when it is a company or a non-governmental organisation:
# 'Swedish cloud software company', 'an anti-corruption watchdog', "the country's largest business
# lobby", "the ship's operator", 'a network of civil society organisations', 'a Washington-based
# nonprofit', 'the paramilitary …'. Such a body has no perspective of its own (unless listed in
# the gazetteer's `ngos`); its kind only tells that a name such as '… Institute' is no think tank.
_ORG_KIND = (
    r"(?:compan(?:y|ies)|firm|corporation|conglomerate|operator|manufacturer|carmaker|automaker|"
    r"chipmaker|drugmaker|producer|developer|retailer|insurer|lender|airline|start-?up|"
    r"(?:non-?profit|charitable|private)\s+(?:institute|foundation|group|organi[sz]ation)|"
    r"non-?profit|not-for-profit|charity|NGO|non-?governmental organi[sz]ation|watchdog|lobby|"
    r"(?:advocacy|campaign|campaigning|rights|human rights|environmental|conservation|aid|relief|"
    r"humanitarian|lobby|lobbying|business|industry|trade|consumer|civil society|anti-corruption|"
    r"pressure|activist|green|medical|farm|farmers['’]?|monitoring|observer)\s+"
    r"(?:group|organi[sz]ation|body|network|association|coalition)|"
    r"(?:network|coalition|alliance|umbrella group)\s+of\s+(?:[\w-]+\s+){0,3}"
    r"(?:organi[sz]ations|groups|NGOs|companies|firms)|"
    r"paramilitary(?:\s+(?:group|force|forces))?|rebel\s+(?:group|movement|force|forces|alliance)|"
    r"militia|armed group|insurgent group)"
)
# a description whose head is such a kind ('an anti-corruption watchdog', 'Farm lobby group';
# not 'a company spokesman', whose head is the spokesman)
_ORG_DESCRIPTION = re.compile(
    rf"^(?:(?:an?|the)\s+)?(?:[\w'’&.-]+\s+){{0,5}}?{_ORG_KIND}"
    r"(?=$|\s*[,;(]|\s+(?:that|which|who|whose|in|based|representing|with|of|for|from|on|at)\b)",
    _FLAGS)
# the kind written before the name ('the environmental group Bellona', 'Farm lobby group CNA')
_ORG_KIND_BEFORE = re.compile(rf"^(?:(?:the|a|an)\s+)?(?:[\w'’&.-]+\s+){{0,4}}?{_ORG_KIND}\s+"
                              r"(?=[A-Z])", _FLAGS)
# the kind right before a name in a document ('cloud software company Norrsken Data'), and an
# apposition right after it ('BEUC, the European consumer organisation,')
_ORG_KIND_END = re.compile(rf"\b{_ORG_KIND}\s+(?:the\s+)?$", _FLAGS)
_APPOSITION = re.compile(r"(?:\s*\([A-Z]{2,8}\))?,\s+((?:an?|the)\s+[^,.;:\"“”]{1,80})")
# 'Murmansk-based Arktik Shipping'
_BASED_PREFIX = re.compile(r"^(?:[A-Z][\w.'’-]*-based)\s+")
# a name's word that no person's name has ('Sabin Vaccine Institute' is no person)
_ORG_HEAD = re.compile(r"\b(?:Institute|Foundation|Society|Association|Group|Company|Council|Committee|"
                       r"Organi[sz]ation|Agency|Fund|Union|Party|Coalition|Network|Observatory|"
                       r"Alliance|Federation|Commission|Center|Centre|Trust|Inc|Corp|Ltd|Bank)\b")
# armed groups that are no state's (see `_Assigner.armed_group`)
_ARMED = re.compile(r"\b(?:paramilitar(?:y|ies)|rebel\s+(?:group|movement|force|forces|alliance)|militia|"
                    r"armed group|insurgent group|guerrilla (?:group|movement|army))\b", _FLAGS)
# 'RSF spokesman', "the RSF's commander", 'M40 fighters'
_GROUP_VOICE = re.compile(r"^([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}?)(?:['’]s)?\s+(?:spokes(?:man|woman|person)|"
                          r"commanders?|leaders?|chief|fighters|official|media office|advis[eo]r)\b")
# 'a spokesman for the Rapid Support Forces', 'a commander of the paramilitary …'
_GROUP_SERVED = re.compile(r"\b(?:spokes(?:man|woman|person)|commanders?|leaders?|officials?|advis[eo]r)\s+"
                           r"(?:for|of)\s+the\s+(?:paramilitary\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})")
_CAPITALISED_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][\w'’-]*){1,6}")
_ORG_CONNECTORS = frozenset("of and for the & de du des la le für on to".split())
# a description that points back to a listed non-governmental organisation named shortly before
# ("the group's Sudan country director", 'a spokeswoman for the charity')
_ORG_BACK = re.compile(
    r"^(?:(?:a|an|the)\s+(?:spokes(?:man|woman|person)|official|executive|director)\s+(?:for|of|at|with)\s+)?"
    r"(?:the|a|an)\s+(?:(?:aid|rights|human rights|humanitarian|relief|environmental|campaign|"
    r"advocacy|medical)\s+)?(?:group|organi[sz]ation|charity|watchdog|agency|non-?profit|NGO)"
    r"(?:['’]s\b.*|\s+(?:spokes(?:man|woman|person)|official|executive|chief|president|director|"
    r"head|founder))?$", _FLAGS)


def _org_name(text: str) -> str | None:
    """The name of an organisation as written ('Bellona' in 'the environmental group Bellona',
    'Arktik Shipping' in 'Murmansk-based Arktik Shipping'): capitalised words and connectors,
    no place or other gazetteer name, no pronoun; None otherwise."""
    text = _bare_name(text)
    if (m := _ORG_KIND_BEFORE.match(text)) is not None:
        text = text[m.end():]
    text = _BASED_PREFIX.sub("", text).strip(" ,;:")
    words = text.split()
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    if not all(w[:1].isupper() or w.lower() in _ORG_CONNECTORS for w in words):
        return None
    if words[0].lower() in _PRONOUNS or words[0] in _PREMODIFIER_STOP:
        return None
    entry = gazetteer().lookup(text)
    if entry is not None:
        return None  # a country, a capital, a listed body: not a private organisation
    return text


def _org_description(texts: Iterable[str]) -> str | None:
    """The first text that describes an organisation by its kind."""
    for t in texts:
        t = t.strip()
        m = _ORG_DESCRIPTION.match(t) or _ORG_KIND_BEFORE.match(t)
        if m is None:
            continue
        if re.search(r"\bwatchdog\b", m.group(), _FLAGS) and gazetteer().scan(m.group()):
            continue  # "Britain's data watchdog" is a state regulator
        return m.group().strip()
    return None


def _person_name(name: str) -> bool:
    words = _HONORIFIC.sub("", name).split()
    return len(words) >= 2 and words[0].lower() in FIRST_NAMES


# ---------------------------------------------------------------- entry point


def author_key(document: Document) -> tuple[str, str]:
    """(perspective id, label) of the author perspective for a document's narration."""
    label = document.outlet or document.author
    if not label:
        label = "stdin" if document.path in ("-", "") else Path(document.path).name
    elif document.outlet and len(document.outlet) <= 4 and document.outlet.islower():
        # a data set's code for the outlet ('hpo', 'nyt'): its web address says who it is
        host = url_host(document.url)
        if host:
            label = f"{document.outlet} ({host})"
    stem = document.outlet or document.author or Path(document.path).stem or "stdin"
    return "author-" + (slugify(stem) or document.id), label


def assign_perspectives(
    claims: Sequence[Claim],
    speakers: Sequence[Speaker],
    documents: Sequence[Document],
    registry: PerspectiveRegistry | None = None,
) -> tuple[list[Claim], list[Speaker], list[Perspective]]:
    """Fill Speaker.perspective/perspective_reason and Claim.perspective; return the perspectives
    in use (most claims first, then label). Claims and speakers are updated in place."""
    assigner = _Assigner(documents, registry)
    g = gazetteer()
    by_id = {s.id: s for s in speakers}
    by_name: dict[str, Speaker] = {}
    for s in speakers:
        for n in (s.name, *s.aliases):
            by_name.setdefault(n.casefold(), s)

    claims_of: dict[str, list[Claim]] = defaultdict(list)
    loose: dict[tuple[str, str], list[Claim]] = defaultdict(list)  # speaker text without a Speaker
    narration: list[Claim] = []
    for c in claims:
        if c.speaker_id is not None and c.speaker_id in by_id:
            claims_of[c.speaker_id].append(c)
        elif c.speaker:
            named = by_name.get(c.speaker.casefold())
            if named is not None:
                claims_of[named.id].append(c)
            else:
                loose[(c.speaker, c.role or "")].append(c)
        elif c.kind == ClaimKind.NARRATION:
            narration.append(c)
        else:
            c.perspective = None

    targets: dict[str, Target] = dict(g.targets)
    targets.setdefault(US_CONGRESS_ID, Target(US_CONGRESS_ID, US_CONGRESS_LABEL, "government"))
    if registry is not None:
        for rp in registry.perspectives:
            targets[rp.resolved_id()] = Target(rp.resolved_id(), rp.label, rp.kind)

    used_speakers: dict[str, list[str]] = defaultdict(list)
    claim_counts: Counter[str] = Counter()

    # Surnames two speakers share with different first names (Bill and Hillary Clinton): what
    # the documents say around 'Clinton' may be about the other one.
    firsts: dict[str, set[str]] = defaultdict(set)
    for s in speakers:
        words = _HONORIFIC.sub("", s.name).split()
        if len(words) >= 2 and (last := _surname(s.name)) and _first_name(words):
            firsts[last].add(words[0])
    shared = {last for last, names in firsts.items() if len(names) > 1}
    for s in speakers:
        own = claims_of.get(s.id, [])
        texts = _unique([s.name, *s.aliases, s.role, *(c.role for c in own), *(c.speaker_mention for c in own)])
        texts = _unique([*texts, *_fronted_places(own, assigner.docs), *_mention_context(own, assigner.docs),
                         *_expand_acronyms(texts, functools.partial(assigner.acronyms, own)),
                         *_expand_short_names(texts, functools.partial(assigner.short_names, own))])
        profile = _Profile(
            name=s.name,
            texts=texts,
            anonymous=s.anonymous or any(c.anonymous for c in own),
            claims=own,
        )
        decision = assigner.decide(profile)
        # a United States or US Congress decision for a state office with no state named
        # ('Attorney General Scott Pruitt', 'Gov. Ann Roe'): the introduction may name the state
        state_hint = decision.target in (US_ID, US_CONGRESS_ID) and any(
            _STATE_OFFICE_HINT.search(t) for t in profile.texts)
        if (decision.target is None or (decision.weak and _surname(s.name) not in shared)
                or state_hint) and not profile.anonymous:
            # How the documents introduce the person ('Israeli Prime Minister Benjamin
            # Netanyahu', 'Graham (R-S.C.)'), where the attributions only say 'Netanyahu'.
            own_docs = _unique(c.document for c in own)
            words = _HONORIFIC.sub("", s.name).split()
            first = words[0] if len(words) >= 2 and _first_name(words) \
                and _surname(s.name) in shared else None
            described = name_descriptors(s.name, _around(own, assigner.docs), first=first)
            if not described and len(assigner.docs) <= DESCRIBE_ACROSS_DOCUMENTS:
                # introduced in another article of a small case ('Sen. Chuck Schumer (N.Y.)')
                described = name_descriptors(s.name, [
                    d.text for d in assigner.docs.values()
                    if d.id not in own_docs and len(d.text) <= DESCRIBE_MAX_CHARS], first=first)
            if described:
                profile.texts = _unique([*profile.texts, *described])
                retry = assigner.decide(profile)
                if state_hint and not is_state_perspective(retry.target):
                    pass  # the US decision stands unless the introduction names the state
                elif retry.target is not None and not (decision.weak and retry.weak):
                    decision = _Decision(retry.target, retry.reason + " (from how the documents "
                                         "introduce them)")
        decision = assigner.state_of_documents(profile, decision)
        if decision.target is None and not profile.anonymous:
            listed = _listed_person([s.name, *s.aliases], own, assigner.docs)
            if listed is not None:
                decision = _Decision(listed[0], listed[1])
        if decision.target is None:
            armed = assigner.armed_group(profile)
            if armed is not None:
                decision = armed
        s.perspective = decision.target
        s.perspective_reason = decision.reason
        if decision.target is not None:
            used_speakers[decision.target].append(s.id)
        for c in own:
            c.perspective = decision.target
            if decision.target is not None:
                claim_counts[decision.target] += 1

    # descriptions that point back to a body named shortly before ('the military', 'an army
    # spokesman', 'their leader'): in document order, so a chain of them follows its first
    decided = _Decided((c, by_id[c.speaker_id]) for c in claims
                       if c.speaker_id in by_id and by_id[c.speaker_id].perspective is not None)
    spoken = _Decided((c, by_id[c.speaker_id]) for c in claims if c.speaker_id in by_id)
    for _pass in range(3):
        # a chain ('the company said …; its chief executive …') may be met in any order
        changed = False
        for s in speakers:
            own = claims_of.get(s.id, [])
            if s.perspective is not None or not own:
                continue
            back = _back_reference(s, own, decided, spoken)
            if back is None or not back[0]:
                continue
            target, reason = back
            s.perspective, s.perspective_reason = target, reason
            used_speakers[target].append(s.id)
            for c in own:
                c.perspective = target
                claim_counts[target] += 1
            for c in own:
                decided.add(c, s)
            changed = True
        if not changed:
            break

    for (name, role), own in loose.items():
        profile = _Profile(
            name=name,
            texts=_unique([name, role, *(c.speaker_mention for c in own)]),
            anonymous=any(c.anonymous for c in own),
            claims=own,
        )
        decision = assigner.state_of_documents(profile, assigner.decide(profile))
        for c in own:
            c.perspective = decision.target
            if decision.target is not None:
                claim_counts[decision.target] += 1
        if decision.target is not None:
            used_speakers.setdefault(decision.target, [])

    targets.update(assigner.extra_targets)
    docs = {d.id: d for d in documents}
    for c in narration:
        doc = docs.get(c.document)
        if doc is None:
            c.perspective = None
            continue
        pid, label = author_key(doc)
        targets.setdefault(pid, Target(pid, label, "author"))
        c.perspective = pid
        claim_counts[pid] += 1
        used_speakers.setdefault(pid, [])

    perspectives = [
        Perspective(id=pid, label=targets[pid].label if pid in targets else pid,
                    kind=targets[pid].kind if pid in targets else "other", speakers=sids)
        for pid, sids in used_speakers.items()
    ]
    perspectives.sort(key=lambda p: (-claim_counts[p.id], p.label.casefold(), p.id))
    return list(claims), list(speakers), perspectives
