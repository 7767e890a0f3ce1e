"""The pure-Python statistics against numpy: the linear solver and the bias model must agree
with `numpy.linalg.lstsq`, and plain lists (None for a gap) must give the numpy-array answers.

numpy is a test dependency only: the app itself no longer ships it.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from judgepanel.core.stats import (
    bias_model,
    icc,
    kendall_w,
    krippendorff_alpha_interval,
    solve_linear,
)


@pytest.mark.parametrize("seed", range(8))
def test_solve_linear_agrees_with_numpy_lstsq(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 45))
    matrix = rng.normal(0, 10, (size, size)) + np.eye(size) * size  # well conditioned
    rhs = rng.normal(0, 50, size)
    found = solve_linear(matrix.tolist(), rhs.tolist())
    assert isinstance(found, list)
    assert np.allclose(found, np.linalg.lstsq(matrix, rhs, rcond=None)[0], rtol=1e-9, atol=1e-9)


def test_solve_linear_needs_pivoting_and_refuses_a_singular_system() -> None:
    # A zero on the diagonal: without row exchanges elimination would divide by zero.
    assert solve_linear([[0.0, 1.0], [1.0, 0.0]], [2.0, 3.0]) == pytest.approx([3.0, 2.0])
    with pytest.raises(ValueError, match="singular"):
        solve_linear([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0])
    with pytest.raises(ValueError, match="square"):
        solve_linear([[1.0, 2.0]], [1.0])


def _lstsq_bias_fit(e: np.ndarray, j: np.ndarray, y: np.ndarray, n_entries: int,
                    n_judges: int, ridge: float) -> tuple[np.ndarray, np.ndarray]:
    """The same model the textbook way: a dense design, Σ b = 0 by substituting
    b_last = −Σ others, the ridge as extra rows √λ b ≈ 0, solved by numpy.linalg.lstsq."""
    basis = np.vstack([np.eye(n_judges - 1), -np.ones(n_judges - 1)])  # b = basis @ t
    design = np.zeros((y.size + n_judges, n_entries + n_judges - 1))
    design[np.arange(y.size), e] = 1.0
    design[:y.size, n_entries:] = basis[j]
    design[y.size:, n_entries:] = math.sqrt(ridge) * basis
    target = np.concatenate([y, np.zeros(n_judges)])
    solution = np.linalg.lstsq(design, target, rcond=None)[0]
    return solution[:n_entries], basis @ solution[n_entries:]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("ridge", [0.0, 0.5, 3.0])
def test_bias_model_agrees_with_numpy_lstsq(seed: int, ridge: float) -> None:
    rng = np.random.default_rng(100 + seed)
    n_entries, n_judges, per_entry = int(rng.integers(12, 60)), int(rng.integers(3, 12)), 3
    # A chain through every judge keeps the design connected; the rest is random.
    pairs = [(i, i % n_judges) for i in range(n_entries)] + \
            [(i, (i + 1) % n_judges) for i in range(n_entries)]
    for i in range(n_entries):
        for judge in rng.choice(n_judges, per_entry, replace=False):
            if (i, int(judge)) not in pairs:
                pairs.append((i, int(judge)))
    e = np.array([p[0] for p in pairs])
    j = np.array([p[1] for p in pairs])
    y = rng.uniform(30, 80, n_entries)[e] + rng.normal(0, 10, n_judges)[j] \
        + rng.normal(0, 4, e.size)
    fit = bias_model(e.tolist(), j.tolist(), y.tolist(), n_entries, n_judges, ridge=ridge)
    scores, bias = _lstsq_bias_fit(e, j, y, n_entries, n_judges, ridge)
    assert fit.connected
    assert isinstance(fit.scores, list) and isinstance(fit.bias, list)
    assert np.allclose(fit.scores, scores, rtol=1e-9, atol=1e-8)
    assert np.allclose(fit.bias, bias, rtol=1e-9, atol=1e-8)
    residuals = y - scores[e] - bias[j]
    freedom = e.size - n_entries - n_judges + 1
    assert fit.residual_sd == pytest.approx(math.sqrt(residuals @ residuals / freedom))


def test_plain_lists_with_none_give_the_numpy_answers() -> None:
    rows = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    as_array = np.array(rows, dtype=float)
    assert icc(rows) == icc(as_array)
    assert kendall_w(rows) == pytest.approx(2874 / 3240)
    gappy = [[1, 1, None], [2, 2, 3], [3, None, 3], [None, 4, 4], [5, None, None]]
    with_nan = np.array([[np.nan if v is None else v for v in row] for row in gappy])
    alpha = krippendorff_alpha_interval(gappy)
    assert alpha is not None and alpha == pytest.approx(krippendorff_alpha_interval(with_nan))
    assert icc(gappy) is None and kendall_w(gappy) is None
    assert icc([1.0, 2.0]) is None and krippendorff_alpha_interval([]) is None
