"""Worker processes for ``Analyzer.pipe(n_process=N)`` and feature tables.

Each worker rebuilds the Analyzer once from its pickled configuration (names
and settings, never compiled matchers) and analyses batches of texts; the
parent yields results in input order. At most ``2 * n_process`` batches are
in flight, so memory stays bounded however long the input is. A failing text
is reported with its index, and the pool is shut down (pending batches
cancelled) rather than left hanging; a worker that dies outright surfaces as
``BrokenProcessPool``, which also ends the pool.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from rhetorika.exceptions import WorkerError

if TYPE_CHECKING:
    from rhetorika.results import Report

__all__ = ["Analyses", "checked_text", "parallel_map", "parallel_reports"]

T = TypeVar("T")

_MAIN_GUARD = (
    "workers are started with spawn and import your main module again, so a script "
    'must call pipe()/features() with n_process > 1 under `if __name__ == "__main__":`'
)


class Analyses(Protocol):
    """What a worker runs: a picklable object that analyses one text (an Analyzer)."""

    def analyze(self, text: str) -> Report:
        """Return the report of ``text``."""
        ...


_worker_analyzer: Analyses | None = None
# Workers start fresh: nothing is inherited from the caller (its threads,
# locks or state), on every platform alike.
_START_METHOD = "spawn"


def checked_text(index: int, item: object) -> str:
    """Return ``item`` if it is a ``str``; else raise ``TypeError`` naming its index."""
    if not isinstance(item, str):
        raise TypeError(f"text at index {index}: expected str, got {type(item).__name__}")
    return item


def _init_worker(analyzer: Analyses) -> None:
    global _worker_analyzer
    _worker_analyzer = analyzer
    # What the worker holds for its whole life (spaCy, lexicons, matchers)
    # need not be traversed by every full garbage collection.
    gc.freeze()


def _identity(report: Report) -> Report:
    return report


def _run_batch(first_index: int, texts: list[str], convert: Callable[[Report], T]) -> bytes:
    """Analyse a batch and return its results pickled (the parent unpickles them, see below)."""
    return pickle.dumps(_analyze_batch(first_index, texts, convert), pickle.HIGHEST_PROTOCOL)


def _unpickle(data: bytes) -> list[Any]:
    """Unpickle a batch of results with the cyclic garbage collector paused.

    Results are fresh, acyclic objects, freed by reference counting; but
    creating tens of thousands of them triggers full collections that walk
    every object the caller holds, which cost the parent more than the
    unpickling itself. The collector's previous state is restored.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)  # type: ignore[no-any-return]
    finally:
        if enabled:
            gc.enable()


def _analyze_batch(first_index: int, texts: list[str], convert: Callable[[Report], T]) -> list[T]:
    assert _worker_analyzer is not None
    out = []
    for offset, item in enumerate(texts):
        text = checked_text(first_index + offset, item)
        try:
            out.append(convert(_worker_analyzer.analyze(text)))
        except Exception as error:
            raise WorkerError(
                f"text at index {first_index + offset} failed: {type(error).__name__}: {error}",
                index=first_index + offset,
            ) from error
    return out


def parallel_map(
    analyzer: Analyses,
    texts: Iterable[str],
    convert: Callable[[Report], T],
    *,
    batch_size: int,
    n_process: int,
) -> Iterator[T]:
    """Analyse ``texts`` in ``n_process`` workers and yield ``convert(report)`` in order.

    ``convert`` runs in the worker (it must be a picklable, module-level
    function), so a caller that wants feature rows ships back small dicts
    rather than whole reports.
    """
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        # We are a spawned worker re-running the caller's unguarded script:
        # say so in one line instead of multiprocessing's bootstrapping essay.
        raise SystemExit(f"rhetorika worker: {_MAIN_GUARD}")
    context = multiprocessing.get_context(_START_METHOD)
    iterator = iter(texts)
    pending: list[Future[bytes]] = []
    index = 0
    pool = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=context,
        initializer=_init_worker,
        initargs=(analyzer,),
    )
    try:
        while True:
            try:
                while len(pending) < 2 * n_process:
                    batch = list(islice(iterator, batch_size))
                    if not batch:
                        break
                    pending.append(pool.submit(_run_batch, index, batch, convert))
                    index += len(batch)
                if not pending:
                    return
                batch_results = pending.pop(0).result()
            except BrokenProcessPool as error:  # from result(), or from submit() once broken
                raise WorkerError(
                    "a worker process ended abruptly (killed, out of memory, or a script "
                    f"without its main guard): {_MAIN_GUARD}"
                ) from error
            yield from _unpickle(batch_results)
    finally:
        # On an error, or when the caller stops early, drop the queued batches
        # instead of computing them; running ones finish, then workers exit.
        pool.shutdown(wait=True, cancel_futures=True)


def parallel_reports(
    analyzer: Analyses, texts: Iterable[str], *, batch_size: int, n_process: int
) -> Iterator[Report]:
    """Analyse ``texts`` in ``n_process`` workers, yielding reports in order."""
    yield from parallel_map(analyzer, texts, _identity, batch_size=batch_size, n_process=n_process)
