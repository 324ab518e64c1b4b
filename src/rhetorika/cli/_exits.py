"""Exit codes of the command line, and how it reports an error.

0: every input was analysed and the output written. 1: an input, a record
or the output failed (the other inputs are still analysed). 2: a usage
error, reported before any work.
"""

from __future__ import annotations

from typing import TextIO

__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "report"]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def report(stderr: TextIO, error: object) -> None:
    """Write ``error`` to ``stderr`` as one ``rhetorika: error:`` line."""
    stderr.write(f"rhetorika: error: {error}\n")
