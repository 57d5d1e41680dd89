"""Errors chronologist raises for bad input, in one small tree.

```
ChronologistError
├── InputError            user gave us something unusable      → CLI exit 1
│   ├── UnsupportedFormat   file type / reader not available
│   ├── DecodeError         not UTF-8 text, or binary
│   └── InvalidDate         a date we were given (e.g. --dct) that we can't parse
└── ConfigError           unknown setting / bad value          → CLI exit 2
```

Every message says what went wrong, where (file, line or field) and how to fix it.
"""

from __future__ import annotations

from typing import ClassVar


class ChronologistError(Exception):
    """Base class of every error chronologist raises on purpose."""

    exit_code: ClassVar[int] = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class InputError(ChronologistError):
    """The user gave us something we cannot use."""


class UnsupportedFormat(InputError):
    """No reader for this kind of file."""


class DecodeError(InputError):
    """The file is binary or not UTF-8 text."""


class InvalidDate(InputError):
    """A date we were given cannot be parsed."""


class ConfigError(ChronologistError):
    """An unknown setting or a bad setting value."""

    exit_code: ClassVar[int] = 2


def bug(message: str) -> RuntimeError:
    """An internal invariant failed: say so plainly."""
    return RuntimeError(f"{message}: this is a bug in chronologist, please report it")
