"""Which screen is shown: Compare, Sources, Speakers, Matrix (or the loading view).

Compare's panes are children of the screen itself, not of the switcher: every level of nesting
costs Textual a round of mounting before the first frame (a flat Compare paints its first frame
in about two thirds of the time of the nested one; bench/tui.py). The switcher holds the other
screens and stands in for Compare as the id "compare".
"""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.widgets import ContentSwitcher

COMPARE = "compare"
# The class that marks Compare's panes (children of the screen, beside the switcher).
COMPARE_PART = "compare-part"


class ScreenSwitcher(ContentSwitcher):
    """A ContentSwitcher whose "compare" content is the screen's `.compare-part` widgets.

    Setting `current = "compare"` hides the switcher and shows those widgets; any other id
    shows that child of the switcher and hides Compare. The app sets the panes' initial display
    in compose (no frame with both shown); ContentSwitcher's own mount handler then shows only
    the `initial` child (none, for "compare").
    """

    DEFAULT_CSS = """
    ScreenSwitcher { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, initial: str | None = None) -> None:
        super().__init__(id=id, initial=initial)
        self.display = initial != COMPARE

    def watch_current(self, old: str | None, new: str | None) -> None:
        with self.app.batch_update():
            for child in self.children:
                child.display = child.id == new
            if new not in (None, COMPARE) and not any(c.id == new for c in self.children):
                raise NoMatches(f"No screen with id {new!r}")
            self.display = new != COMPARE
            parent = self.parent
            if parent is not None:
                for part in parent.query_children(f".{COMPARE_PART}"):
                    part.display = new == COMPARE
