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
