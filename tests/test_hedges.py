"""Hedge cues: what marks a claim as uncertain, and what only looks like it."""

from __future__ import annotations

from core.hedges import find_hedges


def test_modals_and_hedge_phrases_are_found_in_order() -> None:
    assert find_hedges("It may rain, and officials said it could appear worse.") == [
        "may", "could", "appear"]
    assert find_hedges("Other sources said it was unclear.") == ["other sources said", "unclear"]


def test_the_month_may_is_not_a_hedge() -> None:
    assert find_hedges("The vote was held in May.") == []
    assert find_hedges("On May 5 the talks resumed.") == []
    assert find_hedges("May the talks succeed.") == ["may"]  # a sentence's first word: the modal


def test_a_modal_in_a_free_relative_or_concessive_clause_is_not_a_hedge() -> None:
    assert find_hedges("regardless of which party may be in charge") == []
    assert find_hedges("whatever it may cost, the plan could fail") == ["could"]


def test_the_noun_claims_is_not_a_hedge_but_the_verb_is() -> None:
    assert find_hedges("Senator Roe dismissed the claims of fraud as baseless.") == []
    assert find_hedges("These claims were false, and his claims too.") == []
    assert find_hedges("He claims the vote was rigged.") == ["claims"]
    assert find_hedges("Roe claims victory and says the count is over.") == ["claims"]
