"""Every error tabellino raises on purpose, in one hierarchy.

::

    TabellinoError
    ├── InputError              bad input a user passed (file, record, option)
    │   ├── EmptyInputError     nothing to read
    │   ├── BinaryInputError    bytes that are not text (images, PDFs, archives)
    │   ├── InputTooLargeError  over the size limit
    │   └── RecordError         a JSON / JSONL record without usable text
    ├── UnsupportedLanguageError  a language code with no data file
    ├── DataFileError           a language or knowledge-base data file that does not validate
    ├── FetchError              a URL or feed that could not be fetched (network, policy, size)
    └── StoreError              the database could not be opened or written

Each class has a short ``code`` so messages can be looked up and tested.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "DataFileError",
    "EmptyInputError",
    "FetchError",
    "InputError",
    "InputTooLargeError",
    "RecordError",
    "StoreError",
    "TabellinoError",
    "UnsupportedLanguageError",
]


class TabellinoError(Exception):
    """Base class of every error tabellino raises on purpose."""

    code = "T000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(TabellinoError):
    """Input that cannot be read as football news text."""

    code = "T100"


class EmptyInputError(InputError):
    """The input holds no text at all."""

    code = "T101"


class BinaryInputError(InputError):
    """The input is binary data (image, PDF, archive), not text."""

    code = "T102"


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""

    code = "T103"


class RecordError(InputError):
    """A JSON / JSONL record is malformed or has no ``text``."""

    code = "T104"


class UnsupportedLanguageError(TabellinoError):
    """A language code was asked for that has no language data file."""

    code = "T200"


class DataFileError(TabellinoError):
    """A language or knowledge-base data file is missing or does not validate."""

    code = "T300"


class FetchError(TabellinoError):
    """A URL or feed could not be fetched (network, policy, size, type)."""

    code = "T400"


class StoreError(TabellinoError):
    """The database could not be opened or written."""

    code = "T500"
