"""Big inputs: one ~50 MB text file and a folder of 5,000 files, built from real PolNeAR text.

Runs `perspecta analyze` on each in a subprocess and reports wall time, peak RSS (target
≤ 2 GB, issue 7) and the number of claims. The inputs are generated in a temporary folder and
deleted afterwards; nothing is copied into the repo.

    python bench/hardening.py [--data ../shared/data] [--megabytes 50] [--files 5000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DATA, add_io_args, save_and_compare

TARGET_RSS_MB = 2048


def polnear_texts(data: Path) -> list[str]:
    folder = data / "polnear"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*/text/*.txt"))]


def run_analyze(paths: list[Path], out: Path) -> dict[str, float]:
    """Run `perspecta analyze` on `paths`; wall time and this child's own peak RSS (os.wait4:
    RUSAGE_CHILDREN would give the maximum over every child run so far)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from tui.main import main; main()", "analyze",
             *map(str, paths), "--format", "json", "--output", str(out)],
            stdout=subprocess.DEVNULL, stderr=err, cwd=Path(__file__).resolve().parent.parent,
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 2):
        print(stderr[-2000:])
    notes = [line for line in stderr.splitlines() if "note:" in line or "summary:" in line]
    for line in notes:
        print("  " + line)
    claims = out.read_bytes().count(b'"kind":') if out.exists() else 0
    return {"wall_s": wall, "peak_rss_mb": usage.ru_maxrss / 1024, "exit": proc.returncode,
            "claims_approx": claims}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--megabytes", type=float, default=50.0, help="0 skips the big file")
    parser.add_argument("--files", type=int, default=5000, help="0 skips the folder")
    add_io_args(parser)
    args = parser.parse_args()
    if not (args.data / "polnear").exists():
        print(f"skipped: {args.data / 'polnear'} not found")
        return 0
    texts = polnear_texts(args.data)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "many"
        folder.mkdir()
        for i in range(args.files):
            sub = folder / f"part{i // 500:02d}"
            sub.mkdir(exist_ok=True)
            # a suffix keeps every file distinct (identical files are skipped as duplicates)
            (sub / f"article{i:05d}.txt").write_text(texts[i % len(texts)] + f"\n\n(copy {i})\n",
                                                     encoding="utf-8")
        if args.files:
            results["folder"] = run_analyze([folder], root / "folder.json")
            print(f"{args.files} files: {results['folder']['wall_s']:.1f} s wall, peak RSS "
                  f"{results['folder']['peak_rss_mb']:.0f} MB (target ≤ {TARGET_RSS_MB} MB), "
                  f"exit {results['folder']['exit']}", flush=True)
        if not args.megabytes:
            save_and_compare(results, args)
            return 0
        big = root / "big.txt"
        target = int(args.megabytes * 1024 * 1024)
        with big.open("w", encoding="utf-8") as fh:
            written, i = 0, 0
            while written < target:
                chunk = texts[i % len(texts)] + "\n\n"
                fh.write(chunk)
                written += len(chunk.encode("utf-8"))
                i += 1
        results["big_file"] = run_analyze([big], root / "big.json")
        print(f"{args.megabytes:g} MB file: {results['big_file']['wall_s']:.1f} s wall, peak RSS "
              f"{results['big_file']['peak_rss_mb']:.0f} MB (target ≤ {TARGET_RSS_MB} MB), "
              f"exit {results['big_file']['exit']}")
    save_and_compare(results, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
