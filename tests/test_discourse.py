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
