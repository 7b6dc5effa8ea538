"""Reports: content, escaping of hostile text in every format, CSV rules, schema, CLI export."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from markdown_it import MarkdownIt

from core.cli import run
from core.compare import UNGROUPED_LABEL
from core.export import FORMATS, export_analysis, format_for_path
from core.models import Analysis, Claim, ClaimKind, Document, Group, Link, Perspective, Speaker
from core.report_common import format_score, visible_controls
from core.report_csv import COLUMNS, neutralise
from core.report_markdown import md_escape
from core.schema import SCHEMA_FILE, analysis_schema, schema_json
from tests.reportcase import GENERATED, ROOT, fixed_analysis, hostile_strings, parse_html
from tests.seedcase import SEED, seed_analysis

# Tags the HTML report itself writes; anything else in the output came from user text.
HTML_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "a", "main", "section",
    "h1", "h2", "h3", "p", "div", "span", "table", "thead", "tbody", "tr", "th", "td", "ul",
    "li", "article", "blockquote", "bdi", "strong", "i", "br", "footer",
}
# Tags markdown-it makes from the Markdown report's own syntax (`<br>` is ours, raw).
MARKDOWN_TAGS = {"h1", "h2", "h3", "p", "em", "strong", "table", "thead", "tbody", "tr", "th",
                 "td", "ul", "li", "br"}


def markdown_to_html(text: str) -> str:
    # Raw HTML on and GFM autolinks on: the strictest reader for escaping mistakes.
    return MarkdownIt("gfm-like", {"html": True}).render(text)


def cell_text(text: str) -> str:
    """What a cell shows of user text: controls made visible, lines joined, ends trimmed."""
    return " ".join(line.strip() for line in visible_controls(text).strip().splitlines())


# ---- a case made of hostile strings in every field a report shows ----------------------

# The shared hostile list plus quotes and commas, which matter most to CSV.
QUOTES_AND_COMMAS = ['He said "quotes", then left', 'commas, everywhere,,', "'single' quotes"]


def all_hostile() -> list[str]:
    return hostile_strings() + QUOTES_AND_COMMAS


def hostile_case() -> Analysis:
    strings = all_hostile()
    text = "\n\n".join(strings)
    doc = Document(id="dhostile", path="<b>x</b>|y.txt", title=strings[7], outlet=strings[0],
                   published="2018-09-29", url="javascript:alert(1)", text=text, sha256="0")
    perspectives = [Perspective(id=f"p{i}", label=s, kind="government") for i, s in enumerate(strings[:4])]
    claims: list[Claim] = []
    position = 0
    for i, s in enumerate(strings):
        start = text.index(s, position)
        position = start + len(s)
        claims.append(Claim(
            id=f"c{i}", document=doc.id, start=start, end=position, text=s,
            kind=[ClaimKind.DIRECT, ClaimKind.INDIRECT][i % 2], speaker=strings[-1 - i],
            role=strings[(i + 3) % len(strings)], anonymous=i % 3 == 0,
            via=[strings[(i + 5) % len(strings)]], cue=strings[(i + 7) % len(strings)],
            hedges=[strings[(i + 9) % len(strings)]], perspective=f"p{i % 4}",
            group="g0" if i < 10 else "g1", note=strings[(i + 11) % len(strings)],
        ))
    groups = [
        Group(id="g0", label=strings[10], claims=[c.id for c in claims[:10]],
              suggestions=[Link(a="c0", b="c12", score=0.4, tier="suggest")], note=strings[16]),
        Group(id="g1", label=strings[12], claims=[c.id for c in claims[10:]]),
    ]
    speakers = [Speaker(id=f"s{i}", name=s, role=strings[i + 1], perspective="p1")
                for i, s in enumerate(strings[:3])]
    return Analysis(title=strings[7], documents=[doc], perspectives=perspectives,
                    speakers=speakers, claims=claims, groups=groups)


def test_hostile_text_is_inert_and_verbatim_in_html() -> None:
    analysis = hostile_case()
    page = export_analysis(analysis, "html", generated=GENERATED).decode()
    parsed = parse_html(page)
    assert {tag for tag, _ in parsed.tags} <= HTML_TAGS
    for _, attrs in parsed.tags:
        for name, value in attrs:
            assert not name.startswith("on")
            assert not (value or "").lower().startswith("javascript:")
    shown = "".join(parsed.text)
    for s in all_hostile():
        assert visible_controls(s.strip()) in shown, s
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "He said &quot;quotes&quot;, then left" in page


def test_hostile_text_is_inert_and_verbatim_in_markdown() -> None:
    analysis = hostile_case()
    report = export_analysis(analysis, "md", generated=GENERATED).decode()
    rendered = markdown_to_html(report)
    parsed = parse_html(rendered)
    assert {tag for tag, _ in parsed.tags} <= MARKDOWN_TAGS, "user text became markup or a link"
    shown = "".join(parsed.text)
    for s in all_hostile():
        expected = cell_text(s)
        if "\u202e" in s or "\u200f" in s:
            expected = "\u2068" + expected + "\u2069"  # isolated so the override cannot leak
        assert expected in shown.replace("\n", " "), s


def test_markdown_tables_keep_their_columns_with_pipes_and_newlines() -> None:
    analysis = hostile_case()
    rendered = markdown_to_html(export_analysis(analysis, "md", generated=GENERATED).decode())
    for table in rendered.split("<table>")[1:]:
        body = table.split("</table>")[0]
        header = len(re.findall(r"<th[ >]", body.split("</thead>")[0]))
        for row in body.split("<tbody>")[1].split("<tr>")[1:]:
            assert len(re.findall(r"<td[ >]", row)) == header


def test_hostile_text_round_trips_through_csv_and_json() -> None:
    analysis = hostile_case()
    data = export_analysis(analysis, "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(COLUMNS)
    by_id = {row[COLUMNS.index("claim_id")]: row for row in rows[1:]}
    for claim in analysis.claims:
        row = by_id[claim.id]
        assert row[COLUMNS.index("text")] == neutralise(claim.text)
        assert row[COLUMNS.index("speaker")] == neutralise(claim.speaker or "")
        assert (int(row[COLUMNS.index("start")]), int(row[COLUMNS.index("end")])) == (
            claim.start, claim.end)
    raw = data.decode("utf-8-sig")
    assert '"He said ""quotes"", then left"' in raw  # RFC 4180: quoted, inner quotes doubled
    assert '"commas, everywhere,,"' in raw
    again = Analysis.from_json(export_analysis(analysis, "json"))
    assert again == analysis
    assert [c.text for c in again.claims] == all_hostile()


def test_csv_is_rfc4180_with_bom() -> None:
    data = export_analysis(fixed_analysis("hostile"), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n")
    # A field with a comma, quote or newline is quoted with inner quotes doubled.
    assert '"$(rm -rf ~) `uname` %s %d {0} {name}"' not in text  # no comma: unquoted
    assert '"line one\nline two\n\nline four"' in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == len(fixed_analysis("hostile").claims) + 1
    assert all(len(row) == len(COLUMNS) for row in rows)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx",
                                   '=HYPERLINK("http://x","y")'])
def test_csv_neutralises_formulas(value: str) -> None:
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["1+1", "a=b", "", "'quoted", "Iran"])
def test_csv_keeps_plain_text(value: str) -> None:
    assert neutralise(value) == value


def test_csv_formula_in_claim_is_neutralised_in_output() -> None:
    analysis = fixed_analysis("seed_like").model_copy(deep=True)
    analysis.claims[0].speaker = "=cmd|' /C calc'!A0"
    data = export_analysis(analysis, "csv").decode("utf-8-sig")
    row = next(csv.reader(io.StringIO(data.splitlines()[1] + "\r\n")))
    assert row[COLUMNS.index("speaker")] == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize(("raw", "escaped"), [
    ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
    ("[US] diplomats", r"\[US\] diplomats"),
    ("a | b", r"a \| b"),
    ("**x** _y_", r"\*\*x\*\* \_y\_"),
    ("- item", r"\- item"),
    ("1. first", r"1\. first"),
    ("see https://x.org", r"see https\://x.org"),
])
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


def test_md_escape_in_cells_keeps_line_breaks() -> None:
    assert md_escape("one\ntwo", cell=True) == "one<br>two"
    assert md_escape("one\ntwo") == "one two"


# ---- content ------------------------------------------------------------------------

def test_report_content_on_the_seed_like_case() -> None:
    analysis = fixed_analysis("seed_like")
    report = export_analysis(analysis, "md", generated=GENERATED).decode()
    doc = analysis.documents[0]
    assert doc.title and doc.outlet and doc.published
    assert md_escape(doc.title) in report and md_escape(doc.outlet) in report
    for perspective in analysis.perspectives:
        assert md_escape(perspective.label) in report
    for speaker in analysis.speakers:
        assert md_escape(speaker.name) in report
    for group in analysis.groups:
        assert md_escape(group.label) in report
    # Every claim appears with its provenance: source label and exact offsets.
    for claim in analysis.claims:
        assert f"(S1 {claim.start}–{claim.end})" in report
    for heading in ("## Sources", "## Perspectives", "## Events", "## Coverage", "## Method"):
        assert heading in report
    assert "Silent on this event:" in report
    settings = analysis.settings  # the thresholds come from the analysis
    assert f"merge threshold {format_score(settings.merge_threshold)}" in report
    assert f"suggest threshold {format_score(settings.suggest_threshold)}" in report
    assert "Suggested but not merged" in report


def test_event_table_has_one_column_per_speaking_perspective() -> None:
    analysis = fixed_analysis("seed_like")
    page = export_analysis(analysis, "html", generated=GENERATED).decode()
    labels = {p.id: p.label for p in analysis.perspectives}
    for group in analysis.groups:
        speaking = {c.perspective for c in analysis.claims if c.group == group.id}
        section = page.split(f"{group.label}</h3>".replace("'", "&#x27;"))[1].split("</article>")[0]
        header = section.split("</thead>")[0]
        assert len(re.findall(r"<th[ >]", header)) == len(speaking), group.label
        for pid in speaking:
            assert f">{labels[pid]}</th>" in header


def test_direct_quotes_are_marked_apart_from_paraphrase() -> None:
    page = export_analysis(fixed_analysis("seed_like"), "html", generated=GENERATED).decode()
    assert '<div class="claim k-direct">' in page and '<blockquote class="text' in page
    assert '<div class="claim k-indirect">' in page and '<div class="claim k-narration">' in page
    assert page.count("<blockquote") == sum(
        1 for c in fixed_analysis("seed_like").claims if c.kind is ClaimKind.DIRECT)


def test_html_is_self_contained() -> None:
    page = export_analysis(fixed_analysis("seed_like"), "html", generated=GENERATED).decode()
    lowered = page.lower()
    for needle in (" src=", "<link", "<script", "@import", "url(", "<img", "<iframe"):
        assert needle not in lowered
    assert "content-security-policy" in lowered and "@media print" in page
    assert "@page{size:A4" in page and 'name="viewport"' in page


def test_unsafe_source_urls_are_not_links() -> None:
    page = export_analysis(hostile_case(), "html", generated=GENERATED).decode()
    assert 'href="javascript' not in page.lower()
    assert "javascript:alert(1)" in page  # shown as text


def test_every_format_exports_the_real_seed_analysis() -> None:
    analysis = seed_analysis()
    for fmt in FORMATS:
        data = export_analysis(analysis, fmt)
        assert data, fmt
    rows = list(csv.reader(io.StringIO(export_analysis(analysis, "csv").decode("utf-8-sig"))))
    assert len(rows) == len(analysis.claims) + 1
    assert Analysis.from_json(export_analysis(analysis, "json")) == analysis
    report = export_analysis(analysis, "md").decode()
    for claim in analysis.claims:
        assert f"{claim.start}–{claim.end}" in report


def test_an_empty_analysis_still_makes_reports() -> None:
    for fmt in FORMATS:
        assert export_analysis(Analysis(), fmt)
    assert "No claims." in export_analysis(Analysis(), "md").decode()


def test_ungrouped_claims_get_their_own_section() -> None:
    analysis = fixed_analysis("seed_like")
    assert any(c.group is None for c in analysis.claims)
    assert f"### {UNGROUPED_LABEL}" in export_analysis(analysis, "md").decode()


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_analysis(Analysis(), "pdf")


def test_format_for_path() -> None:
    assert format_for_path("r.HTML") == "html"
    assert format_for_path("a/b.md") == "md"
    assert format_for_path("x.csv") == "csv"
    assert format_for_path("x.txt") is None


# ---- schema ---------------------------------------------------------------------------

def test_committed_schema_is_in_sync_with_the_models() -> None:
    assert SCHEMA_FILE.read_bytes() == schema_json(), (
        "the models changed: run `.venv/bin/perspecta schema --output "
        "schema/perspecta.analysis-1.schema.json` and commit the file"
    )


def test_schema_describes_the_analysis_json() -> None:
    schema = analysis_schema()
    data = orjson.loads(fixed_analysis("seed_like").to_json())
    assert set(data) == set(schema["properties"])
    assert schema["properties"]["schema"]["const"] == data["schema"]
    claim_props = schema["$defs"]["Claim"]["properties"]
    for claim in data["claims"]:
        assert set(claim) == set(claim_props)


def test_schema_command_prints_the_schema(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert run(["schema"]) == 0
    assert capsysbinary.readouterr().out == schema_json()
    out = tmp_path / "s.json"
    assert run(["schema", "--output", str(out)]) == 0
    assert out.read_bytes() == schema_json()


# ---- CLI ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export_writes_each_format(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    assert run(["export", str(SEED), "--format", fmt, "--output", str(out)]) == 0
    data = out.read_bytes()
    if fmt == "json":
        assert Analysis.from_json(data).claims
    elif fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf" + b"document,")
    elif fmt == "html":
        assert data.startswith(b"<!DOCTYPE html>")
    else:
        assert data.startswith(b"# ")


def test_cli_export_format_from_suffix(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert run(["export", str(SEED), "--output", str(out)]) == 0
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("name", ["r.pdf", "r.docx"])
def test_cli_export_refuses_a_suffix_it_cannot_write(
        tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / name
    assert run(["export", str(SEED), "--output", str(out)]) == 64
    assert not out.exists()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and name in err[0] and "no export format" in err[0]
    # said explicitly, the format wins over the name; no suffix means Markdown
    assert run(["export", str(SEED), "--format", "md", "--output", str(out)]) == 0
    assert out.read_bytes().startswith(b"# ")
    plain = tmp_path / "report"
    assert run(["export", str(SEED), "--output", str(plain)]) == 0
    assert plain.read_bytes().startswith(b"# ")


def test_cli_export_stdout() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from tui.main import run; sys.exit(run(sys.argv[1:]))",
         "export", str(SEED), "--format", "csv", "--output", "-"],
        capture_output=True, cwd=ROOT, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"\xef\xbb\xbfdocument,")


def test_cli_export_loads_a_saved_analysis(tmp_path: Path) -> None:
    saved = tmp_path / "analysis.json"
    saved.write_bytes(fixed_analysis("seed_like").to_json())
    out = tmp_path / "r.md"
    assert run(["export", str(saved), "--output", str(out)]) == 0
    assert md_escape(fixed_analysis("seed_like").groups[0].label) in out.read_text()


def test_cli_export_bad_input_is_named_and_rest_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.csv"
    missing = tmp_path / "missing.txt"
    assert run(["export", str(SEED), str(missing), "--output", str(out)]) == 2
    assert str(missing) in capsys.readouterr().err
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_export_unwritable_output_keeps_nothing_half_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-dir" / "r.md"
    assert run(["export", str(SEED), "--output", str(target)]) == 2
    assert "cannot write output" in capsys.readouterr().err
    assert not target.exists()


def test_cli_export_of_a_case_file_includes_the_analysts_edits(tmp_path: Path) -> None:
    from core.case import case_from_analysis, save_case
    from core.curation import AddNote

    analysis = seed_analysis()
    case = case_from_analysis(analysis, embed_text=True)
    note = "Checked against the State Department release <2018>"
    case.edits.append(AddNote(target="claim", claim=analysis.claims[-1].id, text=note))
    path = tmp_path / "basra.perspecta.json"
    save_case(path, case)
    out = tmp_path / "r.html"
    assert run(["export", str(path), "--output", str(out)]) == 0
    assert "Checked against the State Department release &lt;2018&gt;" in out.read_text()


def test_reports_name_events_as_the_tui_does_and_data_exports_keep_the_label() -> None:
    from core.compare import Comparison

    analysis = seed_analysis()
    comp = Comparison(analysis)
    keyworded = [g for g in analysis.groups if " · " in g.label and not g.curated]
    assert keyworded, "the machine labels seed events with keywords"
    md = export_analysis(analysis, "md").decode()
    html = export_analysis(analysis, "html").decode()
    for group in keyworded:
        title = comp.event_title(group.id)
        assert title != group.label
        assert md_escape(title) in md
        assert title.replace("&", "&amp;").replace("'", "&#x27;") in html or title in html
    exported = orjson.loads(export_analysis(analysis, "json"))
    assert sorted(g["label"] for g in exported["groups"]) == sorted(g.label for g in analysis.groups)
    rows = list(csv.DictReader(io.StringIO(export_analysis(analysis, "csv").decode("utf-8-sig"))))
    assert {r["group_label"] for r in rows if r["group_label"]} <= {g.label for g in analysis.groups}
    # the CSV names each event as the TUI and the other reports do, beside the keyword label
    titles = {g.id: comp.event_title(g.id) for g in analysis.groups}
    assert rows and all(r["group_title"] == titles[r["group_id"]] for r in rows if r["group_id"])


def test_a_direct_claim_ending_in_its_own_quote_mark_gets_no_second_pair() -> None:
    from core.report_common import build_report
    from core.report_html import _claim_html
    from tui.render import claim_quote

    text = 'the US has "advised Iraq of threats."'
    doc = Document(id="d1", path="a.txt", text=text, sha256="x")
    bare = Claim(id="d1:0-5", document="d1", start=0, end=5, text="Hello", kind=ClaimKind.DIRECT)
    framed = Claim(id="d1:0-37", document="d1", start=0, end=len(text), text=text,
                   kind=ClaimKind.DIRECT)
    analysis = Analysis(documents=[doc], claims=[bare, framed])
    assert claim_quote(framed).plain == text
    assert claim_quote(bare).plain == "“Hello”"
    report = build_report(analysis)
    assert 'class="text addq"' not in _claim_html(framed, report)
    assert 'class="text addq"' in _claim_html(bare, report)


def test_reports_say_which_sources_report_each_event() -> None:
    from core.ingest import ingest
    from core.pipeline import analyze_documents

    militia = ROOT / "fixtures" / "case" / "militia_statement.txt"
    analysis = analyze_documents(ingest([str(SEED), str(militia)]).documents)
    md = export_analysis(analysis, "md").decode()
    html = export_analysis(analysis, "html").decode()
    for text in (md, html):
        assert "which sources report each event" in text
        assert "S1 · " in text and "S2 · " in text
    from core.report_common import build_report

    report = build_report(analysis)
    covered = {i for _section, counts in report.source_matrix for i, n in enumerate(counts) if n}
    assert covered == {0, 1}  # both sources have claims somewhere
    assert sum(sum(counts) for _s, counts in report.source_matrix) == len(analysis.claims)
    # one source: nothing to compare, no such table
    single = analyze_documents(ingest([str(SEED)]).documents)
    assert "which sources report" not in export_analysis(single, "md").decode()
