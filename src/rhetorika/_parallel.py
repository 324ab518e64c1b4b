"""Worker processes for ``Analyzer.pipe(n_process=N)``.

Each worker rebuilds the Analyzer once from its pickled configuration (names
and settings, never compiled matchers) and analyses batches of texts; the
parent yields reports in input order. A failing text is reported with its
index, and the pool is shut down rather than left hanging.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING

from rhetorika.exceptions import WorkerError

if TYPE_CHECKING:
    from rhetorika.pipeline import Analyzer
    from rhetorika.results import Report

_worker_analyzer: Analyzer | None = None


def _init_worker(analyzer: Analyzer) -> None:
    global _worker_analyzer
    _worker_analyzer = analyzer


def _run_batch(first_index: int, texts: list[str]) -> list[Report]:
    assert _worker_analyzer is not None
    reports = []
    for offset, text in enumerate(texts):
        try:
            reports.append(_worker_analyzer._analyze_item(first_index + offset, text))
        except TypeError:
            raise
        except Exception as error:
            raise WorkerError(
                f"text at index {first_index + offset} failed: {type(error).__name__}: {error}"
            ) from error
    return reports


def parallel_reports(
    analyzer: Analyzer, texts: Iterable[str], *, batch_size: int, n_process: int
) -> Iterator[Report]:
    """Analyse ``texts`` in ``n_process`` workers, yielding reports in order."""
    context = multiprocessing.get_context("spawn")
    iterator = iter(texts)
    pending: list[Future[list[Report]]] = []
    index = 0
    with ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=context,
        initializer=_init_worker,
        initargs=(analyzer,),
    ) as pool:
        try:
            while True:
                while len(pending) < 2 * n_process:
                    batch = list(islice(iterator, batch_size))
                    if not batch:
                        break
                    pending.append(pool.submit(_run_batch, index, batch))
                    index += len(batch)
                if not pending:
                    return
                yield from pending.pop(0).result()
        finally:
            for future in pending:
                future.cancel()
