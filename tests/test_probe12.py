"""Held-out probe 12: ten fresh news texts with gold written by reading them before perspecta ran
(fixtures/probe12/gold.json; the commit that added them is older than any run). The texts are now
tuning texts for the perspective rules; the floors sit a little below the scores measured at the
end of that work (speaker 109, perspective 85 right and 1 wrong of 117), so a change that loses
several statements fails here. First contact was speaker 109, perspective 55 right, 3 wrong."""

from __future__ import annotations

from pathlib import Path

import orjson

from bench.probe import DEFAULT, score

FOLDER = Path(DEFAULT)


def test_gold_quotes_are_unique_in_their_texts() -> None:
    gold = orjson.loads((FOLDER / "gold.json").read_bytes())["statements"]
    assert len(gold) == 117
    for item in gold:
        text = (FOLDER / item["doc"]).read_text(encoding="utf-8")
        assert text.count(item["quote"]) == 1, item
        assert item["speaker_keys"] and all(k == k.lower() for k in item["speaker_keys"]), item


def test_probe12_speakers_and_perspectives() -> None:
    rows, results = score(FOLDER)
    assert results["statements"] == 117
    assert results["speaker_right"] >= 105, results
    assert results["perspective_right"] >= 81, results
    assert results["perspective_wrong"] <= 3, [
        (r.doc, r.quote, r.perspective, r.gold_perspective) for r in rows
        if not r.perspective_ok and r.perspective is not None]
