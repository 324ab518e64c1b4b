"""Example texts shipped with the package, so tutorials work from a wheel.

The running example of the docs is a news article full of scare quotes,
distancing hedges and loaded terms. A source checkout also has it in
``seeds/``; a plain ``pip install`` has only what the package ships, so the
docs read it from here.
"""

from __future__ import annotations

from importlib.resources import files

from rhetorika.exceptions import ConfigurationError

__all__ = ["SEED_ARTICLE", "available", "load"]

SEED_ARTICLE = "putin_imitates_peace_negotiations"
"""Name of the docs' running example, a news article (see ``NOTICE.md``)."""

_FOLDER = files("rhetorika.data") / "examples"


def available() -> tuple[str, ...]:
    """Names of the shipped example texts, sorted.

    Added in version 0.1.0.
    """
    return tuple(
        sorted(
            entry.name.removesuffix(".txt")
            for entry in _FOLDER.iterdir()
            if entry.name.endswith(".txt")
        )
    )


def load(name: str = SEED_ARTICLE) -> str:
    """The text of the shipped example ``name`` (by default the seed article).

    Raises:
        ConfigurationError: No example has that name; the message lists them.

    Added in version 0.1.0.
    """
    if not isinstance(name, str) or name not in available():
        raise ConfigurationError(
            f"no example text named {name!r}; available: {', '.join(available())}"
        )
    return (_FOLDER / f"{name}.txt").read_text(encoding="utf-8")
