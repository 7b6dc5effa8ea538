"""Reports say what the analyst changed (new-user review 11).

Fact-checkers must tell the machine's output from human judgement: after edits, every report
lists them in plain words ("Analyst edits"), the method note counts them, edited events and
claims are marked, CSV has an `edited` column and the JSON export an `edits` array. A role that
came only from a removed claim goes with it; a speaker can be renamed everywhere at once.
"""

from __future__ import annotations

import csv
import io

import orjson

from core.curation import (
    MergeGroups,
    MoveClaim,
    NotAClaim,
    RenameGroup,
    RenameSpeaker,
    SetPerspective,
    SetSpeaker,
    SplitGroup,
    apply_edits,
)
from core.export import export_analysis
from core.models import Analysis, Speaker
from core.report_common import build_report
from core.schema import analysis_schema
from tests.reportcase import hostile_strings, parse_html
from tests.test_set_speaker import claim_at, speaker, speech_case


def edited_case() -> tuple[Analysis, list[str]]:
    base = speech_case()
    ids = [c.id for c in base.claims]
    edits = [
        SetSpeaker(claim=ids[2], speaker="Benjamin Netanyahu"),
        MoveClaim(claim=ids[0], to_claim=ids[3]),
        RenameGroup(claim=ids[1], label="The deal"),
        SetPerspective(speaker="Dick Durbin", perspective="israel"),
        SplitGroup(claims=[ids[1]]),
        MergeGroups(claim=ids[1], other=ids[2]),
    ]
    edited, problems = apply_edits(base, edits)
    assert not problems
    return edited, ids


def test_applied_edits_are_listed_in_plain_words() -> None:
    edited, ids = edited_case()
    words = [e.description for e in edited.edits]
    assert [e.op for e in edited.edits] == ["set_speaker", "move_claim", "rename_group",
                                            "set_perspective", "split_group", "merge_groups"]
    assert words[0].startswith("set the speaker of claim “Durbin called the speech")
    assert words[0].endswith("to Benjamin Netanyahu (was Dick Durbin)")
    assert words[1].startswith("moved claim “Senator Dick Durbin said the deal")
    assert "from event “" in words[1] and "to event “" in words[1]
    assert words[2].endswith("to “The deal”")
    assert words[3].startswith("set the perspective of speaker Dick Durbin (1 claim) to Israel")
    assert words[4].startswith("split claim “Prime Minister Benjamin Netanyahu told")
    assert words[5].startswith("merged event “")
    assert edited.edits[1].claims == [ids[0]]
    # no edits: nothing listed
    assert apply_edits(speech_case(), [])[0].edits == []


def test_every_report_format_says_the_analyst_edited() -> None:
    edited, ids = edited_case()
    md = export_analysis(edited, "md").decode()
    assert "## Analyst edits (6)" in md
    assert "1. Set the speaker of claim" in md
    assert "6 edits by the analyst were then applied" in md
    assert "**edited**" in md and "— *edited*" in md
    page = export_analysis(edited, "html").decode()
    assert '<section id="edits"><h2>Analyst edits (6)</h2>' in page
    assert page.count('class="badge edited"') >= 3
    assert "6 edits by the analyst were then applied" in page
    assert page.count('<ol class="edits">') == 1
    data = orjson.loads(export_analysis(edited, "json"))
    assert [e["op"] for e in data["edits"]][:2] == ["set_speaker", "move_claim"]
    assert data["claims"] and data["groups"]  # the existing fields stay
    assert "edits" in analysis_schema()["properties"]
    assert Analysis.from_json(export_analysis(edited, "json")).edits == edited.edits
    rows = list(csv.DictReader(io.StringIO(export_analysis(edited, "csv").decode("utf-8-sig"))))
    marks = {r["claim_id"]: r["edited"] for r in rows}
    assert "claim" in marks[ids[2]] and "claim" in marks[ids[0]]
    assert marks[ids[3]] == "event"  # its event took the moved claim; the claim is as it was


def test_reports_without_edits_say_it_is_the_machines_output() -> None:
    base = speech_case()
    md = export_analysis(base, "md").decode()
    assert "## Analyst edits\n\nNone: the events" in md
    assert "No analyst edits were applied" in md
    assert "edited" not in export_analysis(base, "html").decode().split('id="edits"')[1] \
        .split("</section>")[1]
    assert orjson.loads(export_analysis(base, "json"))["edits"] == []


def test_hostile_strings_in_edits_stay_text() -> None:
    for hostile in hostile_strings():
        base = speech_case()
        ids = [c.id for c in base.claims]
        edited, _ = apply_edits(base, [
            RenameGroup(claim=ids[0], label=hostile),
            SetSpeaker(claim=ids[3], speaker=hostile or "x"),
            RenameSpeaker(speaker="Dick Durbin", name=hostile or "y"),
        ])
        page = export_analysis(edited, "html").decode()
        parsed = parse_html(page)
        assert {tag for tag, _ in parsed.tags} <= {
            "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "nav", "a",
            "main", "section", "h2", "div", "table", "thead", "tr", "th", "tbody", "td", "ul",
            "li", "span", "br", "bdi", "article", "h3", "blockquote", "strong", "ol", "footer", "i",
        }
        assert "<script" not in page.casefold().replace("&lt;script", "")
        md = export_analysis(edited, "md").decode()
        assert "## Analyst edits" in md
        export_analysis(edited, "csv")
        report = build_report(edited)
        assert len(report.edits) == len(edited.edits)


def test_a_role_that_came_only_from_a_removed_claim_goes_with_it() -> None:
    # 'See the Bachmann cover below, and tell us …' made 'See the' Bachmann's role
    base = speech_case()
    durbin = next(s for s in base.speakers if s.id == "s-durbin")
    durbin.role = "See the"
    durbin.aliases.append("See the Durbin")
    only = base.claims[2]
    only.role, only.speaker_mention = "See the", "See the Durbin"
    base.claims[0].role = None
    edited, _ = apply_edits(base, [NotAClaim(claim=only.id)])
    after = speaker(edited, "Dick Durbin")
    assert after is not None and after.role is None and after.aliases == ["Durbin"]
    # a role other claims still carry stays
    base = speech_case()
    base.claims[0].role = base.claims[2].role = "Senator"
    edited, _ = apply_edits(base, [NotAClaim(claim=base.claims[2].id)])
    assert speaker(edited, "Dick Durbin").role == "Senator"  # type: ignore[union-attr]
    # nothing lost: nothing changes
    assert speaker(apply_edits(speech_case(), [])[0], "Dick Durbin").role == "Senator"  # type: ignore[union-attr]


def test_rename_speaker_renames_every_claim_and_keeps_the_old_name_as_alias() -> None:
    base = speech_case()
    edited, problems = apply_edits(base, [RenameSpeaker(speaker="durbin", name="Richard Durbin")])
    assert not problems
    renamed: Speaker | None = speaker(edited, "Richard Durbin")
    assert renamed is not None and "Dick Durbin" in renamed.aliases
    assert claim_at(edited, 0).speaker == claim_at(edited, 2).speaker == "Richard Durbin"
    assert claim_at(edited, 0).perspective == "united-states-congress"
    assert edited.edits[0].description == "renamed speaker Dick Durbin to Richard Durbin (2 claims)"
    # a later edit finds him by either name
    again, problems = apply_edits(base, [RenameSpeaker(speaker="Dick Durbin", name="R. Durbin"),
                                         SetPerspective(speaker="Dick Durbin", perspective="israel")])
    assert not problems and claim_at(again, 0).perspective == "israel"
    # a name another speaker has is a merge, not a rename: reported, nothing changes
    clash, problems = apply_edits(base, [RenameSpeaker(speaker="Dick Durbin",
                                                       name="benjamin netanyahu")])
    assert problems and "merge" in problems[0].reason
    assert claim_at(clash, 0).speaker == "Dick Durbin"


def test_analyze_always_prints_its_summary_line(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from core.cli import run

    good = tmp_path / "good.txt"
    good.write_text('The minister said "the talks will resume on Monday." Nothing else.',
                    encoding="utf-8")
    out = tmp_path / "out.json"
    assert run(["analyze", str(good), "--output", str(out)]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if line]
    assert err == ["perspecta: summary: 0 failed, 0 skipped, 1 document analysed"]


def test_a_true_role_stays_when_its_only_claim_is_removed() -> None:
    base = speech_case()
    durbin = next(s for s in base.speakers if s.id == "s-durbin")
    durbin.role = "Senate Democratic whip"
    only = base.claims[2]
    only.role = "Senate Democratic whip"
    base.claims[0].role = None
    edited, _ = apply_edits(base, [NotAClaim(claim=only.id)])
    assert speaker(edited, "Dick Durbin").role == "Senate Democratic whip"  # type: ignore[union-attr]


def test_a_speakers_own_name_wins_over_another_speakers_alias() -> None:
    base = speech_case()
    durbin = next(s for s in base.speakers if s.id == "s-durbin")
    other = next(s for s in base.speakers if s.id != "s-durbin")
    durbin.aliases.append(other.name)  # a bad alias naming the other speaker
    edited, problems = apply_edits(base, [RenameSpeaker(speaker=other.name, name="Renamed One")])
    assert not problems
    assert speaker(edited, "Renamed One") is not None
    assert speaker(edited, "Dick Durbin") is not None


def test_edits_applied_to_an_opened_export_are_numbered_after_its_own() -> None:
    edited, ids = edited_case()
    again, problems = apply_edits(edited, [RenameGroup(claim=ids[0], label="Again")])
    assert not problems
    indexes = [e.index for e in again.edits]
    assert len(indexes) == len(set(indexes)) == len(edited.edits) + 1
