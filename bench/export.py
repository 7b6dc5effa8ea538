"""Export speed: a 10k-claim case in every format (md, html, json, csv), median of 5.

    .venv/bin/python bench/export.py [POLNEAR_PATH] [--claims 10000] [--repeat 5]
                                     [--save F.json] [--compare F.json]

The case is built from real PolNeAR article text (train/text/*.txt, publisher/date/title from
metadata.tsv): every sentence is a claim with its exact offsets, then speakers, perspectives and
event groups are assigned synthetically (fixed seed) so the report has the shape of a big real
case: ~240 speakers in 12 perspectives plus each outlet's narration, groups of about ten claims
across articles with links and suggestions. Target: ≤ 2 s per format.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DATA, add_io_args, median_time, save_and_compare
from core.export import FORMATS, export_analysis
from core.models import (
    Analysis,
    Claim,
    ClaimKind,
    Document,
    Group,
    Link,
    MatchedTerm,
    Perspective,
    Speaker,
)

TARGET_SECONDS = 2.0
SENTENCE = re.compile(r"[^\s].*?(?:[.!?][\"”’)]*(?=\s)|$)", re.MULTILINE)
PERSPECTIVES = [
    ("united-states", "United States", "government"), ("russia", "Russia", "government"),
    ("china", "China", "government"), ("mexico", "Mexico", "government"),
    ("clinton-campaign", "Clinton campaign", "institution"),
    ("trump-campaign", "Trump campaign", "institution"), ("congress", "Congress", "institution"),
    ("fbi", "FBI", "institution"), ("analysts", "Analysts", "analyst"),
    ("press", "Press", "press"), ("voters", "Voters", "other"), ("courts", "Courts", "other"),
]
HEDGES = ["may", "reportedly", "appeared", "could", "allegedly"]
CUES = ["said", "told", "tweeted", "according to", "noted", "claimed"]


def read_metadata(root: Path) -> dict[str, dict[str, str]]:
    path = root / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}


def build_case(root: Path, claims_wanted: int, seed: int = 11) -> Analysis:
    """A case of `claims_wanted` claims: real PolNeAR sentences, synthetic attribution."""
    rng = random.Random(seed)
    meta = read_metadata(root)
    perspectives = [Perspective(id=p, label=label, kind=kind) for p, label, kind in PERSPECTIVES]  # type: ignore[arg-type]
    speakers: list[Speaker] = []
    for i in range(240):
        perspective = perspectives[i % len(perspectives)]
        anonymous = i % 7 == 0
        speaker = Speaker(
            id=f"s{i}", name=f"a senior official #{i}" if anonymous else f"Speaker {i}",
            role=f"Role {i % 17}" if i % 3 else None, anonymous=anonymous,
            perspective=perspective.id, perspective_reason="bench: synthetic",
        )
        perspective.speakers.append(speaker.id)
        speakers.append(speaker)
    documents: list[Document] = []
    claims: list[Claim] = []
    authors: dict[str, Perspective] = {}
    for path in sorted((root / "train" / "text").glob("*.txt")):
        if len(claims) >= claims_wanted:
            break
        text = path.read_text(encoding="utf-8")
        info = meta.get(path.stem, {})
        outlet = info.get("publisher") or path.stem.split("_")[0]
        doc = Document(
            id=f"d{len(documents):010x}", path=str(path), title=info.get("title") or path.stem,
            outlet=outlet, published=info.get("publication_date"), text=text, sha256="0" * 64,
        )
        documents.append(doc)
        author = authors.get(outlet)
        if author is None:
            author = Perspective(id=f"author-{outlet}", label=outlet, kind="author")
            authors[outlet] = author
        for match in SENTENCE.finditer(text):
            if len(claims) >= claims_wanted:
                break
            start, end = match.start(), match.end()
            kind = (ClaimKind.DIRECT, ClaimKind.INDIRECT, ClaimKind.NARRATION)[rng.randrange(3)]
            speaker = None if kind is ClaimKind.NARRATION else speakers[rng.randrange(len(speakers))]
            claims.append(Claim(
                id=f"{doc.id}:{start}-{end}", document=doc.id, start=start, end=end,
                text=text[start:end], kind=kind,
                speaker=speaker.name if speaker else None,
                speaker_id=speaker.id if speaker else None,
                role=speaker.role if speaker else None,
                anonymous=speaker.anonymous if speaker else False,
                via=[outlet] if speaker and rng.random() < 0.1 else [],
                cue=CUES[rng.randrange(len(CUES))] if speaker else None,
                hedges=[HEDGES[rng.randrange(len(HEDGES))]] if rng.random() < 0.15 else [],
                perspective=speaker.perspective if speaker else author.id,
            ))
    # Events: ~10 claims each, drawn across the whole case; 5% of claims stay ungrouped.
    n_groups = max(1, len(claims) // 10)
    members: dict[int, list[Claim]] = {}
    for claim in claims:
        if rng.random() < 0.05:
            continue
        members.setdefault(rng.randrange(n_groups), []).append(claim)
    groups: list[Group] = []
    for index, group_claims in sorted(members.items()):
        group_id = f"g{index}"
        for claim in group_claims:
            claim.group = group_id
        words = [w for w in re.findall(r"[A-Za-z]{5,}", group_claims[0].text)][:3] or ["event"]
        links = [
            Link(a=a.id, b=b.id, score=round(rng.uniform(0.5, 1.0), 3),
                 terms=[MatchedTerm(a=words[0], b=words[0], weight=0.5)])
            for a, b in itertools.pairwise(group_claims)
        ]
        suggestions = []
        if rng.random() < 0.2 and len(claims) > 1:
            other = claims[rng.randrange(len(claims))]
            suggestions.append(Link(a=group_claims[0].id, b=other.id, score=0.4, tier="suggest"))
        groups.append(Group(id=group_id, label=" · ".join(words), claims=[c.id for c in group_claims],
                            links=links, suggestions=suggestions, terms=words))
    return Analysis(title="PolNeAR export bench", documents=documents,
                    perspectives=perspectives + list(authors.values()), speakers=speakers,
                    claims=claims, groups=groups)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DATA / "polnear"), help="PolNeAR folder")
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    add_io_args(parser)
    args = parser.parse_args()
    root = Path(args.path)
    if not (root / "train" / "text").is_dir():
        print(f"skipped: PolNeAR not found at {root}")
        return 0
    analysis = build_case(root, args.claims)
    print(f"case: {len(analysis.claims)} claims, {len(analysis.documents)} documents, "
          f"{len(analysis.groups)} events, {len(analysis.perspectives)} perspectives, "
          f"{len(analysis.speakers)} speakers")
    results: dict[str, float] = {"claims": float(len(analysis.claims))}
    slow = []
    for fmt in FORMATS:
        size = len(export_analysis(analysis, fmt))
        med, times = median_time(lambda fmt=fmt: export_analysis(analysis, fmt), args.repeat)
        results[f"{fmt}_seconds"] = med
        results[f"{fmt}_megabytes"] = size / 1e6
        verdict = "ok" if med <= TARGET_SECONDS else "TOO SLOW"
        if med > TARGET_SECONDS:
            slow.append(fmt)
        print(f"{fmt:>4}: median {med:.3f} s over {args.repeat} "
              f"(all: {', '.join(f'{t:.3f}' for t in times)}); {size / 1e6:.1f} MB; "
              f"target ≤ {TARGET_SECONDS:.0f} s: {verdict}")
    save_and_compare(results, args)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
