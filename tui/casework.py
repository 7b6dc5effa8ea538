"""Case work in the TUI beyond single edits: adding documents to an open case, event notes,
merging speakers (from the Speakers screen).

A mixin of PerspectaApp, kept apart from the layout code. Adding documents reads and
attributes only the new files (in a thread worker, with the app's attribution cache), then
recomputes speakers, perspectives and groups over the whole case and re-applies the edit log,
so every earlier edit still holds; the case file records the new documents at once.
"""

from __future__ import annotations

import contextlib
import os
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.suggester import Suggester
from textual.worker import Worker, WorkerState, get_current_worker

from core.case import AddedDocuments, add_documents
from core.curation import AddNote, MergeSpeakers, RenameSpeaker, apply_edits
from core.report_common import plural
from tui.render import one_line
from tui.widgets.curate import Choice, Picked, PickerDialog, TextDialog
from tui.widgets.speakers import SpeakersTable

if TYPE_CHECKING:
    from tui.app import PerspectaApp


ADD_DOCUMENTS_GROUP = "add-documents"


@dataclass
class DocumentsAdded(Message):
    """The worker read the new documents and re-analysed the case."""

    result: AddedDocuments


def split_paths(text: str) -> list[str]:
    """Paths typed by the analyst: shell-like quoting, '~' expanded.

    A whole line that names an existing file or folder is one path, so a path with spaces
    works without quotes."""
    text = text.strip()
    if not text:
        return []
    whole = Path(os.path.expanduser(text))
    if whole.exists():
        return [str(whole)]
    try:
        parts = shlex.split(text)
    except ValueError:  # an unclosed quote: take the words as they are
        parts = text.split()
    return [os.path.expanduser(part) for part in parts]


class PathSuggester(Suggester):
    """Completes the last path typed with the first matching file or folder name."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        head, sep, last = value.rpartition(" ")
        if not last:
            return None
        typed = Path(os.path.expanduser(last))
        folder, stem = (typed, "") if last.endswith("/") else (typed.parent, typed.name)
        try:
            names = sorted(entry.name for entry in os.scandir(folder or Path("."))
                           if entry.name.startswith(stem) and not entry.name.startswith("."))
        except OSError:
            return None
        if not names or names[0] == stem:
            return None
        rest = names[0][len(stem):]
        if head:
            # several paths typed: spaces are escaped so the name stays one path (shlex), and
            # the suggestion still extends what was typed
            rest = rest.replace(" ", "\\ ")
        completed = last + rest
        with contextlib.suppress(OSError):  # a folder that can be listed but not entered
            if (folder / names[0]).is_dir():
                completed += "/"
        return head + sep + completed


class CaseWork:
    """Mixin: the 'add documents', 'note on event' and 'merge speaker' actions of PerspectaApp."""

    def action_merge_speaker(self: PerspectaApp) -> None:
        """J on the Speakers screen: merge the selected speaker into one picked from the rest."""
        if self._in_dialog() or self.comparison is None or self.case is None:
            return
        if self.screen_name != "speakers":
            self.notify("J merges speakers: on the Speakers screen (3), select a speaker, "
                        "then J", timeout=4, markup=False)
            return
        table = self.query_one(SpeakersTable)
        if not table.row_count:
            return
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        comparison = self.comparison
        speakers = {s.id: s for s in comparison.analysis.speakers}
        gone = speakers.get(str(key.value))
        if gone is None:
            return
        choices = [Choice(s.id, self._speaker_choice_label(s.name, s.perspective))
                   for s in comparison.analysis.speakers if s.id != gone.id]
        if not choices:
            self.notify("No other speaker to merge into", timeout=3, markup=False)
            return
        claims = sum(1 for c in comparison.analysis.claims if c.speaker_id == gone.id)

        def done(picked: Picked | None) -> None:
            if picked is None or picked.key is None or picked.key not in speakers:
                return
            into = speakers[picked.key]
            self.speaker_row_wanted = into.id  # the rebuilt Speakers table shows it selected
            self.apply_edit(MergeSpeakers(speaker=gone.name, into=into.name))
            if self.speaker_filter is not None and self.speaker_filter[0] == gone.id:
                # Compare showed the merged speaker's claims: they are the target's now
                self.filter_by_speaker(into.id, into.name)
            side = (f" ({comparison.perspective_label(into.perspective)})"
                    if into.perspective else "")
            self.notify(f"Merged speaker “{one_line(gone.name)}” ({claims} claim"
                        f"{'' if claims == 1 else 's'}) into “{one_line(into.name)}”{side} · "
                        "u undoes", title="Speakers merged", timeout=6, markup=False)

        self.push_screen(PickerDialog(f"Merge “{one_line(gone.name)}” into which speaker?",
                                      choices), done)

    def action_rename_speaker(self: PerspectaApp) -> None:
        """R: rename a speaker everywhere at once (every claim of theirs): the selected
        speaker on the Speakers screen, else the focused claim's speaker."""
        if self._in_dialog() or self.comparison is None or self.case is None:
            return
        comparison = self.comparison
        speakers = {s.id: s for s in comparison.analysis.speakers}
        if self.screen_name == "speakers":
            table = self.query_one(SpeakersTable)
            if not table.row_count:
                return
            key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            speaker = speakers.get(str(key.value))
        else:
            claim_id = self._focused_claim("R renames a claim's speaker")
            if claim_id is None:
                return
            speaker = speakers.get(comparison.claims[claim_id].speaker_id or "")
            if speaker is None:
                self.notify("This claim has no speaker (narration): S gives it one",
                            timeout=3, markup=False)
                return
        if speaker is None:
            return
        old = speaker.name
        claims = sum(1 for c in comparison.analysis.claims if c.speaker_id == speaker.id)
        count = f"{claims} claim{'' if claims == 1 else 's'}"

        def done(text: str | None) -> None:
            name = " ".join((text or "").split())
            if not name or name == old:
                return
            folded = name.casefold()
            other = next((s for s in comparison.analysis.speakers if s.id != speaker.id and (
                s.name.casefold() == folded or folded in (a.casefold() for a in s.aliases))),
                None)
            if other is not None:
                self.notify(f"“{one_line(other.name)}” is another speaker of the case: to make "
                            "them one, merge them (J on the Speakers screen)", timeout=6,
                            markup=False)
                return
            self.speaker_row_wanted = speaker.id  # the rebuilt Speakers table keeps it selected
            self.apply_edit(RenameSpeaker(speaker=old, name=name), self.current_claim())
            if self.speaker_filter is not None and self.speaker_filter[0] == speaker.id:
                self.filter_by_speaker(speaker.id, name)
            self.notify(f"Renamed speaker “{one_line(old)}” to “{one_line(name)}” ({count}) · "
                        "u undoes", title="Speaker renamed", timeout=6, markup=False)

        self.push_screen(TextDialog("Rename speaker",
                                    f"New name for “{one_line(old)}” (all {count}):", old),
                         done)

    def action_add_documents(self: PerspectaApp) -> None:
        if self._in_dialog() or self.case is None or self.base is None:
            return
        if self.adding:
            self.notify("Still adding documents; wait for it to finish", timeout=3,
                        markup=False)
            return

        def done(text: str | None) -> None:
            paths = split_paths(text or "")
            if not paths:
                return
            if "-" in paths:
                self.notify("Standard input ('-') cannot be added from the TUI: save it to a "
                            "file first", severity="error", markup=False, timeout=8)
                return
            missing = [p for p in paths if not Path(p).exists()]
            if missing:
                message = "Not found: " + ", ".join(missing)
                self.notify(message, severity="error", markup=False, timeout=8)
                return
            paths = [str(Path(p).resolve()) for p in paths]
            self.adding = True
            message = f"Adding {plural(len(paths), 'path')}…"
            self.notify(message, timeout=3, markup=False)
            self.add_documents_in_background(paths)

        self.push_screen(TextDialog(
            "Add documents",
            "Files or folders to add to the case (several: separate with spaces, quote paths "
            "with spaces; Tab/→ completes):",
            "", suggester=PathSuggester(), confirm="adds"), done)

    @work(thread=True, exclusive=True, exit_on_error=False, group=ADD_DOCUMENTS_GROUP)
    def add_documents_in_background(self: PerspectaApp, paths: list[str]) -> AddedDocuments:
        """Read and attribute only the new documents, then regroup the whole case."""
        worker = get_current_worker()
        assert self.case is not None and self.base is not None
        folder = (self.case_path or self.default_case_path()).parent
        # A snapshot of the case: the UI thread may log edits meanwhile (they are kept, see
        # on_documents_added); the worker must not read a list that changes under it.
        case = self.case.model_copy(update={"edits": list(self.case.edits)})
        result = add_documents(case, self.base, paths, attributed=self.attributed,
                               case_folder=folder)
        if not worker.is_cancelled:
            self.post_message(DocumentsAdded(result))
        return result

    # Named handler (not @on): Textual collects @on handlers from the App class itself only.
    def on_documents_added(self: PerspectaApp, message: DocumentsAdded) -> None:
        self.adding = False
        result = message.result
        for error in result.errors:
            line = f"{error.path}: {error.reason}"
            self.notify(line, severity="error" if error.kind == "error" else "warning",
                        markup=False, timeout=10)
        if result.already:
            message_text = "Already in the case: " + ", ".join(result.already)
            self.notify(message_text, severity="warning", markup=False, timeout=6)
        if not result.added or self.case is None:
            if not result.errors and not result.already:
                self.notify("No documents found there", severity="warning", markup=False)
            return
        # Keep the edits made while the worker ran: only the documents come from the result.
        self.case = self.case.model_copy(update={"documents": result.case.documents,
                                                 "title": self.case.title or result.case.title})
        self.base = result.base
        self._recompute(self.current_claim())
        self.save_case_file()
        # Regrouping can leave an edit without its claims or group: say which, every one.
        _, problems = apply_edits(self.base, self.case.edits)
        for problem in problems:
            line = f"Edit {problem.index + 1} ({problem.op}) not applied: {problem.reason}"
            self.notify(line, severity="warning", markup=False, timeout=10)
        added_ids = {d.id for d in result.base.documents[-len(result.added):]}
        new_claims = sum(1 for c in result.base.claims if c.document in added_ids)
        summary = (f"Added {plural(len(result.added), 'document')}, {plural(new_claims, 'claim')}; "
                   "events regrouped, your edits kept")
        self.notify(summary, title="Documents added", markup=False, timeout=6)

    def on_add_documents_state(self: PerspectaApp, event: Worker.StateChanged) -> None:
        """A failed or cancelled add never leaves '+' locked, and a failure is said."""
        if event.state not in (WorkerState.ERROR, WorkerState.CANCELLED):
            return
        self.adding = False
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            line = f"Adding documents failed: {type(error).__name__}: {error}"
            self.notify(line, severity="error", markup=False, timeout=10)

    def action_note_event(self: PerspectaApp) -> None:
        anchor = self._event_anchor()
        if anchor is None or self.comparison is None or self.event_id is None:
            return
        group = self.comparison.groups[self.event_id]
        current = group.note or ""

        def done(text: str | None) -> None:
            if text is not None and text != current:
                self.apply_edit(AddNote(target="group", claim=anchor, text=text),
                                self.current_claim() or anchor)

        self.push_screen(TextDialog("Note on event", "Note on the event (empty removes it):",
                                    current), done)
