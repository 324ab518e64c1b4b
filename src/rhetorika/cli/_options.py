"""Argument types the subcommands share."""

from __future__ import annotations

import argparse

from rhetorika.extractors import available_extractors

__all__ = ["add_extractors_option", "extractor_help", "extractor_list", "positive"]


def extractor_list(value: str) -> list[str]:
    """Parse ``--extractors``: comma-separated names, each one available."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    known = available_extractors()
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown extractor(s) {', '.join(unknown) or '(none given)'}; "
            f"available: {', '.join(known)}"
        )
    return names


def extractor_help() -> str:
    """The help text of ``--extractors``, listing the available names."""
    return f"comma-separated, from: {', '.join(available_extractors())} (default: all)"


def add_extractors_option(parser: argparse.ArgumentParser) -> None:
    """Give a subcommand the ``--extractors NAMES`` option every subcommand has."""
    parser.add_argument(
        "--extractors",
        type=extractor_list,
        default=None,
        metavar="NAMES",
        help=extractor_help(),
    )


def positive(value: str) -> int:
    """Parse a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number
