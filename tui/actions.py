"""One registry of user actions: it builds the key bindings, the footer and the help screen.

Every key the app answers to is here, once, with a verb-first id (`go-next-event`) so users can
remap it by id (Textual keymaps). `scope` says where the binding lives: "app" bindings work in
every pane; "list" bindings are given to the list widgets (event table, claim columns, tables)
so that they replace the widgets' own cursor keys and the keys mean the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

Scope = Literal["app", "list", "palette"]

# Screens where moving between perspectives and events means something.
PERSPECTIVE_SCREENS = frozenset({"compare", "matrix"})
EVENT_SCREENS = frozenset({"compare"})

CLAIM_KEYS = Binding.Group("claim", compact=True)
PERSPECTIVE_KEYS = Binding.Group("perspective", compact=True)
EVENT_KEYS = Binding.Group("event", compact=True)
SCREEN_KEYS = Binding.Group("screens", compact=True)


@dataclass(frozen=True, slots=True)
class Action:
    """A named user action and the keys that run it."""

    id: str
    keys: str
    action: str
    description: str
    help: str
    section: str
    scope: Scope = "app"
    show: bool = False
    key_display: str | None = None
    priority: bool = False
    group: Binding.Group | None = None
    # Where the footer shows the action (None: every screen), and its footer label on the table
    # screens (Sources, Speakers, Matrix) when it means something else there ("row", not "claim").
    screens: frozenset[str] | None = None
    table_description: str | None = None
    # Its footer label while the event list has the focus, when it does something else there
    # (↓ moves to the next event; Enter goes into the event's claims).
    events_description: str | None = None
    # The panes of Compare where the footer shows it (None: every pane): "events", "columns"
    # or "context".
    panes: frozenset[str] | None = None

    def shown_on(self, screen: str, pane: str | None = None) -> bool:
        """Whether the footer shows this action on `screen` (compare, sources, ...), with the
        focus in `pane` (Compare's "events", "columns" or "context")."""
        if not self.show or (self.screens is not None and screen not in self.screens):
            return False
        return self.panes is None or pane in self.panes

    def footer_label(self, screen: str, pane: str | None = None) -> str:
        """The action's footer label on `screen` (and in `pane`: "events" for the event list)."""
        if screen != "compare" and self.table_description:
            return self.table_description
        if screen == "compare" and pane == "events" and self.events_description:
            return self.events_description
        return self.group.description if self.group is not None else self.description

    def binding(self) -> Binding:
        """The Textual binding for this action."""
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.help,
            id=self.id,
            group=self.group,
        )

    @property
    def keys_for_humans(self) -> str:
        """The keys as the help screen shows them ('↓ j')."""
        return " ".join(KEY_NAMES.get(k, k) for k in self.keys.split(","))


KEY_NAMES = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "slash": "/",
    "question_mark": "?",
    "enter": "⏎ Enter",
    "escape": "Esc",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "space": "Space",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "ctrl+p": "Ctrl+P",
    "ctrl+r": "Ctrl+R",
    "ctrl+n": "Ctrl+N",
    "plus": "+",
}

ACTIONS: tuple[Action, ...] = (
    # Moving in lists: claims in a column, events in the event list, rows in tables.
    Action("go-down", "down,j", "cursor_down", "claim", "Next item of the focused list: event, claim or row",
           "Move", "list", True, "↓", group=CLAIM_KEYS, table_description="row",
           events_description="event"),
    Action("go-up", "up,k", "cursor_up", "claim", "Previous item of the focused list: event, claim or row",
           "Move", "list", True, "↑", group=CLAIM_KEYS, table_description="row",
           events_description="event"),
    Action("go-page-down", "pagedown", "page_down", "page down", "One page down", "Move", "list"),
    Action("go-page-up", "pageup", "page_up", "page up", "One page up", "Move", "list"),
    Action("go-first", "home", "list_first", "first", "First item of the list", "Move", "list"),
    Action("go-last", "end", "list_last", "last", "Last item of the list", "Move", "list"),
    Action("go-previous-perspective", "left,h", "previous_perspective", "perspective",
           "Previous perspective column (from the first column: back to the events)", "Move",
           show=True, key_display="←", group=PERSPECTIVE_KEYS, screens=PERSPECTIVE_SCREENS),
    Action("go-next-perspective", "right,l", "next_perspective", "perspective",
           "Next perspective column (from the events: into the columns)", "Move", show=True,
           key_display="→", group=PERSPECTIVE_KEYS, screens=PERSPECTIVE_SCREENS),
    Action("go-next-event", "right_square_bracket,n", "next_event", "event",
           "Next event, from any pane; with two pinned perspectives, the next event where "
           "at least one of them speaks", "Move", show=True, key_display="]", group=EVENT_KEYS,
           screens=EVENT_SCREENS),
    Action("go-previous-event", "left_square_bracket,p", "previous_event", "event",
           "Previous event, from any pane; with two pinned perspectives, the previous event "
           "where at least one of them speaks", "Move", show=True, key_display="[",
           group=EVENT_KEYS, screens=EVENT_SCREENS),
    Action("go-next-pane", "tab", "cycle_pane(1)", "pane",
           "Next pane: events → claim columns → context", "Move", priority=True),
    Action("go-previous-pane", "shift+tab", "cycle_pane(-1)", "pane", "Previous pane", "Move",
           priority=True),
    # Looking closer.
    Action("open-claim", "enter", "open", "detail",
           "Events: go to the claims. Claim: open its detail. Tables: show in Compare", "Look",
           show=True, key_display="⏎", table_description="to Compare",
           events_description="claims"),
    Action("filter-events", "slash", "filter", "filter",
           "Fuzzy filter events and claims (text, speaker, event label); Enter keeps it",
           "Look", show=True, key_display="/"),
    Action("toggle-pin", "space", "toggle_pin", "pin",
           "Pin the focused perspective; two pinned perspectives go head to head", "Look",
           show=True, key_display="␣", screens=EVENT_SCREENS, panes=frozenset({"columns"})),
    Action("go-back", "escape", "back", "back",
           "Clear the filter, then the pins; on other screens: back to Compare", "Look"),
    # Curation: every edit goes to the case's log, is saved at once and can be undone.
    Action("rename-event", "r", "rename_event", "rename", "Rename the current event", "Curate"),
    Action("move-claim", "m", "move_claim_to_event", "move",
           "Move the focused claim to another event (fuzzy pick, or a new event)", "Curate"),
    Action("merge-event", "M", "merge_event", "merge",
           "Merge another event (fuzzy pick) into the current event", "Curate"),
    Action("split-claim", "s", "split_claim", "split",
           "Split the focused claim out of its event into a new event", "Curate"),
    Action("set-perspective", "P", "set_perspective", "perspective",
           "Set the perspective of the claim's speaker (all their claims)", "Curate"),
    Action("set-speaker", "S", "set_speaker", "speaker",
           "Set the focused claim's speaker (this claim only)", "Curate"),
    Action("merge-speaker", "J", "merge_speaker", "merge into…",
           "Merge the selected speaker into another (Speakers screen)", "Curate",
           show=True, screens=frozenset({"speakers"})),
    Action("rename-speaker", "R", "rename_speaker", "rename speaker",
           "Rename the claim's speaker everywhere (on Speakers: the selected one)", "Curate"),
    Action("mark-not-claim", "x", "mark_not_claim", "not a claim",
           "Mark the focused claim as not a claim (it leaves the analysis)", "Curate"),
    Action("note-claim", "N", "note_claim", "note", "Write a note on the focused claim",
           "Curate"),
    Action("note-event", "ctrl+n", "note_event", "event note",
           "Write a note on the current event", "Curate"),
    Action("add-documents", "plus", "add_documents", "add docs",
           "Add files or folders to the case (only the new ones are read; events regrouped, "
           "your edits kept)", "Curate"),
    Action("accept-suggestion", "a", "accept_suggestion", "accept",
           "Accept the suggestion on screen ('maybe the same event as …')", "Curate"),
    Action("reject-suggestion", "A", "reject_suggestion", "reject",
           "Reject the suggestion on screen (the one a would accept)", "Curate"),
    Action("undo-edit", "u", "undo", "undo", "Undo the last edit (saved at once)", "Curate"),
    Action("redo-edit", "ctrl+r", "redo", "redo", "Redo the last undone edit", "Curate"),
    # Screens.
    Action("show-compare", "1", "show_screen('compare')", "compare", "Compare screen",
           "Screens", group=SCREEN_KEYS),
    Action("show-sources", "2", "show_screen('sources')", "sources", "Sources screen",
           "Screens", group=SCREEN_KEYS),
    Action("show-speakers", "3", "show_screen('speakers')", "speakers", "Speakers screen",
           "Screens", group=SCREEN_KEYS),
    Action("show-matrix", "4", "show_screen('matrix')", "matrix",
           "Matrix screen: events × perspectives", "Screens", group=SCREEN_KEYS),
    Action("export-report", "e", "export", "export",
           "Export the case as a report: Markdown, HTML, JSON or CSV", "Screens", show=True),
    Action("show-help", "question_mark", "help", "help", "This help", "Screens", show=True,
           key_display="?"),
    Action("open-palette", "ctrl+p", "command_palette", "palette",
           "Command palette: every action, and jump to any event", "Screens", "palette"),
    Action("quit", "q", "quit", "quit", "Quit perspecta", "Screens", show=True),
)

PALETTE_KEY = next(a.keys for a in ACTIONS if a.scope == "palette")


def bindings(scope: Scope) -> list[Binding]:
    """Bindings of one scope, in registry order."""
    return [a.binding() for a in ACTIONS if a.scope == scope]


def by_id(action_id: str) -> Action:
    """The registered action with this id."""
    return next(a for a in ACTIONS if a.id == action_id)
