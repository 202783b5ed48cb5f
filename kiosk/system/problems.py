"""Problems a command reports to the operator as one line and an exit code, never a traceback."""

from __future__ import annotations


class OperatorError(Exception):
    """What went wrong and what to do, in one line; `exit_code` for the shell (1: it failed,
    2: it was asked for something it will not do)."""

    exit_code = 1
