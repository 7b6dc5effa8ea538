"""Fuzz the whole pipeline (ingest-free: documents -> claims -> groups -> every export).

Runs the property test of tests/test_properties.py with many more examples than CI does and
reports how many ran. Usage: python bench/fuzz.py [--examples 10000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    env = dict(os.environ, PERSPECTA_PROPERTY_EXAMPLES=str(args.examples))
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_properties.py", "--hypothesis-show-statistics"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    ran = [line.strip() for line in proc.stdout.splitlines() if "passing," in line]
    print(proc.stdout[-2000:] if proc.returncode else "\n".join(ran))
    print(f"examples requested: {args.examples}  wall: {elapsed:.1f} s  exit: {proc.returncode}")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
