"""`perspecta analyze`: the JSON contract, the text listing, errors and exit codes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from core.atomic import write_bytes_atomic
from core.cli import run
from tests.seedcase import ROOT, SEED

ARTICLE = (
    "Officials meet in Geneva\n\n"
    'Foreign Minister Anna Berg said the talks were "constructive [and] frank". '
    "She added that a second round would follow in March.\n"
)


def analyze_json(tmp_path: Path, *paths: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    out = tmp_path / "out.json"
    code = run(["analyze", *paths, "--format", "json", "--output", str(out)])
    return code, orjson.loads(out.read_bytes())


def test_analyze_json_follows_the_contract(tmp_path: Path) -> None:
    code, data = analyze_json(tmp_path, str(SEED))
    assert code == 0
    assert data["schema"] == "perspecta.analysis/1"
    for key in ("documents", "perspectives", "claims", "groups"):
        assert isinstance(data[key], list)
    doc = data["documents"][0]
    assert {"id", "path", "title"} <= doc.keys()
    assert data["claims"], "the seed has claims"
    perspective_ids = {p["id"] for p in data["perspectives"]}
    group_ids = {g["id"] for g in data["groups"]}
    for claim in data["claims"]:
        assert {"id", "document", "start", "end", "text", "speaker", "perspective", "group"} <= claim.keys()
        assert doc["text"][claim["start"] : claim["end"]] == claim["text"]
        assert claim["perspective"] is None or claim["perspective"] in perspective_ids
        assert claim["group"] is None or claim["group"] in group_ids


def test_offsets_index_the_file_as_read(tmp_path: Path) -> None:
    # CRLF line endings stay in the text: offsets index the file's characters exactly.
    src = tmp_path / "crlf.txt"
    src.write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    code, data = analyze_json(tmp_path, str(src))
    assert code == 0
    raw = src.read_bytes().decode()
    assert data["claims"]
    for claim in data["claims"]:
        assert raw[claim["start"] : claim["end"]] == claim["text"]


def test_bad_file_is_named_and_others_still_analysed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, data = analyze_json(tmp_path, str(good), str(bad), str(missing))
    assert code == 2
    err_lines = [line for line in capsys.readouterr().err.splitlines() if line]
    assert any("broken.json" in line for line in err_lines)
    assert any("missing.txt" in line for line in err_lines)
    assert all(line.startswith("perspecta: ") for line in err_lines)
    assert [d["path"] for d in data["documents"]] == [str(good)]
    assert data["claims"]


def test_hostile_text_passes_through_unchanged(tmp_path: Path) -> None:
    src = tmp_path / "hostile.txt"
    body = (
        'An official said "[US] diplomats were moved [provided by Americans]" on Monday. '
        "The note read <script>alert(1)</script> and [/] and [bold]x.\n"
    )
    src.write_text(body, encoding="utf-8")
    code, data = analyze_json(tmp_path, str(src))
    assert code == 0
    text = data["documents"][0]["text"]
    assert "[US] diplomats" in text and "<script>alert(1)</script>" in text and "[/]" in text
    joined = " ".join(c["text"] for c in data["claims"])
    assert "[US] diplomats" in joined and "[/]" in joined


def test_text_format_lists_claims(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", str(SEED), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "claims" in out and "Pompeo" in out
    # perspectives counted as the TUI and reports count them: the narration is not a side
    assert out.splitlines()[0].endswith(" · 5 perspectives"), out.splitlines()[0]
    assert "narration: author-mecra=MECRA" in out


def test_failed_write_keeps_previous_output(tmp_path: Path) -> None:
    target = tmp_path / "saved.json"
    target.write_bytes(b"previous work")



    # A write that fails half-way (here: the folder vanishes) must leave the old file intact.
    with pytest.raises(OSError):
        write_bytes_atomic(tmp_path / "no-such-dir" / "x.json", b"data")
    write_bytes_atomic(target, b"new work", backup=True)
    assert target.read_bytes() == b"new work"
    assert (tmp_path / "saved.json.bak").read_bytes() == b"previous work"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_unwritable_output_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["analyze", str(SEED), "--format", "json", "--output", str(tmp_path / "nope" / "out.json")])
    assert code == 2
    assert "out.json" in capsys.readouterr().err


def test_console_script_reads_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "from tui.main import main; main()", "analyze", "-", "--format", "json"],
        input=ARTICLE.encode(), capture_output=True, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    data = orjson.loads(proc.stdout)
    assert data["documents"][0]["path"] == "-"
    assert data["claims"]


def test_outputs_get_ordinary_file_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    write_bytes_atomic(target, b"{}")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_devices_are_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_bytes_atomic(fifo, b"through the pipe")
    assert reader.communicate(timeout=10)[0] == b"through the pipe"
    assert fifo.exists() and not fifo.is_file()
    assert run(["analyze", str(SEED), "--format", "json", "--output", os.devnull]) == 0
    assert Path(os.devnull).is_char_device()


def test_text_listing_names_events_readably_and_counts_in_good_english(
        capsys: pytest.CaptureFixture[str]) -> None:
    from core.cli import run as run_cli
    from tests.seedcase import SEED

    assert run_cli(["analyze", str(SEED), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 document · ") and "(1 claims)" not in out
    lines = out.split("== events\n", 1)[1].splitlines()
    events = [line for line in lines if line.startswith("  g")]
    assert events and all(re.search(r"\(\d+ claims?\)$", line) for line in events)
    assert any("[" in line and "·" in line for line in events)  # keywords after the name
    # under each event, its claims side by side: perspective · speaker: text [where]
    members = [line for line in lines if line.startswith("      ")]
    assert len(members) == sum(int(re.search(r"\((\d+) claims?\)$", e).group(1))  # type: ignore[union-attr]
                               for e in events)
    pompeo = next(line for line in members if "threats to our personnel" in line)
    assert pompeo.strip().startswith("United States · Mike Pompeo: ") and "212:695]" in pompeo


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(["--version"])
    assert exit_info.value.code == 0
    assert re.fullmatch(r"perspecta (\d+\.\d+\.\d+|unknown)\n", capsys.readouterr().out)
