"""The HTML report in a real browser: headless Chromium renders it at desktop and phone widths,
with no console errors and no network request made by the page.

Chromium runs as a plain subprocess (no driver library): `--screenshot` renders the page,
`--enable-logging=stderr` prints console messages as `CONSOLE` lines, and `--log-net-log`
records every request the browser makes. Requests started by the page carry the page's origin
(file://) as their network isolation key; the browser's own background traffic does not.

Outside CI the tests skip when no Chromium is installed (`apt-get install chromium`); with the
CI environment variable set a missing browser is a failure. Set PERSPECTA_SCREENSHOTS=DIR to
keep the screenshots for a look by eye.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest

from core.export import export_analysis
from tests.reportcase import GENERATED, fixed_analysis
from tests.seedcase import seed_analysis

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DESKTOP = (1280, 2000)
PHONE = (390, 2000)


def find_browser() -> str | None:
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="module")
def browser() -> str:
    found = find_browser()
    if found is None:
        message = "no Chromium found (install the Debian package `chromium`)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: .ci/run should have installed it")
        pytest.skip(message)
    return found


@dataclass
class Rendered:
    png: bytes
    console: list[str]
    page_requests: list[str]
    log: str


def render(browser: str, page: Path, size: tuple[int, int], work: Path) -> Rendered:
    """Load `page` in headless Chromium, screenshot it, collect console lines and requests."""
    work.mkdir(parents=True, exist_ok=True)
    shot, netlog = work / "shot.png", work / "net.json"
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--hide-scrollbars", "--mute-audio", f"--user-data-dir={work / 'profile'}",
        "--enable-logging=stderr", "--v=0", f"--log-net-log={netlog}",
        f"--screenshot={shot}", f"--window-size={size[0]},{size[1]}", page.as_uri(),
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    return Rendered(shot.read_bytes(), console, page_requests(netlog), proc.stderr)


def page_requests(netlog: Path) -> list[str]:
    """URLs of requests whose network isolation key is the page's file:// origin."""
    data = orjson.loads(netlog.read_bytes())
    start_job = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in data["events"]:
        params = event.get("params") or {}
        if event.get("type") != start_job or "url" not in params:
            continue
        if str(params.get("network_isolation_key", "")).startswith("file://"):
            urls.append(params["url"])
    return [u for u in urls if not u.startswith("file:")]


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def keep(png: bytes, name: str) -> None:
    folder = os.environ.get("PERSPECTA_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / name).write_bytes(png)


@pytest.mark.parametrize("case", ["seed_like", "hostile"])
@pytest.mark.parametrize(("width", "height"), [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_report_renders_cleanly(
    browser: str, tmp_path: Path, case: str, width: int, height: int
) -> None:
    page = tmp_path / f"{case}.html"
    page.write_bytes(export_analysis(fixed_analysis(case), "html", generated=GENERATED))
    shown = render(browser, page, (width, height), tmp_path / "run")
    keep(shown.png, f"{case}-{width}.png")
    assert png_size(shown.png) == (width, height)
    # A blank page compresses to a few kB; the report's text does not.
    assert len(shown.png) > 30_000
    assert shown.console == [], "console messages:\n" + "\n".join(shown.console)
    assert shown.page_requests == [], f"the page made requests: {shown.page_requests}"


def test_real_seed_report_renders_cleanly(browser: str, tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    page.write_bytes(export_analysis(seed_analysis(), "html"))
    shown = render(browser, page, DESKTOP, tmp_path / "run")
    keep(shown.png, "seed-pipeline-1280.png")
    assert shown.console == [] and shown.page_requests == []


def test_the_checks_catch_a_bad_page(browser: str, tmp_path: Path) -> None:
    # Guards the guard: a page with a script error and an external image must be flagged.
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><body><p>bad</p><img src="http://example.invalid/x.png">'
        "<script>console.error('boom'); notDefined();</script></body></html>",
        encoding="utf-8",
    )
    shown = render(browser, page, (400, 300), tmp_path / "run")
    assert any("boom" in line for line in shown.console)
    assert any("notDefined" in line for line in shown.console)
    assert "http://example.invalid/x.png" in shown.page_requests
