"""Event-grouping quality: ECB+ pairwise F1 (tune topics 1–22, report 23–35) and MRPC 5-fold CV.

    .venv/bin/python bench/grouping.py [--data /work/shared/data] [--save F.json] [--compare F.json]
                                       [--tune]

ECB+: every annotated sentence is a claim (topic = ECB+ topic, document = its article, whose full
text is the context). Judged pairs: sentences of different documents of one topic; "same" when
they share a cross-document event instance, "different" when they come from the topic's other
seminal event. Scored on the groups, not on raw pair scores. Baselines: rapidfuzz
token_set_ratio at its best threshold, and everything in one group.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import JaroWinkler, LCSseq, Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import save_and_compare
from bench.datasets import (
    DEFAULT_DATA,
    EcbCorpus,
    EcbSentence,
    ecb_pairs,
    load_ecbplus,
    load_mrpc,
)
from core.grouping import cluster
from core.models import Settings
from core.similarity import build_index, guard_factors, scores
from core.similarity_base import SimilarityParams
from core.tokens import TOKEN_RE, Tokenizer

TRAIN_TOPICS = range(1, 23)
TEST_TOPICS = range(23, 36)


def prf(pred: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(1 for p, g in zip(pred, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(pred, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold, strict=True) if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ecb_subset(corpus: EcbCorpus, topics: range) -> list[EcbSentence]:
    return [s for s in corpus.sentences if s.topic in topics]


def ecb_labels(
    sentences: list[EcbSentence], documents: dict[str, str], settings: Settings,
    *, blocking: bool = True, use_context: bool = True,
) -> np.ndarray:  # type: ignore[type-arg]
    """Group labels for ECB+ sentences (one topic never groups with another)."""
    params = SimilarityParams.from_extra(settings.extra)
    index = build_index(
        [s.text for s in sentences],
        documents=[s.doc for s in sentences] if use_context else None,
        contexts=documents if use_context else None,
        topics=[str(s.topic) for s in sentences],
        params=params,
    )
    return cluster(index, settings, blocking=blocking).labels


def ecb_f1(
    sentences: list[EcbSentence], documents: dict[str, str], settings: Settings, **kw: bool
) -> tuple[float, float, float]:
    labels = ecb_labels(sentences, documents, settings, **kw)
    pairs = ecb_pairs(sentences)
    return prf([labels[i] == labels[j] for i, j, _ in pairs], [g for _, _, g in pairs])


def token_set_baseline(sentences: list[EcbSentence]) -> tuple[float, float]:
    """(best threshold, F1) of thresholding rapidfuzz token_set_ratio on the judged pairs."""
    pairs = ecb_pairs(sentences)
    sc = [fuzz.token_set_ratio(sentences[i].text, sentences[j].text, processor=utils.default_process)
          / 100 for i, j, _ in pairs]
    gold = [g for _, _, g in pairs]
    best = (0.0, 0.0)
    for t in np.arange(0.30, 1.0, 0.02):
        f1 = prf([x >= t for x in sc], gold)[2]
        if f1 > best[1]:
            best = (float(t), f1)
    return best


def all_in_one(sentences: list[EcbSentence]) -> float:
    pairs = ecb_pairs(sentences)
    return prf([True] * len(pairs), [g for _, _, g in pairs])[2]


def _ngrams(words: list[str], k: int) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + k]) for i in range(len(words) - k + 1)]


def pair_features(a: str, b: str, tokenizer: Tokenizer) -> list[float]:
    """Lexical features of a sentence pair for the MRPC classifier (besides our score)."""
    ta, _, neg_a = tokenizer.terms(a)
    tb, _, neg_b = tokenizer.terms(b)
    wa = [w.lower() for w in TOKEN_RE.findall(a)]
    wb = [w.lower() for w in TOKEN_RE.findall(b)]
    sa, sb = set(ta), set(tb)
    num_a = {t for t in sa if t.startswith("#")}
    num_b = {t for t in sb if t.startswith("#")}
    out = [
        fuzz.token_sort_ratio(a, b, processor=utils.default_process) / 100,
        fuzz.ratio(a, b, processor=utils.default_process) / 100,
        fuzz.token_set_ratio(a, b, processor=utils.default_process) / 100,
        min(len(wa), len(wb)) / max(len(wa), len(wb), 1),
        float(bool(num_a) and bool(num_b) and num_a != num_b),
        float(num_a == num_b),
        float(neg_a != neg_b),
        len(sa & sb) / max(len(sa), 1),
        len(sa & sb) / max(len(sb), 1),
        LCSseq.normalized_similarity(wa, wb),
        abs(len(a) - len(b)) / max(len(a), len(b), 1),
        len(sa ^ sb) / max(len(sa | sb), 1),
        float(len(num_a ^ num_b)),
        len(set(wa) & set(wb)) / max(len(set(wa) | set(wb)), 1),
    ]
    for k in (1, 2, 3, 4):  # n-gram precision both ways (BLEU-like)
        ca, cb = Counter(_ngrams(wa, k)), Counter(_ngrams(wb, k))
        matched = sum((ca & cb).values())
        pa, pb = matched / max(sum(ca.values()), 1), matched / max(sum(cb.values()), 1)
        out += [min(pa, pb), max(pa, pb), len(set(ca) & set(cb)) / max(len(set(ca) | set(cb)), 1)]
    chars_a, chars_b = set(_ngrams(list(a.lower()), 4)), set(_ngrams(list(b.lower()), 4))
    out.append(len(chars_a & chars_b) / max(len(chars_a | chars_b), 1))
    only_a, only_b = len(sa - sb), len(sb - sa)
    out += [float(min(only_a, only_b)), float(max(only_a, only_b))]
    caps_a = {w for w in TOKEN_RE.findall(a) if w[0].isupper()}
    caps_b = {w for w in TOKEN_RE.findall(b) if w[0].isupper()}
    out += [float(len(caps_a ^ caps_b)), len(caps_a & caps_b) / max(len(caps_a | caps_b), 1)]
    out.append(math.log1p(len(wa) + len(wb)))
    # Word order and edits on the content terms (stemmed, stop words out) and on all words.
    out += [LCSseq.normalized_similarity(ta, tb), Levenshtein.normalized_similarity(wa, wb)]
    # Character n-grams at two more sizes (spelling, morphology).
    for k in (3, 5):
        ga, gb = set(_ngrams(list(a.lower()), k)), set(_ngrams(list(b.lower()), k))
        out.append(len(ga & gb) / max(len(ga | gb), 1))
    # Soft token match: share of each side's content terms with a Jaro-Winkler ≥ 0.9 partner.
    if ta and tb:
        sim = process.cdist(ta, tb, scorer=JaroWinkler.similarity)
        soft_a = float((sim.max(axis=1) >= 0.9).mean())
        soft_b = float((sim.max(axis=0) >= 0.9).mean())
        mean_a, mean_b = float(sim.max(axis=1).mean()), float(sim.max(axis=0).mean())
    else:
        soft_a = soft_b = mean_a = mean_b = 0.0
    out += [min(soft_a, soft_b), max(soft_a, soft_b), min(mean_a, mean_b), max(mean_a, mean_b)]
    # Sizes: short pairs need less to be paraphrases than long ones.
    out += [math.log1p(min(len(ta), len(tb))), math.log1p(max(len(ta), len(tb)))]
    # Best-aligned substring scores (unfit to judge sentences alone, informative as features).
    out += [fuzz.partial_ratio(a, b, processor=utils.default_process) / 100,
            fuzz.partial_token_sort_ratio(a, b, processor=utils.default_process) / 100]
    # n-gram overlap on the content terms (stemmed, synonyms folded), both ways.
    for k in (1, 2, 3):
        ca, cb = Counter(_ngrams(ta, k)), Counter(_ngrams(tb, k))
        matched = sum((ca & cb).values())
        pa, pb = matched / max(sum(ca.values()), 1), matched / max(sum(cb.values()), 1)
        out += [min(pa, pb), max(pa, pb)]
    return out


def expand(features: np.ndarray) -> np.ndarray:  # type: ignore[type-arg]
    """Features and their squares: a little curvature for the linear classifier (a paraphrase
    needs high overlap on every measure at once; measured +0.003 accuracy in 5-fold CV)."""
    return np.hstack([features, features ** 2])


def fit_logistic(X: np.ndarray, y: np.ndarray, l2: float = 1.0,  # type: ignore[type-arg]
                 iterations: int = 30) -> np.ndarray:  # type: ignore[type-arg]
    """L2-regularised logistic regression by Newton's method (X standardised, bias last)."""
    X1 = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(X1.shape[1])
    reg = l2 * np.r_[np.ones(X.shape[1]), 0.0]
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-X1 @ w))
        grad = X1.T @ (p - y) + reg * w
        hess = (X1 * (p * (1 - p))[:, None]).T @ X1 + np.diag(reg)
        w -= np.linalg.solve(hess, grad)
    return w


def mrpc_cv(pairs: list[tuple[bool, str, str]], params: SimilarityParams,
            folds: int = 5) -> dict[str, float]:
    """5-fold CV on MRPC train. 'ours': our score with a threshold fit on the training folds;
    'classifier': logistic regression over our score and lexical pair features, fit on the
    training folds only; 'token_set_ratio': the rapidfuzz baseline with a fitted threshold."""
    texts = [a for _, a, _ in pairs] + [b for _, _, b in pairs]
    index = build_index(texts, params=params)
    n = len(pairs)
    ours = scores(index, np.arange(n), np.arange(n, 2 * n))
    tsr = np.array([fuzz.token_set_ratio(a, b, processor=utils.default_process) / 100
                    for _, a, b in pairs])
    gold = np.array([g for g, _, _ in pairs])
    tokenizer = Tokenizer()
    # IDF-weighted coverage: the share of each sentence's vector norm that the other one shares.
    xa, xb = index.X[np.arange(n)], index.X[np.arange(n, 2 * n)]
    cover_a = np.asarray(xa.multiply(xa).multiply(index.binary[np.arange(n, 2 * n)]).sum(axis=1)).ravel()
    cover_b = np.asarray(xb.multiply(xb).multiply(index.binary[np.arange(n)]).sum(axis=1)).ravel()
    # The score's parts apart: the IDF cosine, and the guards' product (number, negation, date,
    # place, swapped roles), so the classifier weighs each on its own.
    guards = guard_factors(index, np.arange(n), np.arange(n, 2 * n))
    cosine = np.asarray(xa.multiply(xb).sum(axis=1)).ravel()
    # IDF mass of the terms each sentence has and the other lacks (what one adds to the other).
    idf = index.idf
    own_a, own_b = index.binary[np.arange(n)], index.binary[np.arange(n, 2 * n)]
    mass_a = np.asarray(own_a @ idf).ravel()
    mass_b = np.asarray(own_b @ idf).ravel()
    both = np.asarray(own_a.multiply(own_b) @ idf).ravel()
    extra_a, extra_b = mass_a - both, mass_b - both
    features = np.array([[float(o), c, g, min(ca, cb), max(ca, cb), min(ea, eb), max(ea, eb),
                          *pair_features(a, b, tokenizer)]
                         for o, c, g, ca, cb, ea, eb, (_, a, b)
                         in zip(ours, cosine, guards, cover_a, cover_b, extra_a, extra_b, pairs,
                                strict=True)])
    features = expand(features)
    fold_of = np.arange(n) % folds
    out: dict[str, float] = {}
    for name, sc in (("ours", ours), ("token_set_ratio", tsr)):
        accs, f1s = [], []
        for f in range(folds):
            train, test = fold_of != f, fold_of == f
            grid = np.unique(np.round(sc[train], 3))
            best_t = max(grid, key=lambda t: float(np.mean((sc[train] >= t) == gold[train])))
            pred = sc[test] >= best_t
            accs.append(float(np.mean(pred == gold[test])))
            f1s.append(prf(pred.tolist(), gold[test].tolist())[2])
        out[f"{name}_accuracy"] = statistics.mean(accs)
        out[f"{name}_f1"] = statistics.mean(f1s)
    accs, f1s = [], []
    for f in range(folds):
        train, test = fold_of != f, fold_of == f
        mu, sd = features[train].mean(axis=0), features[train].std(axis=0) + 1e-9
        w = fit_logistic((features[train] - mu) / sd, gold[train].astype(float))
        z = np.hstack([(features[test] - mu) / sd, np.ones((int(test.sum()), 1))]) @ w
        pred = z >= 0
        accs.append(float(np.mean(pred == gold[test])))
        f1s.append(prf(pred.tolist(), gold[test].tolist())[2])
    out["classifier_accuracy"] = statistics.mean(accs)
    out["classifier_f1"] = statistics.mean(f1s)
    return out


def tune(corpus: EcbCorpus) -> None:
    """Grid on topics 1–22: the article factor's floor, the weight of names and numbers in the
    article vectors, the inherited article terms, and the merge threshold (the defaults were
    chosen from this grid; topics 23–35 are only reported)."""
    train = ecb_subset(corpus, TRAIN_TOPICS)
    rows = [(floor, names, numbers, inherit)
            for floor in (0.3, 0.35, 0.4)
            for names, numbers in ((1.0, 1.0), (3.0, 3.0), (3.0, 5.0), (4.0, 5.0))
            for inherit in (0.0, 0.2, 0.4)]
    for floor, names, numbers, inherit in rows:
        row = []
        for merge in (0.035, 0.04, 0.045, 0.05):
            settings = Settings(merge_threshold=merge, suggest_threshold=min(0.03, merge),
                                extra={"context_floor": floor, "context_name_boost": names,
                                       "context_number_boost": numbers,
                                       "inherit_weight": inherit})
            row.append(f"{merge:.3f}:{ecb_f1(train, corpus.documents, settings)[2]:.3f}")
        print(f"floor={floor:.2f} names×{names:g} numbers×{numbers:g} inherit={inherit:.1f}  "
              + "  ".join(row), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--tune", action="store_true", help="print the tuning grid (topics 1–22)")
    args = parser.parse_args(argv)
    ecb_root, mrpc_root = args.data / "ecbplus", args.data / "mrpc"
    if not ecb_root.exists():
        print(f"skipped: {ecb_root} not found")
        return 0
    corpus = load_ecbplus(ecb_root)
    if args.tune:
        tune(corpus)
        return 0
    settings = Settings()
    result: dict[str, float] = {}
    for split, topics in (("train", TRAIN_TOPICS), ("test", TEST_TOPICS)):
        sents = ecb_subset(corpus, topics)
        t0 = time.perf_counter()
        p, r, f = ecb_f1(sents, corpus.documents, settings)
        elapsed = time.perf_counter() - t0
        f_noctx = ecb_f1(sents, corpus.documents, settings, use_context=False)[2]
        no_inherit = settings.model_copy(update={"extra": {**settings.extra, "inherit_weight": 0.0}})
        f_noinh = ecb_f1(sents, corpus.documents, no_inherit)[2]
        f_all = ecb_f1(sents, corpus.documents, settings, blocking=False)[2]
        tsr_t, tsr_f = token_set_baseline(sents)
        one = all_in_one(sents)
        label = "topics 1-22 (tuning)" if split == "train" else "topics 23-35 (report)"
        print(f"ECB+ {label}: {len(sents)} sentences, {len(ecb_pairs(sents))} judged pairs")
        print(f"  ours (blocking)        P={p:.3f} R={r:.3f} F1={f:.3f}  ({elapsed:.2f}s)")
        print(f"  ours (all pairs)       F1={f_all:.3f}")
        print(f"  ours without context   F1={f_noctx:.3f}")
        print(f"  ours, claims inherit no article terms  F1={f_noinh:.3f}")
        print(f"  token_set_ratio        F1={tsr_f:.3f} at best threshold {tsr_t:.2f}")
        print(f"  all in one group       F1={one:.3f}")
        result.update({f"ecb_{split}_f1": f, f"ecb_{split}_precision": p,
                       f"ecb_{split}_recall": r, f"ecb_{split}_f1_all_pairs": f_all,
                       f"ecb_{split}_f1_no_context": f_noctx,
                       f"ecb_{split}_f1_no_inherit": f_noinh,
                       f"ecb_{split}_token_set_f1": tsr_f, f"ecb_{split}_all_in_one_f1": one})
    if mrpc_root.exists():
        m = mrpc_cv(load_mrpc(mrpc_root), SimilarityParams.from_extra(settings.extra))
        print(f"MRPC train 5-fold CV: classifier (logistic regression over our score + lexical "
              f"features) accuracy={m['classifier_accuracy']:.3f} F1={m['classifier_f1']:.3f}")
        print(f"MRPC train 5-fold CV: ours accuracy={m['ours_accuracy']:.3f} F1={m['ours_f1']:.3f}; "
              f"token_set_ratio accuracy={m['token_set_ratio_accuracy']:.3f} "
              f"F1={m['token_set_ratio_f1']:.3f}")
        result.update({f"mrpc_{k}": v for k, v in m.items()})
    else:
        print(f"skipped MRPC: {mrpc_root} not found")
    save_and_compare(result, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
