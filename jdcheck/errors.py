"""Errors with stable codes, raised only for input the tool cannot use."""

from __future__ import annotations


class JdcheckError(Exception):
    """Base error: a stable code, the file it concerns, what is wrong and what to do."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None,
                 code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.code} {self.message}{tail}"


class ReadError(JdcheckError):
    """A document could not be read; the scan records it and goes on."""

    code = "E100"


# Reader error codes: one per cause, documented in README.
UNSUPPORTED_FORMAT = "E101"
TOO_LARGE = "E102"
CORRUPT = "E103"
ENCRYPTED = "E104"
NO_TEXT_LAYER = "E105"
EMPTY = "E106"
BINARY = "E107"
ARCHIVE_TOO_LARGE = "E108"
XML_ENTITIES = "E109"
CONVERTER_MISSING = "E110"
CONVERSION_FAILED = "E111"
TIMEOUT = "E112"
UNREADABLE = "E113"
