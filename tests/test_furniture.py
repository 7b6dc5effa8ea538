"""Page furniture: body spans hold the article and nothing of the page around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.furniture import (
    BYLINE,
    COMMENTS,
    PHOTO_CREDIT,
    RELATED,
    TIMESTAMP,
    TITLE,
    Layout,
    find_body,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "basra_consulate_closure.txt"
FIXTURES = ROOT / "fixtures" / "ingest"

PARAGRAPH_A = (
    "The United States said on Friday it would temporarily relocate diplomats from its consulate "
    "in Basra, citing threats from Iran."
)
PARAGRAPH_B = "Iraq's foreign ministry said it regretted the decision and would protect every mission."


def body_texts(text: str, layout: Layout) -> list[str]:
    return [text[span.start:span.end] for span in layout.body]


def body_text(text: str, layout: Layout) -> str:
    return "\n".join(body_texts(text, layout))


def furniture_reasons(text: str, layout: Layout) -> dict[str, str]:
    return {text[f.start:f.end]: f.reason for f in layout.furniture}


def assert_spans_well_formed(text: str, layout: Layout) -> None:
    previous_end = 0
    for span in layout.body:
        assert previous_end <= span.start < span.end <= len(text)
        piece = text[span.start:span.end]
        assert piece == piece.strip(), f"span has untrimmed whitespace: {piece!r}"
        assert "\r" not in piece.splitlines()[-1]
        previous_end = span.end


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


# --- the founding seed -------------------------------------------------------------------------

def test_seed_furniture_is_not_body() -> None:
    text = SEED.read_text(encoding="utf-8")
    layout = find_body(text)
    body = body_text(text, layout)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # The first two and the last three non-empty lines are page furniture.
    for furniture in [*lines[:2], *lines[-3:]]:
        assert furniture not in body
    assert_spans_well_formed(text, layout)


def test_seed_every_prose_paragraph_is_body_exactly() -> None:
    text = SEED.read_text(encoding="utf-8")
    layout = find_body(text)
    pieces = body_texts(text, layout)
    prose = [p for p in paragraphs(text) if p.endswith((".", '"', "'")) and len(p.split()) >= 4]
    assert len(prose) >= 10
    assert pieces == prose


def test_seed_title_and_author_come_from_the_page_furniture() -> None:
    text = SEED.read_text(encoding="utf-8")
    layout = find_body(text)
    assert layout.title is not None and "Basra" in layout.title
    assert layout.title_span is not None
    assert text[layout.title_span.start:layout.title_span.end] == layout.title
    assert layout.title not in body_text(text, layout)
    assert layout.author == "MECRA"
    reasons = set(furniture_reasons(text, layout).values())
    assert {BYLINE, TITLE}.issubset(reasons)


# --- other pages ------------------------------------------------------------------------------

def test_wire_story_bylines_credits_and_buttons() -> None:
    text = (FIXTURES / "wire_story.txt").read_text(encoding="utf-8")
    layout = find_body(text)
    pieces = body_texts(text, layout)
    assert len(pieces) == 3
    assert pieces[0].startswith("BAGHDAD (Reuters) - Iraq's foreign ministry")
    assert pieces[2].endswith('rejected as "ridiculous."')
    reasons = furniture_reasons(text, layout)
    assert reasons["By Jane Roe and Omar Haddad, Reuters"] == BYLINE
    assert reasons["September 29, 2018 / 10:43 AM / Updated 2 hours ago"] == TIMESTAMP
    assert reasons[
        "FILE PHOTO: A general view of the U.S. consulate in Basra, Iraq. REUTERS/Essam al-Sudani"
    ] == PHOTO_CREDIT
    for line in ("Advertisement", "Share", "Tweet", "Email", "3 Min Read", "Skip to main content",
                 "Reporting by Jane Roe and Omar Haddad; Editing by Mark Heinrich"):
        assert line in reasons
    assert layout.author == "Jane Roe and Omar Haddad"
    assert layout.published == "2018-09-29"
    assert layout.title == "Iraq says it will protect foreign missions after U.S. shuts Basra consulate"


def test_cookie_banner_newsletter_and_credits_are_furniture_but_prose_about_comments_is_body() -> None:
    text = (FIXTURES / "cookie_banner.txt").read_text(encoding="utf-8")
    layout = find_body(text)
    body = body_text(text, layout)
    assert "cookies" not in body
    assert "newsletter" not in body
    assert "Image caption" not in body and "Getty" not in body
    assert "12 shares" not in body and "Back to top" not in body and "Leave a comment" not in body
    # Real sentences that merely mention comments stay.
    assert "the group had no comments to add beyond its statement." in body
    assert "The State Department declined to make comments beyond Friday's statement" in body
    assert len(layout.body) == 3
    assert layout.published == "2018-09-29"


def test_prose_with_interface_words_is_always_body() -> None:
    text = (FIXTURES / "tricky_prose.txt").read_text(encoding="utf-8")
    layout = find_body(text)
    assert body_texts(text, layout) == paragraphs(text)
    assert layout.author is None


def test_markdown_share_links_image_related_list_and_tags() -> None:
    text = (FIXTURES / "blog_post.md").read_text(encoding="utf-8")
    front_matter_end = text.index("\n---\n") + 4
    layout = find_body(text, front_matter_end, known_title="Basra after the consulate: what residents say")
    body = body_text(text, layout)
    assert "Share on Facebook" not in body
    assert "gate.jpg" not in body
    assert "Iraq vows to protect foreign missions" not in body
    assert "Is Tehran behind the rocket fire?" not in body
    assert "Tags:" not in body
    assert "# Basra after the consulate" not in body
    assert "author: Layla Kareem" not in body
    # A sub-heading between paragraphs stays (it is part of the article).
    assert "The view from the market" in body
    assert 'not afraid of [US] diplomats leaving' in body
    reasons = furniture_reasons(text, layout)
    assert reasons["Basra after the consulate: what residents say"] == TITLE
    assert reasons["Related:"] == RELATED


def test_related_headlines_in_plain_text_are_furniture_until_prose_returns() -> None:
    text = "\n\n".join([
        PARAGRAPH_A,
        "Related stories",
        "Iraq vows to protect foreign missions",
        "What the closure means for Basra's economy",
        PARAGRAPH_B,
    ])
    layout = find_body(text)
    assert body_texts(text, layout) == [PARAGRAPH_A, PARAGRAPH_B]


def test_comment_section_after_the_article_is_cut_off() -> None:
    comment = "I think the closure is a big mistake and will only encourage more attacks on diplomats."
    text = "\n\n".join([PARAGRAPH_A, PARAGRAPH_B, "3 Comments", "Abu Ali", comment, "Reply"])
    layout = find_body(text)
    assert body_texts(text, layout) == [PARAGRAPH_A, PARAGRAPH_B]
    assert furniture_reasons(text, layout)[comment] == COMMENTS


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Share on Facebook Share on Twitter Share via Email",
        "Advertisement",
        "Story continues below advertisement",
        "ADVERTISEMENT",
        "By JOHN SMITH | The Example Post",
        "Posted by MECRA on September 29, 2018",
        "Photo: Nabil al-Jurani/AP",
        "Protesters gather outside the consulate in Basra on Friday. (AP Photo/Nabil al-Jurani)",
        "(Photo by Haidar Mohammed Ali/AFP via Getty Images)",
        "Image copyright Reuters",
        "Related: Iran blames U.S. for Ahvaz attack",
        "Read more: Iraq's new government faces militia test",
        "We use cookies to give you the best experience. Accept",
        "Updated 3:45 p.m. ET",
        "Sep 29, 2018, 11:02 AM EDT",
        "Sign up for our newsletter to get the top stories delivered to your inbox.",
        "1.2K views 14 comments 12 shares",
        "Skip to content",
        "Back to top",
        "© 2018 Example Media. All rights reserved.",
        "Follow us on Twitter",
        "* * *",
        "---",
        "https://t.co/AbC123xyz",
    ],
)
def test_furniture_between_paragraphs_is_not_body(line: str) -> None:
    text = f"{PARAGRAPH_A}\n\n{line}\n\n{PARAGRAPH_B}\n"
    layout = find_body(text)
    assert body_texts(text, layout) == [PARAGRAPH_A, PARAGRAPH_B]


@pytest.mark.parametrize(
    "line",
    [
        "A ministry spokesman said the minister would share the details with parliament on Monday.",
        "Asked about the closure, the governor said he had no comments to make at this time.",
        "Iran called the closure \"ridiculous.\"",
        "He declined to say more.",
        "By late Friday, staff had left the compound for the airport.",
        "Shares in Iraqi banks fell 3 percent, traders said.",
        "The embassy said the [US] flag and the [/] markup and <script>alert(1)</script> stay.",
        "The Post reported that 96 views of the video were logged in the first hour.",
        "\u201cShe has committed no crime except to follow me on Twitter,\u201d Mr. Weiner said.",
    ],
)
def test_prose_between_paragraphs_is_body(line: str) -> None:
    text = f"{PARAGRAPH_A}\n\n{line}\n\n{PARAGRAPH_B}\n"
    layout = find_body(text)
    assert body_texts(text, layout) == [PARAGRAPH_A, line, PARAGRAPH_B]


def test_hard_wrapped_paragraph_is_one_body_span() -> None:
    wrapped = (
        "The closure came a day after a House Foreign Affairs Subcommittee\n"
        "hearing discussing sanctions on Asaib Ahl al-Haq and Hezbollah\n"
        "al-Nujaba, two militias that Washington says are backed by Iran.\n"
    )
    text = "Share\nTweet\n\n" + wrapped + "\n" + PARAGRAPH_B + "\n\nComments\n"
    layout = find_body(text)
    assert body_texts(text, layout) == [wrapped.strip(), PARAGRAPH_B]


def test_crlf_text_spans_exclude_carriage_returns() -> None:
    text = f"Menu\r\n\r\n{PARAGRAPH_A}\r\n\r\n{PARAGRAPH_B}\r\n\r\nShare\r\n"
    layout = find_body(text)
    assert body_texts(text, layout) == [PARAGRAPH_A, PARAGRAPH_B]
    assert_spans_well_formed(text, layout)


def test_markdown_heading_is_the_title_and_known_title_wins() -> None:
    text = f"# Basra consulate to close\n\n{PARAGRAPH_A}\n"
    layout = find_body(text)
    assert layout.title == "Basra consulate to close"
    assert body_texts(text, layout) == [PARAGRAPH_A]
    text = f"Gulf Example News\n\nBasra consulate to close\n\n{PARAGRAPH_A}\n"
    layout = find_body(text, known_title="Basra Consulate to Close")
    assert layout.title is None  # known titles are not repeated as found ones
    assert layout.title_span is not None
    assert text[layout.title_span.start:layout.title_span.end] == "Basra consulate to close"


def test_question_headline_is_the_title() -> None:
    text = f"Is the Basra closure really about Iran?\n\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n"
    layout = find_body(text)
    assert layout.title == "Is the Basra closure really about Iran?"
    assert body_texts(text, layout) == [PARAGRAPH_A, PARAGRAPH_B]


def test_text_without_sentences_is_kept_whole() -> None:
    text = "Basra consulate closed\nIraq regrets US move\n"
    layout = find_body(text)
    assert body_texts(text, layout) == ["Basra consulate closed\nIraq regrets US move"]


def test_only_furniture_leaves_no_body() -> None:
    text = "top of page\nShare\nTweet\n\n96 views0 comments\nbottom of page\n"
    assert find_body(text).body == []


def test_start_offset_skips_a_prefix() -> None:
    prefix = "title: X\nauthor: Y\n---\n"
    text = prefix + PARAGRAPH_A
    layout = find_body(text, len(prefix))
    assert [(s.start, s.end) for s in layout.body] == [(len(prefix), len(text))]


POLNEAR_DEV = Path("/work/shared/data/polnear/dev")


def test_polnear_attributions_stay_in_the_body() -> None:
    """Real news text: furniture stripping must not eat annotated sources or quoted content."""
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"skipped: {POLNEAR_DEV} not found")
    annotations = {p.name.rsplit("_", 1)[0]: p for p in (POLNEAR_DEV / "attributions").glob("*.ann")}
    total = lost = 0
    for path in sorted((POLNEAR_DEV / "text").glob("*.txt")):
        ann = annotations.get(path.stem)
        if ann is None:
            continue
        text = path.read_text(encoding="utf-8")
        layout = find_body(text)
        kept = [(s.start, s.end) for s in layout.body]
        if layout.title_span is not None:
            kept.append((layout.title_span.start, layout.title_span.end))
        for line in ann.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if not line.startswith("T") or len(fields) < 2:
                continue
            label, _, offsets = fields[1].partition(" ")
            if label not in ("Source", "Content"):
                continue
            for piece in offsets.split(";"):
                start = int(piece.split()[0])
                total += 1
                # A span inside some kept unit is kept (content may run over a paragraph break).
                lost += not any(s <= start < e for s, e in kept)
    assert total > 1000
    assert lost / total < 0.005, f"{lost} of {total} annotated spans fell outside the body"


def test_arabic_sentences_are_prose() -> None:
    arabic = "\u0642\u0627\u0644 \u0627\u0644\u0645\u062d\u0627\u0641\u0638 \u0625\u0646 \u0627\u0644\u0642\u0631\u0627\u0631 \u0633\u064a\u0624\u062b\u0631 \u0639\u0644\u0649 \u0627\u0644\u0645\u062d\u0627\u0641\u0638\u0629\u061f"
    text = f"Share\n\n{PARAGRAPH_A}\n\n{arabic}\n"
    layout = find_body(text)
    assert body_texts(text, layout) == [PARAGRAPH_A, arabic]


def test_wordpress_post_header_sharing_related_and_comment_thread() -> None:
    text = (FIXTURES / "wordpress_post.txt").read_text(encoding="utf-8")
    layout = find_body(text)
    pieces = body_texts(text, layout)
    assert [p.split()[0] for p in pieces] == ["Residents", '"The', "A"]
    # The site name and tagline share a block; the headline stands alone before the article.
    assert layout.title == "Consulate closure: the view from Zubair"
    assert layout.author == "basrawatch"
    assert layout.published == "2018-09-30"  # the post's date, not the related post's
    reasons = furniture_reasons(text, layout)
    assert reasons["The water crisis is the real story here, not the consulate. Everyone in Basra knows it."] == COMMENTS
    assert reasons["Rockets near Basra airport"] == RELATED


def test_medium_post_author_box_and_footer() -> None:
    text = (FIXTURES / "medium_post.md").read_text(encoding="utf-8")
    layout = find_body(text)
    pieces = body_texts(text, layout)
    assert len(pieces) == 2
    assert pieces[1].endswith('"means Washington will now hear about Basra only from Baghdad."')
    assert layout.title == "Why the Basra consulate mattered"
    assert layout.author == "Jane Roe"
    assert layout.published == "2018-10-02"
    assert "Writer on Iraq and the Gulf." not in body_text(text, layout)


@pytest.mark.parametrize(("headline", "title"), [
    ("Mayor Sees Personal Insult If Council Blocks Harbor Plan.",
     "Mayor Sees Personal Insult If Council Blocks Harbor Plan"),
    ("Mayor sees insult if the council blocks the plan.",
     "Mayor sees insult if the council blocks the plan"),
    ("Harbor Plan Faces Key Test In U.S. Court.", "Harbor Plan Faces Key Test In U.S. Court"),
    ("Harbor Plan Heads To The U.S.", "Harbor Plan Heads To The U.S."),  # an abbreviation stays
])
def test_a_headline_written_with_a_full_stop_is_the_title(headline: str, title: str) -> None:
    text = (f"{headline}\n\nThe mayor said the vote was unfair. He spoke at city hall.\n\n"
            "The council meets again on Monday. Its members did not comment.\n")
    layout = find_body(text)
    assert layout.title == title
    assert headline not in body_text(text, layout)


def test_a_lead_sentence_with_a_full_stop_stays_body() -> None:
    lead = ("The mayor said on Friday that the council would vote again on the harbor plan after "
            "a long night of talks.")
    text = f"{lead}\n\nThe mayor spoke at city hall. He was tired.\n\nThe vote is Monday.\n"
    layout = find_body(text)
    assert layout.title is None
    assert lead in body_text(text, layout)
