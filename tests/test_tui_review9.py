"""Review 9: `a` (accept suggestion) acts only on a suggestion on screen and says what it did;
Enter on a speaker filters by that speaker; the claim columns share the width; the first
save names its file in a notification that does not cut the path mid-word."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets._toast import Toast

from core.models import Analysis
from tests.test_tui import SEED_LIKE, SIZE, async_test, load, screen_text
from tests.test_tui_curation import comparison, go_to, go_to_claim
from tui.app import PerspectaApp, create_app
from tui.widgets.columns import COLUMN_MAX_WIDTH, PerspectiveColumns
from tui.widgets.context import ContextPane
from tui.widgets.speakers import SpeakersTable

# Seed-like fixture: 'Indirect fire on US missions' (g-fire) has one suggestion, held by the
# narration claim below, towards 'Iran held responsible' (g-responsible).
FIRE, RESPONSIBLE = "g-fire", "g-responsible"
FIRE_CLAIM_WITH_SUGGESTION = "d881e5579cd:1734-1801"


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Analysis:
    monkeypatch.chdir(tmp_path)
    return load(SEED_LIKE)


def border_hint(app: PerspectaApp) -> str:
    """The context pane's border subtitle, as plain text."""
    subtitle = app.query_one(ContextPane).border_subtitle
    return "" if subtitle is None else Content.from_markup(str(subtitle)).plain


def messages(app: PerspectaApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


@async_test
async def test_a_on_a_claim_without_suggestion_changes_nothing_and_says_so(
        seed: Analysis) -> None:
    """The review's `l j a`: the focused claim's context shows no suggestion, so `a` must not
    merge the event's strongest one (it did: 15 claims became 25, another event vanished)."""
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Indirect fire on US missions")
        await pilot.press("right")
        claim_id = app.current_claim()
        assert claim_id is not None and claim_id != FIRE_CLAIM_WITH_SUGGESTION
        assert "maybe the same event" not in border_hint(app)
        events_before = len(comparison(app).events)
        await pilot.press("a")
        await pilot.pause()
        assert len(comparison(app).events) == events_before
        assert app.case is not None and app.case.edits == []
        assert comparison(app).event_of(claim_id) == FIRE
        assert any("No suggestion for this claim" in m for m in messages(app))
        await pilot.press("A")
        await pilot.pause()
        assert app.case.edits == []
        assert comparison(app).groups[FIRE].suggestions


@async_test
async def test_a_names_both_events_and_how_many_claims_moved(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(app, pilot, FIRE_CLAIM_WITH_SUGGESTION)
        assert "maybe the same event as" in border_hint(app) and "a joins" in border_hint(app)
        await pilot.press("a")
        await pilot.pause()
        comp = comparison(app)
        # The focused claim's event stays and grows; the other event joins it.
        assert comp.event_of(FIRE_CLAIM_WITH_SUGGESTION) == FIRE
        assert RESPONSIBLE not in comp.groups
        notice = next(m for m in messages(app) if m.startswith("Suggestion accepted"))
        assert "“Iran held responsible”" in notice
        assert "“Indirect fire on US missions”" in notice
        assert "4 claims moved, now 8" in notice


@async_test
async def test_on_the_event_list_the_events_suggestion_is_named_before_a_takes_it(
        seed: Analysis) -> None:
    """On the event list, `a` may take the event's strongest suggestion, but only one the
    context border names ('this event: maybe the same event as “…” · a joins'); moving into
    the claims, the border shows the focused claim's own (here: none), and `a` follows it."""
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Indirect fire on US missions")
        await pilot.pause()
        assert ("this event: maybe the same event as “Iran held responsible” · a joins"
                in border_hint(app))
        await pilot.press("right")
        await pilot.pause()
        assert "maybe the same event" not in border_hint(app)
        await pilot.press("left")
        await pilot.pause()
        assert "this event: maybe" in border_hint(app)
        await pilot.press("a")
        await pilot.pause()
        assert RESPONSIBLE not in comparison(app).groups
        assert any("“Iran held responsible”" in m for m in messages(app))


@async_test
async def test_enter_on_a_speaker_shows_that_speakers_claims_not_those_naming_them(
        seed: Analysis) -> None:
    """Enter on Speakers filtered by the name as text, so a quote that merely mentions the
    speaker (Durbin on 'Speaker Boehner') showed up; now it is the speaker's own claims."""
    analysis = seed.model_copy(deep=True)
    mention = next(c for c in analysis.claims if c.id == "d881e5579cd:494-694")
    mention.text = "Alistair Burt was told that indirect fire hit the consulate."
    app = create_app(analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.query_one(SpeakersTable)
        table.move_cursor(row=list(table.names).index("s-burt"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen_name == "compare" and app.filtered is not None
        assert {e.id for e in app.filtered.events} == {"g-relocation", "g-reactions"}
        assert app.filtered.claims is not None
        comp = comparison(app)
        assert {comp.claims[c].speaker_id for c in app.filtered.claims} == {"s-burt"}
        assert "speaker: Alistair Burt · Esc clears" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.filtered.events) == len(comp.events)
        assert "speaker: Alistair Burt" not in screen_text(app)


@async_test
async def test_wide_terminal_columns_share_the_width_and_event_names_show_whole(
        seed: Analysis) -> None:
    """At 160 columns, one claim column stayed 28 wide beside ~95 empty columns and event
    names were cut at 22 characters."""
    app = create_app(analysis=seed)
    async with app.run_test(size=(160, 45)) as pilot:
        assert "Sanctions on Iranian-backed militias" in screen_text(app)
        await pilot.press("slash", *"apeared", "enter")
        await pilot.pause()
        columns = app.query_one(PerspectiveColumns)
        assert len(columns.visible_slots()) == 1
        [(_, _, width)] = columns.in_view()
        assert width == COLUMN_MAX_WIDTH
        # The Iraqi official's 150-character claim takes two lines, not six.
        assert "A senior Iraqi official tells The Post the decision to close the consulate in" \
            in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        # Two or three columns share the room left of the event list, to its right edge.
        await pilot.press("down")
        await pilot.pause()
        placed = columns.in_view()
        assert 2 <= len(placed) <= 3
        assert sum(width for _, _, width in placed) == columns.size.width


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
@async_test
async def test_first_save_notice_names_the_file_without_wrapping_mid_word(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    """'Case saved to /tmp/…/persp' + 'ecta.json' on the next line: the path wrapped mid-word
    over the context pane. Now the file name, then its folder, each cut in the middle."""
    folder = tmp_path / "an-analyst-working-folder-with-a-rather-long-name" / "benghazi"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    app = create_app(analysis=load(SEED_LIKE))
    async with app.run_test(size=size, notifications=True) as pilot:
        await go_to(app, pilot, "Indirect fire on US missions")
        await pilot.press("right", "s")
        await pilot.pause()
        notice = next(n for n in app._notifications if n.title == "Case saved")
        name_line, folder_line = str(notice.message).split("\n")
        assert folder_line.startswith("in ")
        for _ in range(40):  # notifications are mounted a few frames later
            toasts = [t for t in app.screen.query(Toast) if "Case saved" in str(t.render())]
            if toasts:
                break
            await pilot.pause(0.05)
        toast = toasts[0]
        room = toast.content_region.width
        assert len(name_line) <= room and len(folder_line) <= room
        text = screen_text(app)
        assert name_line in text and folder_line in text  # each on one line, whole
        if size[0] == 80:
            assert "…" in name_line and name_line.endswith(".perspecta.json")
        else:
            assert name_line == "basra_consulate_closure.perspecta.json"
        assert folder_line.endswith("benghazi")


@async_test
async def test_a_on_an_event_without_suggestion_says_so(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Relocation of diplomatic staff")
        await pilot.press("a")
        await pilot.pause()
        assert app.case is not None and app.case.edits == []
        assert any("No suggestion for this event" in m for m in messages(app))
