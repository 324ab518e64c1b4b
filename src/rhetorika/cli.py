"""The ``rhetorika`` command line.

Exit codes: 0 when every input was analysed, 1 when an input could not be
read (the others are still analysed), 2 for a usage error.
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

from rhetorika import __version__, _cli_features
from rhetorika._files import STDIN, read_text, write_atomically
from rhetorika.analyzer import Analyzer
from rhetorika.exceptions import ConfigurationError, InputError
from rhetorika.extractors import available_extractors
from rhetorika.render import render
from rhetorika.results import Report
from rhetorika.serialize import to_dict, to_features
from rhetorika.textreport import format_report

__all__ = ["main"]

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "json", "jsonl", "csv")


def _extractor_list(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    known = available_extractors()
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown extractor(s) {', '.join(unknown) or '(none given)'}; "
            f"available: {', '.join(known)}"
        )
    return names


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
        help="text: a readable report (default); json: the full results; "
        "jsonl: one JSON object per input; csv: one feature row per input",
    )
    analyze.add_argument(
        "--extractors",
        type=_extractor_list,
        default=None,
        metavar="NAMES",
        help=f"comma-separated, from: {', '.join(available_extractors())} (default: all)",
    )
    analyze.add_argument("-o", "--output", default=None, help="write here instead of stdout")
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
    highlight.add_argument("-o", "--output", default=None, help="write here instead of stdout")
    highlight.add_argument(
        "--force", action="store_true", help="overwrite the --output file if it exists"
    )
    highlight.add_argument(
        "--extractors",
        type=_extractor_list,
        default=None,
        metavar="NAMES",
        help=f"comma-separated, from: {', '.join(available_extractors())} (default: all)",
    )
    _cli_features.add_parser(
        commands,
        _extractor_list,
        f"comma-separated, from: {', '.join(available_extractors())} (default: all)",
    )
    return parser


class _Progress:
    """A one-line progress counter on standard error, only on a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.enabled = total > 1 and stream.isatty()

    def step(self, done: int, source: str) -> None:
        if self.enabled:
            self.stream.write(f"\r\033[K[{done}/{self.total}] {source[-60:]}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _render(fmt: str, results: list[tuple[str, Report]], *, color: bool) -> str:
    if fmt == "text":
        return "\n".join(
            format_report(report, source=source, color=color) for source, report in results
        )
    if fmt == "json":
        if len(results) == 1:
            data: object = to_dict(results[0][1])
        else:
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
    progress = _Progress(len(args.paths), stderr)
    for done, source in enumerate(args.paths, start=1):
        progress.step(done, source)
        try:
            text = read_text(source)
        except InputError as error:
            progress.close()
            stderr.write(f"rhetorika: error: {error}\n")
            status = EXIT_INPUT
            continue
        name = "<stdin>" if source == STDIN else source
        results.append((name, analyzer.analyze(text)))
    progress.close()
    color = args.color == "always" or (
        args.color == "auto" and args.output is None and stdout.isatty()
    )
    rendered = _render(args.format, results, color=color and args.format == "text")
    return _emit(rendered, args, stdout, stderr) or status


def _emit(content: str, args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print ``content``, or write it to ``--output`` atomically; return the exit code."""
    if args.output is None:
        stdout.write(content)
        return EXIT_OK
    try:
        write_atomically(args.output, content, force=args.force)
    except InputError as error:
        stderr.write(f"rhetorika: error: {error}\n")
        return EXIT_INPUT
    return EXIT_OK


def _highlight(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    try:
        text = read_text(args.path)
    except InputError as error:
        stderr.write(f"rhetorika: error: {error}\n")
        return EXIT_INPUT
    name = "<stdin>" if args.path == STDIN else args.path
    page = render(Analyzer(extractors=args.extractors).analyze(text), title=name)
    return _emit(page, args, stdout, stderr)


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "analyze": _analyze,
    "highlight": _highlight,
    "features": _cli_features.run,
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
        return _COMMANDS[args.command](args, out, err)
    except ConfigurationError as error:
        err.write(f"rhetorika: error: {error}\n")
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
