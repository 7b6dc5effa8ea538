"""Event grouping: every claim in a group, blocking = all pairs, thresholds, no chaining,
explanations and labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import orjson
import pytest

from core.grouping import cluster, group_claims, group_index
from core.grouping_small import CLOSE_MIN_TERMS, own_common_words
from core.models import Claim, ClaimKind, Document, Settings
from core.similarity import all_pairs, build_index, candidate_pairs, scores
from tests.seedcase import seed_analysis

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "grouping"


def fixture_claims() -> list[dict[str, str]]:
    return [orjson.loads(line) for line in (FIXTURES / "two_events.jsonl").read_bytes().splitlines()]


def fixture_index():  # type: ignore[no-untyped-def]
    rows = fixture_claims()
    return rows, build_index([r["text"] for r in rows], documents=[r["document"] for r in rows])


def seed_index():  # type: ignore[no-untyped-def]
    analysis = seed_analysis()
    contexts = {d.id: d.text for d in analysis.documents}
    return analysis, build_index([c.text for c in analysis.claims],
                                 documents=[c.document for c in analysis.claims], contexts=contexts)


def test_every_seed_claim_has_exactly_one_group() -> None:
    analysis = seed_analysis()
    assert analysis.claims
    group_ids = [g.id for g in analysis.groups]
    assert len(group_ids) == len(set(group_ids))
    members = [cid for g in analysis.groups for cid in g.claims]
    assert sorted(members) == sorted(c.id for c in analysis.claims)
    by_id = {g.id: g for g in analysis.groups}
    for claim in analysis.claims:
        assert claim.group is not None and claim.id in by_id[claim.group].claims


@pytest.mark.parametrize("source", ["seed", "fixture"])
def test_blocking_never_drops_a_pair_that_all_pairs_would_keep(source: str) -> None:
    index = seed_index()[1] if source == "seed" else fixture_index()[1]
    settings = Settings()
    a, b = all_pairs(index)
    full = scores(index, a, b)
    wanted = {(int(x), int(y)) for x, y, s in zip(a, b, full, strict=True)
              if s >= settings.suggest_threshold}
    ca, cb = candidate_pairs(index, settings.suggest_threshold)
    proposed = set(zip(ca.tolist(), cb.tolist(), strict=True))
    assert wanted, "the case has links to find"
    assert wanted <= proposed
    assert len(proposed) <= len(a)
    assert np.array_equal(cluster(index, settings).labels,
                          cluster(index, settings, blocking=False).labels)


def test_fixture_events_stay_apart() -> None:
    rows, index = fixture_index()
    pairs = orjson.loads((FIXTURES / "pairs.json").read_bytes())
    labels = cluster(index, Settings()).labels
    at = {r["id"]: k for k, r in enumerate(rows)}
    for x, y in pairs["cannot"]:
        assert labels[at[x]] != labels[at[y]], (x, y)
    held = sum(labels[at[x]] == labels[at[y]] for x, y in pairs["must"])
    assert held >= 3, f"only {held} of {len(pairs['must'])} same-event pairs grouped"


def test_thresholds_control_merging_and_suggestions() -> None:
    _, index = fixture_index()
    ids = [r["id"] for r in fixture_claims()]
    strict = group_index(index, Settings(merge_threshold=1.01, suggest_threshold=0.02), ids)
    assert len(strict) == len(ids), "nothing reaches a merge threshold above 1"
    assert any(g.suggestions for g in strict), "close pairs stay visible as suggestions"
    for g in strict:
        for link in g.suggestions:
            assert link.tier == "suggest" and 0.02 <= link.score < 1.01
    loose = group_index(index, Settings(merge_threshold=0.001, suggest_threshold=0.001), ids)
    default = group_index(index, Settings(), ids)
    assert len(loose) <= len(default) <= len(strict)


def test_suggestions_never_join_their_groups() -> None:
    _, index = fixture_index()
    ids = [r["id"] for r in fixture_claims()]
    groups = group_index(index, Settings(), ids)
    group_of = {cid: g.id for g in groups for cid in g.claims}
    for g in groups:
        for link in g.suggestions:
            assert group_of[link.a] != group_of[link.b]
            assert g.id in (group_of[link.a], group_of[link.b])


@pytest.mark.parametrize("source", ["seed", "fixture"])
def test_suggestion_scores_never_outscore_the_links_that_hold_a_group(source: str) -> None:
    """A suggestion shows the mean score over the claim pairs of its two groups (what average
    linkage compared with the auto-merge threshold): within [suggest, merge) and below every
    merge link of both groups, so 'maybe' never reads stronger than 'grouped by'."""
    settings = Settings()
    claims: dict[str, Claim] = {}
    if source == "seed":
        analysis = seed_analysis()
        groups = analysis.groups
        claims = {c.id: c for c in analysis.claims}
    else:
        _, index = fixture_index()
        groups = group_index(index, Settings(merge_threshold=0.3, suggest_threshold=0.05),
                             [r["id"] for r in fixture_claims()])
        settings = Settings(merge_threshold=0.3, suggest_threshold=0.05)
    by_claim = {cid: g for g in groups for cid in g.claims}
    suggestions = [link for g in groups for link in g.suggestions]
    assert suggestions or source == "seed"
    for link in suggestions:
        assert link.score < settings.merge_threshold
        # below the threshold: rival accounts (see the next test), or a pair the scorer would
        # merge that shares CLOSE_MIN_TERMS lower-case words of its own
        if link.score < settings.suggest_threshold and own_common_words(link.terms) < CLOSE_MIN_TERMS:
            a, b = claims[link.a], claims[link.b]
            assert a.speaker and b.speaker and a.perspective and b.perspective
            assert a.perspective != b.perspective and len(link.terms) >= 2
        for side in (by_claim[link.a], by_claim[link.b]):
            for held in side.links:
                assert link.score < held.score, (link, held)


def test_one_bridge_does_not_chain_two_events() -> None:
    texts = [
        "Floods in Dhaka killed twelve villagers and displaced thousands.",
        "Floods in Dhaka killed twelve villagers and displaced thousands.",
        "Floods in Dhaka killed twelve villagers while an earthquake hit Lima and Cusco.",
        "An earthquake hit Lima and Cusco, collapsing churches.",
        "An earthquake hit Lima and Cusco, collapsing churches.",
    ]
    index = build_index(texts)
    settings = Settings(merge_threshold=0.45, suggest_threshold=0.2)
    labels = cluster(index, settings).labels
    a, b = all_pairs(index)
    s = scores(index, a, b)
    bridge = {(int(x), int(y)): v for x, y, v in zip(a, b, s, strict=True)}
    assert bridge[(1, 2)] >= 0.45 or bridge[(2, 3)] >= 0.45, "the bridge links both sides"
    assert labels[0] == labels[1] and labels[3] == labels[4]
    assert labels[0] != labels[3], "single linkage would chain Dhaka to Lima through claim 2"


def test_links_explain_the_group_with_shared_terms_and_labels() -> None:
    _, index = fixture_index()
    rows = fixture_claims()
    groups = group_index(index, Settings(), [r["id"] for r in rows])
    text_of = {r["id"]: r["text"] for r in rows}
    doc_of = {r["id"]: r["document"] for r in rows}
    multi = [g for g in groups if len(g.claims) > 1]
    assert multi
    for g in multi:
        assert g.label and g.terms
        assert len(g.links) == len(g.claims) - 1, "a spanning tree: one link per extra claim"
        for link in g.links:
            assert link.tier == "merge" and link.terms
            assert link.score >= Settings().merge_threshold
            for term in link.terms:
                if doc_of[link.a] == doc_of[link.b]:
                    # one article: its inherited terms say nothing, only the claims' own words
                    assert term.a in text_of[link.a] and term.b in text_of[link.b]
                else:
                    # a claim may inherit a name from its article: the other claim writes it
                    assert term.a in text_of[link.a] or term.b in text_of[link.b]
                assert term.weight > 0
            assert sum(t.weight for t in link.terms) <= link.score / 0.5 + 1e-6
    basra = next(g for g in groups if "a1" in g.claims)
    assert any(t.lower().startswith("basra") or t.lower() == "consulate" for t in basra.terms)


def _claim(doc: Document, text: str) -> Claim:
    start = doc.text.index(text)
    return Claim(id=f"{doc.id}:{start}", document=doc.id, start=start, end=start + len(text),
                 text=text, kind=ClaimKind.NARRATION)


def test_empty_and_single_claim_inputs() -> None:
    assert group_claims([], [], Settings()) == ([], [])
    doc = Document(id="d1", path="x.txt", text="Rockets hit the consulate in Basra.", sha256="0")
    claims, groups = group_claims([_claim(doc, doc.text)], [doc], Settings())
    assert len(groups) == 1 and groups[0].claims == [claims[0].id]
    assert claims[0].group == groups[0].id and groups[0].label


def test_claims_with_no_content_words_still_get_a_group() -> None:
    doc = Document(id="d1", path="x.txt", text="He said so. It was. Basra rockets.", sha256="0")
    claims = [_claim(doc, t) for t in ("He said so.", "It was.", "Basra rockets.")]
    out, groups = group_claims(claims, [doc], Settings())
    assert all(c.group for c in out)
    assert len(groups) == 3


def _both_paths(texts: list[str], documents: list[str], contexts: dict[str, str] | None,
                settings: Settings) -> tuple[list[object], list[object]]:
    from core.grouping_small import build_small_index, group_small

    ids = [f"c{i}" for i in range(len(texts))]
    big = build_index(texts, documents=documents, contexts=contexts)
    small = build_small_index(texts, documents=documents, contexts=contexts)
    a, b = all_pairs(big)
    assert a.size
    from core.grouping_small import score

    for floor in (0.0, settings.merge_threshold):
        fast = scores(big, a, b, floor=floor)
        slow = [score(small, int(i), int(j), floor=floor) for i, j in zip(a, b, strict=True)]
        assert fast.tolist() == pytest.approx(slow, abs=1e-12)
    return ([g.model_dump() for g in group_index(big, settings, ids)],
            [g.model_dump() for g in group_small(small, settings, ids)])


@pytest.mark.parametrize("source", ["seed", "fixture", "fixture-no-context"])
def test_plain_python_path_gives_the_same_scores_and_groups(source: str) -> None:
    """Small cases skip numpy/scipy (fast start); both paths must agree exactly."""
    settings = Settings()
    if source == "seed":
        analysis = seed_analysis()
        texts = [c.text for c in analysis.claims]
        documents = [c.document for c in analysis.claims]
        contexts: dict[str, str] | None = {d.id: d.text for d in analysis.documents}
    else:
        rows = fixture_claims()
        texts = [r["text"] for r in rows]
        documents = [r["document"] for r in rows]
        contexts = None
        if source == "fixture-no-context":
            documents = [f"d{i}" for i in range(len(rows))]
    fast, slow = _both_paths(texts, documents, contexts, settings)
    assert fast == slow
    assert len(fast) < len(texts)  # something was grouped


def test_group_claims_gives_the_same_groups_on_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """`perspecta analyze` groups small cases in plain Python; forcing the numpy path (used above
    SMALL_INPUT claims) must not change a single group, link or label."""
    import core.grouping

    analysis = seed_analysis()
    small_claims, small_groups = group_claims(analysis.claims, analysis.documents, Settings())
    monkeypatch.setattr(core.grouping, "SMALL_INPUT", 0)
    big_claims, big_groups = group_claims(analysis.claims, analysis.documents, Settings())
    assert [c.group for c in small_claims] == [c.group for c in big_claims]
    assert [g.model_dump() for g in small_groups] == [g.model_dump() for g in big_groups]


def _rival_case(perspective_b: str | None, denial: bool = False) -> list[Claim]:
    """Two events, and a rival account that shares words with one claim of the other event
    (`denial`: it denies that claim's threat, else it blames the closure on it)."""
    doc = "d1"
    texts = [
        ("The ministry closed the consulate in Basra on Friday.", None, None),
        ("Officials said the consulate in Basra closed its doors on Friday.", None, None),
        ("Protesters marched through the consulate district in Basra after the closure.", None, None),
        ("Rockets and militias from Iran threatened the embassy staff in Baghdad.", "Ann Lee", "us"),
        ("The embassy staff in Baghdad faced rockets fired by militias again.", None, None),
        ("The consulate closure in Basra was political, not a threat from Iran or its militias."
         if denial else
         "The consulate closure in Basra was political, a ploy over a threat from Iran or its "
         "militias.", "an official", perspective_b),
    ]
    out = []
    start = 0
    for k, (text, speaker, perspective) in enumerate(texts):
        out.append(Claim(id=f"c{k}", document=doc, start=start, end=start + len(text), text=text,
                         kind=ClaimKind.NARRATION if speaker is None else ClaimKind.INDIRECT,
                         speaker=speaker, perspective=perspective))
        start += len(text) + 1
    return out


@pytest.mark.parametrize("perspective_b", ["iraq", "us", None])
def test_rival_accounts_kept_apart_are_suggested(perspective_b: str | None) -> None:
    """A pair at auto-merge strength that average linkage keeps in two events is suggested when
    its claims come from two sides, and only then; it shows its groups' mean score."""
    claims = _rival_case(perspective_b)
    text = " ".join(c.text for c in claims)
    document = Document(id="d1", path="d1.txt", title="t", text=text, sha256="0")
    settings = Settings()
    grouped, groups = group_claims(claims, [document], settings)
    group_of = {c.id: c.group for c in grouped}
    # the premise: the rival account sits with the closure, apart from the claim it answers
    assert group_of["c5"] == group_of["c0"] != group_of["c3"]
    rival = [link for g in groups for link in g.suggestions if {link.a, link.b} == {"c3", "c5"}]
    weak = [link for g in groups for link in g.suggestions
            if link.score < settings.suggest_threshold]
    if perspective_b == "iraq":
        assert rival, [g.suggestions for g in groups]
        assert all(link.score < settings.merge_threshold for link in rival)
    else:
        assert not weak, weak


@pytest.mark.parametrize("perspective_b", ["iraq", "us", None])
def test_a_rival_denial_joins_the_event_of_the_claim_it_denies(perspective_b: str | None) -> None:
    """'…not a threat from Iran or its militias' from another side than 'Rockets and militias
    from Iran threatened…' (a pair at auto-merge strength that average linkage put with the
    closure) moves to the threat's event; from the same side, or as narration, it stays."""
    claims = _rival_case(perspective_b, denial=True)
    text = " ".join(c.text for c in claims)
    document = Document(id="d1", path="d1.txt", title="t", text=text, sha256="0")
    grouped, groups = group_claims(claims, [document], Settings())
    group_of = {c.id: c.group for c in grouped}
    assert group_of["c0"] == group_of["c1"] != group_of["c3"] == group_of["c4"]
    if perspective_b == "iraq":
        assert group_of["c5"] == group_of["c3"]
        # the move is explained: the denial's link to the claim it answers holds it in its group
        group = next(g for g in groups if g.id == group_of["c5"])
        assert any("c5" in (link.a, link.b) for link in group.links)
    else:
        assert group_of["c5"] == group_of["c0"]



def test_no_suggestion_rests_on_one_shared_common_word() -> None:
    """The seed's Iraqi official ('our friends in Iraq') and Timmy Davis ('our friends in
    Basra') share only 'friends': no 'maybe the same event' between them."""
    analysis = seed_analysis()
    suggestions = [s for g in analysis.groups for s in g.suggestions]
    assert suggestions  # the seed still has real ones (Soleimani, Baghdad, Basra …)
    for s in suggestions:
        assert len(s.terms) > 1 or not s.terms[0].a.islower(), s
