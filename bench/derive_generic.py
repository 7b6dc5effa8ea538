"""Derive core/data/generic_terms.json from PolNeAR TRAIN texts: the share of news articles that
use each content term (core.tokens.Tokenizer terms), for terms in at least 2% of the articles
and written in lower case at least half of the time (names are left out).

Usage: python bench/derive_generic.py [PATH] [--min-share S] [--output FILE]

A term that most news articles use ('time', 'way', 'days', 'voters') names no event: grouping
does not merge two claims on such words alone (SimilarityParams.generic_share). Only generic
English terms and their shares are written: no article text.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DATA, REPO
from core.tokens import Tokenizer


def derive(root: Path, min_share: float) -> dict[str, float]:
    files = sorted((root / "train" / "text").glob("*"))
    tokenizer = Tokenizer()
    df: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for path in files:
        terms, surfaces, _ = tokenizer.terms(path.read_text(encoding="utf-8", errors="ignore"))
        df.update({t for t in terms if not t.startswith("#")})
        for term, surface in zip(terms, surfaces, strict=True):
            seen[term] += 1
            lower[term] += surface[:1].islower()
    n = max(len(files), 1)
    # Names ('Sanders', 'Washington', 'GOP') are what a news corpus is about, not its common
    # words: a term mostly written with a capital is left out.
    return {t: round(c / n, 3) for t, c in sorted(df.items())
            if c / n >= min_share and lower[t] >= 0.5 * seen[t]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DATA / "polnear"))
    parser.add_argument("--min-share", type=float, default=0.02)
    parser.add_argument("--output", default=str(REPO / "core" / "data" / "generic_terms.json"))
    args = parser.parse_args()
    root = Path(args.path)
    if not (root / "train" / "text").is_dir():
        print(f"skipped: no PolNeAR train texts under {root}")
        return 0
    shares = derive(root, args.min_share)
    data = {"about": "share of PolNeAR train articles using each term (core.tokens terms)",
            "min_share": args.min_share, "shares": shares}
    Path(args.output).write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
    print(f"{len(shares)} terms -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
