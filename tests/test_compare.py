"""core.compare: the comparison view model the TUI and the reports share."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.compare import (
    TITLE_MAX_CHARS,
    UNASSIGNED_PERSPECTIVE,
    UNGROUPED_EVENT,
    build_comparison,
    case_counts,
    is_keyword_label,
    paragraph_bounds,
    readable_label,
)
from core.models import Analysis, Claim, ClaimKind, Document, Group, Perspective, Settings
from tests.seedcase import seed_analysis

ROOT = Path(__file__).resolve().parent.parent
SEED_LIKE = ROOT / "fixtures" / "analysis" / "seed_like.json"


@pytest.fixture(scope="module")
def seed() -> Analysis:
    return Analysis.from_json(SEED_LIKE.read_bytes())


def test_events_sorted_by_voices_then_claims(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    keys = [(e.voices, e.claims) for e in comparison.events if e.id != UNGROUPED_EVENT]
    assert keys == sorted(keys, reverse=True)
    assert comparison.events[-1].id == UNGROUPED_EVENT
    assert sum(e.claims for e in comparison.events) == len(seed.claims)


def test_cells_hold_every_claim_once_in_reading_order(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    seen = []
    for event in comparison.events:
        for column in comparison.columns:
            cell = comparison.claims_in(event.id, column.id)
            assert [c.start for c in cell] == sorted(c.start for c in cell)
            assert all(comparison.perspective_of(c) == column.id for c in cell)
            seen += [c.id for c in cell]
    assert sorted(seen) == sorted(c.id for c in seed.claims)


def test_contested_needs_two_voices_and_a_denial_or_hedge(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    for event in comparison.events:
        if event.contested:
            assert event.voices >= 2
    reason = next(e for e in comparison.events if e.label == "Reason for the closure")
    assert reason.contested  # 'appeared political & not driven by …' against Pompeo
    relocation = next(e for e in comparison.events if e.label == "Relocation of diplomatic staff")
    assert not relocation.contested
    assert "iran" in reason.silent and "united-states" not in reason.silent


def test_context_paragraph_holds_the_span(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    for claim in seed.claims:
        context = comparison.context(claim.id)
        assert context.paragraph[context.span_start : context.span_end] == claim.text
        assert "\n\n" not in context.paragraph.strip()


def test_reasons_name_the_matched_terms(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    official = next(c for c in seed.claims if "appeared political" in c.text)
    reasons = comparison.reasons(official.id)
    assert reasons and reasons[0].tier == "merge"
    assert "iran" in reasons[0].terms


def test_a_suggestion_on_both_of_its_groups_is_one_reason() -> None:
    """Suggestions are stored on both groups they join; the claim's context lists each once."""
    analysis = seed_analysis()  # the pipeline's own output
    comparison = build_comparison(analysis)
    assert any(g.suggestions for g in analysis.groups)
    for claim in analysis.claims:
        pairs = [(r.other, r.tier) for r in comparison.reasons(claim.id)]
        assert len(pairs) == len(set(pairs)), claim.id


def test_filter_tolerates_typos_and_prefixes(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    typos = comparison.filter("apeared politcal")
    assert [e.label for e in typos.events] == ["Reason for the closure"]
    assert typos.claims is not None and len(typos.claims) == 1
    prefix = comparison.filter("pomp")
    assert prefix.claims is not None
    assert {comparison.claims[c].speaker for c in prefix.claims} == {"Mike Pompeo"}
    label = comparison.filter("ahvaz")
    assert label.events[0].label == "Ahvaz attack"
    assert comparison.filter("").claims is None
    assert comparison.filter("zzzzqqq").events == ()


def test_matrix_counts_match_cells(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    for event, counts in comparison.matrix():
        assert sum(counts) == event.claims


def test_speaker_and_source_rows(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    speakers = {r.name: r for r in comparison.speaker_rows()}
    assert speakers["Mike Pompeo"].claims == sum(1 for c in seed.claims
                                                 if c.speaker == "Mike Pompeo")
    assert speakers["a senior Iraqi official"].anonymous
    (source,) = comparison.source_rows()
    assert source.claims == len(seed.claims) and source.outlet == "MECRA"


def test_claims_without_group_or_perspective_still_show() -> None:
    text = "Officials said the base was hit. Nobody else spoke."
    doc = Document(id="d1", path="x.txt", text=text, sha256="0")
    claim = Claim(id="c1", document="d1", start=0, end=32, text=text[:32],
                  kind=ClaimKind.NARRATION)
    comparison = build_comparison(Analysis(documents=[doc], claims=[claim]))
    (event,) = comparison.events
    assert event.id == UNGROUPED_EVENT
    assert comparison.columns[0].claims == 1
    assert comparison.claims_in(event.id, comparison.columns[0].id) == [claim]


def test_paragraph_bounds_trim_blank_lines() -> None:
    text = "One.\n\n  Two three. Four.\n\nFive."
    start = text.index("three")
    left, right = paragraph_bounds(text, start, start + 5)
    assert text[left:right] == "Two three. Four."


# Sentences from the PolNeAR-style news register (not the seed), with keyword labels as the
# grouping step writes them: the first salient terms joined by ' · '.
NEWS = [
    "The senator said the border wall funding would be decided by Congress next week.",
    "Officials confirmed that funding for the border wall was still under review.",
]


def test_keyword_label_becomes_a_phrase_from_the_claims_in_original_case() -> None:
    title = readable_label("border · wall · funding", ["border", "wall", "funding", "Congress"],
                           NEWS)
    assert len(title) <= TITLE_MAX_CHARS
    assert "·" not in title
    # The words come from a claim, contiguous and in their original order.
    assert any(title.casefold() in text.casefold() for text in NEWS)
    for term in ("border", "wall", "funding"):
        assert term in title.casefold()
    assert title[0].isupper()


def test_phrase_runs_on_past_a_function_word_and_takes_a_short_sentence() -> None:
    assert readable_label("fire · including", ["fire", "including"],
                          ["Although indirect fire, including rockets, landing near the airport "
                           "was cited as a reason"]).endswith("including rockets")
    assert readable_label("Mike · Pompeo", ["Mike", "Pompeo"],
                          ["Mike Pompeo issued a statement."]) == "Mike Pompeo issued a statement"
    # Inflected forms of a term count ('diplomats' ~ 'diplomatic').
    assert "diplomatic" in readable_label(
        "diplomats · relocation", ["diplomats", "relocation"],
        ["I have directed the temporary relocation of diplomatic personnel from the city"])


def test_a_number_keeps_the_month_that_names_it() -> None:
    title = readable_label("11 · Saudi · attacks", ["11", "saudi", "attacks"], [
        "The bill lets families of those killed in the Sept. 11 attacks sue Saudi Arabia."])
    assert title.startswith("Sept. 11 attacks")


def test_phrase_takes_its_subject_and_leaves_out_an_apposition() -> None:
    # The subject comes along when the sentence start fits (an article is dropped) ...
    assert readable_label("trying · block", ["trying", "block"], [
        "The state legislature is trying to block some of the new offshore drilling permits."
    ]) == "State legislature is trying to block"
    # ... but not words without content, nor another clause.
    assert readable_label("committed · protecting", ["committed", "protecting"],
                          ["it was committed to protecting consulates"]
                          ) == "Committed to protecting consulates"
    assert readable_label("fire · including", ["fire", "including"], [
        "Although indirect fire, including rockets, landing near the airport was cited"
    ]) == "Indirect fire, including rockets"
    # A name followed by ', role ,' reads as the name and what they did.
    assert readable_label("Jane · Doe · spokeswoman", ["Jane", "Doe", "spokeswoman"], [
        "Jane Doe, a spokeswoman for the city water department, denied the report."
    ]) == "Jane Doe denied the report"
    # When the rest of the sentence is too long, the phrase stays as it was.
    long_rest = ("Jane Doe, a spokeswoman for the city water department, denied every part of "
                 "the report published on Monday by the local newspaper.")
    title = readable_label("Jane · Doe · spokeswoman", ["Jane", "Doe", "spokeswoman"],
                           [long_rest])
    assert title.startswith("Jane Doe, a spokeswoman") and len(title) <= TITLE_MAX_CHARS


def test_renamed_or_hand_written_labels_are_kept() -> None:
    assert not is_keyword_label("Reason for the closure", ["closure", "consulate"])
    assert is_keyword_label("closure · consulate", ["closure", "consulate", "Basra"])
    assert is_keyword_label("", [])
    assert readable_label("Reason for the closure", ["closure"], NEWS) == "Reason for the closure"


def test_titles_of_hostile_and_empty_groups_are_bounded_and_never_empty() -> None:
    hostile = ["[bold]x[/] said [US] diplomats left", "«" + "ש" * 300 + "»", "[/]", ""]
    for texts in (hostile, [], [""], ["a" * 500]):
        title = readable_label("diplomats · x", ["diplomats", "x"], texts)
        assert title and len(title) <= TITLE_MAX_CHARS
    assert readable_label("", [], []) == "(unlabelled event)"


def test_event_title_leaves_the_analysis_label_alone(seed: Analysis) -> None:
    analysis = seed.model_copy(deep=True)
    claim = analysis.claims[0]
    group = Group(id="g-keywords", label="zzz · yyy", claims=[claim.id], terms=["zzz", "yyy"])
    analysis.groups.append(group)
    comparison = build_comparison(analysis)
    assert comparison.event_title(group.id) != "zzz · yyy"
    assert comparison.groups[group.id].label == "zzz · yyy"
    # Hand-written labels (the seed-like fixture's) are shown as they are.
    for event in comparison.events:
        if event.id in comparison.groups and event.id != group.id:
            assert comparison.event_title(event.id) == event.label


def test_perspective_counts_share_one_definition(seed: Analysis) -> None:
    """Header, event rows, Sources and Matrix count the same perspectives: those that speak,
    without the author's narration and without 'no perspective'."""
    comparison = build_comparison(seed)
    kinds = {p.id: p.kind for p in seed.perspectives}
    speaking = {comparison.perspective_of(c) for c in seed.claims}
    expected = {p for p in speaking if p != UNASSIGNED_PERSPECTIVE and kinds.get(p) != "author"}
    assert set(comparison.voices) == expected
    assert any(kinds.get(p) == "author" for p in speaking)  # the fixture has narration
    counts = case_counts(seed, comparison.events, comparison.voices)
    assert counts["perspectives"] == len(expected) < len(seed.perspectives)
    for row in comparison.source_rows():
        in_document = {comparison.perspective_of(c) for c in seed.claims if c.document == row.id}
        assert row.perspectives == len(in_document & expected)
    for event in comparison.events:
        assert event.voices + len(event.silent) == len(comparison.voices)


def test_the_iraqi_denial_is_grouped_with_the_us_rationale_and_says_why(seed: Analysis) -> None:
    live = seed_analysis()
    comparison = build_comparison(live)
    official = next(c for c in live.claims if "appeared political" in c.text)
    denials = [r for r in comparison.reasons(official.id) if r.denial]
    assert denials and comparison.claims[denials[0].other].speaker == "Mike Pompeo"
    assert denials[0].tier == "merge" and not denials[0].rival
    assert {"threats", "iran"} <= {t.split("≈")[0].casefold() for t in denials[0].terms}


@pytest.mark.parametrize("denial", [False, True])
def test_rival_reasons_are_the_suggestions_kept_below_the_threshold(
        seed: Analysis, denial: bool) -> None:
    from core.grouping import group_claims
    from tests.test_grouping import _rival_case

    claims = _rival_case("iraq", denial=denial)
    document = Document(id="d1", path="d1.txt", title="t", sha256="0",
                        text=" ".join(c.text for c in claims))
    grouped, groups = group_claims(claims, [document], Settings())
    comparison = build_comparison(Analysis(documents=[document], claims=grouped, groups=groups))
    reasons = comparison.reasons("c5")
    if denial:  # grouped with the claim it denies: a link, not a suggestion
        assert [r.other for r in reasons if r.denial] == ["c3"]
        assert not [r for r in reasons if r.rival]
    else:
        assert [r.other for r in reasons if r.rival] == ["c3"]
        assert not [r for r in reasons if r.denial]
    fixture = build_comparison(seed)  # hand-made suggestions at or above the threshold
    assert not [r for c in seed.claims for r in fixture.reasons(c.id) if r.rival]


def test_a_title_is_built_around_what_happened_not_when() -> None:
    """'last · week · bill': the title holds the bill, not just 'Last week'; a group whose only
    salient word is a day is still named by it."""
    texts = ["The defense secretary testified before Congress last week that the bill would "
             "expose troops abroad to lawsuits."]
    title = readable_label("last · week · bill", ["last", "week", "bill"], texts)
    assert "bill" in title.casefold() and title.casefold() != "last week"
    assert len(title.split()) >= 3  # not a bare "Bill": what about it
    assert "Tuesday" in readable_label("Tuesday", ["Tuesday"], ["The vote came on Tuesday."])


def test_a_claim_that_says_little_is_shown_inside_its_sentence() -> None:
    from tui.render import claim_card

    live = seed_analysis()
    comparison = build_comparison(live)
    iran = next(c for c in live.claims if c.text.strip('"“”') == "ridiculous.")
    found = comparison.card_sentence(iran)
    assert found is not None
    sentence, start, end = found
    assert sentence == 'Iran called the closure "ridiculous."'
    assert sentence[start:end] == iran.text
    card = claim_card(iran, comparison)
    assert card.plain.startswith('Iran called the closure "ridiculous."')
    # the claim's own words are not dim, the rest of the sentence is
    dim = [span for span in card.spans if span.style == "dim"]
    assert any(span.start == 0 for span in dim)
    assert not any(span.start <= card.plain.index("ridiculous") < span.end for span in dim)
    # a claim with words of its own keeps its card as it was
    pompeo = next(c for c in live.claims if "threats to our personnel" in c.text)
    assert comparison.card_sentence(pompeo) is None


def test_a_row_holding_a_denial_is_named_by_what_is_denied() -> None:
    """The grouping names the founding row for its indirect fire; the sides dispute the threat
    from Iran, and the row's title says so. Rows without a denial keep their salient words."""
    live = seed_analysis()
    comparison = build_comparison(live)
    us = next(c for c in live.claims if "threats to our personnel" in c.text)
    title = comparison.event_title(comparison.event_of(us.id)).casefold()
    assert "threat" in title and "iran" in title
    ahvaz = next(c for c in live.claims if "major attack in Ahvaz" in c.text)
    assert "ahvaz" in comparison.event_title(comparison.event_of(ahvaz.id)).casefold()


@pytest.mark.parametrize(("terms", "text", "wanted", "unwanted"), [
    # 'Mrs.' abbreviates; it ends no sentence and no title
    (["photo", "features"], "The photo features Mrs. Trump lying on a rug in a plane.",
     None, ("Mrs",)),
    # a quotation mark the window cut from its partner goes
    (["coward", "trump"], "Calling Mr. Trump a “sniveling coward,” the senator left the stage "
     "after a long and angry speech.", None, ("“",)),
    # an empty opener goes, a number keeps its unit
    (["course", "story"], "Of course the National Enquirer story is 100 percent false, she said.",
     "National Enquirer story", ("Course",)),
    (["enquirer", "100"], "The National Enquirer story is 100 percent false, she said.",
     "100 percent", ()),
    # a verb keeps its 'to'
    (["party", "tried"], "Under pressure, the Republican Party tried to cauterize the wound that "
     "the week had opened.", "tried to cauterize", ()),
    # a title does not end on 'however'
    (["speak"], "I only speak to myself, however.", None, ("however",)),
    # the end of a name that opens the sentence, when the whole name does not fit
    (["opposed", "deal"], "Former Maryland Gov. Martin O'Malley has also opposed the deal.",
     "Martin O'Malley has also opposed the deal", ()),
])
def test_readable_label_reads_as_a_phrase(terms: list[str], text: str, wanted: str | None,
                                          unwanted: tuple[str, ...]) -> None:
    title = readable_label(" · ".join(terms), terms, [text])
    if wanted is not None:
        assert wanted in title, title
    for word in unwanted:
        assert not title.endswith(word) and not title.startswith(word), title
        if word == "“":
            assert word not in title, title


def test_words_a_link_inherits_from_the_article_are_marked_and_come_last() -> None:
    from core.compare import link_terms
    from core.models import MatchedTerm

    terms = [MatchedTerm(a="Durbin", b="Durbin", weight=0.3, context=True),
             MatchedTerm(a="closure", b="close", weight=0.2)]
    assert link_terms(terms) == ("closure≈close", "Durbin (article)")


def test_links_mark_inherited_words_and_write_them_as_the_article_does() -> None:
    from core.ingest import ingest
    from core.pipeline import analyze_documents

    root = Path(__file__).resolve().parent.parent
    analysis = analyze_documents(ingest([str(root / "seeds" / "basra_consulate_closure.txt"),
                                         str(root / "fixtures" / "case" / "militia_statement.txt")]
                                        ).documents)
    terms = [t for g in analysis.groups for link in g.links for t in link.terms]
    inherited = [t for t in terms if t.context]
    assert inherited and len(inherited) < len(terms)
    texts = " ".join(d.text for d in analysis.documents)
    for t in inherited:  # as the article writes it ('Basra', 'fire'), not a stem ('whit')
        assert re.search(rf"\b{re.escape(t.a)}\b", texts), t
        assert re.search(rf"\b{re.escape(t.b)}\b", texts), t


@pytest.mark.parametrize(("second", "contested"), [
    # a plain negation that answers nothing disputes nothing
    ("The state says the regulations sit in a no-man's land for banks.", False),
    ("The state says the new rules are not a threat to neighbouring states.", False),
    # a denial word does
    ("The state says the lawsuit is baseless.", True),
    # a negation answering what the other side asserts does
    ("The state says the marijuana law does not harm its neighbours.", True),
])
def test_contested_needs_a_denial_hedge_or_a_negation_that_answers(second: str,
                                                                   contested: bool) -> None:
    first = "Nebraska says the marijuana law does harm its neighbours."
    text = first + " " + second
    doc = Document(id="d1", path="x.txt", text=text, sha256="0")
    claims = [Claim(id="c1", document="d1", start=0, end=len(first), text=first,
                    kind=ClaimKind.INDIRECT, speaker="Nebraska", perspective="ne"),
              Claim(id="c2", document="d1", start=len(first) + 1, end=len(text),
                    text=second, kind=ClaimKind.INDIRECT, speaker="Colorado", perspective="co")]
    group = Group(id="g1", label="law", claims=["c1", "c2"])
    for claim in claims:
        claim.group = "g1"
    analysis = Analysis(documents=[doc], claims=claims, groups=[group], perspectives=[
        Perspective(id="ne", label="Nebraska"), Perspective(id="co", label="Colorado")])
    (event,) = build_comparison(analysis).events
    assert event.voices == 2 and event.contested is contested
