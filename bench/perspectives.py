"""Perspective coverage on real multi-outlet stories (BASIL: each story told by Fox, NYT, HuffPost).

    .venv/bin/python bench/perspectives.py [--data DIR] [--stories N] [--show] [--save F] [--compare F]
                                           [--speakers F] [--changed F]

BASIL has no perspective labels, so this counts, over the speakers the pipeline finds in N
stories (a fixed shuffle of all years, each story's three articles as one case), how many get no
perspective, and how many each rule decides; `--show` lists the speakers decided by the outlet,
introduction, party-state, Congress and US state rules, to read by eye. `--speakers F` writes every
speaker's perspective (story, name, perspective, reason; tab-separated) and `--changed F` lists the
speakers whose perspective differs from such a file written before a change, to read by eye (all
70 stories: `--stories 70`). Skipped cleanly when the folder is absent.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import DATA, add_io_args, save_and_compare  # noqa: E402
from core.ingest import ingest  # noqa: E402
from core.pipeline import analyze_documents  # noqa: E402

RULES = {
    "outlet": "outlet names its own country",
    "introduction": "introduce them",
    "party-state": "party and state",
    "congress": "; Congress (",
    "us-state": "'s state government",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--stories", type=int, default=25)
    parser.add_argument("--show", action="store_true", help="list the speakers the rules decide")
    parser.add_argument("--speakers", metavar="FILE", help="write every speaker's perspective (TSV)")
    parser.add_argument("--changed", metavar="FILE", help="list speakers whose perspective differs "
                        "from an earlier --speakers file")
    add_io_args(parser)
    args = parser.parse_args()
    root = Path(args.data) / "basil" / "articles"
    if not root.is_dir():
        print(f"skipped: no BASIL articles at {root}")
        return 0
    stories: dict[str, list[str]] = defaultdict(list)
    for path in sorted(root.glob("*/*.json")):
        stories[path.stem.rsplit("_", 1)[0]].append(str(path))
    keys = sorted(stories)
    random.Random(1).shuffle(keys)
    total = unknown = 0
    by_rule: Counter[str] = Counter()
    shown: list[str] = []
    rows: list[tuple[str, str, str, str]] = []
    for key in keys[: args.stories]:
        analysis = analyze_documents(ingest(stories[key]).documents)
        for speaker in analysis.speakers:
            rows.append((key, speaker.name, str(speaker.perspective),
                         " ".join((speaker.perspective_reason or "").split())))
            total += 1
            unknown += speaker.perspective is None
            reason = speaker.perspective_reason or ""
            for rule, marker in RULES.items():
                if speaker.perspective is not None and marker in reason:
                    by_rule[rule] += 1
                    shown.append(f"  {speaker.name!r:34} {speaker.perspective:24} {reason[:90]}")
    share = unknown / total if total else 0.0
    print(f"BASIL, {min(args.stories, len(keys))} stories: {total} speakers, "
          f"{unknown} with no perspective ({share:.3f}); decided by rule: "
          + ", ".join(f"{rule} {by_rule[rule]}" for rule in RULES))
    if args.show:
        print("\n".join(dict.fromkeys(shown)))
    if args.speakers:
        Path(args.speakers).write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    if args.changed:
        before = {}
        for line in Path(args.changed).read_text(encoding="utf-8").splitlines():
            key, name, persp, _reason = [*line.split("\t"), "", "", ""][:4]
            before[(key, name)] = persp
        changed = [(k, n, before.get((k, n), "-"), p, r) for k, n, p, r in rows
                   if before.get((k, n), "-") != p]
        gone = [(k, n) for k, n in before if (k, n) not in {(r[0], r[1]) for r in rows}]
        print(f"{len(changed)} speakers changed, {len(gone)} speakers gone")
        for k, n, old, new, reason in changed:
            print(f"  {k[:12]} {n!r}: {old} -> {new} ({reason[:100]})")
    save_and_compare({"speakers": total, "no_perspective_share": round(share, 4),
                      **{f"rule_{rule}": by_rule[rule] for rule in RULES}}, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
