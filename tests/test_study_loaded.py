"""The measurements of benchmarks/study_loaded.py, checked on hand-worked cases.

The script's figures (benchmarks/README.md) need the development corpora;
its span arithmetic and ranking measure do not, and are tested here.
"""

from __future__ import annotations

import numpy as np

from tests.scripts import load_script

study = load_script("benchmarks/study_loaded.py")


def test_partial_credit_by_hand() -> None:
    """One word of a four-character gold span and one false alarm: P 0.5, R 0.5."""
    predicted = {"d": [(0, 2), (10, 12)]}
    gold = {"d": [(0, 4)]}
    assert [0.5, 0.5, 0.5] == study.partial_credit(predicted, gold)


def test_partial_credit_merges_overlapping_predictions() -> None:
    """Two overlapping predictions count as one span, as the SemEval scorer merges them."""
    predicted = {"d": [(0, 3), (2, 4)]}
    gold = {"d": [(0, 4)]}
    assert [1.0, 1.0, 1.0] == study.partial_credit(predicted, gold)


def test_whole_word_takes_the_hyphenated_compound() -> None:
    """A term inside "arch-conservative" grows to the whole compound, not past it."""
    text = "the arch-conservative senator"
    start = text.index("conservative")
    assert (4, 21) == study.whole_word(text, start, start + len("conservative"))


def test_growing_stops_at_closed_class_words() -> None:
    """One word left is taken unless it is a closed-class word such as "the"."""
    text = "the radical thugs of the city"
    start = text.index("thugs")
    end = start + len("thugs")
    assert (text.index("radical"), end) == study.grow_left(text, start, end, 2)
    assert (start, end) == study.grow_right(text, start, end, 1)


def test_auc_by_hand() -> None:
    """Ranks: perfect separation is 1, reversed 0, ties count half."""
    labels = np.array([0.0, 0.0, 1.0, 1.0])
    assert 1.0 == study.auc(labels, np.array([0.1, 0.2, 0.3, 0.4]))
    assert 0.0 == study.auc(labels, np.array([0.4, 0.3, 0.2, 0.1]))
    assert 0.5 == study.auc(labels, np.array([0.5, 0.5, 0.5, 0.5]))
    # pairs (positive, negative): 3 won, 1 tied, of 4
    assert 0.875 == study.auc(labels, np.array([0.1, 0.3, 0.3, 0.4]))
