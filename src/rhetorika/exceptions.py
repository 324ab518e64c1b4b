"""The exceptions rhetorika raises.

Every error derives from [`RhetorikaError`][rhetorika.exceptions.RhetorikaError] and from the
nearest builtin, so ``except ValueError`` keeps working for callers who never heard of us.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = [
    "ArgumentTypeError",
    "ConfigurationError",
    "DegradedPipelineWarning",
    "InputError",
    "LexiconFormatError",
    "MissingExtraError",
    "OutputError",
    "RhetorikaError",
    "RhetorikaWarning",
    "SchemaError",
    "SerializationError",
    "UnknownExtractorError",
    "WorkerError",
]


class RhetorikaError(Exception):
    """Base class of every error raised by rhetorika.

    Added in version 0.1.0.
    """


class ConfigurationError(RhetorikaError, ValueError):
    """An argument or setting is invalid; the message lists the valid choices.

    Added in version 0.1.0.
    """


class ArgumentTypeError(RhetorikaError, TypeError):
    """An argument has the wrong type; the message names the argument and what it takes.

    Raised up front by the public functions and constructors, e.g. for
    ``Analyzer(nlp="en_core_web_sm")`` or ``pipe("one text")``, a single
    string where an iterable of texts is expected.

    Added in version 0.1.0.
    """


class UnknownExtractorError(ConfigurationError, KeyError):
    """An extractor name is not registered.

    Added in version 0.1.0.
    """

    def __str__(self) -> str:
        # KeyError would otherwise wrap the message in quotes.
        return str(self.args[0]) if self.args else ""


class InputError(RhetorikaError, ValueError):
    """Input could not be read as text (bad encoding, not a file, ...).

    Added in version 0.1.0.
    """


class OutputError(RhetorikaError, OSError):
    """An output file could not be written: it exists, is a directory, or the write failed.

    Nothing is left behind: no temporary file and no half-written output.

    Args:
        message: What went wrong and what to do, starting with the path.
        path: The output path, as the caller gave it.

    Added in version 0.1.0.
    """

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (functools.partial(type(self), path=self.path), (str(self.args[0]),))


class LexiconFormatError(RhetorikaError, ValueError):
    """A lexicon or data file is malformed.

    The message names the file and the line, and says what was expected.

    Args:
        message: What is wrong.
        path: The file, as given by the caller or the package resource name.
        line: The 1-based line number, or ``None`` when it concerns the whole file.

    Added in version 0.1.0.
    """

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        where = f"{path}, line {line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class MissingExtraError(RhetorikaError, ImportError):
    """An optional integration needs a package that is not installed.

    The message names the extra that installs it, e.g.
    ``pip install 'rhetorika[pandas]'``.

    Added in version 0.1.0.
    """


class SchemaError(RhetorikaError, TypeError):
    """A feature row does not match the columns or types its extractors declared.

    Feature tables fix their columns from the extractors' declarations
    before analysing anything; a third-party extractor whose ``features``
    returns other columns than its ``feature_columns`` declares (or a
    non-int count), or two extractors declaring the same column, break
    that promise.

    Added in version 0.1.0.
    """


class SerializationError(RhetorikaError, ValueError):
    """JSON or plain data could not be read back as a rhetorika result.

    Raised by [`rhetorika.from_json()`][rhetorika.from_json] and ``from_dict`` for malformed
    JSON or data of the wrong shape; the message says which.

    Added in version 0.1.0.
    """


class WorkerError(RhetorikaError, RuntimeError):
    """A worker process failed on one text, whose position ``index`` gives.

    Raised by ``Analyzer.pipe(n_process=N)`` and the feature tables when N
    is above 1; the message gives the index, then the original exception's
    type and message. A worker that dies outright (killed, out of memory)
    fails no text in particular: ``index`` is then ``None``.

    Args:
        message: What failed.
        index: The 0-based position of the failing text in the input, or
            ``None`` when the failure is not one text's.

    Added in version 0.1.0.
    """

    def __init__(self, message: str, *, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index

    def __reduce__(self) -> tuple[Any, ...]:
        return (functools.partial(type(self), index=self.index), (str(self.args[0]),))


class RhetorikaWarning(UserWarning):
    """Base class of every warning rhetorika gives.

    Added in version 0.1.0.
    """


class DegradedPipelineWarning(RhetorikaWarning):
    """A pipeline lacks an annotation an extractor would use; it falls back.

    Given once per extractor and annotation, e.g. when a trained pipeline
    without a parser is passed as ``nlp``. Results are still valid; the
    message says what the extractor does instead. rhetorika's default
    pipeline, which has no parser by design, never gives it.

    Added in version 0.1.0.
    """
