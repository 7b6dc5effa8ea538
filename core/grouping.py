"""Grouping: claims about the same event across sources land in one Group.

1. Vectorise claims (core.similarity): IDF over the case, spelling variants, article context.
2. Blocking: prefix filtering proposes the only pairs that can reach the suggestion threshold.
3. Score the candidates (cosine × article factor × guards).
4. Connected components over links ≥ auto-merge threshold, then average linkage inside each
   component (every pair of the component scored), cut at the same threshold: one bridge link
   cannot chain two events together, because a merge needs the average over all cross pairs to
   reach the threshold. Components above MAX_LINKAGE_SIZE are first split with stricter links.
5. Links ≥ suggestion threshold between different groups become suggestions (never merged).
Every claim ends in a group (singletons too); every kept link carries the terms that made it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from core.models import Claim, Document, Group, Link, MatchedTerm, Settings
from core.similarity import (
    ClaimIndex,
    FloatArray,
    IntArray,
    SimilarityParams,
    all_pairs,
    build_index,
    candidate_pairs,
    explain,
    salient_terms,
    scores,
)

# Average linkage needs the dense score matrix of a component; bigger components are first split
# with a stricter link threshold (rare: it takes thousands of claims about one event).
MAX_LINKAGE_SIZE = 1500
SMALL_COMPONENT = 6
SUGGESTIONS_PER_GROUP = 5


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
    n = index.n
    merge, suggest = settings.merge_threshold, min(settings.suggest_threshold, settings.merge_threshold)
    if blocking:
        a, b = candidate_pairs(index, suggest)
    else:
        a, b = all_pairs(index)
    candidates = len(a)
    s = scores(index, a, b, floor=suggest) if len(a) else np.zeros(0)
    keep = s >= suggest
    a, b, s = a[keep], b[keep], s[keep]
    labels = np.arange(n, dtype=np.int64)
    strong = s >= merge
    if n and strong.any():
        labels = _average_linkage_groups(index, a[strong], b[strong], s[strong], merge, merge)
    return Clustering(labels=_renumber(labels), pairs_a=a, pairs_b=b, pair_scores=s,
                      candidates=candidates)


def _renumber(labels: IntArray) -> IntArray:
    """Group numbers in order of each group's first claim."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first))
    return order[inverse].astype(np.int64)


def _components(n: int, a: IntArray, b: IntArray) -> IntArray:
    graph = sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    return comp.astype(np.int64)  # type: ignore[no-any-return]


def _average_linkage_groups(
    index: ClaimIndex, a: IntArray, b: IntArray, s: FloatArray, merge: float, threshold: float
) -> IntArray:
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
    # Every pair inside every component, scored in one vectorised batch.
    tri = [np.triu_indices(len(idx), k=1) for idx in small]
    pa = np.concatenate([idx[t[0]] for idx, t in zip(small, tri, strict=True)]) if small else None
    pb = np.concatenate([idx[t[1]] for idx, t in zip(small, tri, strict=True)]) if small else None
    if pa is None or pb is None:
        return labels
    all_scores = scores(index, pa, pb, floor=merge)
    offset = 0
    for idx, t in zip(small, tri, strict=True):
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


def _small_average_linkage(
    m: int, tri: tuple[IntArray, IntArray], block: FloatArray, merge: float
) -> IntArray:
    """Average linkage for a handful of claims (scipy's call overhead dominates there)."""
    sim = np.eye(m)
    sim[tri[0], tri[1]] = block
    sim[tri[1], tri[0]] = block
    clusters: list[list[int]] = [[k] for k in range(m)]
    while len(clusters) > 1:
        best, pair = -1.0, (0, 0)
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                avg = float(sim[np.ix_(clusters[x], clusters[y])].mean())
                if avg > best:
                    best, pair = avg, (x, y)
        if best < merge:
            break
        x, y = pair
        clusters[x] = clusters[x] + clusters.pop(y)
    flat = np.zeros(m, dtype=np.int64)
    for label, members in enumerate(clusters):
        flat[members] = label
    return flat


def group_index(
    index: ClaimIndex, settings: Settings, ids: Sequence[str], *, blocking: bool = True
) -> list[Group]:
    """Groups with labels, links (a maximum spanning tree per group) and suggestions."""
    result = cluster(index, settings, blocking=blocking)
    labels = result.labels
    n_groups = int(labels.max()) + 1 if len(labels) else 0
    members: list[list[int]] = [[] for _ in range(n_groups)]
    for i, g in enumerate(labels.tolist()):
        members[g].append(i)
    gid = [f"g{k + 1}" for k in range(n_groups)]
    links: list[list[Link]] = [[] for _ in range(n_groups)]
    best_between: dict[tuple[int, int], tuple[float, int, int]] = {}
    edges_in: dict[int, list[tuple[float, int, int]]] = {}
    for i, j, sc in zip(result.pairs_a.tolist(), result.pairs_b.tolist(),
                        result.pair_scores.tolist(), strict=True):
        gi, gj = labels[i], labels[j]
        if gi == gj:
            edges_in.setdefault(int(gi), []).append((sc, i, j))
        else:
            key = (int(min(gi, gj)), int(max(gi, gj)))
            if key not in best_between or sc > best_between[key][0]:
                best_between[key] = (sc, i, j)
    for g, edges in edges_in.items():
        for sc, i, j in _spanning_tree(edges):
            links[g].append(_link(index, ids, i, j, sc, "merge"))
    suggestions: list[list[Link]] = [[] for _ in range(n_groups)]
    for (g1, g2), (sc, i, j) in sorted(best_between.items(), key=lambda kv: -kv[1][0]):
        link = _link(index, ids, i, j, sc, "suggest")
        for g in (g1, g2):
            if len(suggestions[g]) < SUGGESTIONS_PER_GROUP:
                suggestions[g].append(link)
    groups: list[Group] = []
    for g in range(n_groups):
        terms = salient_terms(index, members[g])
        groups.append(Group(
            id=gid[g], label=" · ".join(terms[:3]), claims=[ids[i] for i in members[g]],
            links=links[g], suggestions=suggestions[g], terms=terms,
        ))
    return groups


def _spanning_tree(edges: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """Maximum spanning forest (Kruskal): the strongest links that connect the group."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    out: list[tuple[float, int, int]] = []
    for sc, i, j in sorted(edges, key=lambda e: -e[0]):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[ri] = rj
            out.append((sc, i, j))
    return out


def _link(index: ClaimIndex, ids: Sequence[str], i: int, j: int, score: float,
          tier: str) -> Link:
    terms = [MatchedTerm(a=m.a, b=m.b, weight=round(m.weight, 4)) for m in explain(index, i, j)]
    return Link(a=ids[i], b=ids[j], score=round(score, 4), terms=terms,
                tier="merge" if tier == "merge" else "suggest")


def group_claims(
    claims: Sequence[Claim], documents: Sequence[Document], settings: Settings
) -> tuple[list[Claim], list[Group]]:
    """Put every claim in an event group; claims inherit their article's entities as context."""
    claims = list(claims)
    if not claims:
        return [], []
    contexts = {d.id: d.text for d in documents}
    index = build_index(
        [c.text for c in claims],
        documents=[c.document for c in claims],
        contexts=contexts,
        params=SimilarityParams.from_extra(settings.extra),
    )
    groups = group_index(index, settings, [c.id for c in claims])
    group_of = {cid: g.id for g in groups for cid in g.claims}
    return [c.model_copy(update={"group": group_of[c.id]}) for c in claims], groups
