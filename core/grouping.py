"""Grouping: claims about the same event across sources land in one Group.

1. Vectorise claims (core.similarity): IDF over the case, spelling variants, article context
   (names and numbers weigh more in an article's vector; claims inherit its heaviest terms).
2. Blocking: prefix filtering proposes the only pairs that can reach the suggestion threshold.
3. Score the candidates (cosine × article factor × guards).
4. Connected components over links ≥ auto-merge threshold, then average linkage inside each
   component (every pair of the component scored), cut at the same threshold: one bridge link
   cannot chain two events together, because a merge needs the average over all cross pairs to
   reach the threshold. Components above MAX_LINKAGE_SIZE are first split with stricter links.
5. Two groups joined by a link ≥ suggestion threshold become a suggestion (never merged) when
   their mean pair score, the number average linkage compared with the auto-merge threshold,
   is ≥ the suggestion threshold; that mean is the score shown, so a suggestion never reads
   stronger than a link that holds a group.
Every claim ends in a group (singletons too); every kept link carries the terms that made it.

`group_claims` (the pipeline step) first lets claims that refer back to an event ("the attack")
inherit their antecedent's names and dates (core.discourse). Up to SMALL_INPUT claims it runs
the plain-Python twin in core.grouping_small (all pairs; no numpy/scipy import, which alone costs
more than the whole seed analysis); above that, the numpy/scipy path here: sparse products for
prefix-filter blocking and scoring, connected components and scipy's average linkage, which keep
100k claims within seconds.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.discourse import SEPARATOR, claim_contexts, sentence_contexts
from core.grouping_small import (
    SMALL_COMPONENT,
    SMALL_INPUT,
    assemble_groups,
    average_linkage,
    build_small_index,
    group_small,
    renumber,
)
from core.models import Claim, Document, Group, Settings
from core.rivals import Stance, attach_rebuttals, claim_side, stance
from core.similarity_base import SimilarityParams
from core.tokens import Tokenizer

if TYPE_CHECKING:
    from core.similarity import ClaimIndex, FloatArray, IntArray

# numpy and scipy are imported inside the functions that need them: a small case (under
# SMALL_INPUT claims) is grouped in plain Python and never pays their import (≈ 0.5–1 s).

# Above this many claims, blocking turns approximate to stay near-linear on 100k lines: terms in
# more than 50 claims stop proposing pairs (they are still scored), a candidate must share rare
# terms worth 0.06 of the cosine, an article's context keeps its 200 heaviest terms, and only a
# claim's own terms propose pairs, not those it inherits from its article (measured on ECB+
# topics 1-22 with these forced: F1 0.935 against 0.936 exact). Without it one long document
# proposes nearly every pair of its claims.
LARGE_INPUT = 5_000
LARGE_INPUT_PARAMS = {"block_df_cap": 50, "block_min_partial": 0.06, "context_terms": 200}


def similarity_params(settings: Settings, n_claims: int) -> SimilarityParams:
    """The similarity settings for a case of `n_claims` (approximate blocking when large)."""
    params = SimilarityParams.from_extra(settings.extra)
    if n_claims > LARGE_INPUT:
        params = SimilarityParams(**{**params.__dict__, **LARGE_INPUT_PARAMS})
    return params


# Average linkage needs the dense score matrix of a component; bigger components are first split
# with a stricter link threshold (rare: it takes thousands of claims about one event).
MAX_LINKAGE_SIZE = 1500
# Pairs scored in one vectorised call inside components (bounds memory, not results).
MAX_PAIRS_PER_BATCH = 500_000


@dataclass
class Clustering:
    """Group label per claim, with the scored links between claims."""

    labels: IntArray
    pairs_a: IntArray
    pairs_b: IntArray
    pair_scores: FloatArray
    candidates: int
    stats: dict[str, float] = field(default_factory=dict)


def cluster(
    index: ClaimIndex, settings: Settings, *, blocking: bool = True
) -> Clustering:
    """Group the claims of `index`; `blocking=False` scores every pair (the reference)."""
    import numpy as np

    from core.similarity import all_pairs, candidate_pairs, scores

    n = index.n
    merge, suggest = settings.merge_threshold, min(settings.suggest_threshold, settings.merge_threshold)
    if blocking:
        a, b = candidate_pairs(index, suggest)
    else:
        a, b = all_pairs(index)
    candidates = len(a)
    order = np.lexsort((b, a))  # pairs in (i, j) order, as the plain-Python path lists them
    a, b = a[order], b[order]
    s = scores(index, a, b, floor=suggest) if len(a) else np.zeros(0)
    keep = s >= suggest
    a, b, s = a[keep], b[keep], s[keep]
    labels = np.arange(n, dtype=np.int64)
    strong = s >= merge
    if n and strong.any():
        cut = merge * min(index.params.linkage_ratio, 1.0)
        labels = _average_linkage_groups(index, a[strong], b[strong], s[strong], cut, merge)
    return Clustering(labels=_renumber(labels), pairs_a=a, pairs_b=b, pair_scores=s,
                      candidates=candidates)


def _renumber(labels: IntArray) -> IntArray:
    """Group numbers in order of each group's first claim."""
    import numpy as np

    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first))
    return order[inverse].astype(np.int64)


def _components(n: int, a: IntArray, b: IntArray) -> IntArray:
    import numpy as np
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    graph = sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    return comp.astype(np.int64)  # type: ignore[no-any-return]


def _average_linkage_groups(
    index: ClaimIndex, a: IntArray, b: IntArray, s: FloatArray, merge: float, threshold: float
) -> IntArray:
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    from core.similarity import scores

    n = index.n
    labels = np.arange(n, dtype=np.int64)
    comp = _components(n, a, b)
    sizes = np.bincount(comp)
    next_label = n
    members_by_comp: dict[int, list[int]] = {}
    # Two-claim components: one link decides.
    pair_edge = sizes[comp[a]] == 2
    for i, j in zip(a[pair_edge & (s >= merge)].tolist(), b[pair_edge & (s >= merge)].tolist(),
                    strict=True):
        labels[[i, j]] = next_label
        next_label += 1
    for i in np.flatnonzero(sizes[comp] > 2):
        members_by_comp.setdefault(int(comp[i]), []).append(int(i))
    small: list[IntArray] = []
    for members in members_by_comp.values():
        if len(members) > MAX_LINKAGE_SIZE and threshold + 0.05 < 1.0:
            sub = np.isin(a, members) & (s >= threshold + 0.05)
            sub_labels = _average_linkage_groups(index, a[sub], b[sub], s[sub], merge,
                                                 threshold + 0.05)
            labels[members] = next_label + sub_labels[members]
            next_label += int(sub_labels.max()) + 1
        else:
            small.append(np.array(members, dtype=np.int64))
    # Every pair inside the components, scored in vectorised batches of bounded size (one
    # batch for everything blew up memory on a single long document: millions of pairs).
    for batch in _batches(small, MAX_PAIRS_PER_BATCH):
        tri = [np.triu_indices(len(idx), k=1) for idx in batch]
        pa = np.concatenate([idx[t[0]] for idx, t in zip(batch, tri, strict=True)])
        pb = np.concatenate([idx[t[1]] for idx, t in zip(batch, tri, strict=True)])
        all_scores = scores(index, pa, pb, floor=merge)
        offset = 0
        for idx, t in zip(batch, tri, strict=True):
            count = len(t[0])
            block = all_scores[offset : offset + count]
            offset += count
            if len(idx) <= SMALL_COMPONENT:
                flat = _small_average_linkage(len(idx), t, block, merge)
            else:
                tree = linkage(1.0 - block, method="average")
                flat = fcluster(tree, t=1.0 - merge + 1e-9, criterion="distance")
            labels[idx] = next_label + flat
            next_label += len(idx) + 1
    return labels


def _batches(components: list[IntArray], max_pairs: int) -> list[list[IntArray]]:
    """Components grouped so that each batch holds at most `max_pairs` pairs (or one component)."""
    out: list[list[IntArray]] = []
    current: list[IntArray] = []
    pairs = 0
    for idx in components:
        n_pairs = len(idx) * (len(idx) - 1) // 2
        if current and pairs + n_pairs > max_pairs:
            out.append(current)
            current, pairs = [], 0
        current.append(idx)
        pairs += n_pairs
    if current:
        out.append(current)
    return out


def _small_average_linkage(
    m: int, tri: tuple[IntArray, IntArray], block: FloatArray, merge: float
) -> IntArray:
    """Average linkage for a handful of claims (scipy's call overhead dominates there)."""
    import numpy as np

    sim = np.eye(m)
    sim[tri[0], tri[1]] = block
    sim[tri[1], tri[0]] = block
    flat = np.zeros(m, dtype=np.int64)
    for label, members in enumerate(average_linkage(sim.tolist(), merge)):
        flat[members] = label
    return flat


def group_index(
    index: ClaimIndex, settings: Settings, ids: Sequence[str], *, blocking: bool = True,
    sides: Sequence[str | None] | None = None, stances: Sequence[Stance] | Callable[[int], Stance] | None = None,
) -> list[Group]:
    """Groups with labels, links (a maximum spanning tree per group) and suggestions; `sides`
    (each claim's speaker perspective, None for narration) lets rival accounts that average
    linkage kept apart be suggested (see assemble_groups); with `stances` too, a denial joins
    the group of the claim it denies (core.rivals.attach_rebuttals)."""
    import numpy as np

    from core.similarity import Explainer, salient_terms, scores

    result = cluster(index, settings, blocking=blocking)
    if sides is not None and stances is not None:
        strong = np.flatnonzero(result.pair_scores >= settings.merge_threshold)
        pairs = zip(result.pairs_a[strong].tolist(), result.pairs_b[strong].tolist(),
                    result.pair_scores[strong].tolist(), strict=True)
        moved = attach_rebuttals(result.labels.tolist(), pairs, sides, stances,
                                 settings.merge_threshold)
        result.labels = np.array(renumber(moved), dtype=result.labels.dtype)
    # Only links inside a group and the strongest link between two groups can be shown: keep
    # those (vectorised), so the per-link Python work below is not paid for every scored pair.
    pa, pb, ps = result.pairs_a, result.pairs_b, result.pair_scores
    ga, gb = result.labels[pa], result.labels[pb]
    inside = ga == gb
    lo, hi = np.minimum(ga, gb), np.maximum(ga, gb)
    between = np.flatnonzero(~inside)
    order = between[np.lexsort((-ps[between], hi[between], lo[between]))]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (lo[order][1:] != lo[order][:-1]) | (hi[order][1:] != hi[order][:-1])
    keep = np.sort(np.concatenate([np.flatnonzero(inside), order[first]]))
    links = list(zip(pa[keep].tolist(), pb[keep].tolist(), ps[keep].tolist(), strict=True))

    def group_scores(sides: list[tuple[list[int], list[int]]]) -> list[float]:
        """Mean pair score between two groups, for many group pairs in one vectorised call."""
        pa = [i for xs, ys in sides for i in xs for _ in ys]
        pb = [j for xs, ys in sides for _ in xs for j in ys]
        if not pa:
            return [0.0] * len(sides)
        flat = scores(index, np.array(pa, dtype=np.int64), np.array(pb, dtype=np.int64))
        bounds = np.cumsum([0] + [len(xs) * len(ys) for xs, ys in sides])
        sums = np.add.reduceat(np.append(flat, 0.0), bounds[:-1]) if len(flat) else bounds[:-1]
        return [float(sums[k]) / int(bounds[k + 1] - bounds[k]) if bounds[k + 1] > bounds[k]
                else 0.0 for k in range(len(sides))]

    # Tens of thousands of small acyclic objects (links, terms): the cyclic garbage collector's
    # passes over the whole heap cost more than building them on a long document.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return assemble_groups(result.labels.tolist(), links, ids,
                               Explainer(index, result.pairs_a, result.pairs_b),
                               lambda members: salient_terms(index, members), group_scores,
                               min(settings.suggest_threshold, settings.merge_threshold),
                               settings.merge_threshold, sides)
    finally:
        if was_enabled:
            gc.enable()


# Stories: articles are first clustered by average linkage over their article cosines (the
# article vectors of the context factor), cut at SimilarityParams.story_cut, and each story is
# grouped on its own: its word weights (IDF) and article factors come from its own articles.
# Grouped together, an unrelated story made a story's own words rarer and its articles more alike
# (article cosines 0.24-0.34 -> 0.29-0.39 on a BASIL story), so links that were discounted merged
# and one row took half of the story's claims. Claims of two stories below the cut were all but
# never linked (the article factor at cosine 0.12 is 0.12). On BASIL, 4 stories per case, the
# cut separates every story and splits none (2014-16, tuned, and 2010-13); single linkage chained
# stories at any cut (cross-story article cosines reach 0.18, some same-story pairs are < 0.10).
# Pairs of articles compared in plain Python up to this many articles; above, sparse products.
STORY_SMALL = 40
# A component of more articles than this (after the cut) is kept as one story.
STORY_MAX = 1500


def story_labels(texts: Sequence[str], params: SimilarityParams | None = None,
                 cut: float | None = None) -> list[int]:
    """Story number per article: average linkage over article cosines, cut at `cut` (default
    `params.story_cut`; ≤ 0: one story). Article
    vectors are those of the article factor: (1 + log tf) × IDF over these articles, names and
    numbers boosted (see SimilarityParams.context_name_boost)."""
    import math
    from collections import Counter

    from core.grouping_small import _dot, _weigh
    from core.similarity_base import Vocabulary

    n = len(texts)
    if n < 2:
        return [0] * n
    params = params or SimilarityParams()
    cut = params.story_cut if cut is None else cut
    if cut <= 0:
        return [0] * n
    vocab = Vocabulary(Tokenizer())
    counts = [Counter(vocab.encode(t)[0]) for t in texts]
    n_terms = len(vocab.terms)
    df = [0] * n_terms
    for cnt in counts:
        for t in cnt:
            df[t] += 1
    idf = [math.log1p(n / max(d, 1)) for d in df]
    boost = [params.context_number_boost if term.startswith("#") and term[1:2].isdigit()
             else params.context_name_boost if t not in vocab.lower_seen else 1.0
             for t, term in enumerate(vocab.terms)]
    rows = [_weigh(cnt, None, idf, boost) for cnt in counts]
    if n <= STORY_SMALL:
        sim = [[1.0 if a == b else _dot(rows[a], rows[b]) for b in range(n)] for a in range(n)]
        parts = average_linkage(sim, cut)
    else:
        parts = _large_stories(rows, n_terms, cut)
    labels = [0] * n
    for k, part in enumerate(sorted(parts)):
        for i in part:
            labels[i] = k
    return labels


def _large_stories(rows: list[dict[int, float]], n_terms: int, cut: float) -> list[list[int]]:
    """Average linkage over many articles: components of pairs ≥ cut (an average ≥ cut needs
    one such pair), then scipy's average linkage inside each."""
    import numpy as np
    from scipy import sparse
    from scipy.cluster.hierarchy import fcluster, linkage

    n = len(rows)
    indptr = np.cumsum([0] + [len(r) for r in rows])
    X = sparse.csr_matrix((np.fromiter((w for r in rows for w in r.values()), float),
                           np.fromiter((t for r in rows for t in r), np.int64), indptr),
                          shape=(n, n_terms))
    pa: list[IntArray] = []
    pb: list[IntArray] = []
    for s in range(0, n, 2000):
        block = (X[s:s + 2000] @ X.T).tocoo()
        keep = (block.data >= cut) & (block.row + s < block.col)
        pa.append(block.row[keep].astype(np.int64) + s)
        pb.append(block.col[keep].astype(np.int64))
    comp = _components(n, np.concatenate(pa), np.concatenate(pb))
    parts: list[list[int]] = []
    for c in np.unique(comp):
        members = np.flatnonzero(comp == c)
        if len(members) <= 2 or len(members) > STORY_MAX:
            parts.append(members.tolist())
            continue
        sub = X[members]
        dense = np.clip((sub @ sub.T).toarray(), 0.0, 1.0)
        tri = np.triu_indices(len(members), k=1)
        flat = fcluster(linkage(1.0 - dense[tri], method="average"), t=1.0 - cut + 1e-9,
                        criterion="distance")
        for label in np.unique(flat):
            parts.append(members[flat == label].tolist())
    return parts


def group_claims(
    claims: Sequence[Claim], documents: Sequence[Document], settings: Settings
) -> tuple[list[Claim], list[Group]]:
    """Put every claim in an event group; claims inherit their article's entities as context.
    Each story (story_labels) is grouped on its own; group ids follow each group's first claim."""
    claims = list(claims)
    if not claims:
        return [], []
    used = {c.document for c in claims}
    docs = [d for d in documents if d.id in used]
    story = dict(zip((d.id for d in docs),
                     story_labels([d.text for d in docs], SimilarityParams.from_extra(settings.extra)),
                     strict=True))
    if len(set(story.values())) <= 1:
        return _group_story(claims, documents, settings)
    by_story: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        by_story.setdefault(story.get(c.document, -1), []).append(i)
    out: list[Claim | None] = [None] * len(claims)
    found: list[tuple[int, Group]] = []
    for members in by_story.values():
        part = [claims[i] for i in members]
        part_docs = [d for d in documents if d.id in {c.document for c in part}]
        grouped, groups = _group_story(part, part_docs, settings)
        position = {c.id: i for i, c in zip(members, grouped, strict=True)}
        for i, c in zip(members, grouped, strict=True):
            out[i] = c
        found.extend((min(position[cid] for cid in g.claims), g) for g in groups)
    found.sort(key=lambda x: x[0])
    new_groups = [g.model_copy(update={"id": f"g{k + 1}"}) for k, (_, g) in enumerate(found)]
    group_of = {cid: g.id for g in new_groups for cid in g.claims}
    return [c.model_copy(update={"group": group_of[c.id]}) for c in out if c is not None], new_groups


def _group_story(
    claims: list[Claim], documents: Sequence[Document], settings: Settings
) -> tuple[list[Claim], list[Group]]:
    """group_claims for the claims of one story."""
    contexts = {d.id: d.text for d in documents}
    # A claim that refers back ("the attack") also carries its antecedent's names and dates.
    inherited = [SEPARATOR.join(filter(None, pair)) for pair in zip(
        claim_contexts(claims, documents), sentence_contexts(claims, documents), strict=True)]
    texts = [c.text + (SEPARATOR + extra if extra else "") for c, extra in zip(claims, inherited, strict=True)]
    doc_names = [c.document for c in claims]
    params = similarity_params(settings, len(claims))
    ids = [c.id for c in claims]
    sides = [claim_side(c) for c in claims]
    tokenizer = Tokenizer()
    stances: dict[int, Stance] = {}

    def stance_of(i: int) -> Stance:  # read for the few pairs that could be a denial
        found = stances.get(i)
        if found is None:
            found = stances[i] = stance(claims[i].text, tokenizer)
        return found

    if len(claims) <= SMALL_INPUT:
        small = build_small_index(texts, documents=doc_names, contexts=contexts, params=params,
                                  one_story=True)
        groups = group_small(small, settings, ids, sides, stance_of)
    else:
        from core.similarity import build_index

        index = build_index(texts, documents=doc_names, contexts=contexts, params=params,
                            one_story=True)
        groups = group_index(index, settings, ids, sides=sides, stances=stance_of)
    group_of = {cid: g.id for g in groups for cid in g.claims}
    return [c.model_copy(update={"group": group_of[c.id]}) for c in claims], groups
