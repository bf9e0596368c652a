"""The one small family of fatal errors, and their exit codes.

Problems found in a ministry's file are *values* (see :mod:`generator.problems`), never
exceptions. These exceptions are for conditions that stop a command outright.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class TreatyError(Exception):
    """A fatal error with a one-line explanation for the person at the keyboard."""

    exit_code = EXIT_INTERNAL


class UsageError(TreatyError):
    """The command was called wrongly (bad option, missing folder)."""

    exit_code = EXIT_USAGE


class ConfigurationError(TreatyError):
    """The repository itself is broken: a schema, a catalogue or a registry cannot be read."""

    exit_code = EXIT_INTERNAL


class ConservationError(TreatyError):
    """A report would lose or duplicate an entry a ministry submitted."""

    exit_code = EXIT_PROBLEMS
