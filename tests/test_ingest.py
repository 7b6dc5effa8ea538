"""Ingest: every input kind, metadata, encodings, bad inputs, offsets and dedupe."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from core.ingest import IngestResult, ingest
from core.models import Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "basra_consulate_closure.txt"
FIXTURES = ROOT / "fixtures" / "ingest"

ARTICLE = (
    "Iraq's foreign ministry said on Saturday it regretted the U.S. decision to close its "
    "consulate in Basra.\n\n"
    "\u201cWe are committed to protecting every mission,\u201d a spokesman said in Baghdad.\n"
)


def only_document(result: IngestResult) -> Document:
    assert result.failed == [], result.errors
    assert len(result.documents) == 1, result.documents
    return result.documents[0]


def body(doc: Document) -> list[str]:
    return [doc.text[s.start:s.end] for s in doc.body]


def error_for(result: IngestResult, path: str | Path) -> str:
    matches = [e.reason for e in result.errors if e.path == str(path)]
    assert len(matches) == 1, result.errors
    return matches[0]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


# --- formats --------------------------------------------------------------------------------------

def test_seed_reads_as_one_document_with_exact_text() -> None:
    doc = only_document(ingest([str(SEED)]))
    raw = SEED.read_bytes()
    assert doc.text == raw.decode("utf-8")
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.id == "d" + doc.sha256[:10]
    assert doc.format == "txt" and doc.path == str(SEED)
    assert doc.author == "MECRA"
    assert doc.title is not None and doc.title in doc.text
    assert doc.body and all(doc.title not in piece for piece in body(doc))


def test_plain_text_title_line_is_metadata_not_body() -> None:
    doc = only_document(ingest([str(FIXTURES / "article.txt")]))
    assert doc.title == "Iran dismisses U.S. claims on Basra attacks"
    assert body(doc)[0].startswith("Tehran's foreign ministry spokesman")
    assert len(doc.body) == 2


def test_sidecar_metadata_beside_a_text_file() -> None:
    doc = only_document(ingest([str(FIXTURES / "article.txt")]))
    assert doc.outlet == "Example Wire"
    assert doc.author == "Sara Nouri"
    assert doc.published == "2018-09-30"
    assert doc.url == "https://wire.example/iran-basra"


def test_markdown_front_matter_is_metadata_not_body() -> None:
    doc = only_document(ingest([str(FIXTURES / "blog_post.md")]))
    assert doc.format == "md"
    assert doc.title == "Basra after the consulate: what residents say"
    assert doc.author == "Layla Kareem"
    assert doc.outlet == "Tigris Notes"
    assert doc.published == "2018-10-02"
    assert doc.url == "https://tigris-notes.example/basra-after-the-consulate"
    assert doc.text.startswith("---\ntitle:")  # the text stays exactly as read
    joined = "\n".join(body(doc))
    assert "title:" not in joined and "Layla Kareem" not in joined
    assert joined.startswith("Shopkeepers near the airport road")


def test_sidecar_wins_over_front_matter(tmp_path: Path) -> None:
    article = write(tmp_path / "story.md", "---\ntitle: Front title\nauthor: Front Author\n---\n\n" + ARTICLE)
    write(tmp_path / "story.meta.json", b'{"title": "Sidecar title", "outlet": "Sidecar Outlet"}')
    doc = only_document(ingest([str(article)]))
    assert doc.title == "Sidecar title"
    assert doc.outlet == "Sidecar Outlet"
    assert doc.author == "Front Author"


def test_html_is_extracted_with_metadata_and_hostile_text_survives() -> None:
    doc = only_document(ingest([str(FIXTURES / "page.html")]))
    assert doc.format == "html"
    assert doc.title == "U.S. consulate in Basra closes"
    assert doc.author == "Nadia Hassan"
    assert doc.outlet == "Gulf Example News"
    assert doc.published == "2018-09-28"
    assert doc.url == "https://gulf.example/news/basra-consulate"
    assert "<p>" not in doc.text and "Home" not in doc.text
    assert "[US] decision" in doc.text
    assert "<script>alert(1)</script> and [/]" in doc.text
    pieces = body(doc)
    assert len(pieces) == 4
    assert pieces[0].startswith("The United States said on Friday")
    assert all("Nadia Hassan" not in p and "All rights reserved" not in p for p in pieces)


def test_json_list_gives_one_document_per_article_and_reports_bad_items() -> None:
    path = FIXTURES / "articles.json"
    result = ingest([str(path)])
    assert [d.path for d in result.documents] == [f"{path}#0", f"{path}#1"]
    first, second = result.documents
    assert first.format == "json"
    assert first.title == "Iraq regrets U.S. move on Basra"
    assert first.author == "Mona Said, Karim Aziz"
    assert first.outlet == "Example Daily"
    assert first.published == "2018-09-29T08:15:00+00:00"
    assert first.url == "https://daily.example/iraq-regrets"
    assert first.text.startswith("Iraq regretted the U.S. decision")
    assert second.text == (
        "The [US] embassy and the [/] sign and <script>alert(1)</script> stay as written, the editor said."
    )
    assert body(second) == [second.text]
    assert "text" in error_for(result, f"{path}#2")


def test_json_single_object(tmp_path: Path) -> None:
    article = {"title": "T", "text": "The governor said the closure could hurt the province.",
               "date": "29 September 2018"}
    path = write(tmp_path / "one.json", orjson.dumps(article))
    doc = only_document(ingest([str(path)]))
    assert doc.path == str(path)
    assert doc.published == "2018-09-29"


def test_json_paragraph_lists_become_text(tmp_path: Path) -> None:
    article = {
        "source": "fox",
        "title": "Prosecutors to charge congressman",
        "date": "2014-04-25",
        "body-paragraphs": [
            ["Federal prosecutors plan to file charges, his attorney said on Friday."],
            ["The attorney said the congressman would plead not guilty.", "He declined to say more."],
        ],
    }
    doc = only_document(ingest([str(write(tmp_path / "basil.json", orjson.dumps(article)))]))
    assert doc.text == (
        "Federal prosecutors plan to file charges, his attorney said on Friday.\n\n"
        "The attorney said the congressman would plead not guilty. He declined to say more."
    )
    assert doc.outlet == "fox" and doc.published == "2014-04-25"
    assert len(doc.body) == 2


def test_stdin_text_and_html_are_sniffed() -> None:
    doc = only_document(ingest(["-"], stdin=io.BytesIO(ARTICLE.encode("utf-8"))))
    assert doc.path == "-" and doc.format == "stdin"
    assert doc.text == ARTICLE
    html = (FIXTURES / "page.html").read_bytes()
    doc = only_document(ingest(["-"], stdin=io.BytesIO(html)))
    assert doc.format == "html"
    assert doc.title == "U.S. consulate in Basra closes"


def test_stdin_empty_is_an_error() -> None:
    result = ingest(["-"], stdin=io.BytesIO(b"  \n"))
    assert result.documents == []
    assert error_for(result, "-") == "empty"


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    text_file = write(tmp_path / "story.article", ARTICLE)
    binary_file = write(tmp_path / "photo.dat", b"\x00\x01\x02binary\x00" * 20)
    result = ingest([str(text_file), str(binary_file)])
    assert [d.path for d in result.documents] == [str(text_file)]
    assert result.documents[0].format == "txt"
    assert error_for(result, binary_file).startswith("not text (binary/PDF)")


# --- folders ----------------------------------------------------------------------------------

def test_folder_is_read_recursively_in_sorted_order_and_skips_unsupported_files() -> None:
    folder = FIXTURES / "folder"
    result = ingest([str(folder)])
    assert [d.path for d in result.documents] == [
        str(folder / "a_report.txt"),
        str(folder / "sub" / "b_report.md"),
    ]
    assert result.failed == []
    skipped = {e.path: e.reason for e in result.skipped}
    assert skipped == {
        str(folder / "notes.rtfd"): "skipped: not a supported text file (.rtfd)",
        str(folder / "scan.pdf"): "skipped: not a supported text file (.pdf)",
    }
    assert all(".hidden" not in d.path for d in result.documents)


def test_folder_of_fixtures_is_deterministic() -> None:
    first = ingest([str(FIXTURES)])
    second = ingest([str(FIXTURES)])
    assert [d.path for d in first.documents] == [d.path for d in second.documents]
    assert [d.path for d in first.documents] == sorted(
        (d.path for d in first.documents), key=lambda p: Path(p.split("#")[0]).relative_to(FIXTURES).parts
    )
    # The sidecar is used, not reported.
    assert all("meta.json" not in e.path for e in first.errors)


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    write(tmp_path / "cases" / "a.txt", ARTICLE)
    (tmp_path / "cases" / "loop").symlink_to(tmp_path / "cases", target_is_directory=True)
    (tmp_path / "cases" / "self.txt").symlink_to(tmp_path / "cases" / "self.txt")
    result = ingest([str(tmp_path / "cases")])
    assert [d.path for d in result.documents] == [str(tmp_path / "cases" / "a.txt")]
    assert error_for(result, tmp_path / "cases" / "self.txt") == "cannot read: too many levels of symbolic links"


def test_fifo_in_a_folder_is_skipped_not_read(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    result = ingest([str(tmp_path)])
    assert [d.path for d in result.documents] == [str(tmp_path / "a.txt")]
    assert result.skipped[0].reason == "skipped: not a regular file"


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = ingest([str(tmp_path / "empty")])
    assert "no .txt" in error_for(result, tmp_path / "empty")


# --- bad inputs -------------------------------------------------------------------------------

def test_bad_files_each_give_one_clear_error_and_the_rest_is_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    pdf = write(tmp_path / "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    png = write(tmp_path / "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    nul = write(tmp_path / "nul.txt", b"Iraq said\x00\x00\x00 things")
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.md", " \n\t\n")
    bad_json = write(tmp_path / "bad.json", '{"title": "x", "text": ')
    wrong_json = write(tmp_path / "wrong.json", "42")
    missing = tmp_path / "missing.txt"
    elf = write(tmp_path / "tool.txt", b"\x7fELF\x02\x01\x01" + bytes(40))
    result = ingest([str(p) for p in (pdf, png, nul, empty, blank, bad_json, wrong_json, missing,
                                      elf, good)])
    assert [d.path for d in result.documents] == [str(good)]
    assert error_for(result, pdf) == "not text (binary/PDF): looks like a PDF document"
    assert error_for(result, png) == "not text (binary/PDF): looks like a PNG image"
    assert error_for(result, elf) == "not text (binary/PDF): looks like an executable"
    assert error_for(result, nul).startswith("not text (binary/PDF)")
    assert error_for(result, empty) == "empty"
    assert error_for(result, blank) == "empty"
    assert error_for(result, bad_json).startswith("invalid JSON: ")
    assert "article object" in error_for(result, wrong_json)
    assert error_for(result, missing) == "not found"
    assert all("\n" not in e.reason and e.kind == "error" for e in result.errors)


def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", ARTICLE)
    locked.chmod(0)
    try:
        readable = os.access(locked, os.R_OK)  # root reads anything
        if readable:
            pytest.skip("running with privileges that ignore file permissions")
        result = ingest([str(locked)])
        assert error_for(result, locked) == "cannot read: permission denied"
    finally:
        locked.chmod(0o644)


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    page = write(tmp_path / "nav.html", '<html><body><nav><a href="/">Home</a> <a href="/s">Share</a></nav></body></html>')
    result = ingest([str(page)])
    assert result.documents == []
    assert "no article text" in error_for(result, page)


def test_front_matter_only_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "meta_only.md", "---\ntitle: Nothing else\n---\n\n")
    assert error_for(ingest([str(path)]), path) == "empty"


def test_only_page_furniture_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "chrome.txt", "top of page\nShare\nTweet\n\n96 views0 comments\nbottom of page\n")
    assert "only page furniture" in error_for(ingest([str(path)]), path)


def test_bad_sidecar_is_reported_but_the_article_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", ARTICLE)
    write(tmp_path / "story.meta.json", "[1, 2")
    result = ingest([str(path)])
    assert len(result.documents) == 1
    assert "sidecar" in error_for(result, path)


# --- encodings and offsets ----------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "cp1252", "latin-1"])
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    text = (
        "Caf\u00e9 owners in Basra said the na\u00efve hopes of r\u00e9sum\u00e9d trade were gone.\n\n"
        "The governor said the closure could affect the province, according to the ministry.\n"
    )
    if encoding == "latin-1":
        data = text.encode("latin-1")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        text = text.replace("The governor said", "\u201cThe governor said\u201d \u2014")
        data = text.encode(encoding)
    doc = only_document(ingest([str(write(tmp_path / "enc.txt", data))]))
    assert doc.text == text
    assert not doc.text.startswith("\ufeff")


def test_newlines_are_not_translated_and_spans_index_the_text(tmp_path: Path) -> None:
    text = "Share\r\n\r\n" + ARTICLE.replace("\n", "\r\n") + "\r\nComments\r\n"
    doc = only_document(ingest([str(write(tmp_path / "crlf.txt", text.encode("utf-8")))]))
    assert doc.text == text
    assert body(doc) == [
        "Iraq's foreign ministry said on Saturday it regretted the U.S. decision to close its consulate in Basra.",
        "\u201cWe are committed to protecting every mission,\u201d a spokesman said in Baghdad.",
    ]


def test_body_spans_index_text_exactly_for_every_fixture() -> None:
    result = ingest([str(FIXTURES), str(SEED)])
    assert len(result.documents) >= 9
    for doc in result.documents:
        assert doc.body, doc.path
        previous = 0
        for span in doc.body:
            assert previous <= span.start < span.end <= len(doc.text)
            piece = doc.text[span.start:span.end]
            assert piece == piece.strip()
            previous = span.end


def test_hostile_strings_pass_through_unchanged(tmp_path: Path) -> None:
    hostile = "Officials said [US] diplomats left; [/] and [bold]x[/bold] and <script>alert(1)</script> stay."
    for name in ("h.txt", "h.md"):
        doc = only_document(ingest([str(write(tmp_path / name, hostile))]))
        assert doc.text == hostile
        assert body(doc) == [hostile]
        (tmp_path / name).unlink()


# --- dedupe and speed ---------------------------------------------------------------------------

def test_duplicate_texts_are_skipped_with_the_first_path(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", ARTICLE)
    second = write(tmp_path / "copy" / "b.md", ARTICLE)
    result = ingest([str(first), str(second)])
    assert [d.path for d in result.documents] == [str(first)]
    assert result.skipped[0].path == str(second)
    assert result.skipped[0].reason == f"skipped: duplicate of {first}"
    assert result.failed == []


def test_text_inputs_do_not_import_trafilatura_or_charset_normalizer() -> None:
    code = (
        "import sys; from core.ingest import ingest; "
        f"r = ingest([{str(SEED)!r}]); assert r.documents; "
        "print(','.join(m for m in ('trafilatura', 'charset_normalizer') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout.strip() == ""


def test_large_text_is_read_with_spans_per_paragraph(tmp_path: Path) -> None:
    paragraph = ARTICLE.split("\n\n")[0]
    count = 20000
    path = write(tmp_path / "big.txt", "Menu\n\n" + "\n\n".join([paragraph] * count) + "\n\nShare\n")
    doc = only_document(ingest([str(path)]))
    assert len(doc.body) == count
    assert doc.text[doc.body[-1].start:doc.body[-1].end] == paragraph


# --- metadata helpers ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2018-09-29", "2018-09-29"),
        ("Sept. 29, 2018", "2018-09-29"),
        ("29 September 2018", "2018-09-29"),
        ("Published: Saturday 29th of September, 2018 10:43 BST", "2018-09-29"),
        ("2018/09/29", "2018-09-29"),
        ("2018-09-29T10:00:00Z", "2018-09-29T10:00:00+00:00"),
        ("last autumn", "last autumn"),
        ("February 30, 2018", "February 30, 2018"),
    ],
)
def test_published_dates_are_iso_when_parseable(raw: str, iso: str) -> None:
    from core.ingest_meta import normalise_published

    assert normalise_published(raw) == iso


def test_front_matter_needs_key_value_lines_and_crlf_works(tmp_path: Path) -> None:
    prose_rule = write(tmp_path / "rule.md", "---\nThe minister said: we will stay.\n---\n\n" + ARTICLE)
    doc = only_document(ingest([str(prose_rule)]))
    # Not front matter: the sentence between the rules is body, the rules are not.
    assert body(doc)[0] == "The minister said: we will stay."
    crlf = write(tmp_path / "crlf.md", ("---\ntitle: CRLF title\n---\n\n" + ARTICLE).replace("\n", "\r\n"))
    doc = only_document(ingest([str(crlf)]))
    assert doc.title == "CRLF title"
    assert body(doc)[0].startswith("Iraq's foreign ministry said")


@pytest.mark.parametrize(("encoding", "text"), [
    ("latin-1", "Z\u00fcrich prosecutors said the d\u00e9j\u00e0 vu case against the bank would go ahead.\n"),
    ("cp1250", "Minister spraw zagranicznych powiedzia\u0142, \u017ce rozmowy b\u0119d\u0105 kontynuowane "
               "w marcu. Urz\u0119dnicy stwierdzili, \u017ce konsulat zostanie zamkni\u0119ty."),
    ("cp1251", "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0437\u0430\u044f\u0432\u0438\u043b, "
               "\u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
               "\u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f \u0432 \u043c\u0430\u0440\u0442\u0435."),
    ("cp1254", "D\u0131\u015fi\u015fleri Bakan\u0131, g\u00f6r\u00fc\u015fmelerin Mart ay\u0131nda devam "
               "edece\u011fini s\u00f6yledi. Yetkililer konsoloslu\u011fun kapanaca\u011f\u0131n\u0131 belirtti."),
])
def test_short_legacy_texts_keep_their_code_page(tmp_path: Path, encoding: str, text: str) -> None:
    # Western text prefers Windows-1252/Latin-1 when it reads as well; other code pages stay.
    doc = only_document(ingest([str(write(tmp_path / "legacy.txt", text.encode(encoding)))]))
    assert doc.text == text
