"""HTML to article text and metadata, with trafilatura.

trafilatura takes ~0.4 s to import, so it is imported on the first HTML input only. The
returned text is trafilatura's main text with its paragraphs (one per line in its output)
separated by blank lines, so paragraphs read the same as in .txt inputs.
"""

from __future__ import annotations

import re
from typing import Any

from core.ingest_meta import ArticleMeta, normalise_published

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section)\b",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|body|html|head|article|section|h[1-6]|ul|li|table)\b[^>]*>", re.I)
_SNIFF_CHARS = 4096
_SNIFF_MIN_TAGS = 5


class NoArticleTextError(ValueError):
    """The HTML holds no extractable main text."""


def looks_like_html(text: str) -> bool:
    """True when `text` starts like an HTML document or is dense with HTML tags."""
    head = text[:_SNIFF_CHARS]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= _SNIFF_MIN_TAGS


def extract_html(html: str) -> tuple[str, ArticleMeta]:
    """The main text of an HTML page (paragraphs separated by blank lines) and its metadata."""
    import trafilatura

    extracted: Any = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True
    )
    if extracted is None or not _field(extracted, "text"):
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
        )
    raw_text = _field(extracted, "text") if extracted is not None else None
    if not raw_text:
        raise NoArticleTextError("no article text found in the HTML")
    text = "\n\n".join(line.strip() for line in raw_text.splitlines() if line.strip())
    published = _field(extracted, "date")
    meta = ArticleMeta(
        title=_field(extracted, "title"),
        outlet=_field(extracted, "sitename"),
        author=_field(extracted, "author"),
        published=normalise_published(published) if published else None,
        url=_field(extracted, "url"),
    )
    return text, meta


def _field(extracted: Any, name: str) -> str | None:
    value = extracted.get(name) if isinstance(extracted, dict) else getattr(extracted, name, None)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
