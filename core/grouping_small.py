"""Event grouping in plain Python for small inputs (a case of a few articles).

The same similarity and clustering as core.similarity / core.grouping (numpy + scipy), written
with dicts and lists: for a few hundred claims the arithmetic is negligible and importing
numpy/scipy (≈ 0.5–1 s) would dominate `perspecta analyze`. Every step mirrors its numpy
counterpart one to one; tests/test_grouping.py checks that both paths give the same scores and
the same groups. Above SMALL_INPUT claims the numpy path takes over (blocking, sparse products).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from core.disjoint import DisjointSets
from core.models import Group, Link, MatchedTerm, Settings
from core.rivals import RIVAL_MIN_TERMS, Stance, attach_rebuttals, rival_sides
from core.similarity_base import (
    CaseMarks,
    SimilarityParams,
    TermMatch,
    Vocabulary,
    article_surfaces,
    find_variants,
    generic_flags,
    marks_of,
    place_terms,
    places_conflict,
    roles_swapped,
    story_params,
    story_sample,
    term_match,
    weak_term,
)
from core.tokens import Tokenizer, date_ranges, dates_conflict

# Up to this many claims the plain-Python path scores all pairs (≈ 45k pairs at most).
SMALL_INPUT = 300
# Components up to this size are clustered by the exhaustive loop in both paths.
SMALL_COMPONENT = 6
SUGGESTIONS_PER_GROUP = 5
# Any two groups whose strongest pair the scorer alone would merge are suggested (showing their
# mean score) when that pair shares this many lower-case words of its own ('urging state lawmakers to
# "recall" the bill' / 'ask lawmakers to either recall or rewrite portions of the bill'); rival
# sides need RIVAL_MIN_TERMS.
CLOSE_MIN_TERMS = 3

Row = dict[int, float]


@dataclass
class SmallIndex:
    """Vectors of a batch of claims as dicts: term id -> weight, rows L2-normalised."""

    texts: list[str]
    vocab: list[str]
    rows: list[Row]
    df: list[int]
    negation: list[bool]
    is_number: list[bool]
    name_like: list[bool]
    doc_of: list[int]
    contexts: list[Row] | None
    topic_of: list[int]
    term_ids: dict[str, int] = field(default_factory=dict)
    variants: dict[int, tuple[int, float]] = field(default_factory=dict)
    params: SimilarityParams = field(default_factory=SimilarityParams)
    tokenizer: Tokenizer = field(default_factory=Tokenizer)
    sequences: list[list[int]] = field(default_factory=list)
    surfaces: dict[int, dict[int, str]] = field(default_factory=dict)
    doc_words: dict[int, dict[int, str]] = field(default_factory=dict)  # per article, lazily
    dates: list[list[tuple[int, int, int]]] = field(default_factory=list)
    places: list[frozenset[int]] = field(default_factory=list)
    # The claims' own terms (before inheriting their article's); None when nothing was inherited.
    own_rows: list[Row] | None = None
    generic: list[int] = field(default_factory=list)  # per term: GENERIC | COMMON bits
    marks: dict[int, CaseMarks] = field(default_factory=dict)  # per claim, lazily

    @property
    def own(self) -> list[Row]:
        """Each claim's vector over its own terms (the guards and labels read these)."""
        return self.rows if self.own_rows is None else self.own_rows

    @property
    def n(self) -> int:
        return len(self.texts)


def _weigh(counts: Counter[int], soft: dict[int, float] | None, idf: Sequence[float],
           boost: Sequence[float] | None = None) -> Row:
    """(1 + log tf) × idf × mean variant factor, L2-normalised (as core.similarity._weighted)."""
    row: Row = {}
    for t in sorted(counts):
        c = counts[t]
        w = 1.0 + math.log(c)
        if soft is not None:
            w *= min(soft[t] / c, 1.0)
        row[t] = w * idf[t] * (boost[t] if boost is not None else 1.0)
    norm = math.sqrt(sum(w * w for w in row.values())) or 1.0
    return {t: w / norm for t, w in row.items()}


def _top(row: Row, k: int) -> Row:
    if k <= 0 or len(row) <= k:
        return row
    cut = sorted(row.values(), reverse=True)[k - 1]
    return {t: w for t, w in row.items() if w >= cut}


def _inherit(row: Row, context: Row, weight: float, terms: int) -> Row:
    """A claim's row plus `weight` × its article's `terms` heaviest terms, L2-normalised (as
    core.similarity._inherit)."""
    out = dict(row)
    for t, w in _top(context, terms).items():
        out[t] = out.get(t, 0.0) + weight * w
    norm = math.sqrt(sum(w * w for w in out.values())) or 1.0
    return {t: out[t] / norm for t in sorted(out)}


def build_small_index(
    texts: Sequence[str],
    documents: Sequence[str | None] | None = None,
    contexts: dict[str, str] | None = None,
    topics: Sequence[str | None] | None = None,
    params: SimilarityParams | None = None,
    one_story: bool = False,
) -> SmallIndex:
    """Plain-Python twin of core.similarity.build_index (same arguments, same vectors)."""
    params = params or SimilarityParams()
    tokenizer = Tokenizer()
    vocab = Vocabulary(tokenizer)
    n = len(texts)
    encoded = [vocab.encode(t) for t in texts]
    doc_names: dict[str, int] = {}
    doc_of = [-1] * n
    if documents is not None:
        for i, d in enumerate(documents):
            if d is not None:
                doc_of[i] = doc_names.setdefault(d, len(doc_names))
    use_contexts = len(doc_names) > 1
    own_contexts = contexts is not None and all(d in contexts for d in doc_names)
    doc_encoded = ([vocab.encode(contexts[d])[0] for d in doc_names]
                   if use_contexts and own_contexts and contexts is not None else [])
    n_terms = len(vocab.terms)
    raw_df = [0] * n_terms
    for ids, _ in encoded:
        for t in set(ids):
            raw_df[t] += 1
    variants = find_variants(vocab, raw_df, params.variant_min_jw)
    canon = list(range(n_terms))
    factor = [1.0] * n_terms
    for t, (c, sim) in variants.items():
        canon[t] = c
        factor[t] = sim
    counts: list[Counter[int]] = []
    softs: list[dict[int, float] | None] = []
    sequences: list[list[int]] = []
    for ids, _ in encoded:
        seq = [canon[t] for t in ids]
        sequences.append(seq)
        counts.append(Counter(seq))
        if variants:
            soft: dict[int, float] = {}
            for t in ids:
                soft[canon[t]] = soft.get(canon[t], 0.0) + factor[t]
            softs.append(soft)
        else:
            softs.append(None)
    df = [0] * n_terms
    for cnt in counts:
        for t in cnt:
            df[t] += 1
    idf = [math.log1p(max(n, 1) / max(d, 1)) for d in df]
    rows = [_weigh(cnt, soft, idf) for cnt, soft in zip(counts, softs, strict=True)]

    is_number = [t.startswith("#") and t[1:2].isdigit() for t in vocab.terms]
    name_like = [tid not in vocab.lower_seen for tid in range(n_terms)]
    context_rows: list[Row] | None = None
    own_rows: list[Row] | None = None
    if use_contexts:
        n_docs = len(doc_names)
        doc_counts: list[Counter[int]] = [Counter() for _ in range(n_docs)]
        if own_contexts:
            for k, ids in enumerate(doc_encoded):
                doc_counts[k].update(canon[t] for t in ids)
        else:
            for i, cnt in enumerate(counts):
                if doc_of[i] >= 0:
                    doc_counts[doc_of[i]].update(cnt)
        doc_df = [0] * n_terms
        for cnt in doc_counts:
            for t in cnt:
                doc_df[t] += 1
        doc_idf = [math.log1p(n_docs / max(d, 1)) for d in doc_df]
        boost = [params.context_number_boost if is_number[t]
                 else params.context_name_boost if name_like[t] else 1.0
                 for t in range(n_terms)]
        context_rows = [_top(_weigh(cnt, None, doc_idf, boost), params.context_terms)
                        for cnt in doc_counts]
        if one_story:
            sample = story_sample(n_docs)
            params = story_params(params, [_dot(context_rows[a], context_rows[b])
                                          for x, a in enumerate(sample) for b in sample[x + 1:]])
        if params.inherit_weight > 0 and params.inherit_terms > 0:
            own_rows = rows
            rows = [_inherit(row, context_rows[doc_of[i]], params.inherit_weight,
                             params.inherit_terms) if doc_of[i] >= 0 else row
                    for i, row in enumerate(rows)]

    topic_names: dict[str | None, int] = {}
    topic_of = [0] * n
    if topics is not None:
        for i, tp in enumerate(topics):
            topic_of[i] = topic_names.setdefault(tp, len(topic_names))
    return SmallIndex(
        texts=list(texts), vocab=vocab.terms, rows=rows, df=df,
        negation=[neg for _, neg in encoded], is_number=is_number, name_like=name_like,
        doc_of=doc_of, contexts=context_rows, topic_of=topic_of, term_ids=vocab.ids,
        variants=variants, params=params, tokenizer=tokenizer, sequences=sequences,
        dates=[date_ranges(t) for t in texts],
        places=[place_terms(t, tokenizer, vocab.ids, variants) for t in texts],
        own_rows=own_rows, generic=generic_flags(vocab.terms, params.generic_share),
    )


def _dot(x: Row, y: Row) -> float:
    if len(x) > len(y):
        x, y = y, x
    return sum(w * y[t] for t, w in x.items() if t in y)


def context_factor(index: SmallIndex, i: int, j: int, claim_cos: float) -> float:
    """Article factor of one pair (see core.similarity.context_factor)."""
    p = index.params
    di, dj = index.doc_of[i], index.doc_of[j]
    if di >= 0 and di == dj:
        return p.same_document_factor
    if index.contexts is None or p.context_floor <= 0 or di < 0 or dj < 0:
        return 1.0
    doc_cos = _dot(index.contexts[di], index.contexts[dj])
    if p.claim_relief > 0:
        doc_cos = max(doc_cos, p.claim_relief * claim_cos)
    return float(min(1.0, doc_cos / p.context_floor) ** p.context_power)


def guard_factor(index: SmallIndex, i: int, j: int) -> float:
    """Number, date, place and negation mismatch and swapped-roles vetoes (see core.similarity.guard_factors)."""
    p = index.params
    ri, rj = index.own[i], index.own[j]
    factor = 1.0
    ni = {t for t in ri if index.is_number[t]}
    nj = {t for t in rj if index.is_number[t]}
    if ni and nj and not ni & nj:
        factor *= p.number_penalty
    if p.date_penalty < 1.0 and dates_conflict(index.dates[i], index.dates[j]):
        factor *= p.date_penalty
    if p.place_penalty < 1.0 and places_conflict(index.places[i], index.places[j]):
        factor *= p.place_penalty
    shared = ri.keys() & rj.keys()
    union = len(ri) + len(rj) - len(shared)
    jaccard = len(shared) / union if union > 0 else 0.0
    if jaccard >= p.near_duplicate_jaccard:
        if index.negation[i] != index.negation[j]:
            factor *= p.negation_penalty
        if len(shared) >= 3 and roles_swapped(index.sequences[i], index.sequences[j], set(shared),
                                              index.name_like, index.is_number):
            factor *= p.swap_penalty
    if p.weak_penalty < 1.0 and 0 < len(shared) <= p.weak_max_shared and index.generic:
        mi, mj = marks_of(index, i), marks_of(index, j)
        if all(weak_term(t, index.generic, mi, mj) for t in shared):
            factor *= p.weak_penalty
    return factor


def pair_rows(index: SmallIndex, i: int, j: int) -> tuple[Row, Row]:
    """The vectors that make the cosine of (i, j): two claims of one article inherit the same
    terms, so they count at most their own (see core.similarity.claim_cosine)."""
    ri, rj = index.rows[i], index.rows[j]
    if index.own_rows is not None and index.doc_of[i] >= 0 and index.doc_of[i] == index.doc_of[j]:
        oi, oj = index.own_rows[i], index.own_rows[j]
        if _dot(oi, oj) <= _dot(ri, rj):
            return oi, oj
    return ri, rj


def score(index: SmallIndex, i: int, j: int, floor: float = 0.0) -> float:
    """Final score of one pair; like core.similarity.scores, the factors are applied only at or
    above `floor` (they only lower a score)."""
    s = min(_dot(*pair_rows(index, i, j)), 1.0)
    if s < max(floor, 1e-12):
        return s
    s *= context_factor(index, i, j, s)
    if s >= floor and s > 0:
        s *= guard_factor(index, i, j)
    return s


def cluster_small(index: SmallIndex, settings: Settings) -> tuple[list[int], list[tuple[int, int, float]]]:
    """(group number per claim, kept links (i, j, score) with i < j) — the plain-Python twin of
    core.grouping.cluster: all pairs of a topic scored, components over auto-merge links, average
    linkage inside each component."""
    n = index.n
    merge = settings.merge_threshold
    suggest = min(settings.suggest_threshold, merge)
    linkage_cut = merge * min(index.params.linkage_ratio, 1.0)
    links: list[tuple[int, int, float]] = []
    for i in range(n):
        for j in range(i + 1, n):
            if index.topic_of[i] != index.topic_of[j]:
                continue
            s = score(index, i, j, floor=suggest)
            if s >= suggest:
                links.append((i, j, s))
    sets = DisjointSets()
    for i, j, s in links:
        if s >= merge:
            sets.union(i, j)
    components: dict[int, list[int]] = {}
    for i in range(n):
        components.setdefault(sets.find(i), []).append(i)
    labels = list(range(n))
    for members in components.values():
        if len(members) < 2:
            continue
        if len(members) == 2:
            labels[members[1]] = labels[members[0]]
            continue
        m = len(members)
        sim = [[1.0] * m for _ in range(m)]
        for x in range(m):
            for y in range(x + 1, m):
                sim[x][y] = sim[y][x] = score(index, members[x], members[y], floor=linkage_cut)
        # scipy's fcluster cut (numpy path, bigger components) keeps merges within 1e-9.
        cut = linkage_cut if m <= SMALL_COMPONENT else linkage_cut - 1e-9
        for part in average_linkage(sim, cut):
            for x in part:
                labels[members[x]] = members[part[0]]
    return renumber(labels), links


def average_linkage(sim: list[list[float]], cut: float) -> list[list[int]]:
    """Greedy average linkage over a similarity matrix: merge the two clusters with the highest
    mean cross similarity while it is ≥ cut."""
    m = len(sim)
    clusters: list[list[int]] = [[k] for k in range(m)]
    # Sums of cross similarities between current clusters, updated on each merge.
    sums = [row[:] for row in sim]
    while len(clusters) > 1:
        best, pair = -1.0, (0, 0)
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                avg = sums[x][y] / (len(clusters[x]) * len(clusters[y]))
                if avg > best:
                    best, pair = avg, (x, y)
        if best < cut:
            break
        x, y = pair
        clusters[x] = clusters[x] + clusters.pop(y)
        for z in range(len(sums)):
            sums[x][z] += sums[y][z]
        for row in sums:
            row[x] += row[y]
            del row[y]
        del sums[y]
    return [sorted(c) for c in clusters]


def renumber(labels: Sequence[int]) -> list[int]:
    """Group numbers 0, 1, … in order of each group's first claim."""
    seen: dict[int, int] = {}
    return [seen.setdefault(g, len(seen)) for g in labels]


def explain(index: SmallIndex, i: int, j: int, limit: int = 8) -> list[TermMatch]:
    """The terms that made the score of (i, j), largest contribution first."""
    ri, rj = pair_rows(index, i, j)
    shared = sorted(ri.keys() & rj.keys())
    if not shared:
        return []
    factor = context_factor(index, i, j, _dot(ri, rj))
    sa, sb = surface_forms(index, i), surface_forms(index, j)
    out = [term_match(sa, sb, t, index.vocab[t], ri[t] * rj[t] * factor,
                      None if t in sa and t in sb else _article_word(index, i, j, t))
           for t in shared]
    out.sort(key=lambda m: -m.weight)
    return out[:limit]


def _article_word(index: SmallIndex, i: int, j: int, t: int) -> str | None:
    """How the claims of i's or j's article write term t (an inherited term)."""
    for d in {index.doc_of[i], index.doc_of[j]}:
        if d < 0:
            continue
        words = index.doc_words.get(d)
        if words is None:
            members = [k for k, dk in enumerate(index.doc_of) if dk == d]
            words = index.doc_words[d] = article_surfaces(
                members, lambda k: surface_forms(index, k))
        if t in words:
            return words[t]
    return None


def surface_forms(index: SmallIndex, i: int) -> dict[int, str]:
    """Canonical term id -> the words that wrote it in claim i (first occurrence)."""
    cached = index.surfaces.get(i)
    if cached is not None:
        return cached
    terms, surfaces, _ = index.tokenizer.terms(index.texts[i])
    out: dict[int, str] = {}
    index.surfaces[i] = out
    for term, surface in zip(terms, surfaces, strict=True):
        tid = index.term_ids.get(term)
        if tid is None:
            continue
        out.setdefault(index.variants.get(tid, (tid, 1.0))[0], surface)
    return out


def salient_terms(index: SmallIndex, members: Sequence[int], limit: int = 4) -> list[str]:
    """Most salient terms of a set of claims: shared by the most members, then rarest."""
    counts: Counter[int] = Counter()
    for i in members:
        counts.update(index.own[i].keys())
    n = max(index.n, 1)
    idf = {t: math.log1p(n / max(index.df[t], 1)) for t in counts}
    need = 2 if len(members) > 1 else 1
    ranked = sorted((t for t, c in counts.items() if c >= need),
                    key=lambda t: (-(counts[t] * idf[t]), t))
    if not ranked:
        ranked = sorted(counts, key=lambda t: (-idf[t], t))
    words: list[str] = []
    seen: set[str] = set()
    for t in ranked:
        forms: Counter[str] = Counter()
        for i in members[:20]:
            form = surface_forms(index, i).get(t)
            if form:
                forms[form] += 1
        word = forms.most_common(1)[0][0] if forms else index.vocab[t].lstrip("#")
        if word.lower() not in seen:
            seen.add(word.lower())
            words.append(word)
        if len(words) >= limit:
            break
    return words


GroupScorer = Callable[[list[tuple[list[int], list[int]]]], list[float]]

# A suggestion between two big groups is scored on at most this many claims of each side.
GROUP_SCORE_SAMPLE = 60


def sample_members(members: Sequence[int], limit: int = GROUP_SCORE_SAMPLE) -> list[int]:
    """At most `limit` members, spread evenly over the group (all of them when few)."""
    if len(members) <= limit:
        return list(members)
    step = len(members) / limit
    return [members[int(k * step)] for k in range(limit)]


def assemble_groups(
    labels: Sequence[int],
    links: Sequence[tuple[int, int, float]],
    ids: Sequence[str],
    explain_pair: Callable[[int, int], list[TermMatch]],
    salient: Callable[[list[int]], list[str]],
    group_scores: GroupScorer,
    suggest_threshold: float,
    merge_threshold: float | None = None,
    sides: Sequence[str | None] | None = None,
) -> list[Group]:
    """Groups with labels, links (a maximum spanning tree per group) and suggestions; shared by
    both paths so their output is the same.

    Scores read the same way everywhere: a merge link shows its pair score (≥ auto-merge); a
    suggestion shows the score that average linkage compared with the auto-merge threshold, the
    mean score over the claim pairs of the two groups (< auto-merge, else they would have merged),
    explained by the strongest pair. So a suggestion never outscores a link that holds a group.
    Rival accounts: two groups whose mean falls below the suggestion threshold are still
    suggested when their strongest pair reaches `merge_threshold` and its two claims come from
    different sides (`sides`: the speakers' perspectives; None for narration or unknown) and
    share at least RIVAL_MIN_TERMS words (one shared word, 'friends', is too thin). Such a
    pair is one the scorer would have merged but average linkage kept apart (the Iraqi
    official's 'not driven by any credible threat from Iran' sits with the closure, the US
    'threats … from the Government of Iran' with the attacks): the analyst sees it as 'maybe
    the same event' instead of never; it still shows the mean, so it reads weak. Any other such
    pair is suggested when it shares CLOSE_MIN_TERMS lower-case words of its own."""
    n_groups = max(labels) + 1 if len(labels) else 0
    members: list[list[int]] = [[] for _ in range(n_groups)]
    for i, g in enumerate(labels):
        members[g].append(i)
    best_between: dict[tuple[int, int], tuple[float, int, int]] = {}
    edges_in: dict[int, list[tuple[float, int, int]]] = {}
    for i, j, sc in links:
        gi, gj = labels[i], labels[j]
        if gi == gj:
            edges_in.setdefault(gi, []).append((sc, i, j))
            continue
        key = (gi, gj) if gi < gj else (gj, gi)
        prev = best_between.get(key)
        if prev is None or sc > prev[0]:
            best_between[key] = (sc, i, j)

    def link(i: int, j: int, sc: float, tier: str) -> Link:
        # Built without validation: every value comes from the scorer (≈ 35k links on 1.6 MB).
        terms = [MatchedTerm.model_construct(a=m.a, b=m.b, weight=round(m.weight, 4),
                                             context=m.context)
                 for m in explain_pair(i, j)]
        return Link.model_construct(a=ids[i], b=ids[j], score=round(sc, 4), terms=terms,
                                    tier="merge" if tier == "merge" else "suggest")

    group_links: list[list[Link]] = [[] for _ in range(n_groups)]
    for g, edges in edges_in.items():
        for sc, i, j in spanning_tree(edges):
            group_links[g].append(link(i, j, sc, "merge"))
    # Candidates: the strongest pairs between groups, strongest first, while a group has room.
    # Each side keeps room for a few more than it shows, as some fall below the threshold once
    # averaged over their groups.
    room_left = [SUGGESTIONS_PER_GROUP * 2] * n_groups
    chosen: list[tuple[int, int, float, int, int]] = []
    for (g1, g2), (sc, i, j) in sorted(best_between.items(), key=lambda kv: -kv[1][0]):
        if room_left[g1] <= 0 and room_left[g2] <= 0:
            continue
        room_left[g1] -= 1
        room_left[g2] -= 1
        chosen.append((g1, g2, sc, i, j))
    averages = group_scores([
        ([], []) if len(members[g1]) == 1 and len(members[g2]) == 1
        else (sample_members(members[g1]), sample_members(members[g2]))
        for g1, g2, _sc, _i, _j in chosen
    ])
    close = merge_threshold if merge_threshold is not None else float("inf")
    scored = [(min(avg, sc) if len(members[g1]) + len(members[g2]) > 2 else sc,
               sc >= close, sides is not None and rival_sides(sides[i], sides[j]),
               g1, g2, i, j)
              for (g1, g2, sc, i, j), avg in zip(chosen, averages, strict=True)]
    suggestions: list[list[Link]] = [[] for _ in range(n_groups)]
    for sc, close_pair, rivals, g1, g2, i, j in sorted(scored, key=lambda x: -x[0]):
        if sc < suggest_threshold and not (
                close_pair and (own_terms(explain_pair(i, j)) >= RIVAL_MIN_TERMS if rivals
                                else own_common_words(explain_pair(i, j)) >= CLOSE_MIN_TERMS)):
            continue
        if _one_common_word(explain_pair(i, j)):
            continue  # 'friends' alone is no event two claims share
        room = [g for g in (g1, g2) if len(suggestions[g]) < SUGGESTIONS_PER_GROUP]
        if not room:  # explained only when some group still shows it
            continue
        suggestion = link(i, j, sc, "suggest")
        for g in room:
            suggestions[g].append(suggestion)
    groups: list[Group] = []
    for g in range(n_groups):
        terms = salient(members[g])
        groups.append(Group(id=f"g{g + 1}", label=" · ".join(terms[:3]),
                            claims=[ids[i] for i in members[g]], links=group_links[g],
                            suggestions=suggestions[g], terms=terms))
    return groups


def _one_common_word(terms: Sequence[TermMatch]) -> bool:
    """A link resting on one shared lowercase word of the claims' own (words they only inherit
    from their articles do not count): too thin to suggest the same event."""
    own = [t for t in terms if not t.context]
    return len(own) <= 1 and all(t.a.islower() and t.b.islower() for t in own)


def own_common_words(terms: Sequence[TermMatch]) -> int:
    """How many shared terms both claims write themselves in lower case (a story's names,
    'Social Security', are in most of its claims)."""
    return sum(1 for t in terms if not t.context and t.a.islower() and t.b.islower())


def own_terms(terms: Sequence[TermMatch]) -> int:
    """How many shared terms both claims write themselves (not inherited from an article)."""
    return sum(1 for t in terms if not t.context)


def spanning_tree(edges: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """Maximum spanning forest (Kruskal): the strongest links that connect the group."""
    sets = DisjointSets()
    return [(sc, i, j) for sc, i, j in sorted(edges, key=lambda e: -e[0]) if sets.union(i, j)]


def group_small(index: SmallIndex, settings: Settings, ids: Sequence[str],
                sides: Sequence[str | None] | None = None,
                stances: Sequence[Stance] | Callable[[int], Stance] | None = None) -> list[Group]:
    """Plain-Python twin of core.grouping.group_index (denials included)."""
    labels, links = cluster_small(index, settings)
    if sides is not None and stances is not None:
        labels = renumber(attach_rebuttals(labels, links, sides, stances, settings.merge_threshold))

    def group_scores(sides: list[tuple[list[int], list[int]]]) -> list[float]:
        return [sum(score(index, i, j) for i in xs for j in ys) / max(len(xs) * len(ys), 1)
                for xs, ys in sides]

    return assemble_groups(labels, links, ids, lambda i, j: explain(index, i, j),
                           lambda members: salient_terms(index, members), group_scores,
                           min(settings.suggest_threshold, settings.merge_threshold),
                           settings.merge_threshold, sides)

