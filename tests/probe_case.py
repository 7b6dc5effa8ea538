"""Shared checks of the held-out probe folders (fixtures/probe12, fixtures/probe13): the gold is
well formed, and perspecta's scores on it stay above floors."""

from __future__ import annotations

from pathlib import Path

import orjson

from bench.probe import score


def check_gold(folder: Path, statements: int) -> None:
    """Every gold quote occurs once in its text; every document of the folder has gold."""
    gold = orjson.loads((folder / "gold.json").read_bytes())["statements"]
    assert len(gold) == statements
    assert {item["doc"] for item in gold} == {p.name for p in folder.glob("*.txt")}
    for item in gold:
        text = (folder / item["doc"]).read_text(encoding="utf-8")
        assert text.count(item["quote"]) == 1, item
        assert item["speaker_keys"] and all(k == k.lower() for k in item["speaker_keys"]), item


def check_scores(folder: Path, statements: int, speaker_min: int, right_min: int,
                 wrong_max: int) -> None:
    """Speakers and perspectives right at least so often, perspectives wrong at most so often."""
    rows, results = score(folder)
    assert results["statements"] == statements
    assert results["speaker_right"] >= speaker_min, [
        (r.doc, r.quote, r.speaker, r.gold_speaker) for r in rows if not r.speaker_ok]
    assert results["perspective_right"] >= right_min, results
    assert results["perspective_wrong"] <= wrong_max, [
        (r.doc, r.quote, r.perspective, r.gold_perspective) for r in rows
        if not r.perspective_ok and r.perspective is not None]
