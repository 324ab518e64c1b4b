"""Tests for rhetorika.extra.dask on a LocalCluster with two worker processes.

Dask is in the ``test`` extra, so these tests fail rather than skip when it
is missing: CI must exercise the cluster path.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import rhetorika
from rhetorika import MissingExtraError
from rhetorika.extra import dask as rdask

from .strategies import SEED

TEXTS = [SEED[: 61 * i] for i in range(48)]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A two-process LocalCluster, shared by this module's tests."""
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def test_bag_gives_the_rows_of_features(client: Client) -> None:
    """A bag of texts becomes the same rows, in the same order, as rhetorika.features."""
    bag = db.from_sequence(TEXTS, npartitions=6)
    result = rdask.features_from_bag(bag).compute()
    pd.testing.assert_frame_equal(rhetorika.features(TEXTS), result.reset_index(drop=True))


def test_series_keeps_index_and_partitions(client: Client) -> None:
    """A text column becomes a frame with the column's index, joinable to its frame."""
    frame = pd.DataFrame({"body": TEXTS, "n": range(len(TEXTS))}, index=range(100, 148))
    ddf = dd.from_pandas(frame, npartitions=5)
    features = rdask.features_from_series(ddf["body"])
    assert ddf.npartitions == features.npartitions
    pd.testing.assert_frame_equal(rhetorika.features(frame["body"]), features.compute())
    joined = ddf.join(features).compute()
    assert list(frame["n"]) == list(joined["n"])


def test_meta_is_known_before_computing() -> None:
    """Columns and dtypes come from the configuration, before anything is analysed."""
    bag = db.from_sequence(["x"], npartitions=1)
    lazy = rdask.features_from_bag(bag, extractors=["readability"])
    expected = rhetorika.features([], extractors=["readability"])
    assert list(expected.columns) == list(lazy.columns)
    assert list(expected.dtypes) == list(lazy.dtypes)
    pd.testing.assert_frame_equal(expected, rdask.meta_of(extractors=["readability"]))


def test_one_analyzer_per_worker_not_per_text_or_partition(client: Client) -> None:
    """Each worker process builds one Analyzer per call and reuses it for every partition."""
    before = client.run(rdask.analyzer_builds)
    bag = db.from_sequence(TEXTS * 2, npartitions=12)
    rdask.features_from_bag(bag, extractors=["readability"]).compute()
    after = client.run(rdask.analyzer_builds)
    assert 2 == len(after)
    assert all(after[worker] - before[worker] <= 1 for worker in after)


def test_empty_partitions_keep_the_meta(client: Client) -> None:
    """A partition with no texts yields an empty frame with the right columns."""
    frame = pd.DataFrame({"body": pd.Series([], dtype=object)})
    ddf = dd.from_pandas(frame, npartitions=1)
    result = rdask.features_from_series(ddf["body"]).compute()
    assert list(rhetorika.features([]).columns) == list(result.columns)
    assert 0 == len(result)


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Dask, the adapter raises MissingExtraError naming the dask extra."""
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'rhetorika\[dask\]'"):
        rdask.features_from_bag(db.from_sequence(["x"]))
