"""The progress line: counts, share done and time left, driven by a fake clock."""

from __future__ import annotations

import io

import pytest

import rhetorika
from rhetorika._progress import Progress


class FakeClock:
    """A clock the test moves by hand, so no assertion depends on real time."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_with_a_total_it_shows_share_rate_and_time_left() -> None:
    """With a known total: done/total, the percentage, the rate and the ETA."""
    clock = FakeClock()
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, total=200, clock=clock)
    clock.now += 10.0
    for _ in range(50):
        progress.step("corpus.jsonl")
    assert "50/200 documents (25%), 5/s, ETA 30s  corpus.jsonl" == progress.line("corpus.jsonl")


def test_without_a_total_it_shows_count_and_rate() -> None:
    """Without a total (a generator), only the count and the rate."""
    clock = FakeClock()
    progress = Progress(io.StringIO(), enabled=True, clock=clock)
    clock.now += 4.0
    for _ in range(1000):
        progress.step()
    assert "1,000 documents, 250/s" == progress.line()


def test_long_times_left_read_as_clock_times() -> None:
    """An ETA over a minute reads m:ss, over an hour h:mm:ss."""
    clock = FakeClock()
    progress = Progress(io.StringIO(), enabled=True, total=10_000, clock=clock)
    clock.now += 1.0
    progress.step()
    assert progress.line().endswith("ETA 2:46:39")


def test_redraws_at_most_five_times_a_second() -> None:
    """Steps within 0.2 s of the last drawing do not draw again; the count still moves."""
    clock = FakeClock()
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, total=3, clock=clock)
    progress.step()
    progress.step()
    clock.now += 0.5
    progress.step()
    assert 2 == stream.getvalue().count("\r\033[K")
    assert 3 == progress.done


def test_disabled_progress_writes_nothing() -> None:
    """enabled=False counts but never writes, not even when closed."""
    stream = io.StringIO()
    progress = Progress(stream, enabled=False, total=2)
    progress.step()
    progress.close()
    assert ("", 1) == (stream.getvalue(), progress.done)


def test_pipe_progress_reports_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """Analyzer.pipe(progress=True) draws on stderr with the list's length as total."""
    texts = ["It may rain.", "Clearly so.", "Fine."]
    reports = list(rhetorika.Analyzer(extractors=["hedges"]).pipe(texts, progress=True))
    assert 3 == len(reports)
    err = capsys.readouterr().err
    assert "1/3 documents (33%)" in err
    assert err.endswith("\r\033[K")


def test_features_progress_reports_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """features(progress=True) draws the same line; without it nothing is written."""
    pytest.importorskip("pandas")
    rhetorika.features(["One.", "Two."], extractors=["hedges"], progress=True)
    assert "1/2 documents (50%)" in capsys.readouterr().err
    rhetorika.features(["One.", "Two."], extractors=["hedges"])
    assert "" == capsys.readouterr().err
