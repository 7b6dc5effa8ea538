"""Session 12: fewer fragmented event rows on whole articles. Inside one story the article
factor's floor follows the story's own article cosines (similarity_base.story_params), so two
articles of one story that report the same fact in their own words share a row. Every text here
is made up."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.grouping_small import build_small_index, context_factor, score
from core.models import Analysis, Settings
from core.pipeline import analyze_paths
from core.similarity import build_index, scores
from core.similarity_base import STORY_FLOOR_SAMPLE, SimilarityParams, story_params, story_sample
from tests.test_grouping_h11 import _write

# One story, five outlets: a fire at a textile mill. Each article brings its own people and
# details (so the articles compare at low cosines among themselves, as a real story's do); two
# of them report the same fact, the owner's promise to rebuild, in their own words.
MILL = {
    "mill_a.txt": """Fire guts Halvorsen textile mill in Brennick

A fire destroyed the Halvorsen textile mill in Brennick on Tuesday night, sending smoke over the river valley. Fire chief Tomas Rudd said forty firefighters fought the blaze until dawn. Neighbour Agnes Piper said she woke to the sound of windows bursting. Mill owner Greta Halvorsen said the family would rebuild the mill and keep all 120 workers on the payroll.""",
    "mill_b.txt": """Brennick mill blaze leaves 120 jobs in doubt

The Halvorsen mill fire in Brennick has left the town's largest employer in ruins. Union steward Oskar Lindqvist said workers gathered at the gates on Wednesday morning. Greta Halvorsen promised that the company will rebuild the burnt mill and that none of its workers will lose wages. The council's finance officer Ruth Emmerich said the town would lose much of its business tax.""",
    "mill_c.txt": """Investigators look at wiring in Brennick mill fire

Investigators from the regional fire service are examining old wiring in the weaving hall of the Halvorsen mill in Brennick. Inspector Malik Osei said the hall had passed its last inspection in March. Insurance assessor Dora Fenwick said the damage could exceed 30 million crowns. The cause of the fire is not yet known, Osei said.""",
    "mill_d.txt": """Brennick residents rally around mill workers

Residents of Brennick collected food and clothing for the families of Halvorsen mill workers after Tuesday's fire. Baker Ivo Santangelo said his shop would give bread to every mill family for a month. Pastor Lena Aukland opened the parish hall as a collection point. The Halvorsen family thanked the town for its support.""",
    "mill_e.txt": """Smoke from Brennick fire closes schools

Smoke from the fire at the Halvorsen mill in Brennick closed three schools on Wednesday. Forty firefighters battled the flames through the night, the fire service said. Health officer Petra Vos said people with asthma should stay indoors. Headteacher Samuel Okonkwo said lessons would resume on Thursday if the air cleared. The river valley was covered in haze for most of the day.""",
}
REBUILD_A = "the family would rebuild the mill and keep all 120 workers on the payroll"
REBUILD_B = "the company will rebuild the burnt mill and that none of its workers will lose wages"


def _group_of(analysis: Analysis, text: str) -> str | None:
    found = [c for c in analysis.claims if c.text == text]
    assert len(found) == 1, [c.text for c in analysis.claims]
    return found[0].group


def test_story_params_follow_the_story() -> None:
    p = SimilarityParams()
    assert p.context_floor == 0.35 and p.story_floor_share == 0.5
    assert p.inherit_weight == 0.2 and p.story_inherit_weight == 0.1
    # a story whose articles compare at 0.1-0.3: the floor is half their median (0.2)
    assert story_params(p, [0.1, 0.2, 0.3]).context_floor == pytest.approx(0.1)
    assert story_params(p, [0.1, 0.15, 0.25, 0.3]).context_floor == pytest.approx(0.1)
    # never above the fixed floor: articles alike enough already cost nothing
    assert story_params(p, [0.8, 0.9, 0.95]).context_floor == p.context_floor
    # nothing to read, articles sharing nothing, or the share turned off: the fixed floor
    assert story_params(p, []).context_floor == p.context_floor
    assert story_params(p, [0.0, 0.0, 0.4]).context_floor == p.context_floor
    off = SimilarityParams(story_floor_share=0.0)
    assert story_params(off, [0.1, 0.2, 0.3]).context_floor == off.context_floor
    # claims of a story inherit their article's terms at the story's weight, never more
    assert story_params(p, []).inherit_weight == 0.1
    light = SimilarityParams(inherit_weight=0.05)
    assert story_params(light, [0.2]).inherit_weight == 0.05
    # nothing else changes
    changed = story_params(p, [0.1, 0.2, 0.3])
    assert {k for k, v in p.__dict__.items() if changed.__dict__[k] != v} == {
        "context_floor", "inherit_weight"}


def test_story_sample_reads_a_bounded_spread_of_articles() -> None:
    assert story_sample(5) == [0, 1, 2, 3, 4]
    many = story_sample(10 * STORY_FLOOR_SAMPLE)
    assert len(many) == STORY_FLOOR_SAMPLE
    assert many[0] == 0 and many[-1] > 9 * STORY_FLOOR_SAMPLE
    assert many == sorted(set(many))


def _story_index_inputs() -> tuple[list[str], list[str], dict[str, str]]:
    texts, documents = [], []
    contexts = {}
    for name, text in MILL.items():
        contexts[name] = text
        body = text.split("\n\n", 1)[1]
        for sentence in body.split(". "):
            texts.append(sentence)
            documents.append(name)
    return texts, documents, contexts


def test_both_paths_agree_on_a_story_index() -> None:
    texts, documents, contexts = _story_index_inputs()
    small = build_small_index(texts, documents=documents, contexts=contexts, one_story=True)
    big = build_index(texts, documents=documents, contexts=contexts, one_story=True)
    assert small.params.context_floor == pytest.approx(big.params.context_floor, abs=1e-12)
    # the story's articles compare well under the fixed floor: the story's floor is lower
    assert small.params.context_floor < SimilarityParams().context_floor
    a, b = np.triu_indices(len(texts), k=1)
    fast = scores(big, a.astype(np.int64), b.astype(np.int64))
    slow = [score(small, int(i), int(j)) for i, j in zip(a, b, strict=True)]
    assert fast.tolist() == pytest.approx(slow, abs=1e-12)
    # without one_story (bench/grouping.py, `perspecta group`) nothing changes
    plain = build_small_index(texts, documents=documents, contexts=contexts)
    assert plain.params == SimilarityParams()
    assert small.params.inherit_weight == big.params.inherit_weight == 0.1


def test_an_article_much_less_alike_than_the_story_is_still_discounted() -> None:
    texts, documents, contexts = _story_index_inputs()
    # a sixth article of another event of the same kind, told with its own names
    other = ("A fire damaged the Kessler paper works in Ostrava on Sunday. Foreman Jiri Novak "
             "said the night shift escaped unhurt. The works will reopen in May.")
    contexts["other.txt"] = other
    texts += other.split(". ")
    documents += ["other.txt"] * 3
    index = build_small_index(texts, documents=documents, contexts=contexts, one_story=True)
    first = {d: documents.index(d) for d in contexts}
    mill_pair = context_factor(index, first["mill_a.txt"], first["mill_b.txt"], 0.0)
    odd_pair = context_factor(index, first["mill_a.txt"], first["other.txt"], 0.0)
    assert mill_pair == 1.0
    assert odd_pair < 0.5


FIREFIGHTERS_A = "forty firefighters fought the blaze until dawn"
FIREFIGHTERS_E = "Forty firefighters battled the flames through the night"


def test_two_outlets_reporting_one_fact_are_not_discounted_for_their_articles() -> None:
    """Inside the story the two outlets' articles compare like the story's typical pair: their
    claims' link is their own cosine, where the fixed floor took two thirds of it."""
    texts, documents, contexts = _story_index_inputs()
    texts += [FIREFIGHTERS_A, FIREFIGHTERS_E]
    documents += ["mill_a.txt", "mill_e.txt"]
    i, j = len(texts) - 2, len(texts) - 1
    story = build_small_index(texts, documents=documents, contexts=contexts, one_story=True)
    fixed = build_small_index(texts, documents=documents, contexts=contexts)
    cosine = score(story, i, j) / context_factor(story, i, j, 0.0)
    assert context_factor(story, i, j, 0.0) == 1.0
    assert score(story, i, j) == pytest.approx(cosine)
    assert score(fixed, i, j) < 0.5 * score(story, i, j)


def test_two_articles_of_a_story_reporting_one_fact_share_a_row(tmp_path: Path) -> None:
    paths = _write(tmp_path / "mill", MILL)
    analysis = analyze_paths(paths)
    assert _group_of(analysis, REBUILD_A) == _group_of(analysis, REBUILD_B)
    assert _group_of(analysis, FIREFIGHTERS_A) == _group_of(analysis, FIREFIGHTERS_E)
    assert _group_of(analysis, FIREFIGHTERS_A) != _group_of(analysis, REBUILD_A)
    # the story's other facts keep their own rows: no blob
    sizes = sorted((len(g.claims) for g in analysis.groups), reverse=True)
    assert sizes[0] <= len(analysis.claims) // 2
    assert len(analysis.groups) >= 8


def test_claims_sharing_only_inherited_story_names_do_not_link() -> None:
    """Two claims of two outlets with no word of their own in common ('the family would rebuild
    the mill' / 'the town would lose much of its business tax') meet only on the names both
    articles carry: inside a story that lifted them over the merge threshold."""
    texts, documents, contexts = _story_index_inputs()
    i = next(k for k, t in enumerate(texts) if t.startswith("Mill owner Greta Halvorsen said"))
    j = next(k for k, t in enumerate(texts) if t.startswith("The council's finance officer"))
    assert documents[i] != documents[j]
    merge = Settings().merge_threshold
    story = build_small_index(texts, documents=documents, contexts=contexts, one_story=True)
    assert not story.own[i].keys() & story.own[j].keys()
    assert 0 < score(story, i, j) < merge
    heavy = build_small_index(texts, documents=documents, contexts=contexts, one_story=True,
                              params=SimilarityParams(story_inherit_weight=0.2))
    assert score(heavy, i, j) >= merge
