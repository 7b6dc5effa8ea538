"""`perspecta group`: JSONL in, {id, group} out; topics isolate; bad lines are reported."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from core.cli import run
from tests.test_grouping import FIXTURES

CONSULATE = "Washington closed its consulate in Basra after rocket fire by militias."


def write_lines(path: Path, items: list[dict[str, str] | str]) -> Path:
    path.write_text("\n".join(i if isinstance(i, str) else orjson.dumps(i).decode() for i in items)
                    + "\n")
    return path


def group(tmp_path: Path, src: Path) -> tuple[int, dict[str, str]]:
    out = tmp_path / "out.jsonl"
    code = run(["group", "--input", str(src), "--output", str(out)])
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()] if out.exists() else []
    for row in rows:
        assert set(row) == {"id", "group"}
    return code, {r["id"]: r["group"] for r in rows}


def test_topics_are_never_grouped_together(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [
        {"id": "1", "text": CONSULATE, "topic": "iraq"},
        {"id": "2", "text": CONSULATE, "topic": "iraq"},
        {"id": "3", "text": CONSULATE, "topic": "syria"},
        {"id": "4", "text": CONSULATE},
    ])
    code, groups = group(tmp_path, src)
    assert code == 0
    assert groups["1"] == groups["2"]
    assert groups["3"] != groups["1"] and groups["4"] not in (groups["1"], groups["3"])


def test_fixture_case_groups_by_event(tmp_path: Path) -> None:
    code, groups = group(tmp_path, FIXTURES / "two_events.jsonl")
    assert code == 0 and len(groups) == 11
    assert groups["a1"] == groups["b1"]
    assert groups["a1"] != groups["c1"]


def test_bad_lines_are_reported_and_the_rest_is_grouped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_lines(tmp_path / "in.jsonl", [
        {"id": "1", "text": CONSULATE},
        "{not json",
        {"id": "3"},
        '["a list"]',
        {"id": "1", "text": "a duplicate id"},
        {"id": "6", "text": CONSULATE, "document": "wire"},
    ])
    code, groups = group(tmp_path, src)
    assert code == 2
    assert set(groups) == {"1", "6"} and groups["1"] == groups["6"]
    err = capsys.readouterr().err
    assert f"{src}:2: invalid JSON" in err
    assert f"{src}:3: missing 'text'" in err
    assert f"{src}:4: expected a JSON object" in err
    assert f"{src}:5: duplicate id" in err
    assert len(err.strip().splitlines()) == 4


def test_empty_input_gives_empty_output(tmp_path: Path) -> None:
    src = tmp_path / "empty.jsonl"
    src.write_text("\n\n")
    code, groups = group(tmp_path, src)
    assert code == 0 and groups == {}
    assert (tmp_path / "out.jsonl").read_bytes() == b""


def test_one_claim_is_one_group(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "one.jsonl", [{"id": "x", "text": CONSULATE}])
    code, groups = group(tmp_path, src)
    assert code == 0 and list(groups) == ["x"] and groups["x"]


def test_missing_input_file_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["group", "--input", str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o")])
    assert code == 2
    assert "nope.jsonl: cannot read input" in capsys.readouterr().err


def test_group_reads_standard_input(tmp_path: Path) -> None:
    import subprocess
    import sys

    lines = b"".join(orjson.dumps({"id": i, "text": CONSULATE}) + b"\n" for i in ("a", "b"))
    proc = subprocess.run(
        [sys.executable, "-c", "from tui.main import main; main()", "group", "--input", "-",
         "--output", "-"], input=lines, capture_output=True, cwd=Path(__file__).parent.parent,
        check=False)
    assert proc.returncode == 0, proc.stderr
    rows = [orjson.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"] and rows[0]["group"] == rows[1]["group"]


@pytest.mark.parametrize("value", ["-1", "5", "x", "nan"])
def test_thresholds_outside_0_to_1_are_usage_errors(
        tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_lines(tmp_path / "in.jsonl", [{"id": "1", "text": CONSULATE}])
    with pytest.raises(SystemExit) as info:
        run(["group", "--input", str(src), "--output", "-", "--merge-threshold", value])
    assert info.value.code == 64
    assert "--merge-threshold" in capsys.readouterr().err
