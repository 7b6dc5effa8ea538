"""Shown while the analysis runs: a progress bar, the current step, how to cancel."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

from tui.render import one_line


class LoadingView(Vertical):
    """Progress of the analysis worker."""

    DEFAULT_CSS = """
    LoadingView { align: center middle; height: 1fr; }
    LoadingView > * { width: 60; max-width: 95%; height: auto; }
    LoadingView ProgressBar { margin: 1 0; }
    """

    def __init__(self, paths: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.paths = paths

    def compose(self) -> ComposeResult:
        shown = ", ".join(one_line(p) for p in self.paths[:3])
        if len(self.paths) > 3:
            shown += f" and {len(self.paths) - 3} more"
        yield Static(Text("Analysing ", "bold") + Text(shown), id="loading-paths")
        yield ProgressBar(total=1.0, show_eta=False, id="loading-bar")
        yield Static(Text("reading inputs", "dim"), id="loading-stage")
        yield Static(Text("Esc cancels · q quits", "dim"), id="loading-hint")

    def show_progress(self, stage: str, fraction: float) -> None:
        """Move the bar and name the step."""
        self.query_one(ProgressBar).update(progress=fraction)
        self.query_one("#loading-stage", Static).update(Text(one_line(stage), "dim"))

    def show_error(self, reason: str) -> None:
        """The analysis failed: say why."""
        self.query_one("#loading-stage", Static).update(
            Text("Analysis failed: ", "bold red") + Text(one_line(reason))
        )
        self.query_one("#loading-hint", Static).update(Text("q quits", "dim"))
