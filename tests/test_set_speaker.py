"""Reassigning one claim's speaker (SetSpeaker, `S` in the TUI).

From the new-user review: "this one claim is really Netanyahu's, not Durbin's" could not be said;
`P` changes the perspective of all of a speaker's claims. SetSpeaker changes one claim only.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from core.case import case_from_analysis, load_case, reopen, save_case
from core.curation import SetPerspective, SetSpeaker, apply_edits
from core.export import export_analysis
from core.models import Analysis, Claim, ClaimKind, Document, Group, Perspective, Speaker
from core.pipeline import analyze_paths
from tests.test_tui import SEED_LIKE, SIZE, async_test, load, screen_text
from tests.test_tui_curation import CASE_NAME, go_to_claim, type_into_dialog
from tui.app import PerspectaApp, create_app
from tui.widgets.curate import PickerDialog

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "Senator Dick Durbin said the deal was the best option available. "
    "Prime Minister Benjamin Netanyahu told Congress the deal paves Iran's path to the bomb. "
    "Durbin called the speech \"political theater\". "
    "The talks resumed in Geneva on Monday."
)


def speech_case() -> Analysis:
    """Durbin (US Congress) twice, Netanyahu (Israel) once, one sentence of narration; the
    document's author has no narration perspective yet when `with_author` is off."""
    doc = Document(id="d1", path="speech.txt", outlet="The New York Times", text=TEXT, sha256="x")
    sentences = [s + "." for s in TEXT.rstrip(".").split(". ")]
    who = [("s-durbin", "Dick Durbin", "united-states-congress"),
           ("s-netanyahu", "Benjamin Netanyahu", "israel"),
           ("s-durbin", "Dick Durbin", "united-states-congress"),
           (None, None, "author-the-new-york-times")]
    claims = []
    for i, (sentence, (sid, name, pid)) in enumerate(zip(sentences, who, strict=True)):
        start = TEXT.index(sentence)
        mention = None if name is None else name.split()[-1]
        claims.append(Claim(
            id=f"d1:{start}-{start + len(sentence)}", document="d1", start=start,
            end=start + len(sentence), text=sentence,
            kind=ClaimKind.NARRATION if sid is None else ClaimKind.INDIRECT,
            speaker=name, speaker_id=sid, speaker_mention=mention,
            speaker_start=None if mention is None else TEXT.index(mention, start),
            speaker_end=None if mention is None else TEXT.index(mention, start) + len(mention),
            cue=None if sid is None else "said", perspective=pid,
            group="g-deal" if i < 3 else "g-talks"))
    speakers = [
        Speaker(id="s-durbin", name="Dick Durbin", aliases=["Durbin"], role="Senator",
                perspective="united-states-congress", claims=2),
        Speaker(id="s-netanyahu", name="Benjamin Netanyahu", aliases=["Netanyahu"],
                role="Prime Minister", perspective="israel", claims=1),
    ]
    perspectives = [
        Perspective(id="united-states-congress", label="US Congress", kind="government",
                    speakers=["s-durbin"]),
        Perspective(id="israel", label="Israel", kind="government", speakers=["s-netanyahu"]),
        Perspective(id="author-the-new-york-times", label="The New York Times", kind="author"),
    ]
    groups = [Group(id="g-deal", label="deal", claims=[c.id for c in claims[:3]]),
              Group(id="g-talks", label="talks", claims=[claims[3].id])]
    return Analysis(documents=[doc], claims=claims, speakers=speakers,
                    perspectives=perspectives, groups=groups)


def claim_at(analysis: Analysis, index: int) -> Claim:
    wanted = speech_case().claims[index].id
    return next(c for c in analysis.claims if c.id == wanted)


def speaker(analysis: Analysis, name: str) -> Speaker | None:
    return next((s for s in analysis.speakers if s.name == name), None)


def test_one_claim_moves_to_an_existing_speaker_and_takes_their_perspective() -> None:
    base = speech_case()
    speech = claim_at(base, 2).id  # 'Durbin called the speech …', really Netanyahu's
    edited, problems = apply_edits(base, [SetSpeaker(claim=speech, speaker="Benjamin Netanyahu")])
    assert not problems
    moved = claim_at(edited, 2)
    assert (moved.speaker, moved.speaker_id) == ("Benjamin Netanyahu", "s-netanyahu")
    assert moved.perspective == "israel" and moved.role == "Prime Minister"
    assert moved.kind == ClaimKind.INDIRECT
    assert moved.speaker_mention is None and moved.speaker_start is None  # 'Durbin' no longer names him
    # only that claim: Durbin keeps his other one, and the event grouping does not change
    assert claim_at(edited, 0).speaker == "Dick Durbin"
    assert claim_at(edited, 0).perspective == "united-states-congress"
    assert [(g.id, g.claims) for g in edited.groups] == [(g.id, g.claims) for g in base.groups]
    assert (speaker(edited, "Dick Durbin").claims, speaker(edited, "Benjamin Netanyahu").claims) \
        == (1, 2)  # type: ignore[union-attr]
    israel = next(p for p in edited.perspectives if p.id == "israel")
    assert israel.speakers == ["s-netanyahu"]
    # undo is the shorter log: the base is untouched and re-applying nothing gives it back
    assert claim_at(base, 2).speaker == "Dick Durbin"
    undone, _ = apply_edits(base, [])
    assert claim_at(undone, 2).speaker == "Dick Durbin"
    assert claim_at(undone, 2).perspective == "united-states-congress"


def test_the_speaker_is_found_by_alias_without_case() -> None:
    base = speech_case()
    edited, problems = apply_edits(base, [SetSpeaker(claim=claim_at(base, 2).id, speaker="netanyahu")])
    assert not problems and claim_at(edited, 2).speaker_id == "s-netanyahu"


def test_a_speaker_left_with_no_claims_disappears() -> None:
    base = speech_case()
    edited, _ = apply_edits(base, [SetSpeaker(claim=claim_at(base, 1).id, speaker="Dick Durbin")])
    assert speaker(edited, "Benjamin Netanyahu") is None
    assert speaker(edited, "Dick Durbin").claims == 3  # type: ignore[union-attr]
    assert next(p for p in edited.perspectives if p.id == "israel").speakers == []


def test_a_new_typed_name_is_a_new_speaker_with_no_perspective_until_p() -> None:
    base = speech_case()
    cid = claim_at(base, 0).id
    edited, problems = apply_edits(base, [SetSpeaker(claim=cid, speaker="  [US] diplomats ")])
    assert not problems
    new = speaker(edited, "[US] diplomats")
    assert new is not None and new.perspective is None and new.claims == 1
    assert new.id not in {s.id for s in base.speakers}
    claim = claim_at(edited, 0)
    assert (claim.speaker, claim.speaker_id, claim.perspective) == ("[US] diplomats", new.id, None)
    assert claim.role is None
    # P afterwards gives the new speaker (and so the claim) a perspective
    mapped, problems = apply_edits(base, [
        SetSpeaker(claim=cid, speaker="[US] diplomats"),
        SetPerspective(speaker="[US] diplomats", perspective="united-states", label="United States"),
    ])
    assert not problems and claim_at(mapped, 0).perspective == "united-states"
    # a second claim given the same typed name joins that speaker
    both, _ = apply_edits(base, [SetSpeaker(claim=cid, speaker="[US] diplomats"),
                                 SetSpeaker(claim=claim_at(base, 1).id, speaker="[us] Diplomats")])
    assert [s.name for s in both.speakers if "diplomats" in s.name.lower()] == ["[US] diplomats"]
    assert claim_at(both, 1).speaker_id == new.id


def test_the_perspective_follows_the_chosen_speaker_before_and_after_p() -> None:
    base = speech_case()
    cid = claim_at(base, 2).id
    before, _ = apply_edits(base, [
        SetPerspective(speaker="Benjamin Netanyahu", perspective="analysts", label="Analysts"),
        SetSpeaker(claim=cid, speaker="Benjamin Netanyahu"),
    ])
    after, _ = apply_edits(base, [
        SetSpeaker(claim=cid, speaker="Benjamin Netanyahu"),
        SetPerspective(speaker="Benjamin Netanyahu", perspective="analysts", label="Analysts"),
    ])
    assert claim_at(before, 2).perspective == claim_at(after, 2).perspective == "analysts"
    assert claim_at(after, 0).perspective == "united-states-congress"  # Durbin's own stays


def test_narration_given_a_speaker_becomes_an_attributed_claim() -> None:
    base = speech_case()
    edited, _ = apply_edits(base, [SetSpeaker(claim=claim_at(base, 3).id, speaker="Dick Durbin")])
    claim = claim_at(edited, 3)
    assert claim.kind == ClaimKind.INDIRECT
    assert (claim.speaker, claim.perspective) == ("Dick Durbin", "united-states-congress")


def test_no_speaker_makes_the_claim_narration_of_its_source() -> None:
    base = speech_case()
    base.perspectives = [p for p in base.perspectives if p.kind != "author"]
    for claim in base.claims:
        if claim.kind == ClaimKind.NARRATION:
            claim.perspective = None
    edited, problems = apply_edits(base, [SetSpeaker(claim=claim_at(base, 1).id, speaker=None)])
    assert not problems
    claim = claim_at(edited, 1)
    assert claim.kind == ClaimKind.NARRATION
    assert (claim.speaker, claim.speaker_id, claim.cue, claim.role) == (None, None, None, None)
    assert claim.perspective == "author-the-new-york-times"
    author = next(p for p in edited.perspectives if p.id == claim.perspective)
    assert (author.label, author.kind) == ("The New York Times", "author")
    assert speaker(edited, "Benjamin Netanyahu") is None


def test_an_unknown_claim_is_an_edit_problem() -> None:
    edited, problems = apply_edits(speech_case(), [
        SetSpeaker(claim="d1:9000-9100", speaker="Dick Durbin")])
    assert [(p.index, p.op) for p in problems] == [(0, "set_speaker")]
    assert "d1:9000-9100" in problems[0].reason
    assert speaker(edited, "Dick Durbin").claims == 2  # type: ignore[union-attr]


def test_set_speaker_survives_the_case_file_and_reaches_every_export(tmp_path: Path) -> None:
    src = tmp_path / "article.txt"
    shutil.copy(ROOT / "seeds" / "basra_consulate_closure.txt", src)
    case = case_from_analysis(analyze_paths([src]))
    first = reopen(case).analysis
    burt = next(c for c in first.claims if c.speaker == "Alistair Burt")
    pompeo = next(s for s in first.speakers if s.name == "Mike Pompeo")
    narration = next(c for c in first.claims if c.kind == ClaimKind.NARRATION)
    case.edits = [SetSpeaker(claim=burt.id, speaker="Mike Pompeo"),
                  SetSpeaker(claim=narration.id, speaker="[US] diplomats"),
                  SetSpeaker(claim=next(c for c in first.claims if c.speaker_id == pompeo.id).id,
                             speaker=None)]
    path = tmp_path / "basra.perspecta.json"
    save_case(path, case)
    saved = orjson.loads(path.read_bytes())
    assert [e["op"] for e in saved["edits"]] == ["set_speaker"] * 3
    assert "speaker" not in saved["edits"][2]  # None is left out of the file: narration

    loaded = load_case(path)
    assert loaded.edits == case.edits
    opened = reopen(loaded)
    assert not opened.problems
    claims = {c.id: c for c in opened.analysis.claims}
    assert claims[burt.id].speaker == "Mike Pompeo"
    assert claims[burt.id].perspective == pompeo.perspective
    assert claims[narration.id].kind == ClaimKind.INDIRECT
    assert claims[narration.id].speaker == "[US] diplomats"

    exported = orjson.loads(export_analysis(opened.analysis, "json"))
    by_id = {c["id"]: c for c in exported["claims"]}
    assert by_id[burt.id]["speaker"] == "Mike Pompeo"
    assert by_id[burt.id]["perspective"] == pompeo.perspective
    assert "[US] diplomats" in {s["name"] for s in exported["speakers"]}
    markdown = export_analysis(opened.analysis, "md").decode()
    assert r"\[US\] diplomats" in markdown  # Markdown escapes the brackets
    csv = export_analysis(opened.analysis, "csv").decode("utf-8-sig")
    burt_row = next(line for line in csv.splitlines() if burt.text[:30] in line)
    assert "Mike Pompeo" in burt_row and "Alistair Burt" not in burt_row


# ---- the TUI: S on a focused claim -------------------------------------------------------


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Analysis:
    monkeypatch.chdir(tmp_path)  # the case file the first edit saves lands in tmp
    return load(SEED_LIKE)


def burt_claim(app: PerspectaApp) -> str:
    assert app.comparison is not None
    return next(c.id for c in app.comparison.analysis.claims if c.speaker == "Alistair Burt")


def notices(app: PerspectaApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


@async_test
async def test_s_gives_the_focused_claim_an_existing_speaker(seed: Analysis, tmp_path: Path) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = burt_claim(app)
        await go_to_claim(app, pilot, claim_id)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, PickerDialog)
        labels = [c.label for c in app.screen.choices]
        assert "Mike Pompeo · United States" in labels and "Iran" in labels  # not 'Iran · Iran'
        assert not any("Alistair Burt" in label for label in labels)  # the claim's own speaker
        assert [c.label for c in app.screen.fixed] == ["narration (no speaker)"]
        await type_into_dialog(pilot, "pompeo")
        await pilot.press("enter")
        await pilot.pause()
        assert app.comparison is not None
        claim = app.comparison.claims[claim_id]
        assert (claim.speaker, claim.perspective) == ("Mike Pompeo", "united-states")
        others = [c for c in app.comparison.analysis.claims if c.speaker == "Alistair Burt"]
        assert len(others) == 2 and {c.perspective for c in others} == {"united-kingdom"}
        assert app.current_claim() == claim_id  # still selected, now in the US column
        assert any(m.startswith("Claim “Deeply concerned") and "now Mike Pompeo’s · u undoes" in m
                   for m in notices(app))
        saved = load_case(tmp_path / CASE_NAME)
        assert saved.edits == [SetSpeaker(claim=claim_id, speaker="Mike Pompeo")]

        await pilot.press("u")
        await pilot.pause()
        assert app.comparison.claims[claim_id].speaker == "Alistair Burt"
        assert app.comparison.claims[claim_id].perspective == "united-kingdom"
        assert load_case(tmp_path / CASE_NAME).edits == []


@pytest.mark.parametrize("name", ["[US] diplomats", "[/]", "[bold]Kata'ib[/bold] Hezbollah"])
@async_test
async def test_s_with_a_typed_name_makes_a_new_speaker_shown_literally(
        seed: Analysis, name: str) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = burt_claim(app)
        await go_to_claim(app, pilot, claim_id)
        await pilot.press("S")
        await type_into_dialog(pilot, name)
        assert f"+ new speaker: {name}" in screen_text(app)
        await pilot.press("up", "up", "enter")  # the first entry: "+ new speaker: …"
        await pilot.pause()
        assert app.comparison is not None
        claim = app.comparison.claims[claim_id]
        assert (claim.speaker, claim.perspective) == (name, None)
        assert any(m.endswith(f"now {name}’{'' if name.endswith('s') else 's'} · u undoes")
                   for m in notices(app))
        text = screen_text(app)
        assert name in text  # the card's speaker line, as typed
        assert "No perspective" in text


@async_test
async def test_s_narration_choice_makes_the_claim_the_authors_narration(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = burt_claim(app)
        await go_to_claim(app, pilot, claim_id)
        await pilot.press("S")
        await type_into_dialog(pilot, "")
        assert "narration (no speaker)" in screen_text(app)
        await pilot.press("down", "enter")  # the first entry is "+ new speaker", then narration
        await pilot.pause()
        assert app.comparison is not None
        claim = app.comparison.claims[claim_id]
        assert (claim.kind, claim.speaker, claim.perspective) == (
            ClaimKind.NARRATION, None, "author-mecra")
        assert any("now narration of MECRA · u undoes" in m for m in notices(app))
        await pilot.press("S")  # narration already: the picker offers speakers only
        await pilot.pause()
        assert isinstance(app.screen, PickerDialog) and app.screen.fixed == []
        await pilot.press("escape")


@async_test
async def test_s_is_in_the_help(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Set the focused claim's speaker (this claim only" in screen_text(app)


def test_a_perspective_cleared_to_none_survives_a_save_without_null_fields() -> None:
    import orjson

    from core.curation import SetPerspective

    edit = SetPerspective(speaker="Mike Pompeo", perspective=None)
    saved = orjson.loads(edit.model_dump_json(exclude_none=True))
    assert "perspective" not in saved
    assert SetPerspective.model_validate(saved).perspective is None


@pytest.mark.parametrize(("labels", "typed", "picked"), [
    # an exact name wins over a longer label holding every typed word
    (["New York Republican Rep. Michael Grimm's attorney · US Congress",
      "Michael Grimm · US Congress"], "Michael Grimm", "Michael Grimm · US Congress"),
    # a typed full name that only a longer description holds makes a new speaker
    (["New York Republican Rep. Michael Grimm's attorney · US Congress"], "Michael Grimm", None),
    # a short prefix still finds the one it starts
    (["Mike Pompeo · United States", "Alistair Burt · United Kingdom"], "pomp",
     "Mike Pompeo · United States"),
])
@async_test
async def test_the_speaker_picker_takes_an_exact_name_over_a_longer_label(
        labels: list[str], typed: str, picked: str | None) -> None:
    from textual.app import App

    from tui.widgets.curate import Choice

    answers: list[object] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(PickerDialog("Speaker", [Choice(str(i), label) for i, label in
                                                      enumerate(labels)],
                                          new_label="+ new speaker", new_from_text=True),
                             answers.append)

    async with Host().run_test() as pilot:
        await pilot.pause()
        await pilot.press(*typed)
        await pilot.press("enter")
        await pilot.pause()
    assert len(answers) == 1
    answer = answers[0]
    if picked is None:
        assert answer.key is None and answer.new_label == typed  # type: ignore[attr-defined]
    else:
        assert answer.key == str(labels.index(picked))  # type: ignore[attr-defined]
