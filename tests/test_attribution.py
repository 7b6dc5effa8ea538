"""Claims and attribution on real text: offsets, quotes, relays, continuation, indirect speech."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.attribution import attribute, attribute_document
from core.models import Claim, ClaimKind, Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "basra_consulate_closure.txt"
FIXTURES = ROOT / "fixtures" / "attribution"


def _doc(text: str, doc_id: str = "dtest") -> Document:
    return Document(id=doc_id, path="t.txt", text=text, sha256="-")


def _claims(text: str) -> list[Claim]:
    return attribute([_doc(text)])


def _at(claims: list[Claim], anchor: str) -> Claim:
    hits = [c for c in claims if anchor in c.text]
    assert hits, f"no claim holds {anchor!r}"
    return hits[0]


@pytest.fixture(scope="module")
def seed_claims() -> list[Claim]:
    return attribute([_doc(SEED.read_text(encoding="utf-8"), "dseed")])


def test_every_claim_text_is_its_exact_span(seed_claims: list[Claim]) -> None:
    text = SEED.read_text(encoding="utf-8")
    for claim in seed_claims:
        assert claim.text == text[claim.start:claim.end]
        assert claim.id == f"dseed:{claim.start}-{claim.end}"
        if claim.speaker_start is not None and claim.speaker_end is not None:
            assert text[claim.speaker_start:claim.speaker_end] == claim.speaker_mention
    ids = [c.id for c in seed_claims]
    assert len(ids) == len(set(ids))


def test_statement_then_it_reads_is_the_issuer(seed_claims: list[Claim]) -> None:
    claim = _at(seed_claims, "threats to our personnel and facilities")
    assert claim.kind is ClaimKind.DIRECT
    assert claim.speaker == "Mike Pompeo" and claim.speaker_mention == "It"
    assert claim.cue == "reads"
    assert claim.text.startswith('"threats') and claim.text.endswith('hours."')


def test_quote_without_cue_continues_last_speaker(seed_claims: list[Claim]) -> None:
    claim = _at(seed_claims, "I have directed that an appropriate temporary relocation")
    assert claim.kind is ClaimKind.DIRECT
    assert claim.speaker_mention == "Pompeo"


def test_appositive_roles(seed_claims: list[Claim]) -> None:
    burt = _at(seed_claims, "Deeply concerned by developments")
    assert burt.speaker_mention == "Alistair Burt"
    assert burt.role == "Minister of State at the Foreign Office in the UK"
    assert burt.cue == "tweeted"
    davis = _at(seed_claims, "Our friends, especially our friends in Basra")
    assert davis.speaker_mention == "Timmy Davis" and davis.role == "US Consul in Basra"


def test_quote_inside_quote_keeps_inner_speaker_and_via(seed_claims: list[Claim]) -> None:
    for anchor in ("appeared political & not driven", "'We are not aware of any intention"):
        claim = _at(seed_claims, anchor)
        assert claim.speaker_mention == "A senior Iraqi official"
        assert claim.anonymous
        assert claim.via == ["John Hudson", "The Washington Post"]
    assert "appeared" in _at(seed_claims, "appeared political").hedges
    assert "not aware" in _at(seed_claims, "We are not aware").hedges


def test_statement_quoted_inside_a_quote(seed_claims: list[Claim]) -> None:
    dos = _at(seed_claims, "We’ll respond swiftly")
    assert dos.speaker_mention == "DOS" and dos.via == ["Michael Pregent"]
    assert dos.text == "“We’ll respond swiftly & effectively, & it will not be at proxies.”"
    rest = _at(seed_claims, "is a mistake & will encourage more attacks")
    assert rest.speaker_mention == "Michael Pregent" and rest.cue == "notes"


def test_indirect_speech_and_narration(seed_claims: list[Claim]) -> None:
    iraq = _at(seed_claims, "it was committed to protecting consulates")
    assert iraq.kind is ClaimKind.INDIRECT and iraq.speaker_mention == "Iraq"
    assert iraq.text == "it was committed to protecting consulates"
    warned = _at(seed_claims, "it would be held accountable")
    assert warned.cue == "warned" and warned.speaker_mention == "The US"
    sources = _at(seed_claims, "there may be more to it")
    assert sources.anonymous and "other sources said" in sources.hedges and "may" in sources.hedges
    governor = _at(seed_claims, "it could affect the province")
    assert governor.speaker_mention == "The local governor"
    narration = _at(seed_claims, "Mike Pompeo issued a statement.")
    assert narration.kind is ClaimKind.NARRATION and narration.speaker_mention is None
    iran = _at(seed_claims, "ridiculous")
    assert iran.speaker_mention == "Iran" and iran.cue == "called"


def test_inverted_and_according_to_patterns() -> None:
    text = ("“We will not leave Basra,” said Timmy Davis, the US consul. "
            "The talks failed, according to two Iraqi officials. "
            "According to the governor, the militias fired three rockets. "
            "The decision was political, Qasemi said on Monday.")
    claims = _claims(text)
    assert _at(claims, "We will not leave").speaker_mention == "Timmy Davis"
    talks = _at(claims, "The talks failed")
    assert talks.cue == "according to" and talks.anonymous
    assert talks.text == "The talks failed"
    assert _at(claims, "the militias fired").speaker_mention == "the governor"
    qasemi = _at(claims, "The decision was political")
    assert qasemi.speaker_mention == "Qasemi" and qasemi.text == "The decision was political"


def test_multi_paragraph_quote_keeps_speaker() -> None:
    text = (FIXTURES / "multi_paragraph_quote.txt").read_text(encoding="utf-8")
    claims = _claims(text)
    second = _at(claims, "The second paragraph of the statement")
    third = _at(claims, "And a third paragraph")
    assert second.kind is ClaimKind.DIRECT and third.kind is ClaimKind.DIRECT
    first = _at(claims, "ridiculous excuse")
    assert first.speaker_mention is not None and first.speaker_mention.endswith("Bahram Qasemi")
    assert second.speaker_mention == third.speaker_mention == first.speaker_mention
    assert second.paragraph != third.paragraph


def test_markup_like_text_passes_through_unchanged() -> None:
    text = ('Iraq said "[US] diplomats [/] were never <script>alert(1)</script> targeted." '
            "Officials said the [/] marker was a typo.")
    claims = _claims(text)
    quote = _at(claims, "[US] diplomats")
    assert quote.text == '"[US] diplomats [/] were never <script>alert(1)</script> targeted."'
    assert quote.speaker_mention == "Iraq"
    assert _at(claims, "marker was a typo").anonymous
    for claim in claims:
        assert claim.text == text[claim.start:claim.end]


def test_typewriter_quotes_parenthetical_cues_and_headlines() -> None:
    text = ("Pompeo Says Iran Will Be Held Responsible For Any Attack.\n\n"
            "''We are going to resist the urge to leave,'' Mr. Davis said in Basra. "
            "This closure, he said, is only temporary. "
            "Iraq has lost 12 diplomats since 2014, according to a Reuters tally.")
    claims = _claims(text)
    headline = _at(claims, "Iran Will Be Held Responsible")
    assert headline.speaker_mention == "Pompeo" and headline.cue == "says"
    quote = _at(claims, "resist the urge")
    assert quote.text == "''We are going to resist the urge to leave,''"
    assert quote.speaker_mention == "Mr. Davis"
    aside = _at(claims, "is only temporary")
    assert aside.speaker_mention == "he" and aside.text.startswith("This closure")
    tally = _at(claims, "lost 12 diplomats")
    assert tally.cue == "according to" and tally.speaker_mention == "a Reuters tally"
    assert tally.text == "Iraq has lost 12 diplomats since 2014"


def test_learned_cues_attribute_stances_and_beliefs() -> None:
    # "endorsed" and "worried" are not in the hand-written verb list; core/data/cues.json
    # (PolNeAR train statistics) makes them cues with a source before them.
    text = ("Senator Maria Lopez endorsed the plan to expand rural broadband on Tuesday.\n\n"
            "Republicans are worried about a long fight over the budget next spring.\n\n"
            "The US announced the closure of its consulate in Basra.")
    claims = _claims(text)
    endorsed = _at(claims, "expand rural broadband")
    assert endorsed.kind is ClaimKind.INDIRECT and endorsed.cue == "endorsed"
    assert endorsed.speaker_mention == "Senator Maria Lopez"
    assert endorsed.text == "the plan to expand rural broadband on Tuesday"
    worried = _at(claims, "long fight")
    assert worried.speaker_mention == "Republicans"
    assert worried.text.startswith("a long fight")
    # An event cue without "that" stays the author's narration.
    assert _at(claims, "closure of its consulate").kind is ClaimKind.NARRATION


def test_learned_cues_need_a_plausible_source() -> None:
    text = ("Long before the vote, the committee met in private.\n\n"
            "This comes amid US concerns about the safety of the staff in the city.")
    for claim in _claims(text):
        assert claim.kind is ClaimKind.NARRATION, claim


def test_possessive_noun_cue() -> None:
    text = ("Smith won the primary in March.\n\n"
            "Later, his suggestion that the results be delayed drew wide criticism.")
    claim = _at(_claims(text), "results be delayed")
    assert claim.speaker_mention == "his" and claim.cue == "suggestion"
    assert claim.text.startswith("the results be delayed")


def test_lead_in_clause_before_an_attribution_stays_as_narration() -> None:
    text = ("Although indirect fire, including rockets, landing near the consulate area was cited "
            "as a reason, other sources said there may be more to it.\n")
    doc = Document(id="d1", path="x.txt", text=text, sha256="x")
    claims = attribute([doc])
    kinds = {c.text: c.kind for c in claims}
    assert kinds.get("Although indirect fire, including rockets, landing near the consulate area "
                     "was cited as a reason") == ClaimKind.NARRATION
    assert any(c.kind == ClaimKind.INDIRECT and "more to it" in c.text for c in claims)


def test_singular_role_noun_heads_a_speaker() -> None:
    text = ("One California delegate said he tried to give away guest passes to Mexican-American "
            "friends. A campaign strategist argued that the map favoured the incumbent.")
    claims = _claims(text)
    delegate = _at(claims, "he tried to give away")
    assert delegate.kind == ClaimKind.INDIRECT
    assert delegate.speaker_mention == "One California delegate"
    strategist = _at(claims, "the map favoured")
    assert strategist.speaker_mention == "A campaign strategist"
    assert all(text[c.start:c.end] == c.text for c in claims)


def test_name_lead_in_needs_a_first_name_elsewhere() -> None:
    # "TAPPER:" is a speaker only because "Jake TAPPER" appears in the document; "Note:" is not.
    text = ("Jake TAPPER hosted the debate on Sunday night in Miami.\n\n"
            "TAPPER: Specifically I have heard from a number of voters about the economy.\n\n"
            "Note: The transcript was edited for length and clarity by the staff.")
    claims = _claims(text)
    assert _at(claims, "Specifically I have heard").speaker_mention == "TAPPER"
    note = _at(claims, "The transcript was edited")
    assert note.speaker_mention is None


def test_cue_classifier_prefers_speech_to_events() -> None:
    from core.attribution_model import CUE_MODEL, CueCandidate

    assert CUE_MODEL is not None and 0.0 < CUE_MODEL.threshold < 1.0

    def candidate(form: str, nxt: str, subject: str) -> CueCandidate:
        return CueCandidate(form=form, prev=subject.split()[-1].lower(), next=nxt,
                            subject=subject, subject_how="adjacent", subject_first=True,
                            before_subject="", after=True, content_words=9, cue_index=2,
                            quote_in_sentence=False)

    speech = CUE_MODEL.probability(candidate("argued", "that", "Senator Warren"))
    event = CUE_MODEL.probability(candidate("visited", "Cap", "Senator Warren"))
    assert speech > 0.5 > event


@pytest.mark.parametrize("text, speaker", [
    ("Beijing said the sanctions were unfair.", "Beijing"),
    ("Kelly said the plan would fail.", "Kelly"),
    ("Manning told reporters the deal was dead.", "Manning"),
    ("Beijing on Monday said the talks would resume.", "Beijing"),
])
def test_one_word_speakers_ending_like_adverbs_are_kept(text: str, speaker: str) -> None:
    claims = attribute_document(Document(id="d", path="x.txt", text=text, sha256="x"))
    assert [(c.kind.value, c.speaker_mention) for c in claims] == [("indirect", speaker)]


def test_an_empty_appositive_is_a_typo_not_a_crash() -> None:
    text = "John Smith, , said the talks had failed again. Officials, , worried about it."
    claims = attribute_document(Document(id="d", path="x.txt", text=text, sha256="x"))
    assert all(text[c.start:c.end] == c.text for c in claims)


def test_the_classifier_skips_sentences_too_long_for_its_scan(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Its candidate scan is quadratic in sentence length (a transcript without full stops took
    # minutes); sentences over MODEL_MAX_SENTENCE keep what the rules found.
    import core.attribution as attribution

    scanned: list[int] = []
    real = attribution._DocAttributor.cue_candidates

    def counting(self, lo, hi, paragraph, quotes):  # type: ignore[no-untyped-def]
        scanned.append(hi - lo)
        return real(self, lo, hi, paragraph, quotes)

    monkeypatch.setattr(attribution._DocAttributor, "cue_candidates", counting)
    unit = "the strong effort behind the vote and the ban following the conference "
    short = "The council " + unit * 3 + "."
    long = "The council " + unit * 100
    assert len(long) > attribution.MODEL_MAX_SENTENCE > len(short)
    for text in (short, long):
        attribute_document(Document(id="d", path="x.txt", text=text, sha256="x"))
    assert scanned and max(scanned) <= attribution.MODEL_MAX_SENTENCE


def test_quote_cut_by_a_nested_statement_leaves_out_the_outer_marks() -> None:
    # Each piece of an outer quote cut around a nested statement must not carry a lone outer
    # quote mark ('is wrong."'): renderers add their own marks and the lone one doubles.
    for opener, closer in (('"', '"'), ("“", "”"), ("''", "''")):
        text = (f"Jane Doe notes: {opener}The militia takes the move as weakness and will push "
                "further. This DOS statement “We will respond firmly to any attack on us.” "
                f"is wrong and will invite more attacks.{closer}\n\nThe vote is next week.")
        claims = _claims(text)
        assert all(text[c.start:c.end] == c.text for c in claims)
        first = _at(claims, "The militia takes the move")
        last = _at(claims, "is wrong and will invite")
        nested = _at(claims, "We will respond firmly")
        assert first.text == "The militia takes the move as weakness and will push further."
        assert last.text == "is wrong and will invite more attacks."
        assert first.speaker_mention == last.speaker_mention == "Jane Doe"
        assert nested.text == "“We will respond firmly to any attack on us.”"
    # A quote that is not cut keeps both its marks.
    whole_text = 'Jane Doe notes: "The militia takes the move as weakness and will push on."'
    assert _at(_claims(whole_text), "The militia takes").text == whole_text[16:]


def test_infinitive_and_question_complements_stay_in_the_content() -> None:
    # 'sought to implicate X' shown as 'implicate X' reads as an order; 'to' (like 'whether')
    # carries the meaning, while 'that' and 'about' are dropped as before.
    text = ("A bombing in Ahvaz killed 25 people on Saturday. "
            "Tehran has sought to implicate Washington in the bombing.")
    sought = _at(_claims(text), "implicate Washington")
    assert sought.speaker_mention == "Tehran" and sought.cue == "sought"
    assert sought.text == "to implicate Washington in the bombing"
    worried = _at(_claims("Republicans are worried about a long fight over the budget next "
                          "spring."), "long fight")
    assert worried.text.startswith("a long fight")


def test_anonymous_source_hedge_is_the_cue_written_in_this_claim() -> None:
    told = _claims("The mayor resigned on Monday. Other sources told reporters that the "
                   "mayor had been forced out by the party.")
    claim = _at(told, "forced out by the party")
    assert claim.anonymous
    assert "other sources" in claim.hedges and "other sources said" not in claim.hedges
    said = _claims("The mayor resigned on Monday. Other sources said the mayor had been "
                   "forced out by the party.")
    assert "other sources said" in _at(said, "forced out by the party").hedges


def test_quote_pieces_take_hedges_from_the_frame_not_from_sibling_pieces() -> None:
    text = ("Jane Doe notes: \"The strike may have been a warning and could widen. This DOS "
            "statement “We will respond firmly to any attack on us.” is a mistake and will "
            "invite more attacks.\"\n")
    claims = _claims(text)
    assert _at(claims, "The strike may").hedges == ["may", "could"]
    assert _at(claims, "is a mistake").hedges == []


def test_a_quote_opening_with_someone_wanting_is_no_relay() -> None:
    # The speaker named after the quote says it; "Maria wants" is what the quote is about.
    claims = _claims('"Maria wants to run the city next year," Tom Baker said.')
    assert [c.speaker_mention for c in claims] == ["Tom Baker"]
    assert claims[0].via == []
    # A reporting verb after a speaker named before the quote still relays.
    relayed = _claims('Ann Lee noted, "A city official tells the Herald the plan is dead."')
    inner = _at(relayed, "the plan is dead")
    assert inner.speaker_mention == "A city official" and inner.via == ["Ann Lee"]


def test_a_verb_after_the_subject_is_no_name_modifier() -> None:
    # 'endorsed' before 'Governor Stone' is the verb, not a modifier of the name.
    claims = _claims('Mayor Lee endorsed Governor Stone last week, saying the state needed '
                     '"a steady hand."')
    assert _at(claims, "steady hand").speaker_mention == "Mayor Lee"


def test_according_to_a_count_by_the_agency_and_a_closing_parenthesis() -> None:
    tally = _at(_claims("Turnout rose by a third, according to a tally by the Associated Press."),
                "Turnout rose")
    assert tally.speaker_mention == "a tally by the Associated Press"
    checked = _claims("The bill failed (the real number is lower, according to Factcheck.org).")
    assert [c.speaker_mention for c in checked if c.speaker_mention] == ["Factcheck.org"]


@pytest.mark.parametrize("text", [
    'Maria Lopez spoke first. Then Tom Baker interjected, "Ladies and gentlemen, the mayor."',
    '"Ladies and gentlemen, the mayor," Tom Baker shot back.',
])
def test_any_past_tense_verb_at_a_quote_names_its_speaker(text: str) -> None:
    assert _at(_claims(text), "Ladies and gentlemen").speaker_mention == "Tom Baker"


def test_a_lone_common_verb_at_a_quote_needs_a_name() -> None:
    claims = _claims('The old bridge finally opened, "after years of delays and arguments."')
    assert all(c.speaker_mention is None for c in claims)


def test_inverted_cue_with_a_description_then_the_name() -> None:
    claim = _at(_claims("The plant is struggling, said the company’s chief executive, "
                        "John J. Ferriola."), "The plant is struggling")
    assert claim.speaker_mention == "John J. Ferriola"
    assert claim.role == "the company’s chief executive"


def test_a_quote_after_a_learned_cue_attribution_does_not_continue_it() -> None:
    claims = _claims('Mayor Ann Lee endorsed the new budget on Monday after a long debate. '
                     '"We will keep working every day until the vote is done."')
    assert _at(claims, "new budget").speaker_mention == "Mayor Ann Lee"
    assert _at(claims, "We will keep working").speaker_mention is None
    # After a reporting verb the quote does continue.
    said = _claims('Mayor Ann Lee said the budget was fair. '
                   '"We will keep working every day until the vote is done."')
    assert _at(said, "We will keep working").speaker_mention == "Mayor Ann Lee"


def test_long_indirect_content_before_a_quote_belongs_to_the_claim() -> None:
    claim = _at(_claims('Tom Baker said that the council had voted twice on the budget, that '
                        'the money had run out in March and that the plan for the new bridge '
                        'was "a disaster."'), "a disaster")
    assert claim.text.startswith("the council had voted twice")


def test_a_loose_subject_ending_in_a_pronoun_is_the_pronoun() -> None:
    from core.attribution import _DocAttributor

    text = "On the farm, the drought was a problem which the old farmer she hoped would solve."
    att = _DocAttributor(_doc(text))
    mentions = [attr.mention for _c, _s, _e, attr in att.cue_candidates(0, len(text), 0, [])]
    assert "she" in mentions
    assert not any(m.endswith(" she") for m in mentions)


@pytest.mark.parametrize(("source", "last"), [
    ("Sen. Bernie Sanders", "sanders"),
    ("Bill Richardson of New Mexico", "richardson"),
    ("a poll released Monday", None),  # a description with its date, no name
    ("A CNN poll in February", None),
    ("Most of the vulnerable Senate Republicans", "republicans"),  # not 'Most'
    ("One of the authors of that report, Ari Fleischer,", None),  # a description; not 'one'
    ("the campaign", None),
    ("he", None),
    ("Speaker of the House Rep. Paul Ryan (R-WI)", "ryan"),  # not 'Speaker'
])
def test_bench_gold_last_name(source: str, last: str | None) -> None:
    from bench.attribution import gold_last_name

    assert gold_last_name(source) == last


def test_a_fronted_phrase_before_the_speakers_name() -> None:
    claims = _claims('Of Carson, Levine, who has given money to Marco Rubio, said, '
                     '"He is scary and vapid at once."')
    assert _at(claims, "scary and vapid").speaker_mention == "Levine"


def test_words_before_a_quote_attributed_after_it_join_the_claim() -> None:
    claims = _claims("Teachers who connect online are “very, very pro-Bernie,” Kilfoyle said. "
                     "The group did not endorse anyone.")
    claim = _at(claims, "pro-Bernie")
    assert claim.text == "Teachers who connect online are “very, very pro-Bernie,”"
    assert claim.speaker_mention == "Kilfoyle"
    # A quote that opens its sentence keeps its own span.
    alone = _at(_claims("She paused. “It is over for all of us,” he said."), "It is over")
    assert alone.text == "“It is over for all of us,”"


def test_a_quote_inside_the_writers_own_sentence_does_not_continue_the_last_speaker() -> None:
    claims = _claims('Tom Baker said the budget was fair. "We kept every promise," he said.\n\n'
                     'But, given the threats, "we will move the staff out of the city today."\n\n'
                     'Anna Reyes has long lived by the old motto "work hard and stay humble in '
                     'every job."')
    # A quote after a fronted phrase and a comma still continues the last speaker ...
    assert _at(claims, "move the staff").speaker_mention == "he"
    # ... a quote inside the writer's own sentence about someone else does not.
    assert _at(claims, "work hard and stay").speaker_mention != "he"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The Ministry of Ports and Airports called the walkout illegal.",
     "Ministry of Ports and Airports"),
    ("The Department of Health and Human Services said the rule would take effect in May.",
     "Department of Health and Human Services"),
    # two people speaking together: the list is the speaker (tests/test_joint_speakers.py)
    ("Smith and Jones said the vote would be close.", "Smith and Jones"),
    ("Secretary of State John Kerry and Sergei Lavrov said the talks would resume.",
     "Sergei Lavrov"),
])
def test_and_joins_an_institutions_name_not_two_speakers(sentence: str, speaker: str) -> None:
    claims = [c for c in _claims(sentence) if c.speaker_mention]
    assert claims, sentence
    mention = claims[0].speaker_mention
    assert mention is not None and mention.endswith(speaker) and " and " not in \
        mention.replace(speaker, ""), claims[0]


@pytest.mark.parametrize(("sentence", "name"), [
    ("Hours later, Governor Lane answered her critics, telling reporters that the new budget "
     "was balanced.", "Lane"),
    ("Back in 1999, Mr. Okafor toured the old mill, telling a radio host that he admired its "
     "workers.", "Okafor"),
    ("Earlier this week, Marta Quill pressed the council on the subject, insisting that the "
     "vote be held in public.", "Quill"),
])
def test_fronted_adverbial_is_not_the_speaker(sentence: str, name: str) -> None:
    """A fronted phrase ending in a comma ('Hours later,', 'Facing …,') is skipped: the
    subject after it speaks, not the phrase's first word."""
    claim = next(c for c in _claims(sentence) if c.speaker_mention)
    assert name in (claim.speaker_mention or "")


def test_name_before_role_without_closing_comma() -> None:
    """'NAME, the ROLE said': the missing closing comma leaves the name the speaker."""
    claims = _claims("Jo Park, the director of the city museum said the new wing would open "
                     "in May.")
    claim = next(c for c in claims if c.speaker_mention)
    assert claim.speaker_mention == "Jo Park"
    assert claim.role == "the director of the city museum"
    claims = _claims("Jo Park, director of the city museum said the new wing would open in May.")
    assert next(c for c in claims if c.speaker_mention).speaker_mention == "Jo Park"


@pytest.mark.parametrize("sentence", [
    "Lena Holt, who runs a bakery in Dayton, Ohio, said sales had doubled since spring.",
    "Holt, during a visit to a school in Dayton, Ohio, said sales had doubled since spring.",
])
def test_town_state_parenthetical_is_not_the_speaker(sentence: str) -> None:
    """'in Town, State,' inside a comma-set-off phrase: the state is part of a place."""
    claim = next(c for c in _claims(sentence) if c.speaker_mention)
    assert claim.speaker_mention in ("Lena Holt", "Holt")


def test_issued_statement_saying_quote_is_the_issuers() -> None:
    """'X issued a statement saying "…"': the issuer speaks the quote, not 'a statement'."""
    claims = _claims('Rosa Vey issued a statement saying the bridge "will reopen before '
                     'winter."')
    claim = _at(claims, "reopen before winter")
    assert claim.speaker_mention == "Rosa Vey"


@pytest.mark.parametrize("sentence", [
    "Shipping agents said dozens of vessels were waiting offshore.",
    "Farmers said the rain came too late for the harvest.",
])
def test_plural_groups_of_people_can_speak(sentence: str) -> None:
    claims = _claims("The port was closed on Monday. " + sentence)
    spoken = [c for c in claims if c.speaker_mention]
    assert spoken and spoken[0].kind == ClaimKind.INDIRECT, claims


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Tenants who have lived in the block for years say the rent rose twice in one winter.",
     "Tenants"),
    ("But residents who have lived nearby for years said the alarm never sounded.",
     "residents"),
])
def test_a_relative_clause_before_the_cue_is_not_the_speaker(sentence: str, speaker: str) -> None:
    """'Tenants who have lived in the block say …': the subject is the noun phrase before
    'who', not the relative clause's last words ('the block')."""
    claim = next(c for c in _claims(sentence) if c.speaker_mention)
    assert claim.speaker_mention == speaker


@pytest.mark.parametrize(("sentence", "speaker", "content"), [
    ("Polls show the race is tied in both states, said Dana Roe, an analyst at the institute.",
     "Dana Roe", "Polls show the race is tied in both states"),
    ("He vowed to win the district by a wide margin, Roe said.", "Roe",
     "He vowed to win the district by a wide margin"),
])
def test_a_sentence_ending_in_its_attribution_is_that_speakers(sentence: str, speaker: str,
                                                               content: str) -> None:
    """'Polls show …, said Dana Roe.': the trailing attribution names the speaker of the whole
    sentence, not the cue inside it ('show', 'vowed')."""
    claim = next(c for c in _claims(sentence) if c.speaker_mention)
    assert claim.speaker_mention == speaker
    assert claim.text == content


def test_a_trailing_group_attribution_keeps_the_named_speaker() -> None:
    claims = _claims("Mayor Ann Lee said the bridge would reopen in May, officials said.")
    claim = next(c for c in claims if c.speaker_mention)
    assert claim.speaker_mention == "Mayor Ann Lee"


def test_a_quote_followed_by_a_clause_and_a_trailing_attribution() -> None:
    """'"…" if she won by less, said Dana Roe, an analyst.': the trailing name speaks the
    quote; the quote does not continue the last speaker ('Polls')."""
    claims = _claims('Polls show the mayor ahead by ten points.\n\n"Many would call that a '
                     'defeat" if she won by less, said Dana Roe, an analyst at the institute.')
    claim = next(c for c in claims if "call that a defeat" in c.text)
    assert claim.speaker_mention == "Dana Roe"


def test_an_opening_mark_typed_as_the_closer_still_closes_the_quote() -> None:
    """'“… here,“ said Jim Brown': the second mark is an opener by its form but closes."""
    claims = _claims("Voters were restless.\n\n“The reality is, we will lose the state here,“ "
                     "said Jim Brown, a congressman from Ohio.")
    claim = next(c for c in claims if "lose the state" in c.text)
    assert claim.speaker_mention == "Jim Brown" and claim.kind == ClaimKind.DIRECT
    # a real nested opener after a comma and before a word is not taken for a closer
    inner = _claims("“He told me, “Go home,” and left,” said Jim Brown.")
    quote = next(c for c in inner if "Go home" in c.text)
    assert quote.speaker_mention == "Jim Brown" and "and left" in quote.text
