"""US state governments as perspectives: a governor, a state attorney general, a legislature or a
state agency speaks for its state ('Nebraska', `united-states-nebraska`), members of Congress and
residents do not. All sentences are made up."""

from __future__ import annotations

import hashlib

import pytest

from core.gazetteer import gazetteer
from core.models import Claim, ClaimKind, Document, Speaker
from core.perspectives import (
    PerspectiveRegistry,
    assign_perspectives,
    is_state_perspective,
)


def _doc(text: str, outlet: str | None = None, url: str | None = None) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(id="d" + digest[:10], path="story.txt", text=text, sha256=digest,
                    outlet=outlet, url=url)


def _claims(doc: Document, *items: tuple[str, str, str, str | None]) -> tuple[list[Claim], list[Speaker]]:
    """Claims of (anchor, speaker, mention, role) in `doc`, one speaker each."""
    claims: list[Claim] = []
    speakers: dict[str, Speaker] = {}
    for anchor, speaker, mention, role in items:
        start = doc.text.index(anchor)
        end = start + len(anchor)
        m_start = doc.text.index(mention)
        sid = "s-" + hashlib.sha256(speaker.encode()).hexdigest()[:8]
        claims.append(Claim(
            id=f"{doc.id}:{start}-{end}", document=doc.id, start=start, end=end,
            text=doc.text[start:end], kind=ClaimKind.DIRECT, speaker=speaker, speaker_id=sid,
            speaker_mention=mention, speaker_start=m_start, speaker_end=m_start + len(mention),
            role=role, cue="said"))
        speakers.setdefault(sid, Speaker(id=sid, name=speaker, role=role))
    return claims, list(speakers.values())


def _one(sentence: str, speaker: str, mention: str, role: str | None = None,
         outlet: str | None = None, url: str | None = None,
         registry: PerspectiveRegistry | None = None) -> Speaker:
    """The speaker of the quoted words at the start of `sentence` ('"…," Mention said.')."""
    doc = _doc(sentence, outlet, url)
    quote = sentence.split('"')[1].rstrip(",")
    claims, speakers = _claims(doc, (quote, speaker, mention, role))
    _, out, _ = assign_perspectives(claims, speakers, [doc], registry)
    return out[0]


NYT = {"outlet": "The New York Times", "url": "https://www.nytimes.com/2019/03/01/us/x.html"}


# ------------------------------------------------------------------ positive cases

@pytest.mark.parametrize(("sentence", "speaker", "mention", "role", "expected"), [
    ('"Our roads carry the cost," Nebraska Attorney General Dana Whitfield said.',
     "Dana Whitfield", "Nebraska Attorney General Dana Whitfield", None, "nebraska"),
    ('"We will answer in court," said Colorado Attorney General Lena Marsh.',
     "Lena Marsh", "Colorado Attorney General Lena Marsh", None, "colorado"),
    ('"The filing is ready," said Bo Carter, Nebraska\'s attorney general.',
     "Bo Carter", "Bo Carter", "Nebraska's attorney general", "nebraska"),
    ('"The border counties suffer," the attorneys general of Nebraska and Oklahoma said.',
     "the attorneys general of Nebraska and Oklahoma",
     "the attorneys general of Nebraska and Oklahoma", None, "nebraska"),
    # a joint speaker goes to one column whatever order the states are named in
    ('"The border counties suffer," the attorneys general of Oklahoma and Nebraska said.',
     "the attorneys general of Oklahoma and Nebraska",
     "the attorneys general of Oklahoma and Nebraska", None, "nebraska"),
    ('"The bill is dead," Gov. Ray Holden of Texas said.',
     "Ray Holden", "Gov. Ray Holden of Texas", None, "texas"),
    ('"The bill is dead," Texas Gov. Ray Holden said.',
     "Ray Holden", "Texas Gov. Ray Holden", None, "texas"),
    ('"The bill is dead," Gov. Ray Holden, R-Texas, said.',
     "Ray Holden", "Gov. Ray Holden, R-Texas", None, "texas"),
    ('"We expected more," Ohio Lt. Gov. Mara Quist said.',
     "Mara Quist", "Ohio Lt. Gov. Mara Quist", None, "ohio"),
    ('"The vote is close," Colorado state Sen. Paul Ortiz said.',
     "Paul Ortiz", "Colorado state Sen. Paul Ortiz", None, "colorado"),
    ('"The vote is close," said Oregon state lawmakers.',
     "Oregon state lawmakers", "Oregon state lawmakers", None, "oregon"),
    ('"Sales rose in May," the Colorado Department of Revenue said.',
     "the Colorado Department of Revenue", "the Colorado Department of Revenue", None, "colorado"),
    ('"Ballots went out late," Colorado Secretary of State Ann Brill said.',
     "Ann Brill", "Colorado Secretary of State Ann Brill", None, "colorado"),
    ('"The rules stand," the Utah Legislature said.',
     "the Utah Legislature", "the Utah Legislature", None, "utah"),
    # the state itself speaks when the story names its government
    ('Nebraska Attorney General Dana Whitfield filed the suit. "Nobody asked us," Nebraska and '
     "Oklahoma said.", "Nebraska and Oklahoma", "Nebraska and Oklahoma", None, "nebraska"),
    ('Kansas Gov. Ann Roe signed the order. "Crime is up," the state of Kansas said.',
     "the state of Kansas", "the state of Kansas", None, "kansas"),
])
def test_state_offices_are_state_perspectives(sentence: str, speaker: str, mention: str,
                                              role: str | None, expected: str) -> None:
    s = _one(sentence, speaker, mention, role, **NYT)
    assert s.perspective == f"united-states-{expected}", s.perspective_reason
    assert s.perspective_reason and "state government" in s.perspective_reason


def test_a_state_as_speaker_needs_its_government_in_the_story() -> None:
    # a state that is its voters or its race ('Ohio remained too close to call') is no government
    s = _one('"It is too close to call," Ohio said late on Tuesday.', "Ohio", "Ohio", **NYT)
    assert not is_state_perspective(s.perspective), s.perspective_reason


def test_state_target_label_and_kind() -> None:
    target = gazetteer().targets["united-states-nebraska"]
    assert (target.label, target.kind) == ("Nebraska", "government")
    assert is_state_perspective("united-states-nebraska")
    assert not is_state_perspective("united-states-congress")
    assert not is_state_perspective("united-states")
    assert not is_state_perspective(None)


# ------------------------------------------------------------------ negatives

@pytest.mark.parametrize(("sentence", "speaker", "mention", "role", "expected"), [
    # members of Congress from a state stay in the US Congress
    ('"The treaty is flawed," said Sen. Carl Benton (R-Texas).',
     "Carl Benton", "Sen. Carl Benton (R-Texas)", None, "united-states-congress"),
    ('"The treaty is flawed," said Rep. Lia Grant (R-N.Y.).',
     "Lia Grant", "Rep. Lia Grant (R-N.Y.)", None, "united-states-congress"),
    # the federal government stays the United States
    ('"We will review the law," the Justice Department said.',
     "the Justice Department", "the Justice Department", None, "united-states"),
    # residence is no office
    ('"Prices went up," a Denver resident said.', "a Denver resident", "a Denver resident",
     None, None),
    ('"Prices went up," said a Colorado voter.', "a Colorado voter", "a Colorado voter",
     None, None),
])
def test_congress_federal_and_residents_are_not_states(sentence: str, speaker: str, mention: str,
                                                       role: str | None,
                                                       expected: str | None) -> None:
    s = _one(sentence, speaker, mention, role, **NYT)
    assert s.perspective == expected, s.perspective_reason
    assert not is_state_perspective(s.perspective)


@pytest.mark.parametrize("mention", ["Sen. Carl Benton of Texas", "Texas Sen. Carl Benton",
                                     "Texas Rep. Carl Benton", "Texas congressman Carl Benton"])
def test_a_state_named_with_a_congress_title_is_not_the_state(mention: str) -> None:
    s = _one(f'"The treaty is flawed," said {mention}.', "Carl Benton", mention, **NYT)
    assert not is_state_perspective(s.perspective), s.perspective_reason


def test_past_office_is_not_the_state() -> None:
    former = _one('"Taxes are too high," former Texas Gov. Ray Holden said.', "Ray Holden",
                  "former Texas Gov. Ray Holden")
    assert not is_state_perspective(former.perspective), former.perspective_reason
    became = _one('"I will run," said Ray Holden, the pastor who became Arkansas governor.',
                  "Ray Holden", "Ray Holden", "the pastor who became Arkansas governor")
    assert not is_state_perspective(became.perspective), became.perspective_reason


def test_another_persons_state_office_is_not_the_speakers() -> None:
    s = _one('"I will win again," said Carl Benton, who faces a challenge from Missouri '
             "Secretary of State Jo Kane.", "Carl Benton", "Carl Benton",
             "who faces a challenge from Missouri Secretary of State Jo Kane")
    assert not is_state_perspective(s.perspective), s.perspective_reason
    aide = _one('"The budget is late," said Jo Kane, an aide to Missouri Gov. Ann Roe.', "Jo Kane",
                "Jo Kane", "an aide to Missouri Gov. Ann Roe")
    assert aide.perspective == "united-states-missouri", aide.perspective_reason


def test_a_state_name_describing_someone_is_not_the_state() -> None:
    # an attribution cut short: 'Minnesota' of 'Minnesota congresswoman Joan Fry'
    s = _one('"Cut the budget," Minnesota congresswoman Joan Fry said.', "Minnesota",
             "Minnesota")
    assert not is_state_perspective(s.perspective), s.perspective_reason


# ------------------------------------------------------------------ ambiguous names

def test_washington_stays_the_capital_unless_a_state_office_is_named() -> None:
    capital = _one('"We are watching closely," Washington said.', "Washington", "Washington")
    assert capital.perspective == "united-states", capital.perspective_reason
    officials = _one('"We are watching closely," officials in Washington said.',
                     "officials in Washington", "officials in Washington")
    assert officials.perspective == "united-states", officials.perspective_reason
    gov = _one('"The fires are contained," Gov. Jay Moss of Washington said.', "Jay Moss",
               "Gov. Jay Moss of Washington")
    assert gov.perspective == "united-states-washington", gov.perspective_reason
    state = _one('"Salmon runs are down," Washington state officials said.',
                 "Washington state officials", "Washington state officials")
    assert state.perspective == "united-states-washington", state.perspective_reason


def test_georgia_is_the_country_unless_a_state_office_is_named() -> None:
    country = _one('"The talks failed," Georgia said.', "Georgia", "Georgia")
    assert country.perspective == "georgia", country.perspective_reason
    minister = _one('"The talks failed," Georgian Foreign Minister Nika Beridze said.',
                    "Nika Beridze", "Georgian Foreign Minister Nika Beridze")
    assert minister.perspective == "georgia", minister.perspective_reason
    governor = _one('"The port will grow," Georgia Gov. Tom Reese said.', "Tom Reese",
                    "Georgia Gov. Tom Reese")
    assert governor.perspective == "united-states-georgia", governor.perspective_reason


def test_new_york_the_city_is_no_state_perspective() -> None:
    mayor = _one('"Rents are too high," New York Mayor Ed Kline said.', "Ed Kline",
                 "New York Mayor Ed Kline")
    assert not is_state_perspective(mayor.perspective), mayor.perspective_reason
    city = _one('"Rents are too high," New York City officials said.', "New York City officials",
                "New York City officials")
    assert not is_state_perspective(city.perspective), city.perspective_reason
    officials = _one('"Rents are too high," New York officials said.', "New York officials",
                     "New York officials")
    assert not is_state_perspective(officials.perspective), officials.perspective_reason
    bare = _one('"Rents are too high," New York said.', "New York", "New York")
    assert bare.perspective is None, bare.perspective_reason
    ag = _one('"We will sue," New York Attorney General Maria Ford said.', "Maria Ford",
              "New York Attorney General Maria Ford", **NYT)
    assert ag.perspective == "united-states-new-york", ag.perspective_reason


# ------------------------------------------------------------------ no state named

def test_unnamed_governor_takes_the_state_whose_offices_the_story_names() -> None:
    text = ("Arizona Gov. Ann Roe signed the bill on Monday. Arizona Attorney General Ted Lane "
            'defended it. "It protects our schools," the governor said.')
    doc = _doc(text, **NYT)
    claims, speakers = _claims(doc, ("It protects our schools", "the governor", "the governor", None))
    _, out, _ = assign_perspectives(claims, speakers, [doc])
    assert out[0].perspective == "united-states-arizona", out[0].perspective_reason

    even = ("Arizona Gov. Ann Roe met Utah Gov. Ken Bright on Monday. "
            '"It protects our schools," the governor said.')
    doc = _doc(even, **NYT)
    claims, speakers = _claims(doc, ("It protects our schools", "the governor", "the governor", None))
    _, out, _ = assign_perspectives(claims, speakers, [doc])
    assert not is_state_perspective(out[0].perspective), out[0].perspective_reason


def test_state_legislator_with_a_city_tag_is_no_member_of_congress() -> None:
    text = ("Arizona Gov. Ann Roe vetoed the bill. Arizona Attorney General Ted Lane agreed. "
            '"We will try again next year," said state Sen. Luis Pardo (D-Phoenix).')
    doc = _doc(text, **NYT)
    claims, speakers = _claims(doc, ("We will try again next year", "Luis Pardo",
                                     "state Sen. Luis Pardo (D-Phoenix)", None))
    _, out, _ = assign_perspectives(claims, speakers, [doc])
    assert out[0].perspective == "united-states-arizona", out[0].perspective_reason


def test_introduction_names_the_state_of_an_attorney_general() -> None:
    # the attributions say 'Attorney General Scott Reyes', the article introduced him with his state
    text = ("Oklahoma Attorney General Scott Reyes filed the suit on Friday. "
            '"The drug crosses our border daily," Attorney General Scott Reyes said.')
    doc = _doc(text, **NYT)
    claims, speakers = _claims(doc, ("The drug crosses our border daily", "Scott Reyes",
                                     "Attorney General Scott Reyes", None))
    claims[0].speaker_start = text.rindex("Attorney General Scott Reyes")
    claims[0].speaker_end = claims[0].speaker_start + len("Attorney General Scott Reyes")
    _, out, _ = assign_perspectives(claims, speakers, [doc])
    assert out[0].perspective == "united-states-oklahoma", out[0].perspective_reason


# ------------------------------------------------------------------ registry

def test_registry_naming_the_state_wins() -> None:
    registry = PerspectiveRegistry.model_validate({"perspectives": [
        {"id": "plaintiff-states", "label": "Plaintiff states", "aliases": ["Nebraska", "Oklahoma"]},
    ]})
    s = _one('"Our roads carry the cost," Nebraska Attorney General Dana Whitfield said.',
             "Dana Whitfield", "Nebraska Attorney General Dana Whitfield", registry=registry, **NYT)
    assert s.perspective == "plaintiff-states", s.perspective_reason


# ------------------------------------------------------------------ end to end

STORIES = [
    ("The Plains Ledger", "https://www.plainsledger.com/a.html",
     "Nebraska and Oklahoma sued Colorado on Thursday over its cannabis law.\n\n"
     '"This contraband floods across our border every week," Nebraska Attorney General Dana '
     "Whitfield said at a news conference.\n\n"
     '"The lawsuit has no merit and we will defend our voters," Colorado Attorney General Lena '
     "Marsh said in a statement.\n"),
    ("Mountain Daily", "https://www.mountaindaily.com/b.html",
     "Two neighbouring states went to the Supreme Court against Colorado.\n\n"
     '"Colorado chose this path and Colorado will keep it," Colorado Gov. Ray Holden said on '
     "Friday.\n\n"
     '"Our sheriffs are paying for another state\'s choice," Nebraska Attorney General Dana '
     "Whitfield said.\n\n"
     '"We are reviewing the complaint," the Justice Department said.\n'),
    ("Capital Wire", "https://www.capitalwire.com/c.html",
     "The suit tests how far states may go.\n\n"
     '"States may not undo federal law," said Colorado Attorney General Lena Marsh.\n'),
]


def test_pipeline_keeps_the_states_apart() -> None:
    from core.pipeline import analyze_documents

    docs = [Document(id=f"d{i}", path=f"story{i}.txt", text=text, outlet=outlet, url=url,
                     sha256=hashlib.sha256(text.encode()).hexdigest())
            for i, (outlet, url, text) in enumerate(STORIES)]
    analysis = analyze_documents(docs)
    labels = {p.id: (p.label, p.kind) for p in analysis.perspectives}
    assert labels.get("united-states-nebraska") == ("Nebraska", "government"), labels
    assert labels.get("united-states-colorado") == ("Colorado", "government"), labels
    by_name = {s.name: s.perspective for s in analysis.speakers}
    assert by_name.get("Dana Whitfield") == "united-states-nebraska", by_name
    assert by_name.get("Lena Marsh") == "united-states-colorado", by_name
    assert by_name.get("Ray Holden") == "united-states-colorado", by_name
    nebraska = {c.text for c in analysis.claims if c.perspective == "united-states-nebraska"}
    colorado = {c.text for c in analysis.claims if c.perspective == "united-states-colorado"}
    assert nebraska and colorado and not nebraska & colorado
    federal = [s for s in analysis.speakers if "Justice Department" in s.name]
    assert federal and all(s.perspective == "united-states" for s in federal), federal
