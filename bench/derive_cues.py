"""Derive the attribution cue lexicon (core/data/cues.json) from PolNeAR TRAIN annotations.

Usage: python bench/derive_cues.py [PATH] [--min-count N] [--min-precision P] [--output FILE]

For every lowercase word form of the training texts: how often it lies inside an annotated Cue
span (`cue`) and how often it occurs at all (`seen`); precision = cue / seen. Kept: forms that are
not function words, with cue >= --min-count and precision >= --min-precision. Frame statistics,
over the annotated cue occurrences of each form:
- `after`: share of contents that start after the cue ("X said [that …]"), the rest precede it
  ("[…], X said") or surround it;
- `next`: the most frequent word right after the cue span when it is one of that / to / about /
  for / of / on / with / : (a complement marker), else null;
- `source_before`: share of sources written before the cue;
- `rest`: share of ALL occurrences where the rest of the sentence after the word is at least
  half covered by annotated Contents (the precision of a claim "from here to the sentence end");
- `subject_rest`: the same share over occurrences outside any annotated Content (so quoted
  speech does not count) and right after a capitalised word or a subject pronoun (auxiliaries
  and -ly adverbs skipped): "Trump endorsed …", "she hopes …";
  `subject_seen`: how many such occurrences;
- `noun`: share of occurrences right after a determiner or possessive ("the claim", "his
  statement"), i.e. used as a noun.
Only generic English word forms and counts are written: no article text, no spans.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DATA, REPO

WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# Function words and auxiliaries: they sit inside cue spans ("has said", "referring to") but
# carry no attribution by themselves.
STOP = frozenset(
    """a an the to of on in for with by at from as and or but not no is are was were be been
    being has have had do does did will would can could may might should must shall it its his
    her their they he she we i you that this these those there also just even still now then
    so up out over into about after before than more most very too again once all some any
    one two last first new other such only never ever already later often back how what who
    which when where why whether if while himself herself themselves itself myself ourselves
    yourself""".split()
)
SENTENCE_END = re.compile(r"[.!?][\"”’']?(?=\s)|\n")
SKIPPABLE = frozenset("has have had also will would did does not never has is was".split())
SUBJECT_PRONOUNS = frozenset("he she they we i it".split())
SENTENCE_WORDS = frozenset("the a an but and in on at for as if when while this that".split())
COMPLEMENTS = ("that", "to", "about", "for", "of", "on", "with", ":")
DETERMINERS = frozenset("the a an his her their its our my your this that".split())


def _ann_spans(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]],
                                    list[dict[str, str]]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (kind, [(int(a), int(b)) for a, b in
                                      (f.split() for f in offsets.split(";"))])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    return spans, relations


def derive(root: Path, min_count: int, min_precision: float) -> dict[str, dict[str, object]]:
    """Cue word forms with their precision and frame statistics."""
    sys.path.insert(0, str(REPO))
    from bench.attribution import articles

    seen: Counter[str] = Counter()
    cue: Counter[str] = Counter()
    after: Counter[str] = Counter()
    source_before: Counter[str] = Counter()
    with_source: Counter[str] = Counter()
    noun: Counter[str] = Counter()
    following: dict[str, Counter[str]] = defaultdict(Counter)
    rest_ok: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    subject_seen: Counter[str] = Counter()
    subject_ok: Counter[str] = Counter()
    for ann, txt in articles(root, "train"):
        text = txt.read_text(encoding="utf-8")
        spans, relations = _ann_spans(ann)
        # word start offset -> (content start, source start or None, cue end)
        cue_words: dict[int, tuple[int, int | None, int]] = {}
        for rel in relations:
            c, q, s = (spans.get(rel.get(k, "")) for k in ("Content", "Cue", "Source"))
            if c is None or q is None:
                continue
            q_end = q[1][-1][1]
            for a, b in q[1]:
                for m in WORD.finditer(text, a, b):
                    cue_words[m.start()] = (c[1][0][0], s[1][0][0] if s else None, q_end)
        mask = bytearray(len(text) + 1)
        for rel in relations:
            c = spans.get(rel.get("Content", ""))
            for a, b in c[1] if c else []:
                mask[a:b] = b"\x01" * (b - a)
        prev = ""
        subject = False  # the words before look like the end of a subject
        for m in WORD.finditer(text):
            form = m.group().lower().replace("’", "'")
            seen[form] += 1
            capitalised[form] += m.group()[0].isupper()
            end = SENTENCE_END.search(text, m.end())
            hi = end.start() if end else len(text)
            ok = hi > m.end() and sum(mask[m.end():hi]) * 2 >= hi - m.end()
            rest_ok[form] += ok
            gap = text[m.start() - 1:m.start()] if m.start() else ""
            if subject and gap == " " and not mask[m.start()]:
                subject_seen[form] += 1
                subject_ok[form] += ok
            if form in SKIPPABLE or form.endswith("ly"):
                pass  # "Trump has also repeatedly said": the subject reaches over these
            else:
                subject = (m.group()[0].isupper() and form not in SENTENCE_WORDS) \
                    or form in SUBJECT_PRONOUNS
            info = cue_words.get(m.start())
            if info is not None:
                cue[form] += 1
                c_start, s_start, q_end = info
                if c_start >= m.end():
                    after[form] += 1
                if s_start is not None:
                    with_source[form] += 1
                    if s_start < m.start():
                        source_before[form] += 1
                if prev in DETERMINERS or prev.endswith("'s"):
                    noun[form] += 1
                nxt = re.match(r"\s*(:|[A-Za-z]+)", text[q_end:q_end + 20])
                if nxt and nxt.group(1).lower() in COMPLEMENTS:
                    following[form][nxt.group(1).lower()] += 1
            prev = form
    out: dict[str, dict[str, object]] = {}
    for form, n in sorted(cue.items()):
        precision = n / seen[form]
        if form in STOP or n < min_count or precision < min_precision or \
                capitalised[form] * 2 > seen[form]:
            continue  # function words, rare or weak cues, names ("Trump's")
        top = following[form].most_common(1)
        out[form] = {
            "cue": n,
            "seen": seen[form],
            "precision": round(precision, 3),
            "rest": round(rest_ok[form] / seen[form], 3),
            "subject_rest": round(subject_ok[form] / subject_seen[form], 3)
            if subject_seen[form] else None,
            "subject_seen": subject_seen[form],
            "after": round(after[form] / n, 2),
            "source_before": round(source_before[form] / with_source[form], 2)
            if with_source[form] else None,
            "noun": round(noun[form] / n, 2),
            "next": top[0][0] if top and top[0][1] * 2 >= n else None,
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DATA / "polnear"))
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-precision", type=float, default=0.05)
    parser.add_argument("--output", default=str(REPO / "core" / "data" / "cues.json"))
    args = parser.parse_args()
    root = Path(args.path)
    if not (root / "train").is_dir():
        print(f"skipped: PolNeAR not found at {root}")
        return 0
    cues = derive(root, args.min_count, args.min_precision)
    doc = {
        "about": "Attribution cue word forms derived from PolNeAR v1.0 TRAIN annotation "
                 "statistics by bench/derive_cues.py (generic English words and counts only; "
                 "no article text). precision = share of occurrences inside an annotated Cue; "
                 "rest = share of occurrences followed by annotated content to the sentence "
                 "end; subject_rest = the same outside contents right after a name or subject "
                 "pronoun (subject_seen occurrences); after = share of contents after the cue; "
                 "source_before = share of sources before it; noun = share used after a "
                 "determiner; next = usual complement.",
        "min_count": args.min_count,
        "min_precision": args.min_precision,
        "cues": cues,
    }
    # One line per form: small, and diffs stay readable when the statistics change.
    lines = [f"  {orjson.dumps(form).decode()}: {orjson.dumps(info).decode()}"
             for form, info in sorted(cues.items())]
    head = orjson.dumps({k: v for k, v in doc.items() if k != "cues"},
                        option=orjson.OPT_INDENT_2).decode().rstrip("}\n")
    Path(args.output).write_text(head + ',\n  "cues": {\n' + ",\n".join(
        "  " + line for line in lines) + "\n  }\n}\n", encoding="utf-8")
    print(f"{len(cues)} cue forms written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
