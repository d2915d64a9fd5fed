"""Read archives record by record: WARC / WARC.gz crawls and gzip-compressed files of any readable kind.

An archive is never held whole in memory: a WARC is read one record at a time (warcio), a
``.jsonl.gz`` one line at a time; only a single record, line or compressed page is in memory, and
each obeys ``settings().max_input_bytes``.

WARC records: ``response`` (and ``resource``) records holding HTML become documents through
:func:`tabellino.ingest.html.html_document`, with the record's target URI as ``url`` and its
Content-Type (so its charset) passed on; document ids are ``path#N``, N counting every record of the
file from 1. Every other record (requests, metadata, revisits, non-HTML or non-2xx responses) is
passed over and counted: one :class:`~tabellino.ingest.sources.SourceSkip` per reason at the end of
the archive. A record that cannot be read is one failure and the next record is read; a file cut in
the middle yields every record read before the cut plus one failure naming where it stopped.

Compressed files (named ``.gz``; on standard input, the gzip magic number): the name without
``.gz`` says what is inside (``.jsonl`` streamed, ``.warc`` as above, ``.html`` / ``.txt`` / ``.json``
decompressed up to the size limit and read as usual; no known suffix: judged by content). A ``.gz``
file that is not gzip data is one clear failure.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import logging
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tabellino.config import settings
from tabellino.errors import EmptyInputError, InputError, InputTooLargeError, TabellinoError
from tabellino.ingest.sources import (
    READERS,
    Item,
    SourceFailure,
    SourceSkip,
    _bounded_lines,
    _jsonl_lines,
    _sniff_reader,
    check_bytes,
)

__all__ = [
    "GZIP_MAGIC",
    "WARC_MAGIC",
    "is_archive",
    "read_archive",
    "read_gzip_bytes",
    "read_warc",
    "read_warc_bytes",
    "wanted",
]

log = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_READ_TYPES = frozenset({"response", "resource"})
_CHUNK = 1 << 16
_SNIFF = 8192
# What a broken gzip stream raises (BadGzipFile is an OSError): each means the data stops here.
_DAMAGE = (OSError, EOFError, zlib.error)


# --- which files are archives -----------------------------------------------------------------------


def _inner_suffix(path: Path) -> str:
    """Return the suffix of what a file holds: ``.jsonl`` for ``x.jsonl.gz``, ``.html`` for ``x.html``."""
    name = path.name.lower()
    return Path(name.removesuffix(".gz")).suffix if name.endswith(".gz") else path.suffix.lower()


def wanted(path: Path, suffixes: frozenset[str]) -> bool:
    """Return whether a folder walk reads ``path``: a known suffix, or ``.gz`` over a known suffix."""
    suffix = path.suffix.lower()
    return suffix in suffixes or (suffix == ".gz" and _inner_suffix(path) in suffixes)


def is_archive(path: Path) -> bool:
    """Return whether ``path`` is read here, by its name: ``.warc`` or ``.gz``.

    Gzip bytes under another name (``page.txt``) are refused as binary, as any other binary file:
    the name is what says a file is compressed (standard input, which has no name, is sniffed).
    """
    return path.suffix.lower() in (".warc", ".gz")


# --- files ------------------------------------------------------------------------------------------


def read_archive(path: Path, source: str) -> Iterator[Item]:
    """Stream the items of a WARC or compressed file (see the module docstring)."""
    with path.open("rb") as handle:
        head = handle.read(len(WARC_MAGIC))
        handle.seek(0)
        if not head:
            raise EmptyInputError(f"{source}: the input is empty")
        if head.startswith(GZIP_MAGIC):
            yield from _read_gzip(handle, source, _inner_suffix(path))
        elif path.suffix.lower() == ".gz":
            raise InputError(f"{source}: the file is named .gz but is not gzip-compressed data")
        else:
            yield from read_warc(handle, source)


def _read_gzip(handle: BinaryIO, source: str, inner: str) -> Iterator[Item]:
    """Read gzip data by what it holds: WARC and JSON Lines streamed, anything else whole.

    A WARC is read through one decompressing stream, whether gzip per record (the standard) or
    gzipped whole (``gzip crawl.warc``), which warcio alone refuses; a cut stream fails there.
    """
    limit = settings().max_input_bytes
    with gzip.GzipFile(fileobj=handle, mode="rb") as stream:
        head = _peek(stream, source)
        if inner == ".warc" or head.startswith(WARC_MAGIC):
            yield from read_warc(cast(BinaryIO, stream), source)
            return
        if inner == ".jsonl":
            check_bytes(head, source)
            yield from _jsonl_lines(_lines(stream, source, limit), source)
            return
        data = _decompress(stream, source, limit)
    check_bytes(data, source)
    reader = READERS.get(inner) or _sniff_reader(data)
    yield from reader(data, source)


def read_gzip_bytes(data: bytes, source: str) -> Iterator[Item]:
    """Read gzip-compressed bytes (standard input), judging what they hold by their content."""
    yield from _read_gzip(io.BytesIO(data), source, "")


def _peek(stream: gzip.GzipFile, source: str) -> bytes:
    """Return the first decompressed bytes without consuming them."""
    try:
        return stream.peek(_SNIFF)[:_SNIFF]
    except _DAMAGE as exc:
        raise _damaged(source, exc) from None


def _lines(stream: gzip.GzipFile, source: str, limit: int) -> Iterator[bytes | InputTooLargeError]:
    """Yield the decompressed lines; a cut or damaged stream ends with an InputError."""
    try:
        yield from _bounded_lines(cast(BinaryIO, stream), source, limit)
    except _DAMAGE as exc:
        raise _damaged(source, exc) from None


def _decompress(stream: gzip.GzipFile, source: str, limit: int) -> bytes:
    """Return the decompressed data, refusing more than ``limit`` bytes (a gzip bomb stops there)."""
    try:
        data = stream.read(limit + 1)
    except _DAMAGE as exc:
        raise _damaged(source, exc) from None
    if len(data) > limit:
        raise InputTooLargeError(f"{source}: over the limit of {limit:,} bytes once decompressed")
    return data


def _damaged(source: str, exc: BaseException) -> InputError:
    """Return the error for compressed data that is not gzip, cut short or corrupt."""
    return InputError(f"{source}: the compressed data is cut short or damaged ({type(exc).__name__}: {exc})")


# --- WARC -------------------------------------------------------------------------------------------


def read_warc_bytes(data: bytes, source: str) -> Iterator[Item]:
    """Read a WARC held in memory (the :data:`READERS` entry, used for standard input)."""
    yield from read_warc(io.BytesIO(data), source)


def read_warc(handle: BinaryIO, source: str) -> Iterator[Item]:
    """Yield a document per HTML response of a WARC (plain or gzip), then what was skipped, by reason."""
    _check_warc(handle, source)
    skipped: Counter[str] = Counter()
    yield from _records(handle, source, skipped)
    for reason, count in sorted(skipped.items()):
        yield SourceSkip(source, reason, count)


def _check_warc(handle: BinaryIO, source: str) -> None:
    """Refuse data that does not start with a WARC record (warcio would read text as an old ARC file)."""
    start = handle.tell()
    try:
        head = handle.read(len(WARC_MAGIC))
    except _DAMAGE as exc:
        raise _damaged(source, exc) from None
    handle.seek(start)
    if not head.startswith(WARC_MAGIC):
        raise InputError(f"{source}: not a WARC file (it does not start with a WARC record)")


def _records(handle: BinaryIO, source: str, skipped: Counter[str]) -> Iterator[Item]:
    """Yield the items of each record; a cut or damaged archive ends with one failure."""
    limit = settings().max_input_bytes
    records = ArchiveIterator(handle)
    n, end = 0, handle.tell()
    try:
        while (record := _quietly(next, records, None)) is not None:
            n += 1
            item = _record_item(record, f"{source}#{n}", limit, skipped)
            _quietly(records.read_to_end, record)
            end = int(records.get_record_offset()) + int(records.get_record_length())
            if item is not None:
                yield item
    except Exception as exc:  # warcio raises ArchiveLoadFailed, and plain errors on some cuts
        yield SourceFailure(source, _cut(source, n, exc))
        return
    if _trailing_data(handle, end):
        yield SourceFailure(source, _cut(source, n, None))


def _quietly(func: Callable[..., Any], *args: Any) -> Any:
    """Call a warcio step, keeping the warnings it prints on stderr about bad records off the terminal."""
    with contextlib.redirect_stderr(io.StringIO()) as noise:
        result = func(*args)
    if noise.getvalue().strip():
        log.info("warcio: %s", " ".join(noise.getvalue().split()))
    return result


def _cut(source: str, n: int, exc: BaseException | None) -> InputError:
    """Return the error for a WARC that stops being readable after ``n`` records."""
    # warcio's own errors say what is wrong; other errors on a cut are internals, not worth showing.
    detail = str(exc).splitlines()[0] if isinstance(exc, ArchiveLoadFailed) and str(exc) else ""
    why = f" ({detail})" if detail else ""
    if n == 0:
        return InputError(f"{source}: not a readable WARC file{why}")
    return InputError(f"{source}: the archive is cut short or damaged after record {n}{why}")


def _trailing_data(handle: BinaryIO, end: int) -> bool:
    """Return whether bytes other than blank lines follow the last whole record (a cut record).

    Not for a decompressing stream: seeking back would decompress it all again, and a cut gzip
    stream has already failed while being read.
    """
    if isinstance(handle, gzip.GzipFile) or not handle.seekable():
        return False
    handle.seek(end)
    while chunk := handle.read(_CHUNK):
        if chunk.strip():
            return True
    return False


def _record_item(record: Any, name: str, limit: int, skipped: Counter[str]) -> Item | None:
    """Return the document (or failure) of one record, or None after counting it as skipped."""
    if not record.rec_type:
        return SourceFailure(name, InputError(f"{name}: not a WARC record (it has no WARC-Type)"))
    reason = _skip_reason(record)
    if reason is not None:
        skipped[reason] += 1
        return None
    try:
        body = _body(record, name, limit)
        return _html(body, name, record)
    except TabellinoError as exc:
        return SourceFailure(name, exc)
    except Exception as exc:  # a bug on one page must not lose the rest of the archive
        return SourceFailure(name, InputError(f"{name}: internal error: {type(exc).__name__}: {exc}"))


def _skip_reason(record: Any) -> str | None:
    """Return why a record is passed over (by type, HTTP status, content type), or None to read it."""
    kind = str(record.rec_type)
    if kind not in _READ_TYPES:
        return f"{kind} records"
    status = record.http_headers.get_statuscode() if record.http_headers else "200"
    if not str(status).startswith("2"):
        return "responses with an HTTP status other than 2xx"
    media = _media_type(_content_type(record))
    if media and media not in _HTML_TYPES:
        return "responses that are not HTML"
    return None


def _content_type(record: Any) -> str | None:
    """Return the payload's Content-Type: the HTTP header, else the WARC record's."""
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type")
        return str(value) if value else None
    value = record.rec_headers.get_header("Content-Type")
    return str(value) if value else None


def _media_type(content_type: str | None) -> str:
    """Return the media type of a Content-Type value, lower case, without parameters."""
    return (content_type or "").split(";")[0].strip().lower()


def _body(record: Any, name: str, limit: int) -> bytes:
    """Return the record's payload, decoded (chunked, gzip), refusing one over ``limit`` or cut short."""
    raw = _read_bounded(record.raw_stream, name, limit)
    missing = getattr(record.raw_stream, "limit", 0)  # warcio's LimitReader: bytes declared, not read
    if missing:
        raise InputError(f"{name}: the record is cut short ({missing:,} bytes missing)")
    # warcio undoes chunked transfer and content encoding while reading record.raw_stream: point it
    # at the bytes already read (the archive's own stream is consumed up to the record's end).
    record.raw_stream = io.BytesIO(raw)
    return _read_bounded(record.content_stream(), name, limit)


def _read_bounded(stream: Any, name: str, limit: int) -> bytes:
    """Read a stream to its end, refusing more than ``limit`` bytes."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > limit:
            raise InputTooLargeError(f"{name}: the record is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _html(body: bytes, name: str, record: Any) -> Item:
    """Read an HTML payload into a document carrying the record's URL; refuse a payload that is not HTML."""
    from tabellino.ingest.html import html_document, looks_like_html

    content_type = _content_type(record)
    if not _media_type(content_type) and not looks_like_html(body):
        raise InputError(f"{name}: the record has no Content-Type and does not look like HTML")
    url = record.rec_headers.get_header("WARC-Target-URI")
    doc = html_document(body, name, url=str(url) if url else None, content_type=content_type)
    if doc.url is None and url:
        doc.url = str(url)
    return doc
