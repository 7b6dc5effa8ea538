"""Issue 7, acceptance 2, end to end: one folder holding one of each bad kind of input next to
good files in awkward encodings. `perspecta analyze DIR --format json` (a real subprocess) must
exit 2, name each bad file on its own stderr line with its reason, print a summary, and the JSON
must hold every good file's claims at exact offsets (the same claims as the file analysed alone).

Also: the streamed JSON output is byte-identical to `Analysis.to_json()`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

import core.cli as cli
import core.pipeline as pipeline
from core.pipeline import analyze_paths
from tests.seedcase import ROOT

# Good files: (name, text, how the text is written as bytes). Each names speakers and claims.
GOOD: list[tuple[str, str, str]] = [
    ("plain.txt",
     "Iraq's foreign ministry said on Saturday it regretted the U.S. decision to close its "
     "consulate in Basra.\n\nA spokesman said in Baghdad that every mission would be protected.\n",
     "utf-8"),
    ("bom.txt",
     "Turkish officials said the border crossing at Habur would reopen on Monday.\n\n"
     "The governor said that trucks had waited for three days, according to local media.\n",
     "utf-8-sig"),
    ("utf16.txt",
     "Caf\u00e9 owners in Basra said the na\u00efve hopes of r\u00e9sum\u00e9d trade were gone.\n\n"
     "The port director said that exports had fallen by a third since June.\n",
     "utf-16"),
    ("windows.txt",
     "\u201cThe talks were useful,\u201d the Jordanian foreign minister said in Amman \u2014 "
     "the first meeting since the caf\u00e9 bombing.\n\n"
     "Diplomats said that a second round would follow in March.\n",
     "cp1252"),
    ("latin1.txt",
     "Z\u00fcrich prosecutors said the d\u00e9j\u00e0 vu case against the bank would go ahead.\n\n"
     "The bank said it would fight the charges in court.\n",
     "latin-1"),
    ("mixed_endings.txt",
     "Kuwait's oil minister said output would rise in April.\r\n\r\n"
     "Analysts said that prices could fall as a result.\n\n"
     "The ministry said the plan had been agreed with partners.\r",
     "utf-8"),
]
# Deep nesting: a good file 40 folders down.
DEEP = Path(*[f"level{i}" for i in range(40)]) / "deep.txt"
DEEP_TEXT = ("Egypt's president said the canal would stay open to all shipping.\n\n"
             "Officials said that traffic had returned to normal by the evening.\n")


def _bad_files(folder: Path) -> dict[str, str]:
    """Write one of each bad kind; return {relative path: expected words in its reason}."""
    bad: dict[str, str] = {}

    def put(name: str, data: bytes, reason: str) -> None:
        (folder / name).write_bytes(data)
        bad[name] = reason

    put("empty.txt", b"", "empty")
    put("blank.md", b"  \n\t\r\n  \n", "empty")
    put("binary.txt", b"Iraq said\x00\x01\x02\x00\x00 things\x00" * 20, "not text")
    put("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "not a supported text file (.pdf)")
    put("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "looks like a PDF document")
    put("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "not a supported text file (.png)")
    put("broken.html", b"<html><head><title>Oops</head><body><div><p>Share <b>Tweet</div></span",
        "no article text")
    put("broken.json", b'{"title": "Cut off", "text": "Officials said', "invalid JSON")
    # a symlink pointing at itself: reading it loops
    os.symlink("loop.txt", folder / "loop.txt")
    bad["loop.txt"] = "cannot read"
    if os.geteuid() != 0:  # root reads anything: permissions cannot be tested there
        locked = folder / "locked.txt"
        locked.write_text("The minister said the locked file was secret.\n", encoding="utf-8")
        locked.chmod(0)
        bad["locked.txt"] = "permission denied"
    return bad


def test_folder_with_every_bad_kind(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    expected_text: dict[str, str] = {}
    for name, text, encoding in GOOD:
        (folder / name).write_bytes(text.encode(encoding))
        expected_text[name] = text
    (folder / DEEP).parent.mkdir(parents=True)
    (folder / DEEP).write_text(DEEP_TEXT, encoding="utf-8")
    expected_text[str(DEEP)] = DEEP_TEXT
    # a folder symlink back to the top: the walk must not loop (nor read files twice)
    os.symlink("..", folder / "level0" / "back")
    bad = _bad_files(folder)
    out = tmp_path / "out.json"
    try:
        proc = subprocess.run(
            [sys.executable, "-c", "from tui.main import main; main()", "analyze", str(folder),
             "--format", "json", "--output", str(out)],
            capture_output=True, text=True, cwd=ROOT, timeout=120,
        )
    finally:
        if (folder / "locked.txt").exists():
            (folder / "locked.txt").chmod(0o644)

    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    assert all(line.startswith("perspecta: ") for line in lines), lines
    for name, reason in bad.items():
        named = [line for line in lines if line.startswith(f"perspecta: {folder / name}: ")]
        assert len(named) == 1, (name, lines)
        assert reason in named[0], (name, named[0])
    summary = [line for line in lines if line.startswith("perspecta: summary: ")]
    assert len(summary) == 1, lines
    skipped = sum(1 for reason in bad.values() if reason.startswith("not a supported"))
    assert summary[0] == (f"perspecta: summary: {len(bad) - skipped} failed, {skipped} skipped, "
                          f"{len(expected_text)} documents analysed")

    data = orjson.loads(out.read_bytes())
    docs = {Path(d["path"]).relative_to(folder).as_posix(): d for d in data["documents"]}
    assert set(docs) == {Path(name).as_posix() for name in expected_text}
    for name, text in expected_text.items():
        doc = docs[Path(name).as_posix()]
        assert doc["text"] == text, name  # decoded exactly: no BOM, line endings kept
        got = sorted((c["start"], c["end"], c["text"]) for c in data["claims"]
                     if c["document"] == doc["id"])
        for start, end, claim_text in got:
            assert text[start:end] == claim_text
        alone = analyze_paths([str(folder / name)])
        want = sorted((c.start, c.end, c.text) for c in alone.claims)
        assert want, f"{name} should yield claims"
        assert got == want, name


@pytest.mark.parametrize("chunk_items", [1, 3, 2000])
def test_streamed_json_is_byte_identical_to_to_json(chunk_items: int,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_JSON_CHUNK_ITEMS", chunk_items)
    analysis = analyze_paths([str(ROOT / "seeds"), str(ROOT / "fixtures" / "ingest")])
    assert analysis.claims and analysis.errors  # lists of every kind, non-empty
    assert b"".join(cli.analysis_json_chunks(analysis)) == analysis.to_json()


def test_windowed_grouping_streams_the_same_json_as_the_windowed_analysis(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [str(ROOT / "seeds"), str(ROOT / "fixtures" / "ingest")]
    whole = analyze_paths(paths)
    monkeypatch.setattr(pipeline, "GROUP_WINDOW_CLAIMS", 10)
    windowed = analyze_paths(paths)
    # the same claims and speakers; events only within windows, ids unique across windows
    assert [(c.id, c.speaker, c.perspective) for c in windowed.claims] == \
        [(c.id, c.speaker, c.perspective) for c in whole.claims]
    window_of = {c.id: k for k, w in enumerate(pipeline.claim_windows(whole.claims, 10))
                 for c in w}
    assert len({g.id for g in windowed.groups}) == len(windowed.groups) > len(whole.groups)
    for group in windowed.groups:
        assert len({window_of[c] for c in group.claims}) == 1
    assert {c.group for c in windowed.claims} == {g.id for g in windowed.groups}
    # the CLI writes each window as it is grouped: byte for byte the same JSON
    out = tmp_path / "windowed.json"
    assert cli.run(["analyze", *paths, "--format", "json", "--output", str(out)]) == 2
    assert out.read_bytes() == windowed.to_json()


def test_claim_windows_keep_documents_whole_and_cut_long_ones() -> None:
    claims = analyze_paths([str(ROOT / "seeds"), str(ROOT / "fixtures" / "ingest")]).claims
    windows = pipeline.claim_windows(claims, 12)
    assert [c.id for w in windows for c in w] == [c.id for c in claims]
    assert all(0 < len(w) <= 12 for w in windows)
    per_doc: dict[str, int] = {}
    for c in claims:
        per_doc[c.document] = per_doc.get(c.document, 0) + 1
    for w in windows:
        for doc, count in per_doc.items():
            inside = sum(1 for c in w if c.document == doc)
            # a document fits in one window, or it fills whole windows
            assert inside in (0, count) or count > 12
