"""Worker processes for ``Analyzer.pipe(n_process=N)`` and feature tables.

Each worker rebuilds the Analyzer once from its pickled configuration (names
and settings, never compiled matchers) and analyses batches of texts; the
parent yields results in input order. At most ``2 * n_process`` batches are
in flight, so memory stays bounded however long the input is. A failing text
is reported with its index, and the pool is shut down (pending batches
cancelled) rather than left hanging; a worker that dies outright surfaces as
``BrokenProcessPool``, which also ends the pool.

Workers never inherit the caller's state: they start from a fork server,
a fresh interpreter that has imported rhetorika and the caller's main
module (where the platform has one), else by ``spawn``; never by a plain
``fork`` of the caller.

What a worker sends back is kept small, because the parent unpickles it on
a core the workers need: a report travels without its text (the parent
holds it), its sentences as their starts and its per-sentence readability
as counts, each built in the parent on first read (see
``rhetorika._deferred``).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing.context import BaseContext
from typing import Any, Protocol, TypeVar

import attrs

from rhetorika._checks import not_a_str
from rhetorika._pickling import field_values, rebuilt
from rhetorika._report_sentences import SentenceStarts
from rhetorika.exceptions import ArgumentTypeError, WorkerError
from rhetorika.results import Report

__all__ = [
    "START_METHODS",
    "Analyses",
    "checked_text",
    "parallel_map",
    "parallel_reports",
    "worker_context",
]

T = TypeVar("T")
W = TypeVar("W")

_MAIN_GUARD = (
    "workers import your main module again (they are not forked from it), so a script "
    'must call pipe()/features() with n_process > 1 under `if __name__ == "__main__":`'
)


class Analyses(Protocol):
    """What a worker runs: a picklable object that analyses one text (an Analyzer)."""

    def analyze(self, text: str) -> Report:
        """Return the report of ``text``."""
        ...


_worker_analyzer: Analyses | None = None

START_METHODS = ("forkserver", "spawn")
"""How workers may start, preferred first: never ``fork``, which would copy the
caller's threads, locks and state into them."""
# What the fork server imports once, so each worker it forks starts with it:
# rhetorika, and (rhetorika._forkserver) the shipped tables loaded.
# Not the caller's main module (multiprocessing's default): an unguarded
# script would then run in the fork server itself, whose traceback races the
# caller's WorkerError on the shared stderr. Each worker imports it, as under spawn.
_PRELOAD = ["rhetorika", "rhetorika.analyzer", "rhetorika._forkserver"]


def worker_context() -> BaseContext:
    """The multiprocessing context workers start from: the first of `START_METHODS` here.

    A fork server is a fresh interpreter that imports rhetorika and loads its
    shipped tables once, and forks each worker from itself, so workers skip
    that work but inherit none of the caller's state (each imports the
    caller's main module, as under ``spawn``); ``spawn`` starts each worker
    from scratch.
    """
    available = multiprocessing.get_all_start_methods()
    method = next(method for method in START_METHODS if method in available)
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(_PRELOAD)
    return context


def checked_text(index: int, item: object) -> str:
    """Return ``item`` if it is a ``str``; else raise `ArgumentTypeError` naming its index."""
    if not isinstance(item, str):
        raise ArgumentTypeError(f"text at index {index}: expected str, got {not_a_str(item)}")
    return item


def _init_worker(analyzer: Analyses) -> None:
    global _worker_analyzer
    _worker_analyzer = analyzer
    # What the worker holds for its whole life (spaCy, lexicons, matchers)
    # need not be traversed by every full garbage collection.
    gc.freeze()


def _shipped(report: Report) -> Any:
    """What a worker sends back for ``report``: its sentences' starts and its other fields.

    The text is left out (the parent holds it), and so are the sentences,
    unless something in the worker built them; `_received` puts them back.
    A report of another class travels whole.
    """
    if type(report) is not Report:
        return report
    values = field_values(report)
    _text, sentences = values[:_AFTER_SENTENCES]
    if isinstance(sentences, SentenceStarts):
        sentences = sentences.starts
    return sentences, values[_AFTER_SENTENCES:]


def _received(text: str, shipped: Any) -> Report:
    """The report `_shipped` sent, rebuilt in the parent with the text it passed."""
    if isinstance(shipped, Report):
        return shipped
    sentences, rest = shipped
    if isinstance(sentences, array):
        sentences = SentenceStarts(text, sentences)
    return rebuilt(Report, (text, sentences, *rest))


def _kept(text: str, value: T) -> T:
    return value


# A report's fields begin with its text and its sentences, which travel apart.
_AFTER_SENTENCES = 2
if [field.name for field in attrs.fields(Report)][:_AFTER_SENTENCES] != ["text", "sentences"]:
    raise ImportError("rhetorika._parallel expects a Report's first fields: text, sentences")


def _run_batch(first_index: int, texts: list[str], convert: Callable[[Report], T]) -> bytes:
    """Analyse a batch and return its results pickled (the parent unpickles them, see below)."""
    return pickle.dumps(_analyze_batch(first_index, texts, convert), pickle.HIGHEST_PROTOCOL)


def _unpickle(
    data: bytes, texts: list[str] | None = None, receive: Callable[[str, Any], T] | None = None
) -> list[Any]:
    """Unpickle a batch of results and rebuild each with ``receive``, the collector paused.

    Results are fresh, acyclic objects, freed by reference counting; but
    creating tens of thousands of them triggers full collections that walk
    every object the caller holds (a caller that has analysed in this
    process holds millions, in its per-word caches), which cost the parent
    more than the unpickling itself. Rebuilding reports around their texts
    creates as many objects again, so it runs inside the pause too. The
    collector's previous state is restored.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        values: list[Any] = pickle.loads(data)
        if receive is not None:
            assert texts is not None
            values = [receive(text, value) for text, value in zip(texts, values, strict=True)]
        return values
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
    yield from _in_workers(
        analyzer, texts, convert, _kept, batch_size=batch_size, n_process=n_process
    )


def parallel_reports(
    analyzer: Analyses, texts: Iterable[str], *, batch_size: int, n_process: int
) -> Iterator[Report]:
    """Analyse ``texts`` in ``n_process`` workers, yielding reports in order."""
    yield from _in_workers(
        analyzer, texts, _shipped, _received, batch_size=batch_size, n_process=n_process
    )


def _check_main_importable() -> None:
    """Fail up front when workers could not import the caller's main module again.

    A script piped to ``python -`` has ``__file__ == "<stdin>"``: each worker
    would try to run that path and die, which reads as a crash. ``python -c``,
    notebooks and the interactive prompt have no such path and work.
    """
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    if isinstance(path, str) and not os.path.isfile(path):
        raise WorkerError(
            f"n_process > 1 starts workers that import your main module again, but it was "
            f"read from {path!r}, not from a file: save the script to a file (with its "
            f'`if __name__ == "__main__":` guard) or use n_process=1'
        )


def _in_workers(
    analyzer: Analyses,
    texts: Iterable[str],
    convert: Callable[[Report], W],
    receive: Callable[[str, W], T],
    *,
    batch_size: int,
    n_process: int,
) -> Iterator[T]:
    """Yield ``receive(text, convert(report))`` in order; ``convert`` runs in a worker."""
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        # We are a new worker re-running the caller's unguarded script:
        # say so in one line instead of multiprocessing's bootstrapping essay.
        raise SystemExit(f"rhetorika worker: {_MAIN_GUARD}")
    _check_main_importable()
    iterator = iter(texts)
    pending: list[tuple[list[str], Future[bytes]]] = []
    index = 0
    pool = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=worker_context(),
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
                    pending.append((batch, pool.submit(_run_batch, index, batch, convert)))
                    index += len(batch)
                if not pending:
                    return
                batch, future = pending.pop(0)
                batch_results = future.result()
            except BrokenProcessPool as error:  # from result(), or from submit() once broken
                raise WorkerError(
                    "a worker process ended abruptly (killed, out of memory, or a script "
                    f"without its main guard): {_MAIN_GUARD}"
                ) from error
            yield from _unpickle(batch_results, batch, receive)
    finally:
        # On an error, or when the caller stops early, drop the queued batches
        # instead of computing them; running ones finish, then workers exit.
        pool.shutdown(wait=True, cancel_futures=True)
