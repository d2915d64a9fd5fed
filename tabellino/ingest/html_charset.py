"""Decode the bytes of an HTML page: byte order mark, HTTP header, ``<meta>`` charset, then detection.

The order follows what browsers do, with two corrections for pages that lie about their charset,
the commonest real-world fault:

* a declared charset that does not decode the bytes (``utf-8`` declared, latin-1 bytes) is skipped;
* a declared single-byte charset (latin-1, cp1252) over bytes that are valid UTF-8 with non-ASCII
  characters is overruled by UTF-8: such byte sequences are vanishingly rare in real latin-1 text.

Bytes with no usable declaration that are not UTF-8 are read as cp1252 (the browsers' reading of
latin-1) when they decode as such: every language tabellino reads is written in it, and detectors
often take latin-1 text for a sibling code page (cp1250 turns "à" into "ŕ"). Only bytes that are not
cp1252 either go to charset-normalizer.
"""

from __future__ import annotations

import codecs
import logging
import re

__all__ = ["declared_charset", "decode_html"]

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]{0,100}?encoding\s*=\s*[\"']([\w.:-]+)", re.IGNORECASE)
_META_WINDOW = 4096
# WHATWG: these labels are decoded as windows-1252 by every browser.
_SINGLE_BYTE = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})
_FALLBACK = "cp1252"


def decode_html(data: bytes, content_type: str | None = None, source: str = "") -> str:
    """Return the text of an HTML page, choosing its charset as described in the module docstring."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    for encoding in _declared(data, content_type):
        text = _try_declared(data, encoding, source)
        if text is not None:
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data, source)


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """Return the first charset the header or the page declares (normalised codec name), if any."""
    found = _declared(data, content_type)
    return found[0] if found else None


def _declared(data: bytes, content_type: str | None) -> list[str]:
    """Return the known codecs declared by the HTTP header, then the page itself, without repeats."""
    labels: list[str] = []
    header = _HEADER_CHARSET.search(content_type or "")
    if header:
        labels.append(header.group(1))
    head = data[:_META_WINDOW]
    for regex in (_META_CHARSET, _XML_ENCODING):
        m = regex.search(head)
        if m:
            labels.append(m.group(1).decode("ascii", errors="ignore"))
    codecs_found = [c for c in (_codec(label) for label in labels) if c]
    return list(dict.fromkeys(codecs_found))


def _codec(label: str) -> str | None:
    """Return the normalised codec name of a charset label, None when Python does not know it."""
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _FALLBACK if name in _SINGLE_BYTE else name


def _try_declared(data: bytes, encoding: str, source: str) -> str | None:
    """Decode with a declared codec; None when it fails or when the bytes are really UTF-8."""
    if encoding == _FALLBACK and not data.isascii():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            log.warning("%s: declared %s but the bytes are UTF-8; read as UTF-8", source, encoding)
            return text
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        log.warning("%s: the bytes are not the declared %s; detecting the charset", source, encoding)
        return None


def _detect(data: bytes, source: str) -> str:
    """Guess the charset of undeclared, non-UTF-8 bytes: cp1252 when it fits, else charset-normalizer."""
    from charset_normalizer import from_bytes

    try:
        text = data.decode(_FALLBACK)
    except UnicodeDecodeError:
        pass
    else:
        log.warning("%s: no usable charset declared; read as %s", source, _FALLBACK)
        return text
    best = from_bytes(data).best()
    encoding = _codec(best.encoding) if best is not None else None
    encoding = encoding or _FALLBACK
    log.warning("%s: no usable charset declared; read as %s", source, encoding)
    return data.decode(encoding, errors="replace")
