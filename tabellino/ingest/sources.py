"""Read documents from files, folders, JSON / JSON Lines and standard input.

:func:`iter_documents` yields a :class:`~tabellino.models.Document` per text or record and a
:class:`SourceFailure` per input (or record) that cannot be read, so one bad file never stops a run.

What a file holds is decided in one place, :data:`READERS` (by file suffix): plain text, JSON (one
object or a list of objects) or JSON Lines. A record has ``text`` (required) and optionally ``id``,
``url`` (or ``source_url``), ``title``, ``published`` (ISO date), ``language``; other keys are
ignored. Document ids are the record's ``id``, else the path (``path#N`` for the Nth record, counted
from 1), ``-`` / ``-#N`` for standard input.

Archives are streamed by :mod:`tabellino.ingest.archives`: WARC / WARC.gz files (HTML responses;
other records come back as :class:`SourceSkip` counts) and gzip-compressed files of any kind above
(``.jsonl.gz`` line by line), recognised by name or by the gzip magic number before the checks below.

Bytes are checked before they are decoded: empty input, binary data (NUL bytes, or the magic numbers
of PDF, PNG, JPEG, GIF, ZIP, GZIP) and input over ``settings().max_input_bytes`` are refused (the size
is checked before reading). Text that is not valid UTF-8 is decoded as cp1252, else latin-1, and a
warning is logged.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from tabellino.config import settings
from tabellino.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    RecordError,
    TabellinoError,
)
from tabellino.models import Document

if TYPE_CHECKING:
    from tabellino.ingest.fetch import Fetcher

__all__ = ["READERS", "SUFFIXES", "SourceFailure", "SourceSkip", "decode_bytes", "iter_documents"]

log = logging.getLogger(__name__)

STDIN = "-"


@dataclass(frozen=True, slots=True)
class SourceFailure:
    """An input (file, record, stdin) that could not be read, and why."""

    source: str
    error: TabellinoError


@dataclass(frozen=True, slots=True)
class SourceSkip:
    """Records of an archive passed over on purpose (e.g. WARC requests), counted per reason."""

    source: str
    reason: str
    count: int = 1


Item = Document | SourceFailure | SourceSkip
Reader = Callable[[bytes, str], Iterator[Item]]

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a GZIP archive"),
)
_SNIFF = 8192
_FALLBACKS = ("cp1252", "latin-1")


# --- bytes -> text ----------------------------------------------------------------------------------


def check_bytes(data: bytes, source: str) -> None:
    """Raise EmptyInputError / BinaryInputError when ``data`` is not text."""
    if not data.strip():
        raise EmptyInputError(f"{source}: the input is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"{source}: the input is {what}, not text")
    if _utf16_bom(data) is None and b"\x00" in data[:_SNIFF]:
        raise BinaryInputError(f"{source}: the input holds NUL bytes; it is binary data, not text")


def _utf16_bom(data: bytes) -> str | None:
    """Return ``utf-16`` when the data starts with a UTF-16 byte order mark."""
    return "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else None


def decode_bytes(data: bytes, source: str) -> str:
    """Decode text: UTF-8 (or UTF-16 with a BOM); else cp1252, else latin-1, logging the fallback."""
    encoding = _utf16_bom(data) or "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        first_error = exc
    for fallback in _FALLBACKS:
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        log.warning("%s: not valid %s (%s); decoded as %s", source, encoding, first_error.reason, fallback)
        return text
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


# --- readers by content -----------------------------------------------------------------------------


def read_text(data: bytes, source: str) -> Iterator[Item]:
    """Yield one document holding the whole text."""
    check_bytes(data, source)
    yield Document(id=source, text=decode_bytes(data, source))


def read_json(data: bytes, source: str) -> Iterator[Item]:
    """Yield the records of a JSON file: one object, or a list of objects (``source#N``)."""
    check_bytes(data, source)
    try:
        value = json.loads(decode_bytes(data, source))
    except json.JSONDecodeError as exc:
        yield SourceFailure(source, RecordError(f"{source}: malformed JSON: {exc}"))
        return
    if isinstance(value, list):
        for n, record in enumerate(value, start=1):
            yield _record(record, f"{source}#{n}")
    else:
        yield _record(value, source)


def read_jsonl(data: bytes, source: str) -> Iterator[Item]:
    """Yield one record per non-blank line of JSON Lines (``source#N``); a bad line fails alone."""
    check_bytes(data, source)
    yield from _jsonl_lines(iter(data.splitlines()), source)


def _jsonl_lines(lines: Iterator[bytes | InputTooLargeError], source: str) -> Iterator[Item]:
    """Yield a document or failure for each non-blank line (a line may arrive as a size error)."""
    n = 0
    for raw in lines:
        if isinstance(raw, bytes) and not raw.strip():
            continue
        n += 1
        name = f"{source}#{n}"
        if isinstance(raw, InputTooLargeError):
            yield SourceFailure(name, raw)
            continue
        try:
            record = json.loads(decode_bytes(raw, name))
        except json.JSONDecodeError as exc:
            yield SourceFailure(name, RecordError(f"{name}: malformed JSON line: {exc}"))
            continue
        yield _record(record, name)


def _record(record: Any, name: str) -> Item:
    """Turn one JSON record into a document, or a failure when it has no usable text."""
    if not isinstance(record, dict):
        return SourceFailure(name, RecordError(f"{name}: a record must be a JSON object"))
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return SourceFailure(name, RecordError(f"{name}: the record has no 'text'"))
    given_id = record.get("id")
    return Document(
        id=str(given_id) if isinstance(given_id, str | int) and str(given_id) else name,
        text=text,
        url=_string(record.get("url")) or _string(record.get("source_url")),
        title=_string(record.get("title")),
        published=_iso_date(record.get("published"), name),
        language=(_string(record.get("language")) or "").lower() or None,
    )


def _string(value: Any) -> str | None:
    """Return a non-empty string value, else None."""
    return value.strip() or None if isinstance(value, str) else None


def _iso_date(value: Any, name: str) -> date | None:
    """Read an ISO date or date-time (cut to its date); a bad value is logged and ignored."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        log.warning("%s: 'published' is not an ISO date: %r; ignored", name, value)
        return None


def read_html(data: bytes, source: str) -> Iterator[Item]:
    """Yield the document of an HTML page (imported on first use: it loads lxml and trafilatura)."""
    from tabellino.ingest.html import read_html as read_page

    yield from read_page(data, source)


def read_warc(data: bytes, source: str) -> Iterator[Item]:
    """Yield the documents of a WARC held in memory (files are streamed: see :func:`_read_file`)."""
    from tabellino.ingest.archives import read_warc_bytes

    yield from read_warc_bytes(data, source)


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".warc": read_warc,
}
"""How a file is read, by suffix: the one place a new input kind (HTML, feeds) is added."""

SUFFIXES = frozenset(READERS)
"""The suffixes a folder walk picks up."""


def _reader_for(path: Path) -> Reader:
    """Return the reader for a file given by name (plain text unless its suffix says otherwise)."""
    return READERS.get(path.suffix.lower(), read_text)


def _sniff_reader(data: bytes) -> Reader:
    """Return the reader for standard input, judged by its first character."""
    head = data.lstrip()[:1]
    if data.startswith(b"WARC/"):
        return read_warc
    if head == b"[":
        return read_json
    if head == b"{":
        first_line = data.lstrip().split(b"\n", 1)[0].strip()
        try:
            json.loads(first_line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return read_json
        return read_jsonl
    if head == b"<" and _looks_like_html(data):
        return read_html
    return read_text


def _looks_like_html(data: bytes) -> bool:
    """Return whether standard input is an HTML page (the HTML reader is loaded only then)."""
    from tabellino.ingest.html import looks_like_html

    return looks_like_html(data)


# --- inputs -> items --------------------------------------------------------------------------------


def iter_documents(
    inputs: Sequence[str], stdin: BinaryIO | None = None, *, fetcher: Fetcher | None = None
) -> Iterator[Item]:
    """Yield a document per text or record in ``inputs``, and a failure for each one that cannot be read.

    An input is a file, a folder (read recursively: every suffix in :data:`SUFFIXES`, also
    gzip-compressed as ``.jsonl.gz``, ``.warc.gz``...; hidden files skipped) or ``-`` for standard
    input (``stdin``, default ``sys.stdin.buffer``). Nothing raises for a bad input: it becomes a
    :class:`SourceFailure` and the run goes on; archive records passed over come as :class:`SourceSkip`.
    An ``http://`` or ``https://`` input is fetched with ``fetcher`` (default: a
    :class:`~tabellino.ingest.fetch.Fetcher` with the settings' policy, public addresses only).
    """
    urls = _Urls(fetcher)
    try:
        for name in inputs:
            if name == STDIN:
                yield from _guard(STDIN, partial(_read_stdin, stdin))
            elif name.lower().startswith(("http://", "https://")):
                yield from _guard(name, partial(urls.read, name))
            elif os.path.isdir(name):
                yield from _read_folder(Path(name))
            else:
                yield from _guard(name, partial(_read_file, Path(name)))
    finally:
        urls.close()


class _Urls:
    """Reads URL inputs with the fetcher given, or with one made on first use (and closed at the end)."""

    def __init__(self, fetcher: Fetcher | None) -> None:
        self._given = fetcher
        self._made: Fetcher | None = None

    def read(self, url: str) -> Iterator[Item]:
        """Fetch a URL and yield its page's document, or a skip when it is unchanged since it was stored.

        A fetch error raises FetchError.
        """
        from tabellino.ingest.fetch import Fetcher, page_document  # loads httpx only when a URL comes

        fetcher = self._given
        if fetcher is None:
            fetcher = self._made = self._made or Fetcher()
        result = fetcher.fetch(url)
        if result.not_modified:  # only a fetcher with a validator cache asks "has it changed?"
            yield SourceSkip(url, "pages unchanged since stored (HTTP 304)")
            return
        yield page_document(result)

    def close(self) -> None:
        """Close the fetcher made here (a fetcher given is the caller's to close)."""
        if self._made is not None:
            self._made.close()


def _guard(source: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Yield from ``produce()``; an input error (or an OS error) becomes one failure for ``source``."""
    try:
        yield from produce()
    except TabellinoError as exc:
        yield SourceFailure(source, exc)
    except OSError as exc:
        yield SourceFailure(source, InputError(f"{source}: cannot be read: {exc.strerror or exc}"))


def _read_folder(root: Path) -> Iterator[Item]:
    """Yield the items of every readable file under ``root``, in sorted order, skipping hidden ones."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            path = Path(dirpath) / filename
            if filename.startswith(".") or not _wanted(path):
                continue
            yield from _guard(str(path), partial(_read_file, path))


def _wanted(path: Path) -> bool:
    """Return whether a folder walk reads ``path``: a known suffix, or ``.gz`` over a known suffix."""
    from tabellino.ingest.archives import wanted

    return wanted(path, SUFFIXES)


def _read_file(path: Path) -> Iterator[Item]:
    """Read one file, refusing it before reading when it is missing or too large."""
    from tabellino.ingest.archives import is_archive, read_archive  # archives imports this module

    source = str(path)
    if not path.exists():
        raise InputError(f"{source}: no such file or folder")
    if is_archive(path):  # streamed record by record, before the size limit for whole files
        yield from read_archive(path, source)
        return
    limit = settings().max_input_bytes
    reader = _reader_for(path)
    if reader is read_jsonl:
        yield from _stream_jsonl(path, source, limit)
        return
    size = path.stat().st_size
    if size > limit:
        raise InputTooLargeError(f"{source}: {size:,} bytes is over the limit of {limit:,} bytes")
    yield from reader(path.read_bytes(), source)


def _stream_jsonl(path: Path, source: str, limit: int) -> Iterator[Item]:
    """Read JSON Lines line by line, so a large archive is never held whole; each line obeys the limit."""
    with path.open("rb") as handle:
        head = handle.read(_SNIFF)
        check_bytes(head, source)
        handle.seek(0)
        yield from _jsonl_lines(_bounded_lines(handle, source, limit), source)


def _bounded_lines(handle: BinaryIO, source: str, limit: int) -> Iterator[bytes | InputTooLargeError]:
    """Yield the lines of a binary file; a line over ``limit`` bytes is skipped and yields an error."""
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(limit + 1)) and not rest.endswith(b"\n"):
            pass
        yield InputTooLargeError(f"{source}: a line is over the limit of {limit:,} bytes")


def _read_stdin(stdin: BinaryIO | None) -> Iterator[Item]:
    """Read standard input up to the size limit and dispatch on what it looks like."""
    stream = stdin if stdin is not None else sys.stdin.buffer
    limit = settings().max_input_bytes
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(f"{STDIN}: standard input is over the limit of {limit:,} bytes")
    if data.startswith(b"\x1f\x8b"):  # compressed: read before check_bytes refuses gzip as binary
        from tabellino.ingest.archives import read_gzip_bytes

        yield from read_gzip_bytes(data, STDIN)
        return
    check_bytes(data, STDIN)
    yield from _sniff_reader(data)(data, STDIN)
