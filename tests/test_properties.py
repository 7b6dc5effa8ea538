"""Property test: the whole pipeline (claims, speakers, perspectives, groups, every export)
never raises on generated documents, and offsets always reproduce the claim text."""

from __future__ import annotations

import hashlib
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.export import FORMATS, export_analysis
from core.models import Document
from core.pipeline import analyze_documents

WORDS = [
    "Iran", "Iraq", "U.S.", "Mr.", "Gen.", "Jan.", "said", "says", "told", "according", "to", "the",
    "consulate", "Basra", "closure", "officials", "attack", "Pompeo", "he", "she", "it", "may",
    "\u201c", "\u201d", '"', "'", ",", ".", "?", "!", ":", ";", "-", "\u2014", "[US]", "[/]",
    "<script>", "=cmd", "@x", "\n", "\n\n", "\r\n", "\u200b", "\u202e", "\u0642\u0627\u0644", "10", "2018",
    "(AP Photo)", "Advertisement", "Share", "By", "John", "Smith", "a", "senior", "official",
]

sentences = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map(" ".join)
documents = st.lists(sentences, min_size=1, max_size=3)


def as_document(text: str, n: int) -> Document:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document(id=f"d{n}{digest[:9]}", path=f"gen{n}.txt", text=text, sha256=digest)


@settings(
    max_examples=int(os.environ.get("PERSPECTA_PROPERTY_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(documents)
def test_pipeline_and_exports_never_raise(texts: list[str]) -> None:
    docs = [as_document(t, i) for i, t in enumerate(texts)]
    analysis = analyze_documents(docs)
    by_id = {d.id: d.text for d in analysis.documents}
    for claim in analysis.claims:
        assert by_id[claim.document][claim.start : claim.end] == claim.text
    group_ids = {g.id for g in analysis.groups}
    assert all(c.group is None or c.group in group_ids for c in analysis.claims)
    for fmt in FORMATS:
        assert isinstance(export_analysis(analysis, fmt), bytes)
