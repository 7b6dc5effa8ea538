"""Speed: `perspecta analyze seeds/` wall time (median of 5, Python start included) and the
throughput of analysing 100 PolNeAR articles (attribution + speakers, and the full pipeline).

Usage: python bench/speed.py [POLNEAR_PATH] [--repeat N] [--articles N] [--save F] [--compare F]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DATA, REPO, add_io_args, median_time, save_and_compare


def cli_time(repeat: int) -> tuple[float, list[float]]:
    exe = shutil.which("perspecta", path=str(REPO / ".venv" / "bin")) or "perspecta"

    def run() -> None:
        subprocess.run([exe, "analyze", "seeds/", "--format", "json", "-o", "/dev/null"],
                       cwd=REPO, check=False, stdout=subprocess.DEVNULL)

    return median_time(run, repeat)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DATA / "polnear"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--pipeline-repeat", type=int, default=1,
                        help="runs of the full pipeline (grouping included) to take the median of")
    add_io_args(parser)
    args = parser.parse_args()
    results: dict[str, float] = {}
    med, times = cli_time(args.repeat)
    results["cli_seeds_seconds"] = med
    print(f"perspecta analyze seeds/: median {med:.3f} s over {args.repeat} "
          f"(all: {', '.join(f'{t:.3f}' for t in times)}; target < 1 s)")
    root = Path(args.path)
    texts = sorted((root / "train" / "text").glob("*.txt"))[: args.articles]
    if not texts:
        print(f"skipped: PolNeAR not found at {root}")
    else:
        from core.attribution import attribute
        from core.ingest import ingest
        from core.pipeline import analyze_documents
        from core.speakers import resolve_speakers

        docs = ingest([str(t) for t in texts]).documents
        att, _ = median_time(lambda: resolve_speakers(attribute(docs), docs), 3)
        full, _ = median_time(lambda: analyze_documents(docs), args.pipeline_repeat)
        results["attribution_articles_per_second"] = len(docs) / att
        results["pipeline_articles_per_second"] = len(docs) / full
        print(f"{len(docs)} PolNeAR articles: attribution+speakers {len(docs) / att:.0f} "
              f"articles/s ({att:.3f} s), full pipeline {len(docs) / full:.0f} articles/s "
              f"({full:.3f} s) (medians of 3 and {args.pipeline_repeat})")
    save_and_compare(results, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
