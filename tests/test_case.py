"""Case files: curation edits survive re-analysis; saves are atomic; bad files are refused clearly."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from core.case import (
    CASE_VERSION,
    Case,
    CaseError,
    backup_path,
    case_from_analysis,
    load_case,
    reopen,
    save_case,
)
from core.curation import (
    AddNote,
    MergeGroups,
    MoveClaim,
    NotAClaim,
    RenameGroup,
    SetPerspective,
    SplitGroup,
    apply_edits,
)
from core.models import Analysis, Claim, ClaimKind, Document, Group, Settings, Speaker
from core.pipeline import analyze_paths
from tests.seedcase import ROOT


def small_analysis() -> Analysis:
    text = "Alpha said one. Beta said two. Gamma said three. Delta said four."
    doc = Document(id="d1", path="a.txt", text=text, sha256="x")
    claims, pos = [], 0
    for i, sentence in enumerate(text.split(". ")):
        start = text.index(sentence, pos)
        end = start + len(sentence)
        pos = end
        claims.append(Claim(id=f"c{i}", document="d1", start=start, end=end, text=text[start:end],
                            kind=ClaimKind.INDIRECT, speaker=sentence.split()[0], speaker_id=f"s{i}",
                            group="g1" if i < 2 else "g2"))
    speakers = [Speaker(id=f"s{i}", name=c.speaker or "") for i, c in enumerate(claims)]
    groups = [Group(id="g1", label="first", claims=["c0", "c1"]),
              Group(id="g2", label="second", claims=["c2", "c3"])]
    return Analysis(documents=[doc], claims=claims, groups=groups, speakers=speakers)


def group_of(analysis: Analysis, claim_id: str) -> Group:
    by_claim = {c.id: c.group for c in analysis.claims}
    return next(g for g in analysis.groups if g.id == by_claim[claim_id])


def test_move_rename_merge_split_note_and_not_a_claim() -> None:
    base = small_analysis()
    edited, problems = apply_edits(base, [
        MoveClaim(claim="c1", to_claim="c2"),
        RenameGroup(claim="c2", label="Second event"),
        AddNote(target="claim", claim="c3", text="check the date"),
        AddNote(target="group", claim="c3", text="[US] sources only"),
    ])
    assert not problems
    assert group_of(edited, "c1").id == group_of(edited, "c2").id
    assert group_of(edited, "c2").label == "Second event"
    assert group_of(edited, "c0").claims == ["c0"]
    assert next(c for c in edited.claims if c.id == "c3").note == "check the date"
    assert group_of(edited, "c3").note == "[US] sources only"
    # the base analysis is untouched (undo = re-apply a shorter log)
    assert group_of(base, "c1").id == "g1"

    merged, _ = apply_edits(base, [MergeGroups(claim="c0", other="c3")])
    assert len(merged.groups) == 1 and sorted(merged.groups[0].claims) == ["c0", "c1", "c2", "c3"]

    split, _ = apply_edits(base, [SplitGroup(claims=["c3"], label="Fourth")])
    assert group_of(split, "c3").label == "Fourth" and group_of(split, "c2").claims == ["c2"]

    # without a label, the new event is named after its claim, cut after a whole word
    long_text = "The United States announced the closure of its consulate in Basra on September 28"
    longer = base.model_copy(update={"claims": [
        c.model_copy(update={"text": long_text}) if c.id == "c3" else c for c in base.claims]})
    unnamed, _ = apply_edits(longer, [SplitGroup(claims=["c3"])])
    label = group_of(unnamed, "c3").label
    assert label.endswith("…") and long_text.startswith(label[:-1]) and len(label) <= 61
    assert label[:-1].split()[-1] in long_text.split()

    dropped, _ = apply_edits(base, [NotAClaim(claim="c0")])
    assert "c0" not in {c.id for c in dropped.claims}
    assert all("c0" not in g.claims for g in dropped.groups)


def test_set_perspective_applies_to_all_claims_of_the_speaker() -> None:
    base = small_analysis()
    edited, problems = apply_edits(base, [SetPerspective(speaker="beta", perspective="ngo", label="NGOs")])
    assert not problems
    assert next(c for c in edited.claims if c.id == "c1").perspective == "ngo"
    assert any(p.id == "ngo" and p.label == "NGOs" for p in edited.perspectives)


def test_edits_on_missing_claims_are_reported_not_dropped() -> None:
    edited, problems = apply_edits(small_analysis(), [
        RenameGroup(claim="gone", label="x"), MoveClaim(claim="c0", to_claim="c3"),
    ])
    assert [p.index for p in problems] == [0]
    assert "gone" in problems[0].reason
    assert group_of(edited, "c0").id == group_of(edited, "c3").id


def seed_case(tmp_path: Path) -> tuple[Path, Case]:
    src = tmp_path / "article.txt"
    src.write_bytes((ROOT / "seeds" / "basra_consulate_closure.txt").read_bytes())
    analysis = analyze_paths([src])
    return src, case_from_analysis(analysis)


def test_reopen_reapplies_edits_even_with_other_thresholds(tmp_path: Path) -> None:
    src, case = seed_case(tmp_path)
    first = reopen(case).analysis
    a, b = first.claims[0].id, first.claims[-1].id
    case.edits = [MoveClaim(claim=a, to_claim=b), RenameGroup(claim=b, label="Analyst's event")]
    path = tmp_path / "basra.perspecta.json"
    save_case(path, case)

    loaded = load_case(path)
    loaded.settings = Settings(merge_threshold=0.95, suggest_threshold=0.9)
    again = reopen(loaded)
    assert not again.problems
    assert group_of(again.analysis, a).id == group_of(again.analysis, b).id
    assert group_of(again.analysis, b).label == "Analyst's event"
    assert src.exists()


def test_changed_document_reports_lost_edits(tmp_path: Path) -> None:
    src, case = seed_case(tmp_path)
    first = reopen(case).analysis
    case.edits = [RenameGroup(claim=first.claims[3].id, label="x")]
    src.write_text("Something else entirely was said by nobody.\n", encoding="utf-8")
    again = reopen(case)
    assert again.changed == [str(src)]
    assert len(again.problems) == 1


def test_save_keeps_backup_and_diffable_json(tmp_path: Path) -> None:
    path = tmp_path / "c.perspecta.json"
    save_case(path, Case(title="one"))
    save_case(path, Case(title="two"))
    assert load_case(path).title == "two"
    assert load_case(backup_path(path)).title == "one"
    assert path.read_bytes().count(b"\n") > 3  # pretty-printed for git diff


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (b"", "empty"),
        (b'{"schema": "perspecta.case", "version": 1, "edits": [', "corrupt or truncated"),
        (b"\x00\x01garbage\xff", "corrupt"),
        (b'{"schema": "perspecta.case", "version": 99}', "newer"),
        (b'{"hello": 1}', "not a perspecta case file"),
        (b'{"schema": "perspecta.case", "version": 1, "edits": [{"op": "explode"}]}', "invalid"),
    ],
)
def test_bad_case_files_give_a_clear_error_and_are_not_touched(tmp_path: Path, content: bytes, cause: str) -> None:
    path = tmp_path / "bad.perspecta.json"
    path.write_bytes(content)
    with pytest.raises(CaseError) as info:
        load_case(path)
    message = str(info.value)
    assert str(path) in message and cause in message and "\n" not in message
    assert path.read_bytes() == content


def test_error_offers_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "c.perspecta.json"
    save_case(path, Case(title="good"))
    save_case(path, Case(title="also good"))
    path.write_bytes(b'{"schema": "perspecta.case", "vers')
    with pytest.raises(CaseError) as info:
        load_case(path)
    assert info.value.backup == backup_path(path)
    assert load_case(backup_path(path)).title == "good"


def test_version_is_written() -> None:
    data = orjson.loads(Case().to_bytes())
    assert data["schema"] == "perspecta.case" and data["version"] == CASE_VERSION


SAVE_LOOP = """
import sys
from pathlib import Path
from core.case import Case, save_case
from core.curation import RenameGroup
path = Path(sys.argv[1])
case = Case(title="loop")
for i in range(1, 100000):
    case.edits.append(RenameGroup(claim="c%d" % i, label="label %d" % i))
    save_case(path, case)
    print(i, flush=True)
"""


def test_sigkill_during_saves_loses_at_most_the_edit_in_flight(tmp_path: Path) -> None:
    rng = random.Random(7)
    path = tmp_path / "loop.perspecta.json"
    for _ in range(50):
        proc = subprocess.Popen([sys.executable, "-c", SAVE_LOOP, str(path)], cwd=ROOT,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        first = proc.stdout.readline()  # at least one save done before the kill
        assert first.strip()
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(proc.pid, signal.SIGKILL)
        rest = proc.stdout.read()
        proc.wait()
        confirmed = int((first + rest).split()[-1])
        case = load_case(path)  # never corrupt
        # every confirmed edit is there; at most the one in flight beyond it
        assert confirmed <= len(case.edits) <= confirmed + 1
        path.unlink()
        backup_path(path).unlink(missing_ok=True)
