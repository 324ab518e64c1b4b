"""A longer fuzz run than CI's: analyze, the Doc path, to_json/from_json and read_rows.

Hypothesis-based, so it needs nothing beyond ``.[test]``: each round runs the
targets for ``--examples`` inputs with a fresh random seed, until
``--minutes`` have passed. A failure (any exception other than TypeError or
a RhetorikaError, or a broken invariant from ``tests/invariants.py``) is
printed with its shrunk input and the run goes on with the next round.

Usage::

    python benchmarks/fuzz.py --minutes 10
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests.invariants import check_report, total  # noqa: E402
from tests.strategies import hostile_text, lexicon_lines  # noqa: E402

import rhetorika  # noqa: E402
from rhetorika.lexicons import read_rows  # noqa: E402
from rhetorika.pipeline import Analyzer, default_nlp  # noqa: E402

TRIED = {"analyze": 0, "doc": 0, "from_json": 0, "read_rows": 0}
_DOC_PATH = Analyzer(nlp=default_nlp())


def target_analyze(text: str) -> None:
    TRIED["analyze"] += 1
    check_report(rhetorika.analyze(text), text)


def target_doc(text: str) -> None:
    TRIED["doc"] += 1
    check_report(_DOC_PATH.analyze(text), text)


def target_from_json(data: str) -> None:
    TRIED["from_json"] += 1
    total(lambda: rhetorika.from_json(data))


def target_read_rows(lines: list[str]) -> None:
    TRIED["read_rows"] += 1
    total(lambda: read_rows(lines, path="<fuzz>", required=("term", "category")))


def _json_like() -> st.SearchStrategy[str]:
    seed = rhetorika.to_json(rhetorika.analyze("It may \u201cwork\u201d. Perhaps."))
    cut = st.integers(min_value=0, max_value=len(seed))
    return st.one_of(
        hostile_text,
        st.tuples(cut, cut, hostile_text).map(lambda t: seed[: t[0]] + t[2] + seed[t[1] :]),
    )


TARGETS = {
    "analyze": (target_analyze, hostile_text),
    "doc": (target_doc, hostile_text),
    "from_json": (target_from_json, _json_like()),
    "read_rows": (target_read_rows, lexicon_lines),
}


def run_round(name: str, examples: int, seed: int) -> str | None:
    """Run one target for ``examples`` inputs; return the failure, if any."""
    target, strategy = TARGETS[name]
    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )(given(strategy)(target))
    test._hypothesis_internal_use_seed = seed  # type: ignore[attr-defined]
    try:
        test()
    except Exception:
        return traceback.format_exc()
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--examples", type=int, default=500, help="inputs per round")
    parser.add_argument("--targets", default=",".join(TARGETS))
    args = parser.parse_args()
    names = args.targets.split(",")
    deadline = time.monotonic() + 60 * args.minutes
    failures: list[tuple[str, str]] = []
    seed = 0
    while time.monotonic() < deadline:
        for name in names:
            failure = run_round(name, args.examples, seed)
            if failure:
                failures.append((name, failure))
                print(f"FAILURE in {name} (seed {seed}):\n{failure}", flush=True)
            seed += 1
        print(f"after {seed} rounds: {TRIED}", flush=True)
    print(f"inputs tried: {TRIED}, total {sum(TRIED.values())}; failures: {len(failures)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
