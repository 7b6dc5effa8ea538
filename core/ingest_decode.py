"""Bytes to text for ingest: BOMs, UTF-8, legacy encodings, and refusing binary data.

UTF-8 (with or without a BOM) and UTF-16/32 with a BOM are decoded directly; anything else is
handed to charset-normalizer, imported only then because it costs ~30 ms at start-up. Newlines
are never translated and the BOM is dropped, so the returned string is exactly the text as read.
"""

from __future__ import annotations

import codecs
import re

# Magic numbers of the binary formats people most often drop into an article folder.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"{\\rtf", "RTF document"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SAMPLE = 65536
_CONTROL_MAX_RATIO = 0.01

# When charset-normalizer finds several equally good single-byte encodings (short Western texts
# decode identically in many), prefer the ones news text is most often written in.
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")
_CHAOS_TOLERANCE = 0.1


class NotTextError(ValueError):
    """The bytes are not text in any encoding we can trust."""


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of `data` ('PDF document', 'binary data'…), or None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in data:
        return "binary data (NUL bytes)"
    return None


def decode_text(data: bytes) -> str:
    """Decode `data` to str without a BOM and without touching newlines.

    Raises NotTextError for binary data or bytes no encoding explains.
    """
    kind = binary_kind(data)
    if kind is not None:
        article = "" if kind.startswith("binary data") else "an " if kind[0] in "aeiou" else "a "
        raise NotTextError(f"not text (binary/PDF): looks like {article}{kind}")
    text = _decode_with_bom(data)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    sample = text[:_CONTROL_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > _CONTROL_MAX_RATIO * len(sample):
        raise NotTextError("not text (binary/PDF): too many control characters")
    return text


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise NotTextError(f"not text: invalid {encoding.upper()} after its BOM ({exc.reason})") from exc
    return None


def _decode_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise NotTextError("not text (binary/PDF): no text encoding fits these bytes")
    best = matches[0]
    # Short Western texts fit many code pages almost equally; a Windows-1252/Latin-1 reading
    # that is as coherent as the best and barely more chaotic wins ('déjà' read as cp1257 gave
    # 'déją'). Central European, Turkish, Baltic text stays with its own code page: there
    # cp1252 is clearly less coherent.
    close = {
        m.encoding
        for m in matches
        if m.coherence >= best.coherence - 1e-9 and m.chaos <= best.chaos + _CHAOS_TOLERANCE
    }
    encoding = next((enc for enc in _PREFERRED_LEGACY if enc in close), best.encoding)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise NotTextError(f"not text: cannot decode as {encoding}") from exc
