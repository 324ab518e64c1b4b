"""The ``rhetorika features`` command: a corpus in, a feature table out.

Records stream from the input files through `Analyzer.pipe()` into the
output, so memory stays flat however large the corpus: CSV rows are written
as they come, Parquet in row groups. The output is written beside its
target and renamed into place at the end, so an interrupted run leaves no
half-written table. Exit codes are the CLI's (`_exits`): 1 when an
input or a record could not be read (the others are still analysed), when
analysing a record failed, or when the output cannot be written.
"""

from __future__ import annotations

import argparse
import csv
import io
from collections import deque
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from rhetorika._progress import Progress
from rhetorika._table import FeatureSchema, feature_rows, schema_of
from rhetorika.analyzer import Analyzer
from rhetorika.cli._exits import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, report
from rhetorika.cli._inputs import (
    FORMATS,
    STDIN,
    Record,
    check_readable,
    count_records,
    expand_paths,
    read_records,
)
from rhetorika.cli._options import add_extractors_option, positive
from rhetorika.cli._output import open_atomically
from rhetorika.exceptions import (
    ConfigurationError,
    InputError,
    MissingExtraError,
    OutputError,
    WorkerError,
)
from rhetorika.extra import require
from rhetorika.extra.arrow import arrow_schema
from rhetorika.typing import Features

__all__ = ["add_parser", "run"]

TABLE_FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
_WORDS_COLUMN = "text_words"  # the feature column the closing summary adds up


def add_parser(commands: Any) -> None:
    """Add the ``features`` subcommand to the CLI's subparsers."""
    parser = commands.add_parser(
        "features",
        help="write one row of features per document to a CSV or Parquet table",
        description="Analyse every document of each PATH into one feature row. "
        "A .jsonl/.ndjson file holds one JSON object per line, a .csv file one "
        "document per row (text in --text-field), any other file is one document.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="corpus files, folders (their files, recursively), or - for stdin",
    )
    parser.add_argument(
        "--glob",
        default="*",
        metavar="PATTERN",
        help="in a folder, read only the files whose name matches, e.g. '*.txt' (default: all)",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="the table: a .csv or .parquet file, or - for CSV on stdout",
    )
    parser.add_argument(
        "--text-field", default="text", help="JSONL key or CSV column of the text (default: text)"
    )
    parser.add_argument(
        "--id-field", default=None, help="JSONL key or CSV column copied to an 'id' column"
    )
    parser.add_argument(
        "--input-format",
        choices=FORMATS,
        default="auto",
        help="how to read the inputs (default: from each file's suffix)",
    )
    add_extractors_option(parser)
    parser.add_argument(
        "--jobs", type=positive, default=1, metavar="N", help="worker processes (default: 1)"
    )
    parser.add_argument(
        "--batch-size", type=positive, default=64, metavar="N", help="texts per batch"
    )
    parser.add_argument(
        "--row-group-size",
        type=positive,
        default=10_000,
        metavar="N",
        help="rows per Parquet row group, also the rows held in memory (default: 10000)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite the output if it exists")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first record that cannot be read or analysed, writing no table "
        "(default: report it with its line, skip it, and write the others' rows)",
    )
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="show documents done, their rate and, when the inputs can be counted, "
        "the share done and the time left, on stderr (auto: on a terminal)",
    )


class _CsvSink:
    """Writes rows as they come."""

    def __init__(self, out: BinaryIO | TextIO, header: list[str]) -> None:
        # Standard output is already text; an output file is bytes we wrap,
        # and detach again at the end so closing stays the file's business.
        self.wrapper = (
            None
            if isinstance(out, io.TextIOBase)
            else io.TextIOWrapper(out, encoding="utf-8", newline="")  # type: ignore[type-var]
        )
        self.text: TextIO = self.wrapper if self.wrapper is not None else out  # type: ignore[assignment]
        self.writer = csv.writer(self.text, lineterminator="\n")
        self.writer.writerow(header)

    def write(self, leading: list[object], row: Features) -> None:
        self.writer.writerow([*leading, *("" if v is None else v for v in row.values())])

    def close(self) -> None:
        self.text.flush()
        if self.wrapper is not None:
            self.wrapper.detach()


class _ParquetSink:
    """Buffers ``row_group_size`` rows, then writes them as one row group."""

    def __init__(
        self, out: BinaryIO, leading: list[str], schema: FeatureSchema, row_group_size: int
    ) -> None:
        self.pa: Any = require("pyarrow", extra="arrow")
        parquet: Any = require("pyarrow.parquet", extra="arrow")
        kinds = {"source": self.pa.string(), "line": self.pa.int64(), "id": self.pa.string()}
        self.leading = leading
        self.schema = schema
        self.arrow = arrow_schema(schema, leading=[(name, kinds[name]) for name in leading])
        self.writer = parquet.ParquetWriter(out, self.arrow)
        self.size = row_group_size
        self.buffer: list[tuple[list[object], Features]] = []

    def write(self, leading: list[object], row: Features) -> None:
        self.buffer.append((leading, row))
        if len(self.buffer) >= self.size:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        columns = [[lead[i] for lead, _ in self.buffer] for i in range(len(self.leading))] + [
            [row[name] for _, row in self.buffer] for name in self.schema.columns
        ]
        arrays = [
            self.pa.array(values, type=field.type)
            for values, field in zip(columns, self.arrow, strict=True)
        ]
        self.writer.write_table(self.pa.Table.from_arrays(arrays, schema=self.arrow))
        self.buffer.clear()

    def close(self) -> None:
        self.flush()
        self.writer.close()


class _RecordFailed(Exception):
    """Reading or analysing one record failed and stops the run; the message names its line."""


def _records(args: argparse.Namespace, stderr: TextIO, failures: list[int]) -> Iterator[Record]:
    """Every readable record of every input; errors are reported and counted."""
    for path in args.paths:
        try:
            for record in read_records(
                path, fmt=args.input_format, text_field=args.text_field, id_field=args.id_field
            ):
                if record.error is not None and args.strict:
                    raise _RecordFailed(f"{record.error}; stopped (--strict)")
                if record.error is not None:
                    report(stderr, f"{record.error}; skipped")
                    failures.append(1)
                else:
                    yield record
        except InputError as error:
            report(stderr, error)
            failures.append(1)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``rhetorika features``; return the exit code."""
    kind = "csv" if args.output == STDIN else TABLE_FORMATS.get(Path(args.output).suffix.lower())
    if kind is None:
        report(
            stderr,
            f"cannot tell the table format of {args.output!r}; "
            f"name the output with one of {', '.join(TABLE_FORMATS)}, or - for CSV on stdout",
        )
        return EXIT_USAGE
    if args.paths.count(STDIN) > 1:
        report(stderr, "standard input (-) can be read only once")
        return EXIT_USAGE
    # Every input is found and its first record read before the output
    # exists, so a wrong path or option leaves nothing behind.
    try:
        args.paths = expand_paths(args.paths, args.glob)
        for path in args.paths:
            check_readable(
                path, fmt=args.input_format, text_field=args.text_field, id_field=args.id_field
            )
    except InputError as error:
        report(stderr, error)
        return EXIT_FAILURE
    analyzer = Analyzer(extractors=args.extractors)
    schema = schema_of(analyzer)
    leading = ["source", "line"] + (["id"] if args.id_field else [])
    target: AbstractContextManager[Any] = (
        nullcontext(stdout)
        if args.output == STDIN
        else open_atomically(args.output, force=args.force)
    )
    failures: list[int] = []
    shown = args.progress == "always" or (args.progress == "auto" and stderr.isatty())
    progress = Progress(stderr, enabled=shown, total=_total(args) if shown else None)
    try:
        with target as out:
            sink: _CsvSink | _ParquetSink = (
                _CsvSink(out, [*leading, *schema.columns])
                if kind == "csv"
                else _ParquetSink(out, leading, schema, args.row_group_size)
            )
            _stream(args, analyzer, schema, sink, progress, stderr, failures)
            sink.close()
    except MissingExtraError as error:
        progress.close()
        report(stderr, error)
        return EXIT_USAGE
    except (InputError, OutputError, _RecordFailed) as error:
        progress.close()
        report(stderr, error)
        return EXIT_FAILURE
    except ConfigurationError:
        progress.close()
        raise
    progress.close()
    if shown:
        _report_summary(stderr, progress, failures, args.output)
    return EXIT_FAILURE if failures else EXIT_OK


def _total(args: argparse.Namespace) -> int | None:
    """The number of documents in the inputs, when every input can be counted."""
    counts = [count_records(path, fmt=args.input_format) for path in args.paths]
    return None if None in counts else sum(c for c in counts if c is not None)


def _report_summary(stderr: TextIO, progress: Progress, failures: list[int], output: str) -> None:
    """One line at the end of a run: documents, words, seconds, errors, where the table went."""
    where = "standard output" if output == STDIN else output
    errors = len(failures)
    stderr.write(
        f"rhetorika: {progress.done:,} documents, {progress.words:,} words in "
        f"{progress.elapsed():.1f} s; {errors} error{'s' if errors != 1 else ''}; "
        f"table written to {where}\n"
    )


def _stream(
    args: argparse.Namespace,
    analyzer: Analyzer,
    schema: FeatureSchema,
    sink: _CsvSink | _ParquetSink,
    progress: Progress,
    stderr: TextIO,
    failures: list[int],
) -> None:
    # The records whose texts are in flight, oldest first: Analyzer.pipe
    # yields in input order, so each row belongs to the leftmost record.
    in_flight: deque[Record] = deque()
    records = _records(args, stderr, failures)
    again: list[Record] = []  # in flight when a record failed: analysed afresh

    def texts(pending: list[Record]) -> Iterator[str]:
        for record in chain(pending, records):
            in_flight.append(record)
            assert record.text is not None
            yield record.text

    while True:
        rows = feature_rows(
            analyzer, texts(again), schema=schema, batch_size=args.batch_size, n_process=args.jobs
        )
        done = 0
        try:
            for row in rows:
                record = in_flight.popleft()
                leading: list[object] = [record.source, record.line]
                if args.id_field:
                    leading.append(record.id)
                sink.write(leading, row)
                progress.words += int(row.get(_WORDS_COLUMN) or 0)
                progress.step(record.source)
                done += 1
            return
        except _RecordFailed:  # reading, not analysing, failed: --strict stops here
            raise
        except Exception as error:
            position = _failed_position(error, done, len(in_flight))
            failed = in_flight[position] if position is not None else None
            message = f"analysis failed: {type(error).__name__}: {error}"
            if failed is None or args.strict:
                where = f"{failed.source}, line {failed.line}" if failed else "a worker"
                raise _RecordFailed(f"{where}: {message}; stopped") from error
            report(stderr, f"{failed.source}, line {failed.line}: {message}; skipped")
            failures.append(1)
            again = [r for index, r in enumerate(in_flight) if index != position]
            in_flight.clear()
        finally:
            rows.close()  # shut down worker processes now, not when garbage-collected


def _failed_position(error: Exception, done: int, in_flight: int) -> int | None:
    """Which record in flight failed: a worker's error carries its text's index.

    In one process the failing text is the oldest in flight; a worker that
    died (``index`` None) blames no record.
    """
    if not isinstance(error, WorkerError):
        return 0
    if error.index is None or not 0 <= error.index - done < in_flight:
        return None
    return error.index - done
