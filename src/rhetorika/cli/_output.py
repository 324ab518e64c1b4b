"""Writing the command line's output files safely.

Outputs are written to a temporary file beside the target and renamed into
place, so an interrupted run never leaves half a file, and an existing file
is only replaced when the caller says so.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rhetorika.exceptions import OutputError

__all__ = ["open_atomically", "write_atomically"]


def write_atomically(path: str, content: str | bytes, *, force: bool = False) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename.

    Raises:
        OutputError: as `open_atomically()`.
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


def _check_target(target: Path, path: str, *, force: bool) -> None:
    """Refuse a target that is not a regular file, or exists without ``force``.

    Renaming over a symbolic link replaces the link, and over a device
    replaces the device node: neither is what writing "to" them means.
    """
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(f"{path}: cannot check: {error.strerror or error}", path=path) from None
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a directory, not an output file", path=path)
    if stat.S_ISLNK(mode):
        raise OutputError(
            f"{path}: is a symbolic link; it is never replaced: remove it, or name the file "
            "it points to",
            path=path,
        )
    if not stat.S_ISREG(mode):
        raise OutputError(
            f"{path}: is not a regular file (a device, FIFO or socket); it is never replaced, "
            "not even with --force; use - for standard output",
            path=path,
        )
    if not force:
        raise OutputError(f"{path}: already exists; pass --force to overwrite it", path=path)


@contextmanager
def open_atomically(path: str, *, force: bool = False) -> Iterator[BinaryIO]:
    """Stream into ``path``: a temporary file beside it, renamed into place on success.

    The checks happen on entry, before any work. If the block raises, the
    temporary file is removed and ``path`` is left as it was.

    Raises:
        OutputError: ``path`` exists and ``force`` is false, is a directory,
            a symbolic link (even a dangling one) or another file that is
            not a regular file (a device such as ``/dev/null``, a FIFO),
            whatever ``force`` says, or cannot be written (no such
            directory, no permission, disk full). Nothing is left behind:
            no temporary file, no half output.
    """
    target = Path(path)
    _check_target(target, path, force=force)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise OutputError(
            f"{path}: cannot write there: {error.strerror or error}; "
            "check that the directory exists and is writable",
            path=path,
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
            raise OutputError(
                f"{path}: cannot write: {error.strerror or error}", path=path
            ) from error
        raise
