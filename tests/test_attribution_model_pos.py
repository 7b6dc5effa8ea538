"""The part-of-speech experiment (bench/pos_experiment.py): its lexicon tagger, its reading of
what follows a cue, its shorter content ends, and a clean skip without data."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import pos_experiment as pe
from core.attribution_model import CueCandidate

LEXICON = """;;; a tiny Brill-format lexicon
He PRP
he PRP
aides NNS
the DT
campaign NN
criticism NN
echoed VBD
fretted VBD
would MD
lose VB
loses VBZ
to TO
raise VB
raises VBZ
plan NN
drew VBD
analogy NN
during IN
speech NN
and CC
holds VBZ
lead NN
a DT
, ,
. .
"""


@pytest.fixture()
def tagger(tmp_path: Path) -> pe.LexiconTagger:
    path = tmp_path / "en-lexicon.txt"
    path.write_text(LEXICON, encoding="utf-8")
    return pe.LexiconTagger(path)


def _cand(**kw: object) -> CueCandidate:
    base: dict[str, object] = dict(
        form="fretted", prev="", next="that", subject="aides", subject_how="adjacent",
        subject_first=True, before_subject="", after=True, content_words=5, cue_index=1,
        quote_in_sentence=False)
    base.update(kw)
    return CueCandidate(**base)  # type: ignore[arg-type]


def test_lexicon_tagger_known_unknown_and_context(tagger: pe.LexiconTagger) -> None:
    words = "He echoed the criticism of Smith , blasting the plan to raise taxes".split()
    tags = tagger.tag(words)
    assert tags[:4] == ["PRP", "VBD", "DT", "NN"]
    assert tags[5] == "NNP"  # unknown capitalised word
    assert tags[7] == "VBG"  # unknown -ing word
    assert tags[10] == "TO" and tags[11] == "VB"
    assert tags[12] == "NNS"  # unknown plural by suffix
    # after a determiner a verb reading is a noun; after 'to' a base form
    assert tagger.tag(["the", "raise"])[1] == "NN"


def test_pos_features_read_the_complement(tagger: pe.LexiconTagger) -> None:
    clause = "aides fretted that the campaign would lose".split()
    feats = pe.pos_features(_cand(), clause, tagger.tag(clause), 1)
    assert "comp=clause" in feats and "pos=VBD" in feats
    inf = "He fretted to raise the plan".split()
    assert "comp=inf" in pe.pos_features(_cand(), inf, tagger.tag(inf), 1)
    np_ = "He echoed the criticism".split()
    feats = pe.pos_features(_cand(form="echoed", next="the"), np_, tagger.tag(np_), 1)
    assert "comp=np" in feats and "comp=clause" not in feats


def test_shorter_end(tagger: pe.LexiconTagger) -> None:
    text = "He drew the analogy during a speech and holds a lead."
    toks = list(pe._TOKEN.finditer(text))
    tags = tagger.tag([t.group() for t in toks])
    c = text.index("the analogy")
    # level 1: 'and' + a finite verb ends the attitude
    assert text[c:pe.shorter_end(toks, tags, c, len(text) - 1, 1)].strip() == \
        "the analogy during a speech"
    # level 2: a time or place phrase after the object noun phrase ends it too
    assert text[c:pe.shorter_end(toks, tags, c, len(text) - 1, 2)].strip() == "the analogy"


def test_main_skips_without_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.argv", ["pos_experiment.py", str(tmp_path / "absent")])
    assert pe.main() == 0
    assert capsys.readouterr().out.startswith("skipped:")
