"""Loaders for the evaluation data in /work/shared/data (ECB+, MRPC, PolNeAR, BASIL sentences).

Nothing here is copied into the repo: every loader reads the shared folder given on the
command line and returns plain Python objects."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import orjson

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
if not DEFAULT_DATA.exists():
    DEFAULT_DATA = Path("/work/shared/data")

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s|n't|''|'re|'ll|'ve|'d|'m)")


def detokenize(tokens: list[str]) -> str:
    """Token list -> readable text (ECB+ stores text as tokens)."""
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return text.replace("`` ", '"').replace(" ''", '"').replace("( ", "(").replace("$ ", "$")


def split_sentences(text: str) -> list[str]:
    """A plain regex sentence splitter, good enough for timing and candidate counts."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        for sent in SENTENCE_END.split(para.strip()):
            sent = sent.strip()
            if len(sent) >= 20:
                out.append(sent)
    return out


@dataclass(frozen=True)
class EcbSentence:
    """One annotated ECB+ sentence with the event instances its action mentions refer to."""

    topic: int
    doc: str  # e.g. "1_10ecbplus"
    subtopic: str  # "ecb" or "ecbplus": the topic's two seminal events
    number: int
    text: str
    events: frozenset[str]

    @property
    def id(self) -> str:
        return f"{self.doc}:{self.number}"


@dataclass
class EcbCorpus:
    sentences: list[EcbSentence]
    documents: dict[str, str]  # doc name -> full text (all sentences), the article context
    # doc name -> the XML sentence number of each line of its text
    numbers: dict[str, list[int]] = field(default_factory=dict)


def load_ecbplus(root: Path) -> EcbCorpus:
    """Annotated sentences (ECBplus_coreference_sentences.csv) with their cross-document event
    instances (CROSS_DOC_COREF on ACTION_* / NEG_ACTION_* mentions)."""
    selected: dict[str, set[int]] = defaultdict(set)
    with open(root / "ECBplus_coreference_sentences.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            selected[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    sentences: list[EcbSentence] = []
    documents: dict[str, str] = {}
    numbers: dict[str, list[int]] = {}
    for xml_path in sorted(root.glob("*/*.xml")):
        doc = xml_path.stem
        if doc not in selected:
            continue
        tree = ET.parse(xml_path)
        tokens: dict[str, tuple[int, str]] = {}
        by_sentence: dict[int, list[str]] = defaultdict(list)
        for tok in tree.getroot().iter("token"):
            sent = int(tok.get("sentence", "0"))
            tokens[tok.get("t_id", "")] = (sent, tok.text or "")
            by_sentence[sent].append(tok.text or "")
        mention_sentences: dict[str, set[int]] = {}
        markables = tree.getroot().find("Markables")
        for m in markables if markables is not None else []:
            if not (m.tag.startswith("ACTION") or m.tag.startswith("NEG_ACTION")):
                continue
            anchors = [a.get("t_id", "") for a in m.iter("token_anchor")]
            if anchors:
                mention_sentences[m.get("m_id", "")] = {tokens[t][0] for t in anchors if t in tokens}
        events: dict[int, set[str]] = defaultdict(set)
        relations = tree.getroot().find("Relations")
        for rel in relations if relations is not None else []:
            if rel.tag != "CROSS_DOC_COREF" or not rel.get("note", "").startswith("ACT"):
                continue
            for src in rel.iter("source"):
                for sent in mention_sentences.get(src.get("m_id", ""), ()):
                    events[sent].add(rel.get("note", ""))
        documents[doc] = "\n".join(detokenize(by_sentence[s]) for s in sorted(by_sentence))
        numbers[doc] = sorted(by_sentence)
        topic = int(doc.split("_")[0])
        subtopic = "ecbplus" if doc.endswith("ecbplus") else "ecb"
        for number in sorted(selected[doc]):
            if number in by_sentence:
                sentences.append(EcbSentence(topic, doc, subtopic, number,
                                             detokenize(by_sentence[number]),
                                             frozenset(events.get(number, set()))))
    return EcbCorpus(sentences, documents, numbers)


def ecb_pairs(sentences: list[EcbSentence]) -> list[tuple[int, int, bool]]:
    """Judged pairs (index a, index b, same event): different documents of one topic; positive when
    they share an event instance, negative when they come from the topic's other event."""
    by_topic: dict[int, list[int]] = defaultdict(list)
    for k, s in enumerate(sentences):
        by_topic[s.topic].append(k)
    out: list[tuple[int, int, bool]] = []
    for members in by_topic.values():
        for x, i in enumerate(members):
            si = sentences[i]
            for j in members[x + 1 :]:
                sj = sentences[j]
                if si.doc == sj.doc:
                    continue
                if si.events & sj.events:
                    out.append((i, j, True))
                elif si.subtopic != sj.subtopic:
                    out.append((i, j, False))
    return out


def load_mrpc(root: Path) -> list[tuple[bool, str, str]]:
    """MRPC training pairs: (paraphrase?, sentence 1, sentence 2)."""
    out: list[tuple[bool, str, str]] = []
    with open(root / "msr_paraphrase_train.txt", encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                out.append((parts[0] == "1", parts[3], parts[4]))
    return out


@dataclass(frozen=True)
class NewsSentence:
    text: str
    document: str
    source: str


def load_news_sentences(root: Path) -> list[NewsSentence]:
    """Every real sentence in the shared data: PolNeAR, BASIL, MRPC and ECB+ (≈ 60k)."""
    out: list[NewsSentence] = []
    polnear = root / "polnear"
    for split in ("train", "dev"):
        for path in sorted((polnear / split / "text").glob("*.txt")):
            for sent in split_sentences(path.read_text(encoding="utf-8", errors="replace")):
                out.append(NewsSentence(sent, f"polnear/{path.stem}", "polnear"))
    for path in sorted((root / "basil" / "articles").glob("*/*.json")):
        data = orjson.loads(path.read_bytes())
        paragraphs = data.get("body-paragraphs") or []
        text = "\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in paragraphs)
        for sent in split_sentences(text):
            out.append(NewsSentence(sent, f"basil/{path.stem}", "basil"))
    if (root / "mrpc").exists():
        seen: set[str] = set()
        for _, a, b in load_mrpc(root / "mrpc"):
            for sent in (a, b):
                if sent not in seen:
                    seen.add(sent)
                    out.append(NewsSentence(sent, f"mrpc/{len(seen)}", "mrpc"))
    if (root / "ecbplus").exists():
        for xml_path in sorted((root / "ecbplus").glob("*/*.xml")):
            by_sentence: dict[int, list[str]] = defaultdict(list)
            for tok in ET.parse(xml_path).getroot().iter("token"):
                by_sentence[int(tok.get("sentence", "0"))].append(tok.text or "")
            for s in sorted(by_sentence):
                text = detokenize(by_sentence[s])
                if len(text) >= 20:
                    out.append(NewsSentence(text, f"ecbplus/{xml_path.stem}", "ecbplus"))
    return out
