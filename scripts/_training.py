"""What the training scripts share: the study/check split and a binary logistic fit.

Imported by ``train_*.py``, which run from this folder. The split is the rule
of ``../shared/eval/README.md``; each script keeps its own folds, since they
decide the shipped weights byte for byte.
"""

from __future__ import annotations

import hashlib

import numpy as np


def in_check_half(doc_id: str) -> bool:
    """The eval README's rule: a document is in the check half when its SHA-1 is 0 mod 5."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 5 == 0


def fit_logistic(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method; the bias (column 0) not penalised."""
    weights = np.zeros(x.shape[1])
    l2 = np.full(x.shape[1], penalty)
    l2[0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ weights)))
        gradient = x.T @ (p - y) + l2 * weights
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(l2) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if float(np.max(np.abs(step))) < 1e-10:
            break
    return weights
