"""Reading input files as text and writing output files safely.

Inputs must be UTF-8: a bad byte is reported with its file and byte offset.
Outputs are written to a temporary file beside the target and renamed into
place, so an interrupted run never leaves half a file, and an existing file
is only replaced when the caller says so.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rhetorika.exceptions import InputError

__all__ = ["open_atomically", "read_text", "write_atomically"]

STDIN = "-"


def read_text(source: str) -> str:
    """Read ``source`` (a path, or ``-`` for standard input) as UTF-8 text.

    Raises:
        InputError: The file is missing, a directory, unreadable, or not UTF-8.
    """
    if source == STDIN:
        data = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if path.is_dir():
            raise InputError(f"{source}: is a directory; pass the files inside it")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{source}: no such file") from None
        except OSError as error:
            raise InputError(f"{source}: cannot read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        name = "standard input" if source == STDIN else source
        raise InputError(
            f"{name}: not valid UTF-8 at byte offset {error.start} "
            f"(byte 0x{data[error.start]:02x}); convert the file to UTF-8"
        ) from None


def write_atomically(path: str, content: str | bytes, *, force: bool = False) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename.

    Raises:
        InputError: as :func:`open_atomically`.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open_atomically(path, force=force) as out:
        out.write(data)


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    """Permission bits for a new ``target``: the existing file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_current_umask()


@contextmanager
def open_atomically(path: str, *, force: bool = False) -> Iterator[BinaryIO]:
    """Stream into ``path``: a temporary file beside it, renamed into place on success.

    The checks happen on entry, before any work. If the block raises, the
    temporary file is removed and ``path`` is left as it was.

    Raises:
        InputError: ``path`` exists and ``force`` is false, is a directory,
            or cannot be written (no such directory, no permission, disk
            full). Nothing is left behind: no temporary file, no half output.
    """
    target = Path(path)
    if target.is_dir():
        raise InputError(f"{path}: is a directory, not an output file")
    if target.exists() and not force:
        raise InputError(f"{path}: already exists; pass --force to overwrite it")
    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise InputError(
            f"{path}: cannot write there: {error.strerror or error}; "
            "check that the directory exists and is writable"
        ) from None
    try:
        # mkstemp makes the file 0600; the output should have the mode any
        # new file gets here (the umask's), or the mode of the file it replaces.
        os.chmod(temporary, _mode_for(target))
        with os.fdopen(handle, "wb") as out:
            yield out
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(f"{path}: cannot write: {error.strerror or error}") from error
        raise
