"""Grouping at scale: `perspecta group` on 10k, 30k and 100k news sentences (wall time, peak RSS),
and chunked all-pairs rapidfuzz `process.cdist` at 5k/10k/20k for comparison.

    .venv/bin/python bench/scale.py [--data /work/shared/data] [--sizes 10000 30000 100000]
                                    [--cdist-sizes 5000 10000 20000] [--repeat 1]
                                    [--save F.json] [--compare F.json]

Sentences: every real sentence in the shared data (PolNeAR, BASIL, MRPC, ECB+), topped up to the
largest size with reprint-like copies (a word dropped or two neighbouring words swapped, as wire
copy is reprinted), shuffled with a fixed seed. Each size runs in a fresh subprocess; peak RSS is
that child's maximum resident set (from /usr/bin/time, else getrusage RUSAGE_CHILDREN).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import orjson
from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import save_and_compare
from bench.datasets import DEFAULT_DATA, NewsSentence, load_news_sentences

ROOT = Path(__file__).resolve().parent.parent


def reprint(text: str, rng: random.Random) -> str:
    """A reprint-like copy: one word dropped, or two neighbouring words swapped."""
    words = text.split()
    if len(words) < 4:
        return text + " (reprint)"
    k = rng.randrange(len(words) - 1)
    if rng.random() < 0.5:
        del words[k]
    else:
        words[k], words[k + 1] = words[k + 1], words[k]
    return " ".join(words)


def build_sentences(data: Path, total: int, seed: int = 7) -> list[NewsSentence]:
    real = load_news_sentences(data)
    rng = random.Random(seed)
    out = list(real)
    while len(out) < total:
        src = real[rng.randrange(len(real))]
        out.append(NewsSentence(reprint(src.text, rng), src.document + "/reprint", src.source))
    rng.shuffle(out)
    return out


def write_jsonl(sentences: Sequence[NewsSentence], path: Path) -> None:
    with open(path, "wb") as fh:
        for k, s in enumerate(sentences):
            fh.write(orjson.dumps({"id": f"s{k}", "text": s.text, "document": s.document}) + b"\n")


def perspecta_command() -> list[str]:
    script = Path(sys.executable).with_name("perspecta")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from core.cli import run; sys.exit(run(sys.argv[1:]))"]


def run_group(inp: Path, out: Path) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MB, CPU seconds) of one `perspecta group` run in a subprocess.
    CPU time (user + sys) is printed because the 2 cores are shared: wall time includes waiting."""
    cmd = [*perspecta_command(), "group", "--input", str(inp), "--output", str(out)]
    timer = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    t0 = time.perf_counter()
    if timer:
        proc = subprocess.run([timer, "-f", "%M %U %S", *cmd], capture_output=True, text=True,
                              cwd=ROOT)
        wall = time.perf_counter() - t0
        rss, user, system = proc.stderr.strip().splitlines()[-1].split()
        rss_kb, cpu = float(rss), float(user) + float(system)
    else:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        rss_kb = float(after.ru_maxrss)  # the largest child so far: sizes run in rising order
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"perspecta group failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return wall, rss_kb / 1024, cpu


def cdist_all_pairs(texts: Sequence[str], cutoff: float = 80.0, chunk: int = 1000) -> tuple[float, int]:
    """Chunked all-pairs token_sort_ratio with process.cdist: (seconds, pairs ≥ cutoff)."""
    processed = [" ".join(sorted(utils.default_process(t).split())) for t in texts]
    t0 = time.perf_counter()
    hits = 0
    for s in range(0, len(processed), chunk):
        # token_sort_ratio == ratio on pre-sorted token strings, at a fraction of the cost.
        m = process.cdist(processed[s : s + chunk], processed, scorer=fuzz.ratio,
                          score_cutoff=cutoff, workers=-1, dtype=np.uint8)
        hits += int(np.count_nonzero(m)) - min(chunk, len(processed) - s)
    return time.perf_counter() - t0, hits // 2


def growth(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """Exponent k in time ≈ c·n^k between the smallest and the largest size."""
    if len(sizes) < 2 or seconds[0] <= 0:
        return float("nan")
    return math.log(seconds[-1] / seconds[0]) / math.log(sizes[-1] / sizes[0])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--cdist-sizes", type=int, nargs="*", default=[5_000, 10_000, 20_000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args(argv)
    if not (args.data / "polnear").exists():
        print(f"skipped: {args.data / 'polnear'} not found")
        return 0
    total = max([*args.sizes, *args.cdist_sizes])
    sentences = build_sentences(args.data, total)
    real = sum(1 for s in sentences if not s.document.endswith("/reprint"))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{len(sentences)} sentences ({real} real, {len(sentences) - real} reprint-like copies)")
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        times: list[float] = []
        sizes = sorted(set(args.sizes) | set(args.cdist_sizes))
        for n in sizes:
            inp, out = Path(tmp) / f"in{n}.jsonl", Path(tmp) / f"out{n}.jsonl"
            write_jsonl(sentences[:n], inp)
            runs = [run_group(inp, out) for _ in range(args.repeat)]
            wall = statistics.median(r[0] for r in runs)
            rss = max(r[1] for r in runs)
            cpu = statistics.median(r[2] for r in runs)
            groups = len({orjson.loads(line)["group"] for line in out.read_bytes().splitlines()})
            print(f"perspecta group n={n:>6}: {wall:6.2f} s wall, {cpu:6.2f} s CPU (medians of "
                  f"{len(runs)}), peak RSS {rss:7.1f} MB, {groups} groups", flush=True)
            result[f"group_{n}_seconds"] = wall
            result[f"group_{n}_cpu_seconds"] = cpu
            result[f"group_{n}_rss_mb"] = rss
            if n in args.sizes:
                times.append(cpu)
            if n in args.cdist_sizes:
                secs, hits = cdist_all_pairs([s.text for s in sentences[:n]])
                print(f"  all-pairs process.cdist n={n:>6}: {secs:6.2f} s ({hits} pairs ≥ 80); "
                      f"blocking is {secs / wall:.1f}× faster", flush=True)
                result[f"cdist_{n}_seconds"] = secs
        main_sizes = [n for n in sizes if n in args.sizes]
        k = growth(main_sizes, times)
        print(f"CPU cost grows as n^{k:.2f} between n={main_sizes[0]} and n={main_sizes[-1]} "
              "(CPU time: wall time on 2 shared cores includes waiting for other processes)")
        result["growth_exponent"] = k
    try:
        from bench.grouping import TEST_TOPICS, ecb_f1, ecb_subset, load_ecbplus
        from core.models import Settings
        corpus = load_ecbplus(args.data / "ecbplus")
        test = ecb_subset(corpus, TEST_TOPICS)
        f_block = ecb_f1(test, corpus.documents, Settings())[2]
        f_all = ecb_f1(test, corpus.documents, Settings(), blocking=False)[2]
        from core.grouping import LARGE_INPUT, LARGE_INPUT_PARAMS
        f_large = ecb_f1(test, corpus.documents, Settings(extra=dict(LARGE_INPUT_PARAMS)))[2]
        print(f"ECB+ topics 23-35 F1: blocking {f_block:.3f}, all pairs {f_all:.3f} "
              f"(difference {f_block - f_all:+.3f}); with the large-input approximations "
              f"(used above {LARGE_INPUT} lines: {LARGE_INPUT_PARAMS}) {f_large:.3f}")
        result["ecb_test_f1_large_input_mode"] = f_large
        result["ecb_test_f1_blocking"] = f_block
        result["ecb_test_f1_all_pairs"] = f_all
    except FileNotFoundError:
        print("skipped ECB+ quality check: ecbplus not found")
    save_and_compare(result, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
