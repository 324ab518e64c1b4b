"""SIGTERM and SIGHUP stop the command line the way Ctrl-C does.

Python turns SIGINT into ``KeyboardInterrupt``, which unwinds the stack, so
an output being written is removed with its temporary file. SIGTERM (sent
by ``timeout``, ``kill`` and service managers) and SIGHUP (a closed
terminal) would end the process on the spot and leave the temporary file
behind; here they raise `Terminated`, a ``KeyboardInterrupt``, and
unwind the same way.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["Terminated", "terminated_like_interrupted"]


class Terminated(KeyboardInterrupt):
    """The process was sent SIGTERM or SIGHUP; ``signum`` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextmanager
def terminated_like_interrupted() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP (where it exists) raise `Terminated`.

    Signal handlers can only be set from the main thread; elsewhere (a CLI
    run from a test's thread) the block runs with the handlers unchanged.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = ("SIGTERM", "SIGHUP")
    numbers = [getattr(signal, name) for name in names if hasattr(signal, name)]
    previous = {number: signal.signal(number, _raise) for number in numbers}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
