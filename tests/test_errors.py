"""Errors carry what went wrong as fields, and survive a trip between processes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from rhetorika.cli._output import write_atomically
from rhetorika.exceptions import InputError, OutputError, RhetorikaError, WorkerError


def test_worker_error_carries_the_index() -> None:
    """WorkerError.index is the failing text's position, kept through pickling."""
    error = WorkerError("text at index 7 failed: ValueError: x", index=7)
    copy = pickle.loads(pickle.dumps(error))
    assert (7, str(error)) == (copy.index, str(copy))


def test_output_error_carries_the_path() -> None:
    """OutputError.path is the output path, kept through pickling."""
    error = OutputError("out.csv: already exists", path="out.csv")
    copy = pickle.loads(pickle.dumps(error))
    assert ("out.csv", str(error)) == (copy.path, str(copy))


def test_an_existing_output_is_an_output_error_not_an_input_error(tmp_path: Path) -> None:
    """Refusing to overwrite raises OutputError (an OSError) naming the path; not InputError."""
    target = tmp_path / "out.csv"
    target.write_text("keep", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_atomically(str(target), "new")
    assert str(target) == caught.value.path
    assert isinstance(caught.value, OSError)
    assert isinstance(caught.value, RhetorikaError)
    assert not isinstance(caught.value, InputError)
    assert "keep" == target.read_text(encoding="utf-8")


def test_an_unwritable_directory_is_an_output_error(tmp_path: Path) -> None:
    """Writing into a directory that does not exist raises OutputError with the path."""
    target = tmp_path / "missing" / "out.csv"
    with pytest.raises(OutputError) as caught:
        write_atomically(str(target), "x")
    assert str(target) == caught.value.path
