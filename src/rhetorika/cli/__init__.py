"""The ``rhetorika`` command line: ``analyze``, ``highlight`` and ``features``.

Exit codes: 0 when every input was analysed, 1 when an input could not be
read (the others are still analysed) or the output could not be written,
2 for a usage error (see `_exits`).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from rhetorika import __version__
from rhetorika._progress import Progress
from rhetorika.analyzer import Analyzer
from rhetorika.cli import _features
from rhetorika.cli._exits import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, report
from rhetorika.cli._inputs import STDIN, display_name, read_text
from rhetorika.cli._options import add_extractors_option
from rhetorika.cli._output import write_atomically
from rhetorika.cli._signals import Terminated, terminated_like_interrupted
from rhetorika.exceptions import ConfigurationError, InputError, OutputError
from rhetorika.render import render
from rhetorika.results import Report
from rhetorika.serialize import to_dict, to_features
from rhetorika.textreport import format_report

__all__ = ["main"]

FORMATS = ("text", "json", "jsonl", "csv")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rhetorika",
        description="Find hedges, scare quotes, loaded terms and readability in English text.",
    )
    parser.add_argument("--version", action="version", version=f"rhetorika {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyze = commands.add_parser(
        "analyze",
        help="analyse text files and print a report",
        description="Analyse each PATH (or standard input for '-') and print the results.",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="UTF-8 text files, or -")
    analyze.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: a readable report (default); json: a list of {source, report} "
        "objects, one per input; jsonl: the same objects, one per line; "
        "csv: one feature row per input",
    )
    add_extractors_option(analyze)
    analyze.add_argument(
        "-o", "--output", default=None, help="write here instead of stdout (- is stdout)"
    )
    analyze.add_argument(
        "--force", action="store_true", help="overwrite the --output file if it exists"
    )
    analyze.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="highlight findings in the text report (auto: on a terminal)",
    )
    highlight = commands.add_parser(
        "highlight",
        help="write an HTML page with the findings highlighted",
        description="Analyse PATH (or standard input for '-') and write a self-contained "
        "HTML page: the text with each finding highlighted, a legend and a summary.",
    )
    highlight.add_argument("path", metavar="PATH", help="a UTF-8 text file, or -")
    highlight.add_argument(
        "-o", "--output", default=None, help="write here instead of stdout (- is stdout)"
    )
    highlight.add_argument(
        "--force", action="store_true", help="overwrite the --output file if it exists"
    )
    add_extractors_option(highlight)
    _features.add_parser(commands)
    return parser


def _render(fmt: str, results: list[tuple[str, Report]], *, color: bool) -> str:
    if fmt == "text":
        return "\n".join(
            format_report(report, source=source, color=color) for source, report in results
        )
    if fmt == "json":
        # One shape whatever the number of inputs: a list of the jsonl objects.
        data = [{"source": source, "report": to_dict(report)} for source, report in results]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(
            json.dumps({"source": source, "report": to_dict(report)}, ensure_ascii=False) + "\n"
            for source, report in results
        )
    rows = [{"source": source, **to_features(report)} for source, report in results]
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def _analyze(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    analyzer = Analyzer(extractors=args.extractors)
    status = EXIT_OK
    results: list[tuple[str, Report]] = []
    total = len(args.paths)
    progress = Progress(stderr, enabled=total > 1 and stderr.isatty(), total=total, unit="files")
    for source in args.paths:
        progress.step(source)
        try:
            text = read_text(source)
        except InputError as error:
            progress.close()
            report(stderr, error)
            status = EXIT_FAILURE
            continue
        results.append((display_name(source), analyzer.analyze(text)))
    progress.close()
    color = args.color == "always" or (
        args.color == "auto" and args.output in (None, STDIN) and stdout.isatty()
    )
    rendered = _render(args.format, results, color=color and args.format == "text")
    return _emit(rendered, args, stdout, stderr) or status


def _emit(content: str, args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print ``content``, or write it to ``--output`` atomically; return the exit code."""
    if args.output is None or args.output == STDIN:
        stdout.write(content)
        return EXIT_OK
    try:
        write_atomically(args.output, content, force=args.force)
    except OutputError as error:
        report(stderr, error)
        return EXIT_FAILURE
    return EXIT_OK


def _highlight(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    try:
        text = read_text(args.path)
    except InputError as error:
        report(stderr, error)
        return EXIT_FAILURE
    page = render(
        Analyzer(extractors=args.extractors).analyze(text), title=display_name(args.path)
    )
    return _emit(page, args, stdout, stderr)


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "analyze": _analyze,
    "highlight": _highlight,
    "features": _features.run,
}


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; return the exit code.

    Added in version 0.1.0.
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = _parser()
    try:
        # argparse prints help and usage errors itself: send them where asked.
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        with terminated_like_interrupted():
            return _COMMANDS[args.command](args, out, err)
    except ConfigurationError as error:
        report(err, error)
        return EXIT_USAGE
    except Terminated as error:
        report(err, f"stopped by {error.name}; nothing was written")
        return 128 + error.signum
