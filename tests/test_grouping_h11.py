"""Grouping defects of session 11's new-user review on BASIL stories: an unrelated story added to
a case must leave its rows alone; one generic shared word never merges two events. Every text
here is made up in the shape of the reviewed stories."""

from __future__ import annotations

from pathlib import Path

from core.grouping import story_labels
from core.models import Analysis
from core.pipeline import analyze_paths

PENSION = {
    "pension_a.txt": """Pension fund faces shortfall, trustees warn

The pension fund that pays retirement benefits to 40 million workers will run short of money by 2034, the fund's trustees said in their annual report on Wednesday. Senator Carla Whitfield said the trustees' projections showed that Congress must act soon. "We have a little bit of time, but not much," Whitfield said. The Retirees Alliance denied a newspaper report that it would accept a higher retirement age. "We have never endorsed raising the retirement age," said Mark Delaney, a spokesman for the alliance. An aide to the chairman of the Finance Committee said the committee would hold hearings on the pension fund in the spring.""",
    "pension_b.txt": """Retirees Alliance denies shift on retirement age

The Retirees Alliance on Thursday denied that it had dropped its opposition to a higher retirement age, after the Ledger reported that the group was ready to accept cuts to pension benefits. "The report is wrong," Delaney said. The trustees of the pension fund projected on Wednesday that its reserves would be exhausted in 2034. Whitfield introduced a bill that would raise the payroll tax on high earners to keep the pension fund solvent. Budget analysts said modest tax increases could close much of the pension fund's gap.""",
    "pension_c.txt": """Senator offers bill to shore up pension fund

Senator Carla Whitfield unveiled a bill on Friday to raise the payroll tax on high earners, a day after the Retirees Alliance denied the Ledger's report on the retirement age. The pension fund's trustees said this week that its reserves would run out in 2034. "This bill keeps the promise we made to workers," Whitfield said. The Retirees Alliance said it would study the bill. Delaney said the alliance had never endorsed a higher retirement age.""",
}

HARBOR = {
    "harbor_a.txt": """Flood closes harbor in Port Lindell

Floodwater closed the harbor of Port Lindell on Monday after three days of heavy rain, the port authority said. Harbor master Ines Okafor said ships would be diverted to Brackton until the water recedes. "We have never seen the river this high," Okafor said. Fishermen said the closure would cost them a week of catches.""",
    "harbor_b.txt": """Port Lindell harbor stays shut as river rises

The harbor of Port Lindell remained closed on Tuesday as the river kept rising, harbor master Ines Okafor said. Ships were diverted to Brackton. The mayor of Port Lindell said the town would ask the state for flood relief. Fishermen said they had lost days of work.""",
}

OTHER = {
    "school.txt": """School board votes to close two schools

The school board of Elmford voted 5-2 on Tuesday to close two elementary schools next year, citing falling enrollment. Parents protested outside the meeting. "Our children deserve better," said parent Dana Kowalski. The superintendent said the savings would pay for new teachers.""",
    "match.txt": """Rovers beat United in cup final

The Rovers beat United 3-1 in the cup final on Saturday before 60,000 fans. Striker Leo Brandt scored twice. "It was the best night of my career," Brandt said. United's coach said his team had played poorly in the second half.""",
}


def _write(folder: Path, texts: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _rows(analysis: Analysis, names: set[str]) -> set[frozenset[str]]:
    """The event rows of the documents named `names`, each as the set of its claims' texts."""
    docs = {d.id for d in analysis.documents if Path(d.path).name in names}
    rows: dict[str, set[str]] = {}
    for claim in analysis.claims:
        if claim.document in docs and claim.group is not None:
            rows.setdefault(claim.group, set()).add(claim.text)
    return {frozenset(r) for r in rows.values()}


def test_an_unrelated_story_leaves_a_case_rows_alone(tmp_path: Path) -> None:
    pension = _write(tmp_path / "pension", PENSION)
    harbor = _write(tmp_path / "harbor", HARBOR)
    other = _write(tmp_path / "other", OTHER)
    alone = analyze_paths(pension)
    mixed = analyze_paths(pension + harbor + other)
    assert len(alone.groups) > 1
    assert _rows(alone, set(PENSION)) == _rows(mixed, set(PENSION))
    # and the harbor story keeps its own rows too
    assert _rows(analyze_paths(harbor), set(HARBOR)) == _rows(mixed, set(HARBOR))
    # no row mixes the two stories
    story = {d.id: Path(d.path).parent.name for d in mixed.documents}
    by_id = {c.id: c for c in mixed.claims}
    for group in mixed.groups:
        assert len({story[by_id[cid].document] for cid in group.claims}) == 1


def test_stories_are_found_by_average_linkage_over_articles() -> None:
    texts = list(PENSION.values()) + list(HARBOR.values())
    labels = story_labels(texts)
    assert labels[:3] == [labels[0]] * 3
    assert labels[3] == labels[4] != labels[0]
    assert story_labels(texts[:1]) == [0]
    assert story_labels([]) == []


def _pair_score(a: str, b: str, **params: float) -> tuple[float, float]:
    """Score of two claims (no articles), by the plain-Python and numpy paths."""
    import numpy as np

    from core.grouping_small import build_small_index, score
    from core.similarity import build_index, scores
    from core.similarity_base import SimilarityParams

    p = SimilarityParams(**params)  # type: ignore[arg-type]
    texts = [a, b, "The senator's bill on the pension fund.", "The pension fund bill.",
             "Trustees projected reserves would run out in 2034.", "The alliance denied the report.",
             "Whitfield unveiled a bill to raise the payroll tax.", "Delaney said the report was wrong.",
             "The committee will hold hearings in the spring.", "The alliance will study the bill."]
    small = build_small_index(texts, params=p)
    big = build_index(texts, params=p)
    return score(small, 0, 1), float(scores(big, np.array([0]), np.array([1]))[0])


def test_one_generic_word_makes_no_merge() -> None:
    from core.models import Settings

    merge = Settings().merge_threshold
    pairs = [
        ("An aide to the House Ways and Means Committee said hearings would start.",
         "There are dozens of ways modest tax increases could close the gap."),
        ("The Center on Budget and Policy Priorities disagreed.",
         "Asked about the pension fund entering budget talks, she said nothing."),
        ('"We have a little bit of time," the senator said.',
         "It is time for lawmakers to walk through it."),
        ("The magazine posted outtakes on its Daily Beast site.",
         "She told the Daily Caller it was unfair."),
    ]
    for a, b in pairs:
        small, big = _pair_score(a, b)
        assert abs(small - big) < 1e-9
        assert small < merge, (a, b, small)
        before, _ = _pair_score(a, b, weak_penalty=1.0)
        assert before >= merge, (a, b, before)  # the guard, not the words, keeps them apart


def test_a_specific_shared_word_still_links() -> None:
    from core.models import Settings

    small, big = _pair_score("The trustees warned of a shortfall.",
                             "Trustees said the shortfall would come sooner.")
    assert abs(small - big) < 1e-9
    assert small >= Settings().merge_threshold


def test_title_case_headlines_carry_no_name_marks() -> None:
    from core.similarity_base import case_marks
    from core.tokens import Tokenizer

    tokenizer = Tokenizer()
    ids = {tokenizer.info(w).term: k for k, w in enumerate(["checks", "rehab", "ways", "means"])}
    ids = {t: k for t, k in ids.items() if t is not None}
    headline = case_marks("Tara Reid Checks Into Rehab For Undisclosed Reasons", tokenizer, ids, {})
    assert headline.name_parts == {}
    name = case_marks("An aide to the House Ways and Means Committee", tokenizer, ids, {})
    assert ids[tokenizer.info("Ways").term or ""] in name.name_parts


def test_a_short_whole_claim_names_its_row() -> None:
    """'Views' and 'Future' said nothing; a claim that is a whole short sentence with the row's
    salient word says more, unless the phrase cut from a longer claim says more still."""
    from core.compare import readable_label

    assert readable_label("views", ["views"], [
        "And as they changed, he tried to stand by his new views.",
        "“He would defend his views,”"]) == "He would defend his views"
    assert readable_label("future", ["future"], [
        "lifting the cap would make the program solvent in the future",
        "“far off in the future,”"]) == "Far off in the future"
    assert readable_label("watershed · moment", ["watershed", "moment"], [
        '"Today marks a watershed moment in American politics,"',
        "“a watershed moment”"]) == "Watershed moment in American politics"


def test_a_pair_the_scorer_would_merge_is_suggested_when_it_shares_three_words() -> None:
    from core.grouping_small import CLOSE_MIN_TERMS, own_common_words
    from core.similarity_base import TermMatch

    words = [TermMatch("recall", "recall", 0.03), TermMatch("lawmakers", "lawmakers", 0.02),
             TermMatch("bill", "bill", 0.01), TermMatch("Hutchinson", "Hutchinson", 0.001, True)]
    assert own_common_words(words) == 3 >= CLOSE_MIN_TERMS
    assert own_common_words([TermMatch("Social", "Social", 0.1), *words[1:]]) < CLOSE_MIN_TERMS
