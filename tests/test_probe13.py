"""Held-out probe 13: eight fresh news texts with gold written by reading them before perspecta ran
(fixtures/probe13/gold.json; the commit that added them, 1521e02, is older than any run). Topics
not used before: a Philippine-China reef standoff, a Turkish rate decision, an Alberta wildfire
inquiry, a Blue Nile dam dispute, a Premier League takeover, Taiwanese chip export controls, a
Peruvian impeachment, a Poland-Belarus border incident. First contact (perspecta at b0abae6):
speaker 96, perspective 42 right, 8 wrong, 52 missing of 102. The floors sit a little below
that, so a change that loses several statements fails here."""

from __future__ import annotations

from pathlib import Path

import orjson

from bench.probe import ROOT, score

FOLDER = ROOT / "fixtures" / "probe13"


def test_gold_quotes_are_unique_in_their_texts() -> None:
    gold = orjson.loads((FOLDER / "gold.json").read_bytes())["statements"]
    assert len(gold) == 102
    docs = {item["doc"] for item in gold}
    assert docs == {p.name for p in Path(FOLDER).glob("*.txt")}
    for item in gold:
        text = (FOLDER / item["doc"]).read_text(encoding="utf-8")
        assert text.count(item["quote"]) == 1, item
        assert item["speaker_keys"] and all(k == k.lower() for k in item["speaker_keys"]), item


def test_probe13_speakers_and_perspectives() -> None:
    rows, results = score(FOLDER)
    assert results["statements"] == 102
    assert results["speaker_right"] >= 93, [
        (r.doc, r.quote, r.speaker, r.gold_speaker) for r in rows if not r.speaker_ok]
    assert results["perspective_right"] >= 39, results
    assert results["perspective_wrong"] <= 10, [
        (r.doc, r.quote, r.perspective, r.gold_perspective) for r in rows
        if not r.perspective_ok and r.perspective is not None]
