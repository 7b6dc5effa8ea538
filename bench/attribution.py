"""Attribution benchmark on PolNeAR (brat stand-off Source / Cue / Content annotations).

Usage: python bench/attribution.py [PATH] [--split train|dev|both] [--limit N]
                                   [--save FILE] [--compare FILE] [--errors N]

Definitions (coverage-based, the same in both directions):
- A gold Content span (all its fragments; PolNeAR contents can be discontinuous) is FOUND when
  at least half of its characters are covered by system claims that have a speaker.
- A system claim with a speaker is CORRECT (precision) when at least half of its characters are
  covered by gold Content spans of the same article.
- recall = found / gold contents; precision = correct / system claims with a speaker.
- Named-speaker accuracy: over found gold spans whose gold Source is a proper name (its last word
  is capitalised and not a pronoun), the system claim that overlaps the gold span most must have
  a resolved speaker containing the gold Source's last word (case-insensitive, possessive 's
  dropped). Gold Sources that are pronouns, descriptions ("the campaign", also when they end in
  a date: "a poll released Monday", "a CNN/ORC poll in February") or missing are skipped:
  PolNeAR has no coreference layer to resolve them.
- When an article has several annotators' .ann files, the first (sorted by name) is used.
- Ceiling of sentence-sized claims: recall and precision if, besides the system's claims,
  every narration claim that is at least half gold Content were given a speaker (what a
  perfect narration classifier could add without making claims smaller than a sentence).
- Missed gold Content is broken down by where it lies: a phrase inside a sentence left as
  narration (less than half of it: PolNeAR's attitudes, "knew [their voters]", "voting for
  [a Democrat]"), most of such a sentence (what the ceiling counts), partly covered, spread
  over sentences, or outside any claim.
- Throughput: articles per second of attribute + resolve_speakers over the articles scored.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DATA, add_io_args, save_and_compare
from core.attribution import attribute
from core.models import Claim, Document
from core.speakers import resolve_speakers

TITLES = {"secretary", "chief", "director", "president", "minister", "head", "chairman",
          "governor", "center", "department", "university", "house", "staff", "state",
          "speaker", "leader", "mayor", "spokesman", "spokeswoman", "ambassador"}
DATES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "january", "february", "march", "april", "june", "july", "august", "september",
         "october", "november", "december"}
QUANTIFIERS = {"one", "two", "three", "four", "five", "most", "many", "some", "all", "none",
               "both", "each", "several", "few", "half", "any", "majority", "majorities"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their"}


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: str | None = None


@dataclass
class Scores:
    gold: int = 0
    found: int = 0
    system: int = 0
    correct: int = 0
    named: int = 0
    named_ok: int = 0
    # The ceiling of sentence-sized claims: the scores if every narration claim that is at
    # least half gold Content were also given a speaker (a perfect narration classifier).
    ceiling_found: int = 0
    ceiling_system: int = 0
    ceiling_correct: int = 0
    articles: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    # Where the gold Content spans no claim with a speaker covers by half lie (see `_missed`).
    missed: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, float]:
        return {
            "recall": self.found / self.gold if self.gold else 0.0,
            "precision": self.correct / self.system if self.system else 0.0,
            "named_speaker_accuracy": self.named_ok / self.named if self.named else 0.0,
            "ceiling_recall": self.ceiling_found / self.gold if self.gold else 0.0,
            "ceiling_precision": (self.ceiling_correct / self.ceiling_system
                                  if self.ceiling_system else 0.0),
            "gold_contents": self.gold,
            "system_claims_with_speaker": self.system,
            "named_gold": self.named,
            "articles": self.articles,
            "articles_per_second": self.articles / self.seconds if self.seconds else 0.0,
        }


def parse_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            frags = []
            for frag in offsets.split(";"):
                a, b = frag.split()
                frags.append((int(a), int(b)))
            spans[parts[0]] = (kind, frags)
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    golds: list[Gold] = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        source = spans.get(rel.get("Source", ""))
        src_text = " ".join(text[a:b] for a, b in source[1]) if source else None
        golds.append(Gold(content=content[1], source=src_text))
    return golds


def covered(spans: list[tuple[int, int]], by: list[tuple[int, int]]) -> int:
    total = 0
    for a, b in spans:
        marks = bytearray(b - a)
        for c, d in by:
            lo, hi = max(a, c), min(b, d)
            if lo < hi:
                marks[lo - a:hi - a] = b"\x01" * (hi - lo)
        total += sum(marks)
    return total


def gold_last_name(source: str | None) -> str | None:
    """Last name of a named gold Source: the first comma-separated part whose last word is
    capitalised, cut before ' of ', ' at ', ' from ', ' who '."""
    if not source:
        return None
    source = re.sub(r"\([^)]*\)", " ", source)  # "Harry M. Reid (D-Nev.)"
    for part in re.sub(r"['’]s\b", "", source).split(","):
        pieces = re.split(r"\s(?:of|at|from|who|for|with)\s", part.strip())
        if pieces[0].lower() in QUANTIFIERS:
            pieces = [part.strip()]  # "Most of the Senate Republicans": no cut after 'Most'
        part = pieces[0]
        if len(pieces) > 1 and part.split() and part.split()[-1].lower() in TITLES:
            part = " ".join(pieces[1].split()[-3:]) if len(pieces) == 2 else part
        words = part.split()
        if not words:
            continue
        last = words[-1].strip(".:;\"“”()")
        if last.lower() in DATES:
            return None  # "a poll released Monday": a description with its date, no name
        if last and last[0].isupper() and last.lower() not in PRONOUNS:
            return last.lower()
        if len(words) > 1 and words[0].lower() not in ("her", "his", "their", "its", "the", "a"):
            return None
    return None


def _missed(content: list[tuple[int, int]], length: int, spoken: list[tuple[int, int]],
            narration: list[tuple[int, int]]) -> str:
    """Why a gold Content span was missed: where it lies among the system's claims."""
    if covered(content, spoken):
        return "partly covered by a claim with a speaker"
    inside = [(a, b) for a, b in narration if any(min(b, d) > max(a, c) for c, d in content)]
    if len(inside) > 1:
        return "spread over several narration claims"
    if len(inside) == 1 and covered(content, inside) * 2 >= length:
        a, b = inside[0]
        if length * 2 >= b - a:
            return "in one narration claim, at least half of it (the ceiling's share)"
        return "in one narration claim, less than half of it (a phrase inside a sentence)"
    return "elsewhere (headlines, furniture, outside any claim)"


def speaker_has_last_name(speaker: str | None, last: str) -> bool:
    """Whether a resolved speaker holds the gold Source's last name (possessive 's dropped)."""
    words = {w.lower().strip(".,") for w in (speaker or "").split()}
    words |= {w.removesuffix("'s").removesuffix("’s") for w in words}
    return last in words


def named_speaker(gold: Gold, spoken: list[Claim]) -> tuple[bool, Claim] | None:
    """For a found gold span whose Source is a proper name: whether the claim overlapping it
    most has a speaker holding that last name, and that claim; None for unnamed Sources."""
    last = gold_last_name(gold.source)
    if last is None:
        return None
    best = max(spoken, key=lambda c: covered(gold.content, [(c.start, c.end)]))
    return speaker_has_last_name(best.speaker, last), best


def articles(root: Path, split: str) -> list[tuple[Path, Path]]:
    ann_dir, text_dir = root / split / "attributions", root / split / "text"
    pairs: dict[str, tuple[Path, Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        txt = text_dir / f"{stem}.txt"
        if txt.exists() and stem not in pairs:
            pairs[stem] = (ann, txt)
    return list(pairs.values())


def score_split(root: Path, split: str, limit: int | None, show_errors: int) -> Scores:
    scores = Scores()
    pairs = articles(root, split)[:limit]
    for ann, txt in pairs:
        text = txt.read_text(encoding="utf-8")
        doc = Document(id="d" + txt.stem[:8], path=str(txt), text=text, sha256="-")
        t0 = time.perf_counter()
        claims, _ = resolve_speakers(attribute([doc]), [doc])
        scores.seconds += time.perf_counter() - t0
        scores.articles += 1
        golds = parse_ann(ann, text)
        spoken: list[Claim] = [c for c in claims if c.speaker or c.speaker_mention]
        sys_spans = [(c.start, c.end) for c in spoken]
        gold_spans = [f for g in golds for f in g.content]
        narration = [(c.start, c.end) for c in claims if not (c.speaker or c.speaker_mention)]
        gold_narration = [(c.start, c.end) for c in claims
                          if not (c.speaker or c.speaker_mention)
                          and covered([(c.start, c.end)], gold_spans) * 2 >= c.end - c.start]
        scores.ceiling_system += len(gold_narration)
        scores.ceiling_correct += len(gold_narration)
        for g in golds:
            length = sum(b - a for a, b in g.content)
            if length and covered(g.content, sys_spans + gold_narration) * 2 >= length:
                scores.ceiling_found += 1
            scores.gold += 1
            found = bool(length) and covered(g.content, sys_spans) * 2 >= length
            if found:
                scores.found += 1
                named = named_speaker(g, spoken)
                if named is None:
                    continue
                right, best = named
                scores.named += 1
                if right:
                    scores.named_ok += 1
                elif len(scores.errors) < show_errors:
                    scores.errors.append(f"SPEAKER {txt.name}: gold {g.source!r} system "
                                         f"{best.speaker!r} ({best.speaker_mention!r})")
            else:
                scores.missed[_missed(g.content, length, sys_spans, narration)] += 1
            if not found and len(scores.errors) < show_errors:
                scores.errors.append(f"MISSED {txt.name}: {g.source!r} :: "
                                     f"{' / '.join(text[a:b] for a, b in g.content)[:160]!r}")
        for c in spoken:
            scores.system += 1
            scores.ceiling_system += 1
            if covered([(c.start, c.end)], gold_spans) * 2 >= c.end - c.start:
                scores.correct += 1
                scores.ceiling_correct += 1
            elif len(scores.errors) < show_errors:
                scores.errors.append(f"SPURIOUS {txt.name}: {c.speaker!r} {c.cue!r} :: "
                                     f"{c.text[:160]!r}")
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DATA / "polnear"))
    parser.add_argument("--split", choices=["train", "dev", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="articles per split")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors per split")
    add_io_args(parser)
    args = parser.parse_args()
    root = Path(args.path)
    if not (root / "dev").is_dir():
        print(f"skipped: PolNeAR not found at {root}")
        return 0
    splits = ["train", "dev"] if args.split == "both" else [args.split]
    results: dict[str, dict[str, float]] = {}
    for split in splits:
        scores = score_split(root, split, args.limit, args.errors)
        res = scores.as_dict()
        results[split] = res
        print(f"{split}: recall {res['recall']:.3f}  precision {res['precision']:.3f}  "
              f"named-speaker accuracy {res['named_speaker_accuracy']:.3f}  "
              f"(gold {scores.gold}, system {scores.system}, named {scores.named}, "
              f"{scores.articles} articles, {res['articles_per_second']:.0f} articles/s)")
        print(f"  ceiling of sentence-sized claims (every narration claim that is at least half "
              f"gold Content also given a speaker): recall {res['ceiling_recall']:.3f}  "
              f"precision {res['ceiling_precision']:.3f}")
        missed = sum(scores.missed.values())
        print(f"  gold Content missed: {missed} ({missed / scores.gold:.3f} of gold)")
        for why, n in scores.missed.most_common():
            print(f"    {n / scores.gold:.3f} {why}")
        for err in scores.errors:
            print("   ", err)
    save_and_compare(results, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
