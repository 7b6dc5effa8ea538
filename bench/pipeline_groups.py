"""Event grouping through the whole pipeline, on whole articles: ECB+ documents and BASIL stories.

    .venv/bin/python bench/pipeline_groups.py [--data DIR] [--dataset ecb|basil|both]
        [--split tune|report|both] [--per-case N] [--save FILE] [--compare FILE]
        [--merge X] [--suggest X] [--same-document X] [--param NAME=VALUE ...]

`--param` sets any SimilarityParams knob for the run (repeatable), e.g. `--param
story_floor_share=0` (the article factor's fixed floor inside a story) or `--param
story_inherit_weight=0.2` (claims of a story inherit their article's terms at full weight):
the session 12 grid on the tune splits was run this way.

bench/grouping.py scores the similarity on given sentences. This bench scores what the analyst
sees: real articles go through ingest → segmentation → attribution → perspectives → grouping,
so the claim-level rules (a claim's own span, its discourse context, the article's entities)
are exercised, and the claims are the pipeline's own.

ECB+: each topic's documents (both of its events: hard negatives) are one case, written as
plain-text files (one sentence per line, as the corpus stores them) and read by ingest. A
claim belongs to the annotated sentence its start lies in. Pairs of claims from different
documents whose sentences are annotated are judged as in bench/grouping.py: together when
the sentences share an event instance, apart when they come from the topic's other event;
pairwise precision, recall and F1 of "same group". Also the subtopic purity of every grouped
cross-document pair (annotated or not): the share from the same event of the topic.
Tune on topics 1–22, report 23–35. See README, "Grouping on whole articles", for what the
numbers say about the thresholds.

BASIL has no sentence-level event labels, but it does know which story each article tells.
Cases are built of several stories (three outlets each, N stories per case, in a fixed order),
the way an analyst's folder holds more than one story, and two proxies are measured over the
groups the pipeline makes:
- story purity: of the claim pairs grouped together from different documents, the share that
  come from the same story. A pair from two different stories is certainly wrong, so this is a
  lower bound on the grouping's precision (1.0 = no group mixes stories);
- cross-outlet coverage: the share of claims whose group also holds a claim from another
  outlet's article of the same story: how often the comparison view has something to compare.
  Not every claim has a counterpart, so this is a proxy for recall, to compare two runs.
Also: claims, events, the share of events that hold one claim only, and the mean share of a
story's claims that sit in its largest event (1.0 would be one blob per story: nothing left to
compare row by row).

Split: stories of 2010–2013 to tune on, 2014–2016 to report on. Each part is skipped cleanly
when its folder is absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import DATA, add_io_args, save_and_compare  # noqa: E402
from bench.datasets import EcbCorpus, EcbSentence, load_ecbplus  # noqa: E402
from core.ingest import ingest  # noqa: E402
from core.models import Settings  # noqa: E402
from core.pipeline import analyze_documents  # noqa: E402

SETTINGS = Settings()
VERBOSE = False

SPLITS = {"tune": range(2010, 2014), "report": range(2014, 2017)}
ECB_SPLITS = {"tune": range(1, 23), "report": range(23, 36)}


def stories(root: Path, years: range) -> list[list[Path]]:
    """The articles of each story (triplet) published in `years`, in a fixed order."""
    by_story: dict[str, list[Path]] = defaultdict(list)
    for year in years:
        for path in sorted((root / str(year)).glob("*.json")):
            triplet = orjson.loads(path.read_bytes()).get("triplet-uuid") or path.stem[:-2]
            by_story[str(triplet)].append(path)
    return [sorted(paths) for _uuid, paths in sorted(by_story.items()) if len(paths) >= 2]


def score_case(story_paths: Sequence[Sequence[Path]]) -> dict[str, float]:
    """Run the pipeline on the articles of several stories; count the proxies' numerators."""
    story_of: dict[str, int] = {}
    for k, paths in enumerate(story_paths):
        for path in paths:
            story_of[str(path)] = k
    result = ingest([str(p) for paths in story_paths for p in paths])
    analysis = analyze_documents(result.documents, SETTINGS)
    doc_story = {d.id: story_of[d.path] for d in analysis.documents}
    members: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for claim in analysis.claims:
        if claim.group is not None:
            members[claim.group].append((claim.document, doc_story[claim.document]))
    same = cross = covered = 0
    for group in members.values():
        docs_by_story: dict[int, set[str]] = defaultdict(set)
        for doc, story in group:
            docs_by_story[story].add(doc)
        per_doc: dict[str, int] = defaultdict(int)
        for doc, _story in group:
            per_doc[doc] += 1
        docs = list(per_doc)
        for i, a in enumerate(docs):
            for b in docs[i + 1:]:
                pairs = per_doc[a] * per_doc[b]
                if doc_story[a] == doc_story[b]:
                    same += pairs
                else:
                    cross += pairs
        for doc, story in group:
            if len(docs_by_story[story] - {doc}) > 0:
                covered += 1
    sizes = [len(g) for g in members.values()]
    # per story: the share of its claims that sit in its largest event (1.0: one blob)
    largest = 0.0
    for story in range(len(story_paths)):
        counts = [sum(1 for _doc, s in group if s == story) for group in members.values()]
        if sum(counts):
            largest += max(counts) / sum(counts)
    return {"claims": float(len(analysis.claims)), "events": float(len(sizes)),
            "largest_share_sum": largest,
            "singletons": float(sum(1 for s in sizes if s == 1)), "same_story_pairs": float(same),
            "cross_story_pairs": float(cross), "covered": float(covered)}


def run_split(root: Path, split: str, per_case: int) -> dict[str, float]:
    all_stories = stories(root, SPLITS[split])
    totals: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    for k in range(0, len(all_stories), per_case):
        for key, value in score_case(all_stories[k:k + per_case]).items():
            totals[key] += value
    pairs = totals["same_story_pairs"] + totals["cross_story_pairs"]
    result = {
        "stories": float(len(all_stories)),
        "claims": totals["claims"],
        "events": totals["events"],
        "story_purity": round(totals["same_story_pairs"] / pairs, 4) if pairs else 1.0,
        "cross_outlet_coverage": round(totals["covered"] / totals["claims"], 4)
        if totals["claims"] else 0.0,
        "singleton_events": round(totals["singletons"] / totals["events"], 4)
        if totals["events"] else 0.0,
        "largest_event_share": round(totals["largest_share_sum"] / len(all_stories), 4)
        if all_stories else 0.0,
        "seconds": round(time.perf_counter() - started, 2),
    }
    print(f"BASIL {split}: {len(all_stories)} stories ({per_case} per case), "
          f"{int(result['claims'])} claims, {int(result['events'])} events · story purity "
          f"{result['story_purity']:.3f} · cross-outlet coverage "
          f"{result['cross_outlet_coverage']:.3f} · one-claim events "
          f"{result['singleton_events']:.3f} · largest event {result['largest_event_share']:.3f}"
          f" of a story's claims ({result['seconds']:.1f} s)")
    return result


def score_ecb_topic(corpus: EcbCorpus, topic: int, folder: Path) -> dict[str, float]:
    """Run the pipeline on one ECB+ topic's documents; count judged pairs and purity."""
    sentences = [s for s in corpus.sentences if s.topic == topic]
    names = sorted({s.doc for s in sentences})
    for name in names:
        (folder / f"{name}.txt").write_text(corpus.documents[name] + "\n", encoding="utf-8")
    result = ingest([str(folder / f"{name}.txt") for name in names])
    analysis = analyze_documents(result.documents, SETTINGS)
    name_of = {d.id: Path(d.path).stem for d in analysis.documents}
    annotated = {(s.doc, s.number): s for s in sentences}
    texts = {d.id: d.text for d in analysis.documents}
    items: list[tuple[str, str, EcbSentence | None]] = []
    for claim in analysis.claims:
        doc = name_of[claim.document]
        line = texts[claim.document].count("\n", 0, claim.start)
        lines = corpus.numbers[doc]
        sentence = annotated.get((doc, lines[line])) if line < len(lines) else None
        items.append((doc, claim.group or claim.id, sentence))
    tp = fp = fn = tn = same_sub = cross_sub = 0
    for x, (doc_a, group_a, sent_a) in enumerate(items):
        for doc_b, group_b, sent_b in items[x + 1:]:
            if doc_a == doc_b:
                continue
            together = group_a == group_b
            if together:
                if doc_a.endswith("ecbplus") == doc_b.endswith("ecbplus"):
                    same_sub += 1
                else:
                    cross_sub += 1
            if sent_a is None or sent_b is None:
                continue
            if sent_a.events & sent_b.events:
                tp += together
                fn += not together
            elif sent_a.subtopic != sent_b.subtopic:
                fp += together
                tn += not together
    if VERBOSE:
        print(f"  topic {topic}: tp {tp} fp {fp} fn {fn} tn {tn}")
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "same_sub": same_sub,
            "cross_sub": cross_sub, "claims": len(analysis.claims),
            "events": len({g for _d, g, _s in items})}


def run_ecb_split(corpus: EcbCorpus, split: str) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    topics = sorted({s.topic for s in corpus.sentences if s.topic in ECB_SPLITS[split]})
    started = time.perf_counter()
    for topic in topics:
        with tempfile.TemporaryDirectory(prefix="perspecta-ecb-") as tmp:
            for key, value in score_ecb_topic(corpus, topic, Path(tmp)).items():
                totals[key] += value
    tp, fp, fn = totals["tp"], totals["fp"], totals["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    grouped = totals["same_sub"] + totals["cross_sub"]
    result = {
        "topics": float(len(topics)), "claims": totals["claims"], "events": totals["events"],
        "pair_precision": round(precision, 4), "pair_recall": round(recall, 4),
        "pair_f1": round(f1, 4), "judged_pairs": tp + fp + fn + totals["tn"],
        "subtopic_purity": round(totals["same_sub"] / grouped, 4) if grouped else 1.0,
        "seconds": round(time.perf_counter() - started, 2),
    }
    print(f"ECB+ {split} (topics {ECB_SPLITS[split].start}–{ECB_SPLITS[split].stop - 1}): "
          f"{len(topics)} topics, {int(result['claims'])} claims, {int(result['events'])} events"
          f" · judged pairs {int(result['judged_pairs'])}: P {precision:.3f} R {recall:.3f} "
          f"F1 {f1:.3f} · subtopic purity {result['subtopic_purity']:.3f} "
          f"({result['seconds']:.1f} s)")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DATA), help="the shared data folder")
    parser.add_argument("--dataset", choices=["ecb", "basil", "both"], default="both")
    parser.add_argument("--split", choices=["tune", "report", "both"], default="both")
    parser.add_argument("--per-case", type=int, default=4, help="BASIL stories per case")
    add_io_args(parser)
    parser.add_argument("--verbose", action="store_true", help="ECB+ counts per topic")
    parser.add_argument("--merge", type=float, help="merge threshold (default: the product's)")
    parser.add_argument("--suggest", type=float, help="suggestion threshold")
    parser.add_argument("--same-document", type=float, help="same_document_factor")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="any SimilarityParams knob (repeatable), e.g. context_floor=0.2")
    args = parser.parse_args(argv)
    global SETTINGS, VERBOSE
    VERBOSE = args.verbose
    if args.merge is not None:
        SETTINGS = SETTINGS.model_copy(update={"merge_threshold": args.merge})
    if args.same_document is not None:
        SETTINGS = SETTINGS.model_copy(update={"extra": {**SETTINGS.extra, "same_document_factor": args.same_document}})
    if args.suggest is not None:
        SETTINGS = SETTINGS.model_copy(update={"suggest_threshold": args.suggest})
    for item in args.param:
        name, _, value = item.partition("=")
        SETTINGS = SETTINGS.model_copy(update={"extra": {**SETTINGS.extra, name: float(value)}})
    splits = ["tune", "report"] if args.split == "both" else [args.split]
    results: dict[str, dict[str, float]] = {}
    ecb_root = Path(args.data) / "ecbplus"
    if args.dataset in ("ecb", "both"):
        if (ecb_root / "ECBplus_coreference_sentences.csv").is_file():
            corpus = load_ecbplus(ecb_root)
            for split in splits:
                results[f"ecb_{split}"] = run_ecb_split(corpus, split)
        else:
            print(f"ECB+ skipped: no corpus at {ecb_root}")
    basil_root = Path(args.data) / "basil" / "articles"
    if args.dataset in ("basil", "both"):
        if basil_root.is_dir():
            for split in splits:
                results[f"basil_{split}"] = run_split(basil_root, split, args.per_case)
        else:
            print(f"BASIL skipped: no articles at {basil_root}")
    save_and_compare(results, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
