"""TUI speed: first paint vs a bare Textual app, and keypress-to-repaint on a 10k-claim case.

    .venv/bin/python bench/tui.py [POLNEAR_TEXT_DIR] [--runs N] [--save FILE] [--compare FILE]

1. First paint: time from building the app to the first rendered frame (headless, 120×40), for
   perspecta on fixtures/analysis/seed_like.json and for a bare App holding one DataTable,
   measured alternately in the same run. Target: ratio ≤ 1.3.
2. A case of 10k claims in 2k groups built from real PolNeAR sentences (synthetic speakers,
   perspectives and groups): median time from a keypress to the repainted frame for ↓ (next
   event), ] (next event from a claim column), / (open the filter) and one filter keystroke.
   Target: ≤ 50 ms. Skipped cleanly when the PolNeAR folder is absent.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import DataTable, Footer  # noqa: E402

from core.models import (  # noqa: E402
    Analysis,
    Claim,
    ClaimKind,
    Document,
    Group,
    Link,
    MatchedTerm,
    Perspective,
    Speaker,
)
from tui.app import create_app  # noqa: E402

DEFAULT_POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
SEED_LIKE = ROOT / "fixtures" / "analysis" / "seed_like.json"
SIZE = (120, 40)
SENTENCE = re.compile(r"[^.!?\n]{30,400}[.!?]")
PERSPECTIVES = ["United States", "Iran", "Iraq", "United Kingdom", "Russia", "Analysts",
                "Press", "United Nations"]


class BareTableApp(App[None]):
    """The baseline: a Textual app with one DataTable and a footer."""

    def compose(self) -> ComposeResult:
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("event", "n", "who")
        for row in range(12):
            table.add_row(f"event {row}", str(row), "1/5")


async def first_paint(make: Any) -> float:
    started = time.perf_counter()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        elapsed = time.perf_counter() - started
    return elapsed


def build_big_case(folder: Path, claims_wanted: int = 10_000, group_size: int = 5) -> Analysis:
    """10k real sentences as claims, 2k groups of consecutive sentences, 8 perspectives."""
    documents: list[Document] = []
    claims: list[Claim] = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc_id = f"d{len(documents):05d}"
        outlet = path.name.split("_", 1)[0]
        documents.append(Document(id=doc_id, path=str(path), title=path.stem, outlet=outlet,
                                  text=text, sha256="0" * 64))
        for match in SENTENCE.finditer(text):
            index = len(claims)
            perspective = f"p{index % len(PERSPECTIVES)}"
            kind = (ClaimKind.DIRECT, ClaimKind.INDIRECT, ClaimKind.NARRATION)[index % 3]
            claims.append(Claim(
                id=f"{doc_id}:{match.start()}-{match.end()}", document=doc_id,
                start=match.start(), end=match.end(), text=match.group(), kind=kind,
                speaker=f"Speaker {index % 400}", speaker_id=f"s{index % 400}",
                perspective=perspective, group=f"g{index // group_size}",
                hedges=["may"] if " may " in match.group() else [],
            ))
            if len(claims) >= claims_wanted:
                break
        if len(claims) >= claims_wanted:
            break
    groups: dict[str, Group] = {}
    for claim in claims:
        assert claim.group is not None
        group = groups.setdefault(claim.group, Group(id=claim.group, label=" ".join(
            claim.text.split()[:5]), claims=[]))
        if group.claims:
            group.links.append(Link(a=group.claims[-1], b=claim.id, score=0.6,
                                    terms=[MatchedTerm(a="term", b="term", weight=0.6)]))
        group.claims.append(claim.id)
    speakers = [Speaker(id=f"s{i}", name=f"Speaker {i}", perspective=f"p{i % len(PERSPECTIVES)}")
                for i in range(400)]
    perspectives = [Perspective(id=f"p{i}", label=label, kind="government")
                    for i, label in enumerate(PERSPECTIVES)]
    return Analysis(title="PolNeAR bench case", documents=documents, perspectives=perspectives,
                    speakers=speakers, claims=claims, groups=list(groups.values()))


async def bare_keypress_times(presses: int) -> list[float]:
    """The baseline: ↓ in a bare DataTable of 2k rows (how fast this machine repaints)."""
    app = BareTableApp()
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(DataTable)
        for row in range(2000):
            table.add_row(f"row {row}", str(row), "1/5")
        await pilot.pause()
        for _ in range(presses):
            started = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            times.append((time.perf_counter() - started) * 1000)
    return times


async def keypress_times(analysis: Analysis, presses: int) -> dict[str, list[float]]:
    """Milliseconds from key to repainted frame, per key."""
    times: dict[str, list[float]] = {"unbound key": [], "down": [], "]": [], "/": [],
                                     "filter keystroke": []}
    app = create_app(analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        async def timed(key: str, name: str) -> None:
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()  # forces the repaint of the screen
            times[name].append((time.perf_counter() - started) * 1000)

        for _ in range(presses):
            # The harness's own cost: a key nothing is bound to (press, wait, repaint).
            await timed("f12", "unbound key")
        for _ in range(presses):
            await timed("down", "down")
        await pilot.press("right")
        for _ in range(presses):
            await timed("right_square_bracket", "]")
        for index in range(presses):
            await timed("slash", "/")
            await timed("abcdefghijklmnopqrstuvwxyz"[index % 26], "filter keystroke")
            await pilot.press("escape")
            await pilot.pause()
    return times


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("polnear", nargs="?", default=str(DEFAULT_POLNEAR),
                        help="folder of PolNeAR .txt files (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=7, help="first-paint runs per app")
    parser.add_argument("--presses", type=int, default=20, help="presses per key")
    parser.add_argument("--save", help="write the results as JSON")
    parser.add_argument("--compare", help="compare with an earlier --save file")
    args = parser.parse_args(argv)

    seed = Analysis.from_json(SEED_LIKE.read_bytes())
    bare: list[float] = []
    ours: list[float] = []
    asyncio.run(first_paint(BareTableApp))  # warm imports and caches for both
    asyncio.run(first_paint(lambda: create_app(analysis=seed)))
    for _ in range(args.runs):
        bare.append(asyncio.run(first_paint(BareTableApp)))
        ours.append(asyncio.run(first_paint(lambda: create_app(analysis=seed))))
    result: dict[str, Any] = {
        "first_paint_bare_ms": round(median(bare) * 1000, 1),
        "first_paint_seed_ms": round(median(ours) * 1000, 1),
    }
    result["first_paint_ratio"] = round(result["first_paint_seed_ms"] /
                                        result["first_paint_bare_ms"], 2)
    print(f"first paint (median of {args.runs}, {SIZE[0]}x{SIZE[1]}): "
          f"bare DataTable app {result['first_paint_bare_ms']} ms, "
          f"perspecta on the seed {result['first_paint_seed_ms']} ms, "
          f"ratio {result['first_paint_ratio']} (target ≤ 1.3)")

    folder = Path(args.polnear)
    if not folder.is_dir():
        print(f"skipped: 10k-claim case: {folder} not found")
    else:
        started = time.perf_counter()
        big = build_big_case(folder)
        build_s = time.perf_counter() - started
        print(f"10k case: {len(big.claims)} claims, {len(big.groups)} groups, "
              f"{len(big.documents)} documents (built in {build_s:.1f} s)")
        started = time.perf_counter()
        asyncio.run(first_paint(lambda: create_app(analysis=big)))
        result["first_paint_10k_ms"] = round((time.perf_counter() - started) * 1000, 1)
        bare_keys = asyncio.run(bare_keypress_times(args.presses))
        result["key_bare_down_median_ms"] = round(median(bare_keys), 1)
        print(f"  baseline: ↓ in a bare 2k-row DataTable app: median {median(bare_keys):.1f} ms")
        times = asyncio.run(keypress_times(big, args.presses))
        harness = median(times["unbound key"])
        for key, values in times.items():
            result[f"key_{key}_median_ms"] = round(median(values), 1)
            result[f"key_{key}_p90_ms"] = round(sorted(values)[int(len(values) * 0.9)], 1)
            net = "" if key == "unbound key" else f", net of harness {median(values) - harness:6.1f} ms"
            print(f"  {key:>16}: median {median(values):6.1f} ms, "
                  f"p90 {result[f'key_{key}_p90_ms']:6.1f} ms{net} over {len(values)} presses")
            if key != "unbound key":
                result[f"key_{key}_net_median_ms"] = round(median(values) - harness, 1)
        print("  target: ≤ 50 ms per key")
        print(f"  first paint of the 10k case: {result['first_paint_10k_ms']} ms")

    if args.compare:
        earlier = orjson.loads(Path(args.compare).read_bytes())
        for key, value in result.items():
            if key in earlier and isinstance(value, int | float):
                print(f"  {key}: {earlier[key]} -> {value}")
    if args.save:
        Path(args.save).write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
