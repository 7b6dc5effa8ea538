"""Similarity between claims that knows news.

A claim becomes a soft TF-IDF vector over its content terms: IDF over the case (rare names and
content words weigh more), stop words and reporting verbs dropped, numbers kept as terms, and
irregular verb forms and a short list of news-event synonyms folded (core.tokens: held/hold,
accountable/responsible, relocation/withdrawal), and
spelling variants of names (Basra/Basrah, Soleimani/Suleimani) folded onto one term with their
Jaro-Winkler similarity as a factor (soft TF-IDF, computed once per vocabulary rather than per
pair). The score of two claims is

    cosine(claim a, claim b) × article factor × guards

The article factor compares the claims' documents: min(1, cos(article a, article b) / floor)^p
for claims of two articles (articles of one story cost nothing, unrelated articles discount the
link), and a constant < 1 for two claims of the same article (they share its vocabulary whatever
their event). In the article vectors names and numbers weigh more than other words (two articles
of one topic share its words; who, where and how many tell their events apart). Claims also
inherit their article's entities: each claim vector adds its article's heaviest terms at a small
weight ("He was taken to hospital" carries the name of the man the article is about). The guards
and the group labels read the claim's own terms only. The guards are
multiplicative vetoes for the known traps of bag-of-words matching: a number mismatch
("10 people" / "100 people"), a negation mismatch on otherwise near-identical claims ("will rise"
/ "will not rise"), swapped roles ("Iran accused the US" / "the US accused Iran"), and event
arguments that cannot match: dates that cannot be the same day ("September 22" / "the first week
of September") and places that differ ("in Wellington" / "in Banstead").
This module is the numpy/scipy path for large inputs; core.grouping_small is its plain-Python
twin for small cases (same vectors, same scores; tests check both agree).
Every factor is ≤ 1, so the score never exceeds the claim cosine (of the vectors with their
inherited terms): blocking on the cosine
(prefix filtering, see `candidate_pairs`) never drops a pair that all-pairs scoring would keep.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt
from scipy import sparse

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
from core.tokens import TOKEN_RE, Tokenizer, date_ranges, dates_conflict

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

@dataclass
class ClaimIndex:
    """Vectors and side information for a batch of claims (one case, or one JSONL input)."""

    texts: list[str]
    vocab: list[str]
    X: sparse.csr_matrix  # claims × terms, rows L2-normalised
    df: IntArray
    negation: npt.NDArray[np.bool_]
    is_number: npt.NDArray[np.bool_]
    name_like: npt.NDArray[np.bool_]  # never written in lower case in this input
    doc_of: IntArray  # row of `contexts` for each claim, -1 when unknown
    contexts: sparse.csr_matrix | None  # documents × terms, rows L2-normalised
    topic_of: IntArray
    term_ids: dict[str, int] = field(default_factory=dict)
    variants: dict[int, tuple[int, float]] = field(default_factory=dict)
    params: SimilarityParams = field(default_factory=SimilarityParams)
    tokenizer: Tokenizer = field(default_factory=Tokenizer)
    seq_ids: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    seq_ptr: IntArray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    dates: list[list[tuple[int, int, int]]] = field(default_factory=list)
    places: list[frozenset[int]] = field(default_factory=list)
    raw_ids: dict[str, int] = field(default_factory=dict)  # raw token -> term id (or < 0)
    surface_cache: dict[int, dict[int, str]] = field(default_factory=dict)
    # The claims' own terms (X before inheriting their article's terms); None when nothing was
    # inherited (then X is the claims' own vectors).
    own: sparse.csr_matrix | None = None
    generic: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    marks: dict[int, CaseMarks] = field(default_factory=dict)  # per claim, lazily
    # claims × terms: 1 where a claim writes the term with a capital after its first word
    capitals: sparse.csr_matrix | None = None

    @property
    def n(self) -> int:
        return len(self.texts)

    @cached_property
    def idf(self) -> FloatArray:
        """IDF per term, as used in the vectors (computed once: labelling thousands of groups
        asked for it once per group)."""
        return np.log1p(max(self.n, 1) / np.maximum(self.df, 1))

    @property
    def own_X(self) -> sparse.csr_matrix:
        """The claims' vectors over their own terms (without inherited article terms)."""
        return self.X if self.own is None else self.own

    @cached_property
    def binary(self) -> sparse.csr_matrix:
        """Which of its own terms each claim has (1/0)."""
        m = self.own_X.copy()
        m.data[:] = 1.0
        return m

    @cached_property
    def numbers(self) -> sparse.csr_matrix:
        """Which number terms each claim has (1/0)."""
        m = self.binary.copy()
        m.data = self.is_number[m.indices].astype(np.float64)
        m.eliminate_zeros()
        return m


def _top_terms(m: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Keep the k largest entries of each row (not renormalised: cosines become lower bounds)."""
    m = m.tocsr()
    data = m.data.copy()
    for r in range(m.shape[0]):
        s, e = m.indptr[r], m.indptr[r + 1]
        if e - s > k:
            cut = np.partition(data[s:e], e - s - k)[e - s - k]
            row = data[s:e]
            row[row < cut] = 0.0
    out = sparse.csr_matrix((data, m.indices.copy(), m.indptr.copy()), shape=m.shape)
    out.eliminate_zeros()
    return out


def _l2_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def _encode_all(vocab: Vocabulary, texts: Sequence[str]) -> tuple[IntArray, IntArray, list[bool]]:
    """(flat term ids, row of each id, negation per text) for many texts."""
    flat: list[int] = []
    lengths: list[int] = []
    negations: list[bool] = []
    for text in texts:
        ids, neg = vocab.encode(text)
        flat.extend(ids)
        lengths.append(len(ids))
        negations.append(neg)
    cols = np.array(flat, dtype=np.int64)
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), np.array(lengths, dtype=np.int64))
    return cols, rows, negations


def _encode_claims(vocab: Vocabulary, texts: Sequence[str]
                   ) -> tuple[IntArray, IntArray, list[bool], IntArray, IntArray]:
    """_encode_all, plus (flat ids, rows) of the terms each text writes with a capital after
    its first word."""
    flat: list[int] = []
    lengths: list[int] = []
    negations: list[bool] = []
    cap_flat: list[int] = []
    cap_lengths: list[int] = []
    for text in texts:
        ids, caps, neg = vocab.encode_caps(text)
        flat.extend(ids)
        lengths.append(len(ids))
        negations.append(neg)
        cap_flat.extend(caps)
        cap_lengths.append(len(caps))
    arange = np.arange(len(texts), dtype=np.int64)
    return (np.array(flat, dtype=np.int64),
            np.repeat(arange, np.array(lengths, dtype=np.int64)), negations,
            np.array(cap_flat, dtype=np.int64),
            np.repeat(arange, np.array(cap_lengths, dtype=np.int64)))


def _binary(m: sparse.csr_matrix) -> sparse.csr_matrix:
    m = m.copy()
    m.data[:] = 1.0
    return m


def _counts(rows: IntArray, cols: IntArray, shape: tuple[int, int],
            values: FloatArray | None = None) -> sparse.csr_matrix:
    data = np.ones(len(cols)) if values is None else values
    m = sparse.csr_matrix((data, (rows, cols)), shape=shape)
    m.sum_duplicates()
    return m


def _weighted(counts: sparse.csr_matrix, soft: sparse.csr_matrix | None,
              idf: FloatArray) -> sparse.csr_matrix:
    """(1 + log tf) × idf × mean Jaro-Winkler factor of the variants written, L2-normalised."""
    m = counts.copy()
    m.data = 1.0 + np.log(m.data)
    if soft is not None:
        # soft has the same sparsity pattern as counts: the summed variant factors.
        m.data *= np.minimum(soft.data / counts.data, 1.0)
    m = sparse.csr_matrix(m @ sparse.diags(idf))
    return _l2_rows(m)


def _inherit(X: sparse.csr_matrix, contexts: sparse.csr_matrix, doc_of: IntArray,
             weight: float, terms: int) -> sparse.csr_matrix:
    """Claim vectors plus `weight` × their article's `terms` heaviest terms, L2-normalised
    (claims without an article keep their own vector)."""
    heavy = _top_terms(contexts, terms)
    known = np.flatnonzero(doc_of >= 0)
    pick = sparse.csr_matrix((np.full(len(known), weight), (known, doc_of[known])),
                             shape=(X.shape[0], contexts.shape[0]))
    return _l2_rows(sparse.csr_matrix(X + pick @ heavy))


def build_index(
    texts: Sequence[str],
    documents: Sequence[str | None] | None = None,
    contexts: dict[str, str] | None = None,
    topics: Sequence[str | None] | None = None,
    params: SimilarityParams | None = None,
    one_story: bool = False,
) -> ClaimIndex:
    """Vectorise claims. `documents[i]` names claim i's article; `contexts` maps an article name to
    its text (when absent, an article's context is the concatenation of its claims).
    `one_story`: the articles tell one story (the pipeline's grouping, core.grouping), so the
    article factor's floor and the inherited article terms follow the story (similarity_base.story_params)."""
    params = params or SimilarityParams()
    tokenizer = Tokenizer()
    vocab = Vocabulary(tokenizer)
    n = len(texts)
    cols, rows, negations, cap_cols, cap_rows = _encode_claims(vocab, texts)
    negation = np.array(negations, dtype=bool)

    doc_names: dict[str, int] = {}
    doc_of = np.full(n, -1, dtype=np.int64)
    if documents is not None:
        for i, d in enumerate(documents):
            if d is not None:
                doc_of[i] = doc_names.setdefault(d, len(doc_names))
    use_contexts = len(doc_names) > 1
    doc_cols = doc_rows = np.zeros(0, dtype=np.int64)
    own_contexts = contexts is not None and all(d in contexts for d in doc_names)
    if use_contexts and own_contexts and contexts is not None:
        doc_cols, doc_rows, _ = _encode_all(vocab, [contexts[d] for d in doc_names])

    n_terms = len(vocab.terms)
    raw_counts = _counts(rows, cols, (n, n_terms))
    raw_df = np.bincount(raw_counts.indices, minlength=n_terms)
    variants = find_variants(vocab, raw_df, params.variant_min_jw)
    canon = np.arange(n_terms, dtype=np.int64)
    factor = np.ones(n_terms)
    for t, (c, sim) in variants.items():
        canon[t] = c
        factor[t] = sim
    counts = _counts(rows, canon[cols], (n, n_terms))
    soft = _counts(rows, canon[cols], (n, n_terms), factor[cols]) if variants else None
    df = np.bincount(counts.indices, minlength=n_terms).astype(np.int64)
    idf = np.log1p(max(n, 1) / np.maximum(df, 1))
    X = _weighted(counts, soft, idf)

    is_number = np.array([t.startswith("#") and t[1:2].isdigit() for t in vocab.terms], dtype=bool)
    name_like = np.ones(n_terms, dtype=bool)
    name_like[list(vocab.lower_seen)] = False
    contexts_matrix = None
    own = None
    if use_contexts:
        n_docs = len(doc_names)
        if own_contexts:
            doc_counts = _counts(doc_rows, canon[doc_cols], (n_docs, n_terms))
        else:
            known = np.flatnonzero(doc_of >= 0)
            member = sparse.csr_matrix((np.ones(len(known)), (doc_of[known], known)),
                                       shape=(n_docs, n))
            doc_counts = sparse.csr_matrix(member @ counts)
        doc_df = np.bincount(doc_counts.indices, minlength=n_terms)
        doc_idf = np.log1p(n_docs / np.maximum(doc_df, 1))
        boost = np.ones(n_terms)
        boost[name_like] = params.context_name_boost
        boost[is_number] = params.context_number_boost
        contexts_matrix = _weighted(doc_counts, None, doc_idf * boost)
        if params.context_terms > 0:
            contexts_matrix = _top_terms(contexts_matrix, params.context_terms)
        if one_story:
            sample = np.array(story_sample(n_docs), dtype=np.int64)
            rows_s = contexts_matrix[sample]
            dense = (rows_s @ rows_s.T).toarray()
            upper = np.triu_indices(len(sample), k=1)
            params = story_params(params, dense[upper].tolist())
        if params.inherit_weight > 0 and params.inherit_terms > 0:
            own = X
            X = _inherit(X, contexts_matrix, doc_of, params.inherit_weight, params.inherit_terms)

    topic_names: dict[str | None, int] = {}
    topic_of = np.zeros(n, dtype=np.int64)
    if topics is not None:
        for i, tp in enumerate(topics):
            topic_of[i] = topic_names.setdefault(tp, len(topic_names))
    seq_ptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n))]).astype(np.int64)
    return ClaimIndex(
        texts=list(texts), vocab=vocab.terms, X=X, df=df, negation=negation,
        is_number=is_number, name_like=name_like, doc_of=doc_of, contexts=contexts_matrix, topic_of=topic_of,
        term_ids=vocab.ids, variants=variants, params=params, tokenizer=tokenizer,
        seq_ids=canon[cols], seq_ptr=seq_ptr, dates=[date_ranges(t) for t in texts],
        places=[place_terms(t, tokenizer, vocab.ids, variants) for t in texts],
        raw_ids=vocab.raw_ids, own=own,
        generic=np.array(generic_flags(vocab.terms, params.generic_share), dtype=np.int64),
        capitals=_binary(_counts(cap_rows, canon[cap_cols], (n, n_terms))),
    )


def _rowwise_dot(m: sparse.csr_matrix, a: IntArray, b: IntArray, chunk: int = 200_000) -> FloatArray:
    """m[a[k]] · m[b[k]] for every k, in chunks to bound memory."""
    out = np.empty(len(a))
    for s in range(0, len(a), chunk):
        e = min(s + chunk, len(a))
        out[s:e] = np.asarray(m[a[s:e]].multiply(m[b[s:e]]).sum(axis=1)).ravel()
    return out


def context_factor(
    index: ClaimIndex, a: IntArray, b: IntArray, claim_cos: FloatArray | None = None
) -> FloatArray:
    """min(1, max(cos(article a, article b), claim_relief × cos(a, b)) / floor) ** power; 1 for the
    same or an unknown article. Claims that are close on their own are discounted less."""
    floor, power = index.params.context_floor, index.params.context_power
    factor = np.ones(len(a))
    da, db = index.doc_of[a], index.doc_of[b]
    if index.params.same_document_factor != 1.0:
        factor[(da >= 0) & (da == db)] = index.params.same_document_factor
    if index.contexts is None or floor <= 0 or len(a) == 0:
        return factor
    known = np.flatnonzero((da >= 0) & (db >= 0) & (da != db))
    if len(known):
        # Article pairs repeat a lot: score each distinct pair of articles once.
        lo, hi = np.minimum(da[known], db[known]), np.maximum(da[known], db[known])
        keys, inverse = np.unique(lo * (int(hi.max()) + 1) + hi, return_inverse=True)
        width = int(hi.max()) + 1
        cos = _rowwise_dot(index.contexts, keys // width, keys % width)
        doc_cos = cos[inverse]
        if claim_cos is not None and index.params.claim_relief > 0:
            doc_cos = np.maximum(doc_cos, index.params.claim_relief * claim_cos[known])
        factor[known] = np.minimum(1.0, doc_cos / floor) ** power
    return factor


def claim_cosine(index: ClaimIndex, a: IntArray, b: IntArray) -> FloatArray:
    """Cosine of the claim vectors (with inherited article terms), capped at 1. Two claims of one
    article inherit the same terms, which says nothing about their events: such a pair scores at
    most the cosine of its own terms (never more than the cosine blocking filters on)."""
    cos = np.minimum(_rowwise_dot(index.X, a, b), 1.0)
    if index.own is not None and len(a):
        da = index.doc_of[a]
        same = np.flatnonzero((da >= 0) & (da == index.doc_of[b]))
        if len(same):
            cos[same] = np.minimum(cos[same], _rowwise_dot(index.own, a[same], b[same]))
    return cos


def base_scores(index: ClaimIndex, a: IntArray, b: IntArray) -> FloatArray:
    """Claim cosine × article factor for pairs (a[k], b[k]), before the guards."""
    cos = claim_cosine(index, a, b)
    return cos * context_factor(index, a, b, cos)


def _row_terms(index: ClaimIndex, i: int) -> IntArray:
    """Claim i's own term ids (not the terms it inherits from its article)."""
    X = index.own_X
    return X.indices[X.indptr[i] : X.indptr[i + 1]]  # type: ignore[no-any-return]


def _sequence(index: ClaimIndex, i: int) -> list[int]:
    """Claim i's canonical term ids in text order."""
    return index.seq_ids[index.seq_ptr[i] : index.seq_ptr[i + 1]].tolist()  # type: ignore[no-any-return]


def scores(index: ClaimIndex, a: IntArray, b: IntArray, floor: float = 0.0) -> FloatArray:
    """Final scores for pairs; the guards are evaluated only where the base score ≥ floor
    (they only lower a score, so below the floor they cannot change a decision)."""
    s = claim_cosine(index, a, b)
    # The article factor and the guards are ≤ 1: pairs already below the floor stay below it.
    live = np.flatnonzero(s >= max(floor, 1e-12))
    s[live] *= context_factor(index, a[live], b[live], s[live])
    check = np.flatnonzero((s >= floor) & (s > 0))
    if len(check):
        s[check] *= guard_factors(index, a[check], b[check])
    return s


def guard_factors(index: ClaimIndex, a: IntArray, b: IntArray) -> FloatArray:
    """Multiplicative vetoes for number, date, place and negation mismatch and swapped roles (the
    date and swapped-roles checks run per pair that needs them)."""
    p = index.params
    binary = index.binary
    numbers = index.numbers
    factor = np.ones(len(a))
    shared_numbers = _rowwise_dot(numbers, a, b)
    has_a = np.diff(numbers.indptr)[a] > 0
    has_b = np.diff(numbers.indptr)[b] > 0
    factor[has_a & has_b & (shared_numbers == 0)] *= p.number_penalty
    shared = _rowwise_dot(binary, a, b)
    sizes = np.diff(binary.indptr)
    union = sizes[a] + sizes[b] - shared
    jaccard = np.where(union > 0, shared / np.maximum(union, 1), 0.0)
    near = jaccard >= p.near_duplicate_jaccard
    factor[near & (index.negation[a] != index.negation[b])] *= p.negation_penalty
    if index.dates and p.date_penalty < 1.0:
        dated = np.array([bool(d) for d in index.dates], dtype=bool)
        for k in np.flatnonzero(dated[a] & dated[b]):
            if dates_conflict(index.dates[int(a[k])], index.dates[int(b[k])]):
                factor[k] *= p.date_penalty
    if index.places and p.place_penalty < 1.0:
        placed = np.array([bool(x) for x in index.places], dtype=bool)
        for k in np.flatnonzero(placed[a] & placed[b]):
            if places_conflict(index.places[int(a[k])], index.places[int(b[k])]):
                factor[k] *= p.place_penalty
    for k in np.flatnonzero(near & (shared >= 3)):
        i, j = int(a[k]), int(b[k])
        common = set(_row_terms(index, i).tolist()) & set(_row_terms(index, j).tolist())
        if _roles_swapped(index, i, j, common):
            factor[k] *= p.swap_penalty
    if p.weak_penalty < 1.0 and len(index.generic):
        factor *= _weak_factors(index, a, b, shared, p.weak_penalty, p.weak_max_shared)
    return factor


def _columns(m: sparse.csr_matrix, keep: npt.NDArray[np.bool_]) -> sparse.csr_matrix:
    """m with only the columns where `keep` is true (same shape)."""
    out = m.copy()
    out.data = out.data * keep[out.indices]
    out.eliminate_zeros()
    return out


def _cross_dot(m1: sparse.csr_matrix, m2: sparse.csr_matrix, a: IntArray, b: IntArray,
               chunk: int = 200_000) -> FloatArray:
    """m1[a[k]] · m2[b[k]] for every k."""
    out = np.empty(len(a))
    for s in range(0, len(a), chunk):
        e = min(s + chunk, len(a))
        out[s:e] = np.asarray(m1[a[s:e]].multiply(m2[b[s:e]]).sum(axis=1)).ravel()
    return out


def _weak_factors(index: ClaimIndex, a: IntArray, b: IntArray, shared: FloatArray,
                  penalty: float, max_shared: int) -> FloatArray:
    """`penalty` where every shared own term of a pair is weak (see weak_term), else 1. Words
    most news articles use are read from the matrices; a name's word only for the few pairs
    where a shared common word is written with a capital (claim by claim, case_marks)."""
    from core.similarity_base import COMMON, GENERIC

    factor = np.ones(len(a))
    few = np.flatnonzero((shared > 0) & (shared <= max_shared))
    if not len(few):
        return factor
    generic = (index.generic & GENERIC) > 0
    common = ((index.generic & COMMON) > 0) & ~generic
    binary = index.binary
    fa, fb = a[few], b[few]
    n_generic = _cross_dot(_columns(binary, generic), binary, fa, fb)
    n_common = _cross_dot(_columns(binary, common), binary, fa, fb)
    all_generic = n_generic >= shared[few]
    factor[few[all_generic]] = penalty
    # the rest can be weak only when all their other shared words are common ones that one
    # of the two claims writes with a capital (a name's word)
    maybe = ~all_generic & (n_generic + n_common >= shared[few])
    if index.capitals is not None and maybe.any():
        caps = _columns(index.capitals, common)
        ma, mb = fa[maybe], fb[maybe]
        capital = (_cross_dot(caps, binary, ma, mb) + _cross_dot(binary, caps, ma, mb)) > 0
        for k in few[np.flatnonzero(maybe)[capital]]:
            i, j = int(a[k]), int(b[k])
            terms = set(_row_terms(index, i).tolist()) & set(_row_terms(index, j).tolist())
            mi, mj = marks_of(index, i), marks_of(index, j)
            if all(weak_term(t, index.generic, mi, mj) for t in terms):
                factor[k] = penalty
    return factor


def candidate_pairs(index: ClaimIndex, threshold: float) -> tuple[IntArray, IntArray]:
    """Pairs (i < j) that may score ≥ threshold, found without scoring all n² pairs.

    Prefix filtering (Bayardo et al., "Scaling up all pairs similarity search", WWW 2007): order
    terms by rarity; each claim indexes only its prefix, the rarest terms, leaving out the longest
    tail of common terms whose vector norm is < threshold. If cos(a, b) ≥ threshold, the rarest term
    the two share lies in both prefixes (else the tail alone would have to reach the threshold), so
    every such pair shares an indexed term. Different topics are never paired.

    With the large-input approximations on (block_df_cap > 0), blocking reads the claims' own
    vectors, not the terms they inherit from their articles (which every claim of an article
    shares: they would propose all its pairs)."""
    X = index.own if index.own is not None and index.params.block_df_cap > 0 else index.X
    n = X.shape[0]
    if n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    rank = np.argsort(np.argsort(index.df, kind="stable"), kind="stable")  # 0 = rarest
    row_of = np.repeat(np.arange(n, dtype=np.int64), np.diff(X.indptr))
    # Entries sorted by row, then most common term first: the running norm within a row is the
    # norm of its k most common terms; an entry is in the prefix once that reaches the threshold.
    order = np.lexsort((-rank[X.indices], row_of))
    sq = X.data[order] ** 2
    running = np.cumsum(sq)
    row_start = np.concatenate([[0.0], running])[X.indptr[:-1]]
    tail = np.sqrt(np.maximum(running - row_start[row_of[order]], 0.0))
    keep = np.zeros(X.nnz, dtype=bool)
    keep[order] = tail >= threshold - 1e-9
    if index.params.block_df_cap > 0:
        keep &= index.df[X.indices] <= index.params.block_df_cap
    prefix = sparse.csr_matrix((np.where(keep, X.data, 0.0), X.indices.copy(), X.indptr.copy()),
                               shape=X.shape)
    prefix.eliminate_zeros()
    return _pairs_sharing_terms(prefix, index.topic_of, index.params.block_min_partial)


def _pairs_sharing_terms(
    prefix: sparse.csr_matrix, topic_of: IntArray, min_partial: float = 0.0, chunk: int = 4000
) -> tuple[IntArray, IntArray]:
    n = prefix.shape[0]
    pt = sparse.csr_matrix(prefix.T)
    out_a: list[IntArray] = []
    out_b: list[IntArray] = []
    for s in range(0, n, chunk):
        e = min(s + chunk, n)
        block = (prefix[s:e] @ pt).tocoo()
        rows = block.row.astype(np.int64) + s
        cols = block.col.astype(np.int64)
        mask = (cols > rows) & (topic_of[rows] == topic_of[cols])
        if min_partial > 0:
            mask &= block.data >= min_partial
        out_a.append(rows[mask])
        out_b.append(cols[mask])
    return np.concatenate(out_a), np.concatenate(out_b)


def all_pairs(index: ClaimIndex) -> tuple[IntArray, IntArray]:
    """Every pair (i < j) of the same topic: the reference that blocking is checked against."""
    a, b = np.triu_indices(index.n, k=1)
    mask = index.topic_of[a] == index.topic_of[b]
    return a[mask].astype(np.int64), b[mask].astype(np.int64)


def explain(index: ClaimIndex, i: int, j: int, limit: int = 8) -> list[TermMatch]:
    """The terms that made the score of (i, j), largest contribution first."""
    return Explainer(index, np.array([i]), np.array([j]))(i, j, limit)


class Explainer:
    """Explains many links of one index: the article factors of all known pairs are computed in
    one batch and each claim's weights and surface forms once (per-pair sparse slicing was the
    bulk of analysing 100 articles)."""

    def __init__(self, index: ClaimIndex, pairs_a: IntArray, pairs_b: IntArray) -> None:
        self.index = index
        X = index.X.tocsr()
        self._indptr, self._indices, self._data = X.indptr, X.indices, X.data
        self._rows: dict[int, dict[int, float]] = {}
        self._own: dict[int, dict[int, float]] = {}
        self._factors: dict[tuple[int, int], float] = {}
        self._members: dict[int, list[int]] | None = None
        self._doc_words: dict[int, dict[int, str]] = {}
        if len(pairs_a):
            cos = claim_cosine(index, pairs_a, pairs_b)
            factors = context_factor(index, pairs_a, pairs_b, cos)
            keys = zip(pairs_a.tolist(), pairs_b.tolist(), strict=True)
            self._factors = dict(zip(keys, factors.tolist(), strict=True))

    def row(self, i: int) -> dict[int, float]:
        if i not in self._rows:
            lo, hi = self._indptr[i], self._indptr[i + 1]
            self._rows[i] = dict(zip(self._indices[lo:hi].tolist(), self._data[lo:hi].tolist(),
                                     strict=True))
        return self._rows[i]

    def own_row(self, i: int) -> dict[int, float]:
        """Claim i's vector over its own terms (explains links inside one article)."""
        own = self.index.own
        if own is None:
            return self.row(i)
        if i not in self._own:
            lo, hi = own.indptr[i], own.indptr[i + 1]
            self._own[i] = dict(zip(own.indices[lo:hi].tolist(), own.data[lo:hi].tolist(),
                                    strict=True))
        return self._own[i]

    def rows_of(self, i: int, j: int) -> tuple[dict[int, float], dict[int, float]]:
        """The vectors that made the pair's cosine: own terms inside one article."""
        d = self.index.doc_of
        if self.index.own is not None and d[i] >= 0 and d[i] == d[j]:
            wi, wj = self.own_row(i), self.own_row(j)
            ri, rj = self.row(i), self.row(j)
            if sum(w * wj[t] for t, w in wi.items() if t in wj) <= sum(
                    w * rj[t] for t, w in ri.items() if t in rj):
                return wi, wj
            return ri, rj
        return self.row(i), self.row(j)

    def surfaces(self, i: int) -> dict[int, str]:
        return surface_forms(self.index, i)

    def article_word(self, i: int, j: int, t: int) -> str | None:
        """How the claims of i's or j's article write term t (an inherited term)."""
        if self._members is None:
            self._members = defaultdict(list)
            for k, d in enumerate(self.index.doc_of.tolist()):
                if d >= 0:
                    self._members[d].append(k)
        for d in {int(self.index.doc_of[i]), int(self.index.doc_of[j])}:
            if d < 0:
                continue
            if d not in self._doc_words:
                self._doc_words[d] = article_surfaces(self._members[d], self.surfaces)
            word = self._doc_words[d].get(t)
            if word is not None:
                return word
        return None

    def factor(self, i: int, j: int) -> float:
        known = self._factors.get((i, j), self._factors.get((j, i)))
        if known is not None:
            return known
        wi, wj = self.rows_of(i, j)
        cos = sum(w * wj[t] for t, w in wi.items() if t in wj)
        return float(context_factor(self.index, np.array([i]), np.array([j]), np.array([cos]))[0])

    def __call__(self, i: int, j: int, limit: int = 8) -> list[TermMatch]:
        wi, wj = self.rows_of(i, j)
        shared = sorted(wi.keys() & wj.keys())
        if not shared:
            return []
        factor = self.factor(i, j)
        vocab = self.index.vocab
        sa, sb = self.surfaces(i), self.surfaces(j)
        out = [term_match(sa, sb, t, vocab[t], wi[t] * wj[t] * factor,
                          None if t in sa and t in sb else self.article_word(i, j, t))
               for t in shared]
        out.sort(key=lambda m: -m.weight)
        return out[:limit]


def surface_forms(index: ClaimIndex, i: int) -> dict[int, str]:
    """Canonical term id -> the words that wrote it in claim i (first occurrence); cached on the
    index, and read through the raw-token map of the encoder (no re-tokenising)."""
    cached = index.surface_cache.get(i)
    if cached is not None:
        return cached
    out: dict[int, str] = {}
    raw_ids, variants = index.raw_ids, index.variants
    for raw in TOKEN_RE.findall(index.texts[i]):
        tid = raw_ids.get(raw)
        if tid is None:
            term = index.tokenizer.info(raw).term
            tid = index.term_ids.get(term, -1) if term is not None else -1
        if tid < 0:
            continue
        out.setdefault(variants.get(tid, (tid, 1.0))[0], raw)
    index.surface_cache[i] = out
    return out


def pair_similarity(a: str, b: str, params: SimilarityParams | None = None) -> float:
    """Similarity of two texts on their own (IDF over the pair): for tests and quick checks."""
    index = build_index([a, b], params=params)
    return float(scores(index, np.array([0]), np.array([1]))[0])


def idf_of(index: ClaimIndex) -> FloatArray:
    """IDF per term, as used in the vectors."""
    return index.idf


def salient_terms(index: ClaimIndex, members: Sequence[int], limit: int = 4) -> list[str]:
    """Most salient terms of a set of claims: shared by the most members, then rarest."""
    counts: Counter[int] = Counter()
    for i in members:
        counts.update(_row_terms(index, i).tolist())
    idf = index.idf
    need = 2 if len(members) > 1 else 1
    ranked = sorted(
        (t for t, c in counts.items() if c >= need),
        key=lambda t: (-(counts[t] * idf[t]), t),
    )
    if not ranked:
        ranked = sorted(counts, key=lambda t: (-idf[t], t))
    words: list[str] = []
    seen: set[str] = set()
    for t in ranked:
        word = _display(index, members, t)
        if word.lower() not in seen:
            seen.add(word.lower())
            words.append(word)
        if len(words) >= limit:
            break
    return words


def _display(index: ClaimIndex, members: Sequence[int], term: int) -> str:
    forms: Counter[str] = Counter()
    for i in members[:20]:
        form = surface_forms(index, i).get(term)
        if form:
            forms[form] += 1
    if not forms:
        return index.vocab[term].lstrip("#")
    return forms.most_common(1)[0][0]


def _roles_swapped(index: ClaimIndex, i: int, j: int, shared: set[int]) -> bool:
    return roles_swapped(_sequence(index, i), _sequence(index, j), shared,
                         index.name_like, index.is_number)
