"""perspecta never opens a network socket: analysis, grouping, case files and every export."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import trafilatura  # noqa: F401  (imported before sockets are refused: its import is not under test)

from core.case import case_from_analysis, load_case, save_case
from core.export import FORMATS, export_analysis
from core.pipeline import analyze_paths
from tests.seedcase import ROOT


class SocketOpened(AssertionError):
    pass


def test_no_socket_is_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise SocketOpened(f"a socket was opened: {args!r}")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    html = tmp_path / "page.html"
    html.write_text(
        "<html><head><title>T</title><link rel='stylesheet' href='https://example.com/x.css'>"
        "<script src='https://example.com/a.js'></script></head><body><article><p>The minister "
        "said the talks in Geneva were useful and would resume on Monday.</p><img "
        "src='https://example.com/i.png'></article></body></html>",
        encoding="utf-8",
    )
    analysis = analyze_paths([ROOT / "seeds", html])
    for fmt in FORMATS:
        export_analysis(analysis, fmt)
    case_path = tmp_path / "c.perspecta.json"
    save_case(case_path, case_from_analysis(analysis))
    load_case(case_path)
