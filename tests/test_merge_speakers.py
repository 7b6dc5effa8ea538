"""Merging one speaker into another (MergeSpeakers, `J` on the Speakers screen).

From the new-user review: 'Bibi Netanyahu' and 'Benjamin Netanyahu' (or 'Mike Elliott' and
'Michael Elliott') could only be joined with `S` on each claim. MergeSpeakers moves every claim
of one speaker to another in one edit, saved, undone and exported like the others.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson

from core.case import case_from_analysis, load_case, reopen, save_case
from core.curation import MergeSpeakers, SetPerspective, SetSpeaker, apply_edits
from core.export import export_analysis
from core.models import Analysis, Claim, Speaker
from core.pipeline import analyze_paths
from tests.test_set_speaker import claim_at, speech_case

ROOT = Path(__file__).resolve().parent.parent


def bibi_case() -> Analysis:
    """The speech case with its Netanyahu claim given to a second speaker, 'Bibi Netanyahu'
    (no perspective: the resolver did not see it was the Prime Minister)."""
    base = speech_case()
    base.speakers.append(Speaker(id="s-bibi", name="Bibi Netanyahu", aliases=["Bibi"],
                                 claims=1))
    claim = base.claims[1]
    claim.speaker, claim.speaker_id, claim.perspective, claim.role = (
        "Bibi Netanyahu", "s-bibi", None, None)
    base.speakers[1].claims = 0
    # and a second claim for Netanyahu himself, so both speakers have claims
    third = base.claims[2]
    third.speaker, third.speaker_id, third.perspective = ("Benjamin Netanyahu", "s-netanyahu",
                                                          "israel")
    base.speakers[1].claims, base.speakers[0].claims = 1, 1
    return base


def speaker(analysis: Analysis, name: str) -> Speaker | None:
    return next((s for s in analysis.speakers if s.name == name), None)


def claims_of(analysis: Analysis, name: str) -> list[Claim]:
    return [c for c in analysis.claims if c.speaker == name]


def test_every_claim_moves_to_the_target_which_keeps_its_perspective() -> None:
    base = bibi_case()
    edited, problems = apply_edits(base, [MergeSpeakers(speaker="Bibi Netanyahu",
                                                        into="Benjamin Netanyahu")])
    assert not problems
    assert speaker(edited, "Bibi Netanyahu") is None
    bibi = speaker(edited, "Benjamin Netanyahu")
    assert bibi is not None and bibi.claims == 2 and bibi.perspective == "israel"
    assert set(bibi.aliases) == {"Netanyahu", "Bibi Netanyahu", "Bibi"}  # aliases join
    moved = claim_at(edited, 1)
    assert (moved.speaker, moved.speaker_id, moved.perspective, moved.role) == (
        "Benjamin Netanyahu", "s-netanyahu", "israel", "Prime Minister")
    assert moved.speaker_mention == "Netanyahu"  # the text's mention still names him
    israel = next(p for p in edited.perspectives if p.id == "israel")
    assert israel.speakers == ["s-netanyahu"]
    # events do not change, Durbin is untouched
    assert [(g.id, g.claims) for g in edited.groups] == [(g.id, g.claims) for g in base.groups]
    assert speaker(edited, "Dick Durbin").claims == 1  # type: ignore[union-attr]
    # undo is the shorter log: the base is untouched
    assert speaker(base, "Bibi Netanyahu") is not None
    assert claim_at(apply_edits(base, [])[0], 1).speaker == "Bibi Netanyahu"


def test_names_are_found_by_alias_without_case_and_later_edits_find_the_merged_name() -> None:
    base = bibi_case()
    edited, problems = apply_edits(base, [
        MergeSpeakers(speaker="bibi", into="NETANYAHU"),
        # P and S naming the merged-away speaker reach the one that stays
        SetPerspective(speaker="Bibi Netanyahu", perspective="analysts", label="Analysts"),
        SetSpeaker(claim=claim_at(base, 0).id, speaker="bibi netanyahu"),
    ])
    assert not problems
    assert {c.perspective for c in claims_of(edited, "Benjamin Netanyahu")} == {"analysts"}
    assert len(claims_of(edited, "Benjamin Netanyahu")) == 3


def test_a_missing_or_identical_speaker_is_an_edit_problem() -> None:
    base = bibi_case()
    edited, problems = apply_edits(base, [
        MergeSpeakers(speaker="Mike Elliott", into="Benjamin Netanyahu"),
        MergeSpeakers(speaker="Bibi Netanyahu", into="Michael Elliott"),
        MergeSpeakers(speaker="Bibi", into="Bibi Netanyahu"),
    ])
    assert [(p.index, p.op) for p in problems] == [(0, "merge_speakers"), (1, "merge_speakers"),
                                                    (2, "merge_speakers")]
    assert "'Mike Elliott' no longer exists" in problems[0].reason
    assert "'Michael Elliott' no longer exists" in problems[1].reason
    assert "already one speaker" in problems[2].reason
    assert speaker(edited, "Bibi Netanyahu") is not None  # nothing changed


def test_hostile_names_merge_as_written() -> None:
    base = bibi_case()
    base.speakers[2].name = "[bold]Bibi[/bold] [US]"
    base.claims[1].speaker = "[bold]Bibi[/bold] [US]"
    edited, problems = apply_edits(base, [MergeSpeakers(speaker="[bold]Bibi[/bold] [US]",
                                                        into="Benjamin Netanyahu")])
    assert not problems
    assert "[bold]Bibi[/bold] [US]" in speaker(edited, "Benjamin Netanyahu").aliases  # type: ignore[union-attr]


def test_merge_survives_the_case_file_and_reaches_every_export(tmp_path: Path) -> None:
    src = tmp_path / "article.txt"
    shutil.copy(ROOT / "seeds" / "basra_consulate_closure.txt", src)
    case = case_from_analysis(analyze_paths([src]))
    first = reopen(case).analysis
    burt = [c.id for c in first.claims if c.speaker == "Alistair Burt"]
    pompeo = next(s for s in first.speakers if s.name == "Mike Pompeo")
    assert burt
    case.edits = [MergeSpeakers(speaker="Alistair Burt", into="Mike Pompeo")]
    path = tmp_path / "basra.perspecta.json"
    save_case(path, case)
    saved = orjson.loads(path.read_bytes())
    assert saved["edits"] == [{"op": "merge_speakers", "speaker": "Alistair Burt",
                               "into": "Mike Pompeo"}]
    loaded = load_case(path)
    assert loaded.edits == case.edits
    opened = reopen(loaded)
    assert not opened.problems
    claims = {c.id: c for c in opened.analysis.claims}
    assert {(claims[c].speaker, claims[c].perspective) for c in burt} == {
        ("Mike Pompeo", pompeo.perspective)}
    exported = orjson.loads(export_analysis(opened.analysis, "json"))
    names = {s["name"] for s in exported["speakers"]}
    assert "Mike Pompeo" in names and "Alistair Burt" not in names
    merged = next(s for s in exported["speakers"] if s["name"] == "Mike Pompeo")
    assert "Alistair Burt" in merged["aliases"]
    markdown = export_analysis(opened.analysis, "md").decode()
    assert "**Alistair Burt**" not in markdown  # no longer a speaker of any claim
    csv = export_analysis(opened.analysis, "csv").decode("utf-8-sig")
    row = next(line for line in csv.splitlines() if claims[burt[0]].text[:30] in line)
    assert "Mike Pompeo" in row and "Alistair Burt" not in row
