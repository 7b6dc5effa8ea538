"""Does part-of-speech information move the attribution recall/precision trade? (PolNeAR TRAIN)

Usage: python bench/pos_experiment.py [PATH] [--limit N] [--thresholds 0.88,0.8,0.7]
                                      [--variants base,pos] [--skip-pipeline] [--dev]
                                      [--new-verbs] [--short N] [--short-claims N]
                                      [--tagger lexicon|brill]
Needs TextBlob installed (`pip install textblob`; not a perspecta dependency) for its lexicon.

An offline experiment, no shipped behaviour: the cue classifier of core/attribution_model.py
gets extra part-of-speech features of each candidate, from a lexicon tagger over the Brill
lexicon that TextBlob bundles (`textblob/en/en-lexicon.txt`, MIT; read as a file, TextBlob and
NLTK are never imported, nothing is downloaded): the tag of the cue word, of the words around
it, and what follows the cue (a clause with its own subject and verb, 'to' + verb, a noun
phrase). Everything is measured on PolNeAR TRAIN by two-fold cross-validation (the articles in
two halves, each scored by a model fitted on the other half), as bench/train_attribution.py
chooses its threshold:

1. candidate level: out-of-fold precision and number of sentences taken, best candidate per
   sentence, at each probability threshold, without and with the POS features;
2. pipeline level: recall / precision / named-speaker accuracy of bench/attribution.py on each
   held-out half, the classifier replaced by the fold's model (base or base+POS) at each
   threshold; the two halves are summed.

Other variants: --new-verbs (the candidate generator also proposes words the lexicon tags as
verbs but core/data/cues.json does not hold, kept when in context they are a finite verb taking
a clause, 'that' or 'to' + verb), --short N (the classifier's content spans end earlier by part
of speech: before ', and/which/however …', before 'and' + a finite verb, with N=2 also before
a time or place phrase after an object noun phrase), --short-claims N (the same cut for every
indirect claim, the rules' too), --tagger brill (TextBlob's own Brill tagger with its
contextual rules, imported: is a better tagger the missing piece?), --dev (fit on all of train,
score PolNeAR dev once, held out). Skips cleanly when PolNeAR or TextBlob's lexicon is absent.

Result (2026-11-29, session 12): NO. Part-of-speech information does not move the trade; every
variant lands on the curve that lowering the existing classifier's threshold draws. Pipeline,
two-fold out of fold on train (recall / precision / named-speaker accuracy):

  variant                           t=0.88                t=0.80                t=0.70
  base (today's features)           0.638 / 0.871 / 0.936  0.658 / 0.863 / 0.932  0.683 / 0.847 / 0.927
  + POS features (lexicon)          0.645 / 0.868 / 0.934  0.666 / 0.857 / 0.930  0.693 / 0.840 / 0.925
  + POS features (Brill, context)   0.643 / 0.868 / 0.935  0.665 / 0.859 / 0.930  0.690 / 0.842 / 0.926
  new verbs (POS-gated), base feats 0.630 / 0.872 / 0.938  0.646 / 0.867 / 0.935  0.668 / 0.857 / 0.929
  new verbs + POS features          0.634 / 0.872 / 0.937  0.653 / 0.865 / 0.933  0.673 / 0.853 / 0.929
  new verbs + POS (Brill)           0.637 / 0.871 / 0.937  0.657 / 0.864 / 0.932  0.679 / 0.849 / 0.928
  shorter candidate spans (--short 1) 0.636 / 0.872 / 0.937  0.655 / 0.864 / 0.932  0.678 / 0.849 / 0.928
  shorter candidate spans (--short 2) 0.635 / 0.872 / 0.936  0.654 / 0.864 / 0.932  0.677 / 0.849 / 0.929
  new verbs + POS + --short 1       0.634 / 0.873 / 0.938  0.650 / 0.866 / 0.934  0.671 / 0.854 / 0.930
  every indirect claim shorter (1)  0.588 / 0.876 / 0.941  0.607 / 0.868 / 0.937
  every indirect claim shorter (2)  0.578 / 0.877 / 0.941  0.596 / 0.869 / 0.938

Read against the base curve (about 2.5 recall points per precision point between t=0.88 and
0.8, 1.6 between 0.8 and 0.7), each variant's recall at its own precision is within 0.3 points
of the base curve's; cutting every indirect claim loses 3.7 points. At the candidate level POS
does help a little (best candidate per sentence, out of fold, sentences taken at precision 0.70
/ 0.75: base 765 / 416, POS 914 / 484, shorter spans 1000 / 628), but those are a few hundred
sentences among all the claims the rules make: the pipeline does not see it. PolNeAR dev, held out, one
run (`--dev --variants base,pos --thresholds 0.88,0.8`): base 0.652 / 0.876 / 0.903 and
0.663 / 0.874 / 0.900; POS 0.660 / 0.876 / 0.900 and 0.668 / 0.874 / 0.899 (+0.5 to +0.8
recall, named accuracy to the 0.90 line; the issue's bar needs +2 points and >= 0.90).

Where recall goes (train, 300 articles, shipped classifier): of the narration claims at least
half gold Content that stay without a speaker (772), 371 have no candidate at all, 389 have a
candidate whose span is gold Content that the classifier does not trust enough, 12 only wrong
ones; the gold cues in those 772 claims are 468 forms cues.json holds and 181 it does not (205
claims hold no gold cue: headlines, lists). Among candidates whose cue word is a gold cue, 282 are labelled negative because the span
runs on past a short gold Content (949 positive) - what --short targets, without pipeline gain.
Title-case headline verbs ('Praises', 'Blasts') are 344 of 19,835 train cues: not worth it.

Cost: the lexicon (94k words) loads in 0.15-0.26 s (a quarter of `perspecta analyze seeds/`'s
1 s budget, paid on every run), tagging is ~0.04 ms a sentence; importing TextBlob itself
takes ~4 s (it imports NLTK) and its PatternTagger loads in 0.7 s more; it attempts no
download (checked with network connects refused). TextBlob 0.20.1 (MIT) also pulls in NLTK,
click, joblib, regex and tqdm. Not shipped: nothing here earns that.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import core.attribution as attribution_module
from bench.attribution import (
    Scores,
    articles,
    covered,
    named_speaker,
    parse_ann,
)
from bench.common import DATA
from bench.train_attribution import choose_threshold, probability, train
from core.attribution import _WORD, Quote, _DocAttributor
from core.attribution_model import CueCandidate, features
from core.models import Claim, Document
from core.speakers import resolve_speakers

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.:%/]*|\S")
_VERB = frozenset("VB VBD VBG VBN VBP VBZ".split())
_FINITE = frozenset("VBD VBP VBZ MD".split())
_NOMINAL = frozenset("NN NNS NNP NNPS PRP".split())


def lexicon_path() -> Path | None:
    """TextBlob's bundled Brill lexicon, found without importing TextBlob (which imports NLTK)."""
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-lexicon.txt"
    return path if path.is_file() else None


class LexiconTagger:
    """Most-likely tag per word from the Brill lexicon; unknown words by capital and suffix;
    two context fixes (after 'to' or a modal a verb reading is the base form; after a
    determiner or possessive a verb-tagged word is a noun)."""

    def __init__(self, path: Path) -> None:
        self.lexicon: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(";;;"):
                continue
            parts = line.split(" ")
            if len(parts) >= 2:
                self.lexicon.setdefault(parts[0], parts[1])

    def word_tag(self, word: str, first: bool) -> str:
        word = word.replace("’", "'")
        tag = self.lexicon.get(word) or (self.lexicon.get(word.lower()) if first else None)
        if tag is not None:
            return tag
        if word[:1].isupper():
            return "NNP"
        if word[:1].isdigit():
            return "CD"
        if not word[:1].isalpha():
            return word if len(word) == 1 else "SYM"
        low = word.lower()
        if low.endswith("ing"):
            return "VBG"
        if low.endswith("ly"):
            return "RB"
        if low.endswith("ed"):
            return "VBN"
        if low.endswith(("able", "al", "ful", "ible", "ish", "ive", "less", "tic", "ous")) or \
                "-" in low:
            return "JJ"
        if low.endswith("s") and not low.endswith(("is", "ous", "ss")):
            return "NNS"
        if low.endswith(("ate", "ify", "ise", "ize")):
            return "VBP"
        return "NN"

    def tag(self, words: Sequence[str]) -> list[str]:
        tags = [self.word_tag(w, i == 0) for i, w in enumerate(words)]
        for i in range(1, len(tags)):
            prev = tags[i - 1]
            if prev in ("TO", "MD") and tags[i] in ("NN", "VBP", "VBD", "VBN") and \
                    words[i].lower() + "s" in self.lexicon:
                tags[i] = "VB"
            elif prev in ("DT", "PRP$") and tags[i] in ("VB", "VBP"):
                tags[i] = "NN"
        return tags


class BrillTagger(LexiconTagger):
    """TextBlob's own Brill tagger (lexicon, morphological and contextual rules); importing
    TextBlob imports NLTK (seconds), so this is for comparison only: does a better tagger
    change the result?"""

    def __init__(self) -> None:
        from textblob._text import find_tags
        from textblob.en import lexicon

        self.lexicon = dict(lexicon.items())  # TextBlob's lazy dictionary loads here
        self._find = find_tags
        self._lex = lexicon

    def tag(self, words: Sequence[str]) -> list[str]:
        lex = self._lex
        norm = [w.replace("’", "'") for w in words]
        return [t for _, t in self._find(norm, lexicon=lex, morphology=lex.morphology,
                                         context=lex.context, language="en")]


def _coarse(tag: str) -> str:
    if tag in _VERB or tag in ("MD", "TO", "IN", "DT", "PRP", "PRP$", "CC", "RB", "JJ"):
        return tag
    if tag in ("NN", "NNS"):
        return "N"
    if tag in ("NNP", "NNPS"):
        return "NP"
    if tag.startswith("W"):
        return "W"
    return "P" if not tag[:1].isalpha() else "O"


def pos_features(cand: CueCandidate, tokens: list[str], tags: list[str], i: int) -> list[str]:
    """POS features of the candidate whose cue is token i."""
    tc = _coarse(tags[i])
    tp = _coarse(tags[i - 1]) if i else "START"
    tn = _coarse(tags[i + 1]) if i + 1 < len(tags) else "END"
    tn2 = _coarse(tags[i + 2]) if i + 2 < len(tags) else "END"
    # What follows the cue: a clause (a noun or pronoun, then a finite verb within 5 tokens),
    # 'to' + verb, a noun phrase, or nothing of these.
    j = i + 1
    if j < len(tokens) and tokens[j].lower() in ("that", ","):
        j += 1
    comp = "other"
    window = tags[j:j + 6]
    if window[:2] == ["TO", "VB"] or (window[:1] == ["TO"] and len(window) > 1
                                       and window[1] in _VERB):
        comp = "inf"
    else:
        seen_nominal = False
        for t, w in zip(window, tokens[j:j + 6], strict=False):
            if t in _NOMINAL:
                seen_nominal = True
            elif t in _FINITE and seen_nominal:
                comp = "clause"
                break
            elif w in (".", ";", "“", "\"", "”"):
                break
        else:
            if window and window[0] in _NOMINAL | {"DT", "PRP$", "JJ", "CD"}:
                comp = "np"
    direction = "after" if cand.after else "before"
    return [
        f"pos={tc}", f"pos={tc}|npos={tn}", f"ppos={tp}", f"pos={tc}|ppos={tp}",
        f"npos={tn}|nnpos={tn2}", f"comp={comp}", f"pos={tc}|comp={comp}",
        f"pos={tc}|dir={direction}", f"comp={comp}|dir={direction}",
        f"verb={tc in _VERB}|comp={comp}|dir={direction}",
    ]


@dataclass(frozen=True)
class PosCandidate(CueCandidate):
    pos: tuple[str, ...] = ()


_CLAUSE_BREAK = frozenset("""and but or while as although though because since when whereas
which who whom where however after before so yet""".split())
_SCENE = frozenset("during at in on after before while since amid".split())


def shorter_end(toks: list[re.Match[str]], tags: list[str], c: int, c_end: int,
                level: int) -> int:
    """A content end before the first point where, by part of speech, the attitude's span
    stops: level 1: ', and' / ', which' / ', however' … or 'and' + a finite verb (the subject
    goes on to do something else); level 2 also a time or place phrase ('during', 'at', 'in'
    …) right after an object noun phrase ('drew the analogy during a campaign speech')."""
    inside = [k for k, t in enumerate(toks) if c <= t.start() < c_end]
    if len(inside) < 3:
        return c_end
    first = inside[0]
    for n, k in enumerate(inside):
        if n < 2:
            continue
        word = toks[k].group().lower()
        nxt = tags[k + 1] if k + 1 < len(tags) else ""
        nxt_word = toks[k + 1].group().lower() if k + 1 < len(toks) else ""
        clause_break = word in (",", "—", "–", "(") and (
            nxt_word in _CLAUSE_BREAK or nxt in ("VBG", "WDT", "WP", "WRB"))
        new_verb = word in ("and", "but") and nxt in ("VBD", "VBZ", "VBP")
        # level 2: an object noun phrase, then a time or place phrase
        scene = level >= 2 and word in _SCENE and tags[first] in (
            "DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS", "CD") and \
            all(tags[j] not in ("VBD", "VBZ", "VBP", "MD", "IN", "TO")
                for j in range(first, k)) and tags[k - 1] in ("NN", "NNS", "NNP", "NNPS")
        if clause_break or new_verb or scene:
            return toks[k].start()
    return c_end


class _WithVerbs(dict):  # type: ignore[type-arg]
    """CUE_FRAMES whose `in` also admits the lexicon's verb forms (`get` is unchanged)."""

    def __init__(self, frames: dict[str, object], verbs: frozenset[str]) -> None:
        super().__init__(frames)
        self.verbs = verbs

    def __contains__(self, form: object) -> bool:
        return dict.__contains__(self, form) or form in self.verbs


def install(tagger: LexiconTagger, new_verbs: bool = False, short: int = 0) -> None:
    """Wrap _DocAttributor.cue_candidates so that each candidate carries its POS features.
    With new_verbs, words the lexicon tags as verbs are proposed too (while the candidates are
    generated, core.attribution.CUE_FRAMES admits them) and kept when, in context, they are
    a verb followed by a clause, 'that' or 'to' + verb."""
    original = _DocAttributor.cue_candidates
    if getattr(original, "pos_wrapped", False):
        return
    frames = attribution_module.CUE_FRAMES
    verbs = frozenset(w for w, t in tagger.lexicon.items()
                      if t in ("VBD", "VBZ", "VBP", "VBN") and w.isalpha() and w.islower())
    extended = _WithVerbs(frames, verbs - set(frames))

    def cue_candidates(self: _DocAttributor, lo: int, hi: int, paragraph: int,
                       quotes: Sequence[Quote]) -> list[tuple[CueCandidate, int, int, object]]:
        if new_verbs:
            attribution_module.CUE_FRAMES = extended  # type: ignore[assignment]
            try:
                out = original(self, lo, hi, paragraph, quotes)
            finally:
                attribution_module.CUE_FRAMES = frames
        else:
            out = original(self, lo, hi, paragraph, quotes)
        if not out:
            return out
        text = self.text
        toks = list(_TOKEN.finditer(text, lo, hi))
        words = [t.group() for t in toks]
        tags = tagger.tag(words)
        index_at = {t.start(): k for k, t in enumerate(toks)}
        cue_starts = [m.start() for m in _WORD.finditer(text, lo, hi)]
        new = []
        for cand, c, c_end, attr in out:
            k = index_at.get(cue_starts[cand.cue_index], -1)
            extra = tuple(pos_features(cand, words, tags, k)) if k >= 0 else ()
            if cand.form not in frames:
                # a proposed verb: kept only as a finite verb taking a clause or 'to' + verb
                nxt = words[k + 1].lower() if 0 <= k < len(words) - 1 else ""
                if k < 0 or tags[k] not in ("VBD", "VBZ", "VBP", "VBN") or not (
                        nxt == "that" or "comp=clause" in extra or "comp=inf" in extra):
                    continue
                extra += ("newverb",)
            fields = {f: getattr(cand, f) for f in cand.__dataclass_fields__ if f != "pos"}
            if short and cand.after:
                end = shorter_end(toks, tags, c, c_end, short)
                end = c + len(text[c:end].rstrip(" ,;:—–("))
                if end < c_end and len(text[c:end].split()) >= 2:
                    fields["content_words"] = len(text[c:end].split())
                    c_end = end
            new.append((PosCandidate(**fields, pos=extra), c, c_end, attr))
        return new

    cue_candidates.pos_wrapped = True  # type: ignore[attr-defined]
    _DocAttributor.cue_candidates = cue_candidates  # type: ignore[method-assign,assignment]


def install_short_claims(tagger: LexiconTagger, level: int) -> None:
    """Every INDIRECT claim (rules and classifier alike) ends where `shorter_end` says."""
    from core.models import ClaimKind

    original = _DocAttributor.emit

    def emit(self: _DocAttributor, start: int, end: int, kind: ClaimKind, attr: object,
             paragraph: int, context_start: int | None = None,
             context_end: int | None = None) -> None:
        if kind == ClaimKind.INDIRECT and attr is not None and end - start > 40:
            text = self.text
            toks = list(_TOKEN.finditer(text, start, end))
            tags = tagger.tag([t.group() for t in toks])
            new_end = shorter_end(toks, tags, start, end, level)
            new_end = start + len(text[start:new_end].rstrip(" ,;:—–("))
            if new_end < end and len(text[start:new_end].split()) >= 2:
                end = new_end
        original(self, start, end, kind, attr, paragraph,  # type: ignore[arg-type]
                 context_start, context_end)

    _DocAttributor.emit = emit  # type: ignore[method-assign,assignment]


def all_features(cand: CueCandidate, use_pos: bool) -> list[str]:
    out = features(cand)
    if use_pos and isinstance(cand, PosCandidate):
        out += list(cand.pos)
    return out


@dataclass
class FoldModel:
    """Stands in for core.attribution_model.CueModel."""

    weights: dict[str, float]
    threshold: float
    use_pos: bool

    def probability(self, candidate: CueCandidate) -> float:
        return probability(self.weights, all_features(candidate, self.use_pos))


Collected = list[tuple[CueCandidate, int, int]]  # candidate, label, sentence group


def collect(pairs: list[tuple[Path, Path]]) -> list[Collected]:
    """Candidates per article (classifier off), labelled as bench/train_attribution.py does."""
    out: list[Collected] = []
    group = 0
    for ann, txt in pairs:
        text = txt.read_text(encoding="utf-8")
        doc = Document(id="train", path=str(txt), text=text, sha256="-")
        gold = [f for g in parse_ann(ann, text) for f in g.content]
        att = _DocAttributor(doc)
        att.model = None
        att.collected = []
        att.run()
        rows: Collected = []
        last = -1
        for cand, start, end, sentence, _attr in att.collected:
            if sentence != last:
                group += 1
            last = sentence
            label = int(end > start and covered([(start, end)], gold) * 2 >= end - start)
            rows.append((cand, label, group))
        out.append(rows)
    return out


def score(pairs: list[tuple[Path, Path]]) -> Scores:
    """bench/attribution.py's score_split on the given articles, with whatever model is set."""
    scores = Scores()
    for ann, txt in pairs:
        text = txt.read_text(encoding="utf-8")
        doc = Document(id="d" + txt.stem[:8], path=str(txt), text=text, sha256="-")
        claims, _ = resolve_speakers(attribution_module.attribute([doc]), [doc])
        golds = parse_ann(ann, text)
        spoken: list[Claim] = [c for c in claims if c.speaker or c.speaker_mention]
        sys_spans = [(c.start, c.end) for c in spoken]
        gold_spans = [f for g in golds for f in g.content]
        for g in golds:
            length = sum(b - a for a, b in g.content)
            scores.gold += 1
            if length and covered(g.content, sys_spans) * 2 >= length:
                scores.found += 1
                named = named_speaker(g, spoken)
                if named is not None:
                    scores.named += 1
                    scores.named_ok += named[0]
        for c in spoken:
            scores.system += 1
            scores.correct += covered([(c.start, c.end)], gold_spans) * 2 >= c.end - c.start
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DATA / "polnear"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--thresholds", default="0.88,0.8,0.7,0.6")
    parser.add_argument("--variants", default="base,pos")
    parser.add_argument("--skip-pipeline", action="store_true")
    parser.add_argument("--dev", action="store_true",
                        help="instead of the train folds: fit on all of train, score PolNeAR "
                             "dev once (held out)")
    parser.add_argument("--tagger", choices=["lexicon", "brill"], default="lexicon")
    parser.add_argument("--short-claims", type=int, default=0,
                        help="1 or 2: end every indirect claim earlier by part of speech")
    parser.add_argument("--short", type=int, default=0,
                        help="1 or 2: end content spans earlier by part of speech")
    parser.add_argument("--new-verbs", action="store_true",
                        help="also propose verbs the cue list does not hold (POS-gated)")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--rate", type=float, default=0.1)
    args = parser.parse_args()
    root = Path(args.path)
    lex = lexicon_path()
    if not (root / "train").is_dir():
        print(f"skipped: PolNeAR not found at {root}")
        return 0
    if lex is None:
        print("skipped: TextBlob's lexicon not installed (pip install textblob)")
        return 0
    t0 = time.perf_counter()
    tagger = LexiconTagger(lex) if args.tagger == "lexicon" else BrillTagger()
    print(f"lexicon: {len(tagger.lexicon)} words, loaded in {time.perf_counter() - t0:.3f} s")
    install(tagger, args.new_verbs, args.short)
    if args.short_claims:
        install_short_claims(tagger, args.short_claims)
    pairs = articles(root, "train")[:args.limit]
    half = len(pairs) // 2
    folds = [pairs[:half], pairs[half:]]
    t0 = time.perf_counter()
    collected = collect(pairs)
    print(f"collected {sum(map(len, collected))} candidates in {time.perf_counter() - t0:.0f} s")
    by_fold = [[r for rows in collected[:half] for r in rows],
               [r for rows in collected[half:] for r in rows]]
    variants = args.variants.split(",")
    thresholds = [float(t) for t in args.thresholds.split(",")]
    models: dict[tuple[str, int], dict[str, float]] = {}
    for variant in variants:
        use_pos = variant == "pos"
        held: list[tuple[float, int, int]] = []
        for k in (0, 1):
            examples = [(all_features(c, use_pos), label, g) for c, label, g in by_fold[1 - k]]
            weights = train(examples, args.epochs, args.l2, args.rate)
            models[(variant, k)] = weights
            held += [(probability(weights, all_features(c, use_pos)), label, g)
                     for c, label, g in by_fold[k]]
        print(f"[{variant}] candidate level, out of fold (best candidate per sentence):")
        for t in (0.5, 0.6, 0.7, 0.8, 0.85, 0.88, 0.9):
            _, r, m = choose_threshold([e for e in held if e[0] >= t], 0.0)
            print(f"  p >= {t}: {m} sentences, precision {r:.3f}")
        for target in (0.65, 0.70, 0.75):
            t, r, m = choose_threshold(held, target)
            print(f"  precision >= {target}: threshold {t:.3f}, {m} sentences ({r:.3f})")
    if args.skip_pipeline:
        return 0
    if args.dev:
        # Held out, once: each variant fitted on all of train, scored on dev.
        dev = articles(root, "dev")[:args.limit]
        for variant in variants:
            use_pos = variant == "pos"
            examples = [(all_features(c, use_pos), label, g)
                        for rows in collected for c, label, g in rows]
            weights = train(examples, args.epochs, args.l2, args.rate)
            for t in thresholds:
                attribution_module.CUE_MODEL = FoldModel(  # type: ignore[assignment]
                    weights, t, use_pos)
                res = score(dev).as_dict()
                print(f"[{variant}] DEV (held out), threshold {t}: recall {res['recall']:.3f} "
                      f"precision {res['precision']:.3f} "
                      f"named {res['named_speaker_accuracy']:.3f}", flush=True)
        return 0
    for variant in variants:
        for t in thresholds:
            total = Scores()
            for k in (0, 1):
                attribution_module.CUE_MODEL = FoldModel(  # type: ignore[assignment]
                    models[(variant, k)], t, variant == "pos")
                s = score(folds[k])
                for name in ("gold", "found", "system", "correct", "named", "named_ok"):
                    setattr(total, name, getattr(total, name) + getattr(s, name))
            res = total.as_dict()
            print(f"[{variant}] pipeline, out of fold, threshold {t}: recall {res['recall']:.3f} "
                  f"precision {res['precision']:.3f} named {res['named_speaker_accuracy']:.3f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
