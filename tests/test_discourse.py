"""Discourse context: back-references inherit their antecedent's names, numbers and dates."""

from __future__ import annotations

from core.discourse import paragraph_context

PARAGRAPH = [
    "There is also rising rhetoric in Washington about Iran.",
    "In addition a major attack in Ahvaz killed 25 on September 22.",
    "Tehran has sought to implicate the US in the attack.",
    "The Basra consulate threats may be related directly to that attack.",
]


def test_definite_reference_to_an_introduced_event_inherits_its_arguments() -> None:
    context = paragraph_context(PARAGRAPH)
    assert context[0] == [] and context[1] == []
    assert {"Ahvaz", "25", "September 22"} <= set(context[2])
    assert "Washington" not in context[2]  # the attack was introduced in the sentence after it


def test_demonstrative_reference_chains_through_an_earlier_back_reference() -> None:
    context = paragraph_context(PARAGRAPH)
    assert {"Tehran", "Ahvaz", "September 22"} <= set(context[3])


def test_bare_this_and_plain_sentences_inherit_nothing() -> None:
    context = paragraph_context([
        "The US had previously warned Iran that it would be held accountable in early September.",
        "This happened after a mortar attack in the first week of September.",
        "Iraq regretted the US decision.",
    ])
    assert context[1] == []  # "This happened after a mortar attack": a new event, not the warning
    assert context[2] == []  # "the US decision": no decision was introduced with "a"


def test_claim_contexts_reads_only_what_back_references_reach_and_stays_bounded() -> None:
    """A single 20k-sentence paragraph (a huge one-paragraph input): every sentence refers back
    to the one before, so chains run the whole paragraph; inherited words stay capped, the
    work stays linear, and the claims get the same words as `paragraph_context` gives."""
    import time

    from core.discourse import MAX_INHERITED, SEPARATOR, claim_contexts
    from core.models import Claim, ClaimKind, Document

    sentences = ["A bomb attack hit Quetta on March 3."] + [
        f"Officials in Zone{k} said that attack hurt {k} people." for k in range(1, 20_000)]
    text = " ".join(sentences)
    doc = Document(id="d1", path="x.txt", text=text, sha256="0")
    claims = []
    start = 0
    for k, sentence in enumerate(sentences):
        if k % 500 == 1:
            claims.append(Claim(id=f"d1:{start}", document="d1", start=start,
                                end=start + len(sentence), text=sentence, kind=ClaimKind.DIRECT))
        start += len(sentence) + 1
    began = time.perf_counter()
    contexts = claim_contexts(claims, [doc])
    assert time.perf_counter() - began < 10.0
    assert set(contexts[0].split(SEPARATOR)) == {"Quetta", "March 3"}
    for context in contexts:
        assert 0 < len(context.split(SEPARATOR)) <= MAX_INHERITED
    assert contexts[0] == SEPARATOR.join(paragraph_context(sentences[:5])[1])
    assert contexts[1].split(SEPARATOR)[:4] == ["Officials", "Zone", "500", "500"]  # nearest first


# ---- a claim's own sentence (sentence_contexts) ------------------------------------------------

def _doc_and_claims(text: str, specs: list[tuple[str, str, str | None, str | None]]
                    ) -> tuple[object, list[object]]:
    """A one-paragraph document and claims given as (claim text, kind, speaker, cue); the
    speaker's span is its first occurrence in the text."""
    from core.models import Claim, ClaimKind, Document

    doc = Document(id="d1", path="x.txt", text=text, sha256="0")
    claims = []
    for claim_text, kind, speaker, cue in specs:
        start = text.index(claim_text)
        extra: dict[str, object] = {}
        if speaker is not None:
            s = text.index(speaker)
            extra = {"speaker": speaker, "speaker_start": s, "speaker_end": s + len(speaker)}
        claims.append(Claim(id=f"d1:{start}", document="d1", start=start,
                            end=start + len(claim_text), text=claim_text,
                            kind=ClaimKind(kind), cue=cue, **extra))
    return doc, claims


def test_a_content_poor_claim_takes_what_its_sentence_says_it_is_about() -> None:
    from core.discourse import sentence_contexts

    text = 'The harbour master called the bridge closure "absurd." Nobody else spoke.'
    doc, claims = _doc_and_claims(text, [('"absurd."', "direct", "The harbour master", "called")])
    context = sentence_contexts(claims, [doc])[0]  # type: ignore[arg-type]
    assert "bridge" in context and "closure" in context
    assert "called" not in context and "harbour" not in context  # not the cue, not the speaker
    assert "Nobody" not in context  # only its own sentence


def test_a_claim_with_content_of_its_own_takes_nothing() -> None:
    from core.discourse import sentence_contexts

    text = "After the storm, the mayor said the bridge would reopen on Friday."
    doc, claims = _doc_and_claims(
        text, [("the bridge would reopen on Friday", "indirect", "the mayor", "said")])
    assert sentence_contexts(claims, [doc]) == [""]  # type: ignore[arg-type]


def test_a_frame_sentence_takes_the_statement_it_introduces() -> None:
    from core.discourse import sentence_contexts

    text = ('Jane Okafor, head of the port authority, issued a statement. "The cranes stay idle '
            'until the strike ends," it reads.')
    quote = '"The cranes stay idle until the strike ends,"'
    doc, claims = _doc_and_claims(text, [
        ("Jane Okafor, head of the port authority, issued a statement.", "narration", None, None),
        (quote, "direct", "Jane Okafor", "reads"),
    ])
    claims[1] = claims[1].model_copy(update={"role": "head of the port authority"})  # type: ignore[attr-defined]
    contexts = sentence_contexts(claims, [doc])  # type: ignore[arg-type]
    assert contexts[0] == quote and contexts[1] == ""


def test_narration_that_says_more_than_who_spoke_is_not_a_frame() -> None:
    from core.discourse import sentence_contexts

    text = 'Jane Okafor toured the flooded docks on Monday. "The cranes stay idle," she said.'
    doc, claims = _doc_and_claims(text, [
        ("Jane Okafor toured the flooded docks on Monday.", "narration", None, None),
        ('"The cranes stay idle,"', "direct", "Jane Okafor", "said"),
    ])
    assert sentence_contexts(claims, [doc])[0] == ""  # type: ignore[arg-type]


def test_on_the_seed_frames_and_content_poor_claims_join_the_events_they_belong_to() -> None:
    """'Mike Pompeo issued a statement.' sits with the statement; Iran's '"ridiculous."' with
    the closure it called ridiculous; 'there may be more to it' with the indirect fire its
    sentence weighs it against."""
    from tests.seedcase import claim_at, seed_analysis

    analysis = seed_analysis()

    def group(anchor: str) -> str | None:
        claim = claim_at(analysis, anchor)
        assert claim is not None
        return claim.group

    assert group("Mike Pompeo issued a statement") == group("threats to our personnel")
    assert group("tweeted concern") == group("Deeply concerned by developments")
    assert group('"ridiculous."') == group("announced the closure of its consulate")
    assert group("there may be more to it") == group("indirect fire, including rockets")


def test_sentence_contexts_stay_linear_on_one_huge_paragraph() -> None:
    """20k short claims in one 20k-sentence paragraph: each paragraph is split once and found
    by bisection, not rescanned per claim."""
    import time

    from core.discourse import sentence_contexts
    from core.models import Claim, ClaimKind, Document

    sentences = [f"Official{k} called the dam{k} plan \"absurd.\"" for k in range(20_000)]
    text = " ".join(sentences)
    doc = Document(id="d1", path="x.txt", text=text, sha256="0")
    claims = []
    at = 0
    for sentence in sentences:
        start = at + sentence.index('"absurd."')
        claims.append(Claim(id=f"d1:{start}", document="d1", start=start, end=start + 9,
                            text='"absurd."', kind=ClaimKind.DIRECT, cue="called"))
        at += len(sentence) + 1
    began = time.perf_counter()
    contexts = sentence_contexts(claims, [doc])
    assert time.perf_counter() - began < 20.0
    assert "plan" in contexts[0] and "19999" in contexts[-1] and "called" not in contexts[0]
