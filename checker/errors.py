"""User-facing errors: one clear Chinese sentence, never a traceback (contracts.md §2, exit 2)."""
from __future__ import annotations


class InputError(Exception):
    """The input cannot be used. ``str(err)`` is the Chinese line shown to the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
