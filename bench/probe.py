"""Score a held-out probe folder against its gold: speaker right, perspective right.

    .venv/bin/python bench/probe.py [FOLDER] [--show] [--save F] [--compare F]

FOLDER (default fixtures/probe12) holds news texts (*.txt, analysed together as one case, as
`perspecta analyze FOLDER` does) and gold.json, written by reading the texts before running
perspecta: one row per attributed statement with a unique quote from it, the speaker's keys
(lower-case words, any of which in the claim's speaker name or aliases is the right speaker) and
the expected perspective label (null: a reader could not tell) with other labels of the same
side. A statement is matched to the claim of its document that overlaps the quote most; no such
claim, or a narration claim, is a missed statement (speaker and perspective wrong). A
perspective is right when the claim's perspective label (none for narration and unknowns) is the
gold label or one of its alternatives, compared case-insensitively without a leading "the".
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import add_io_args, save_and_compare  # noqa: E402
from core.models import Analysis  # noqa: E402
from core.pipeline import analyze_paths  # noqa: E402

DEFAULT = ROOT / "fixtures" / "probe12"


@dataclass
class Row:
    """One gold statement and what perspecta made of it."""

    doc: str
    quote: str
    gold_speaker: str
    gold_perspective: str | None
    speaker: str | None
    perspective: str | None
    speaker_ok: bool
    perspective_ok: bool


def _norm(label: str | None) -> str | None:
    if label is None:
        return None
    text = re.sub(r"\s+", " ", label).strip().lower()
    return re.sub(r"^the ", "", text)


def _key_in(key: str, names: list[str]) -> bool:
    pattern = re.compile(r"(?<!\w)" + re.escape(key.lower()) + r"(?!\w)")
    return any(pattern.search(name.lower()) for name in names)


def score(folder: Path, analysis: Analysis | None = None) -> tuple[list[Row], dict[str, Any]]:
    """Analyse the folder's texts (unless given) and score them against its gold.json."""
    gold = orjson.loads((folder / "gold.json").read_bytes())["statements"]
    if analysis is None:
        analysis = analyze_paths(sorted(folder.glob("*.txt")))
    docs = {Path(d.path or "").name: d for d in analysis.documents}
    labels = {p.id: (None if p.kind == "author" else p.label) for p in analysis.perspectives}
    speakers = {s.id: s for s in analysis.speakers}
    rows: list[Row] = []
    for item in gold:
        doc = docs[item["doc"]]
        text = doc.text
        start = text.index(item["quote"])
        end = start + len(item["quote"])
        best = None
        best_overlap = 0
        for claim in analysis.claims:
            if claim.document != doc.id:
                continue
            overlap = min(end, claim.end) - max(start, claim.start)
            if overlap > best_overlap:
                best, best_overlap = claim, overlap
        name = None
        names: list[str] = []
        perspective = None
        if best is not None and best.speaker_id is not None:
            spk = speakers.get(best.speaker_id)
            name = best.speaker or (spk.name if spk else None)
            names = [n for n in [best.speaker, best.speaker_mention] if n]
            if spk is not None:
                names += [spk.name, *spk.aliases]
            perspective = labels.get(best.perspective) if best.perspective else None
        speaker_ok = bool(names) and any(_key_in(k, names) for k in item["speaker_keys"])
        wanted = {_norm(item["perspective"])} | {_norm(a) for a in item.get("perspective_alt", [])}
        if item["perspective"] is None:
            perspective_ok = best is not None and perspective is None
        else:
            perspective_ok = _norm(perspective) in wanted
        rows.append(Row(item["doc"], item["quote"], item["speaker"], item["perspective"], name,
                        perspective, speaker_ok, perspective_ok))
    total = len(rows)
    right = sum(r.perspective_ok for r in rows)
    missing = sum(not r.perspective_ok and r.perspective is None for r in rows)
    results = {
        "statements": total,
        "speaker_right": sum(r.speaker_ok for r in rows),
        "perspective_right": right,
        "perspective_wrong": total - right - missing,
        "perspective_missing": missing,
        "perspective_right_when_speaker_right": sum(r.perspective_ok for r in rows if r.speaker_ok),
    }
    return rows, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--show", action="store_true", help="list every statement not fully right")
    add_io_args(parser)
    args = parser.parse_args()
    rows, results = score(Path(args.folder))
    if args.show:
        for r in rows:
            if r.speaker_ok and r.perspective_ok:
                continue
            marks = ("S" if r.speaker_ok else "s") + ("P" if r.perspective_ok else "p")
            print(f"{marks} {r.doc[:2]} {r.quote[:40]!r}: speaker {r.speaker!r} "
                  f"(gold {r.gold_speaker!r}); perspective {r.perspective!r} "
                  f"(gold {r.gold_perspective!r})")
    n = results["statements"]
    print(f"{n} gold statements: speaker right {results['speaker_right']} "
          f"({results['speaker_right'] / n:.0%}), perspective right {results['perspective_right']} "
          f"({results['perspective_right'] / n:.0%}), wrong {results['perspective_wrong']}, "
          f"missing {results['perspective_missing']}; perspective right where the speaker is "
          f"right {results['perspective_right_when_speaker_right']} of {results['speaker_right']}")
    save_and_compare(results, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
