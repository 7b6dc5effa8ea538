"""Rebuttals (core/rivals.py): a claim denying what another side asserts joins that claim's event."""

from __future__ import annotations

from core.rivals import Stance, attach_rebuttals, rebuts, stance
from core.tokens import Tokenizer


def _stance(text: str) -> Stance:
    return stance(text, Tokenizer())


def test_a_negation_scopes_the_next_content_words_of_its_clause() -> None:
    s = _stance("The decision appeared political & not driven by any credible threat from Iran, "
                "officials in Basra said.")
    assert {"threat", "iran"} <= s.negated
    assert "basra" in s.terms and "basra" not in s.negated  # the next clause is not in scope
    assert "decision" not in s.negated  # words before the cue are not in scope
    assert "involvement" in _stance("Tehran denied any involvement in the attack.").negated
    assert not _stance("Threats from Iran have increased.").negated


def test_a_denial_needs_two_shared_terms_and_only_one_side_denying() -> None:
    threat = _stance("Threats from Iran and its militias have increased over the past weeks.")
    denial = _stance("The closure was political and not driven by any threat from Iran.")
    assert rebuts(denial, threat) and not rebuts(threat, denial)
    # one shared word is too thin
    assert not rebuts(_stance("It will not be at proxies."),
                      _stance("His proxies will be encouraged to attack."))
    # both deny the same thing: they agree
    assert not rebuts(denial, _stance("There was no threat from Iran at all."))


def _labels(sides: list[str | None], score: float = 0.5) -> list[int]:
    stances = [_stance("Threats from Iran and its militias have increased."),
               _stance("Talks on the budget went on."),
               _stance("There was no credible threat from Iran or its militias.")]
    # claims 0 and 1 are one event, claim 2 another; the pair (0, 2) scored `score`
    return attach_rebuttals([0, 0, 1], [(0, 2, score), (0, 1, 0.9)], sides, stances, 0.04)


def test_the_denial_moves_to_the_group_of_the_claim_it_denies() -> None:
    assert _labels(["us", "us", "iraq"]) == [0, 0, 0]


def test_no_move_for_one_side_narration_or_a_weak_pair() -> None:
    assert _labels(["us", "us", "us"]) == [0, 0, 1]  # one side disagreeing with itself: no
    assert _labels(["us", "us", None]) == [0, 0, 1]  # narration is no side
    assert _labels(["us", "us", "iraq"], score=0.02) == [0, 0, 1]  # below auto-merge


def test_a_claim_moves_once_to_its_strongest_pair_and_anchors_stay() -> None:
    stances = [_stance("Threats from Iran and its militias have increased."),
               _stance("There was no threat from Iran or its militias."),
               _stance("Threats from Iran and its militias rose in Basra.")]
    # 1 denies both 0 and 2: it joins 0 (the stronger pair) and does not move on to 2
    out = attach_rebuttals([0, 1, 2], [(1, 2, 0.4), (0, 1, 0.5)], ["us", "iraq", "uk"],
                           stances, 0.04)
    assert out == [0, 0, 2]
    # a claim another one joined is an anchor: it does not move away from its new company
    anchor = [_stance("There was no threat from Iran or its allies."),
              _stance("Threats from Iran have increased, but there were no attacks by militias "
                      "on the consulate."),
              _stance("Attacks by militias on the consulate rose.")]
    out = attach_rebuttals([0, 1, 2], [(0, 1, 0.5), (1, 2, 0.4)], ["iraq", "us", "uk"],
                           anchor, 0.04)
    assert out == [1, 1, 2]


def test_a_group_held_together_by_the_denial_alone_is_split() -> None:
    """0–1 and 1–2 are auto-merge links, 0–2 is not: once 1 (a denial of 3) leaves, 0 and 2
    have nothing in common left, and each is its own group."""
    stances = [_stance("The budget talks went on."),
               _stance("There was no threat from Iran or its militias."),
               _stance("The parliament debated the budget."),
               _stance("Threats from Iran and its militias have increased.")]
    pairs = [(0, 1, 0.3), (1, 2, 0.3), (1, 3, 0.5), (0, 2, 0.01)]
    out = attach_rebuttals([0, 0, 0, 1], pairs, ["iraq", "iraq", "iraq", "us"], stances, 0.04)
    assert out[1] == out[3] == 1
    assert len({out[0], out[2], out[1]}) == 3
    # with a link of their own, the two stay together
    pairs.append((0, 2, 0.2))
    out = attach_rebuttals([0, 0, 0, 1], pairs, ["iraq", "iraq", "iraq", "us"], stances, 0.04)
    assert out[0] == out[2] != out[1] == out[3]
