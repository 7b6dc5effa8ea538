"""Quote-speaker accuracy on BASIL (held out: never used for tuning).

    .venv/bin/python bench/basil_speakers.py [--data DIR] [--errors N] [--save F] [--compare F]

BASIL (Fan et al., EMNLP 2019) marks biased phrases in 300 articles (Fox, NYT, HuffPost,
2010-2016); a phrase inside a quotation carries the quote's speaker ("Michael_Steele") or a
class ("other_anti", "other_pro", …) or a group ("Tea_Party", "Republican_Lawmakers"). Over
the phrases whose speaker is a named person (two or more words, written out in the article,
no group word such as party, lawmakers, campaign, officials):
- found: a claim with a speaker covers at least half of the phrase (the phrase is located in
  the article text as ingested, by its text; phrases not found verbatim are skipped and counted);
- speaker accuracy: the claim that covers most of the phrase has a resolved speaker containing
  the gold speaker's last name (case-insensitive), over found phrases;
- end to end: phrases found with the right speaker, over all located phrases.
The rules were written on PolNeAR train and the seed, never on BASIL: these are out-of-sample
numbers for another set of outlets and years. Skipped cleanly when the folder is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.attribution import covered  # noqa: E402
from bench.common import DATA, add_io_args, save_and_compare  # noqa: E402
from core.attribution import attribute  # noqa: E402
from core.ingest import ingest  # noqa: E402
from core.speakers import resolve_speakers  # noqa: E402

GROUP_WORDS = frozenset("""party democrats republicans lawmakers officials campaign companies
    catholics plaintiffs administration department democratic republican senate house committee
    government council court""".split())


def named_person(speaker: str, text: str) -> bool:
    words = speaker.replace("_", " ").split()
    return len(words) >= 2 and " ".join(words) in text and not any(
        w.lower() in GROUP_WORDS for w in words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    add_io_args(parser)
    args = parser.parse_args()
    root = Path(args.data) / "basil"
    if not (root / "articles").is_dir():
        print(f"skipped: no BASIL articles at {root}")
        return 0
    phrases = located = found = right = 0
    errors: list[str] = []
    for ann_path in sorted((root / "annotations").glob("*/*_ann.json")):
        article = root / "articles" / ann_path.parent.name / ann_path.name.replace("_ann", "")
        quoted = [p for p in orjson.loads(ann_path.read_bytes())["phrase-level-annotations"]
                  if p.get("quote") == "yes" and p.get("speaker")]
        if not quoted or not article.exists():
            continue
        docs = ingest([str(article)]).documents
        if not docs:
            continue
        doc = docs[0]
        named = [p for p in quoted if named_person(p["speaker"], doc.text)]
        claims, _ = resolve_speakers(attribute([doc]), [doc])
        spoken = [c for c in claims if c.speaker or c.speaker_mention]
        for p in named:
            phrases += 1
            txt = p["txt"].strip().strip("“”\"'‘’ ")
            start = doc.text.find(txt) if txt else -1
            if start < 0:
                continue
            located += 1
            span = [(start, start + len(txt))]
            if not spoken or covered(span, [(c.start, c.end) for c in spoken]) * 2 < len(txt):
                if len(errors) < args.errors:
                    errors.append(f"MISSED {article.name}: {p['speaker']} :: {txt[:100]!r}")
                continue
            found += 1
            best = max(spoken, key=lambda c: covered(span, [(c.start, c.end)]))
            last = p["speaker"].replace("_", " ").split()[-1].lower()
            words = {w.lower().strip(".,").removesuffix("'s").removesuffix("’s")
                     for w in (best.speaker or "").split()}
            if last in words:
                right += 1
            elif len(errors) < args.errors:
                errors.append(f"SPEAKER {article.name}: gold {p['speaker']} system "
                              f"{best.speaker!r} ({best.speaker_mention!r}) :: {txt[:80]!r}")
    results = {
        "phrases": phrases, "located": located, "found": found / located if located else 0.0,
        "speaker_accuracy": right / found if found else 0.0,
        "end_to_end": right / located if located else 0.0,
    }
    print(f"BASIL quotes with a named speaker: {phrases} ({located} located); found "
          f"{results['found']:.3f}, speaker accuracy {results['speaker_accuracy']:.3f} "
          f"({right}/{found}), end to end {results['end_to_end']:.3f}")
    for err in errors:
        print("   ", err)
    save_and_compare(results, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
