"""The additive judge-bias model: y = μ + q_entry + b_judge + ε, fitted by ridge least squares.

Below both the ranking (the default `bias` method) and the panel statistics, which read the
fit through the ranking; kept apart from `stats` so that neither imports the other in a
circle. Plain Python on purpose, like the rest of the statistics.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

# A judge's leniency is poorly determined when the design pins it down less precisely than
# the mean of this many scores would (see `BiasFit.comparisons`): a judge with two entries
# shared with one other judge each, or a chain of judges who share one entry each.
THIN_COMPARISONS = 2.0


@dataclass
class BiasFit:
    """The additive model y = μ + q_entry + b_judge + ε, fitted by ridge least squares.

    Uncertainty (all in points, nan when the residual SD cannot be estimated) comes from the
    ridge-regularised normal equations read as a posterior: each judge's leniency has
    covariance σ²·C, and an entry's score μ + q_i = mean over its judges of (y − b) has
    variance σ² (1/n_i + w_iᵀ C w_i), w_i the share of each judge among the entry's scores.
    `comparisons` says how well the design alone (no ridge) determines each leniency: the
    number of scores whose mean would be as precise (σ² / Var(b_j) with λ = 0).
    """

    scores: list[float]       # μ + q_i per entry (nan for an entry with no observation)
    bias: list[float]         # b_j per judge (Σ b = 0 within each connected group)
    connected: bool
    components: list[int]     # the connected group of each judge
    residual_sd: float        # nan when the model has no degrees of freedom left
    sigma: float = math.nan   # the residual SD, or the pooled within-entry SD without one
    score_se: list[float] = field(default_factory=list)
    bias_se: list[float] = field(default_factory=list)
    comparisons: list[float] = field(default_factory=list)
    partners: list[int] = field(default_factory=list)  # other judges sharing an entry
    covariance: list[list[float]] = field(default_factory=list)  # C, in units of σ²
    weights: list[dict[int, float]] = field(default_factory=list)  # w_i per entry

    counts: list[int] = field(default_factory=list)  # n_i: scores per entry

    def difference_se(self, first: int, second: int) -> float:
        """The standard error of score[first] − score[second], in points."""
        if not self.counts[first] or not self.counts[second]:
            return math.nan
        gap = dict(self.weights[first])
        for judge, share in self.weights[second].items():
            gap[judge] = gap.get(judge, 0.0) - share
        pairs = list(gap.items())
        covariance = self.covariance
        spread = math.fsum([to_a * to_b * row[b] for a, to_a in pairs
                            for row in (covariance[a],) for b, to_b in pairs])
        noise = 1.0 / self.counts[first] + 1.0 / self.counts[second]
        return self.sigma * math.sqrt(max(noise + spread, 0.0))

    @property
    def thin(self) -> list[int]:
        """Judges whose leniency the design determines poorly (fewer than THIN_COMPARISONS)."""
        return [j for j, worth in enumerate(self.comparisons) if worth < THIN_COMPARISONS]


def invert(matrix: Sequence[Sequence[float]]) -> list[list[float]]:
    """The inverse of a square matrix by Gauss–Jordan elimination with partial pivoting.

    Each pivot is judged against its own column's size, so a system scaled by a huge ridge
    (1e9) is as solvable as one scaled by 1. Raises ValueError when the matrix is singular.
    """
    size = len(matrix)
    work = [[float(value) for value in row] + [1.0 if c == r else 0.0 for c in range(size)]
            for r, row in enumerate(matrix)]
    if any(len(row) != 2 * size for row in work):
        raise ValueError("the matrix must be square")
    scale = [max((abs(work[r][c]) for r in range(size)), default=0.0) for c in range(size)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(work[r][col]))
        if abs(work[pivot][col]) <= scale[col] * size * 1e-13 or not scale[col]:
            raise ValueError("the system is singular")
        work[col], work[pivot] = work[pivot], work[col]
        head = work[col]
        lead = head[col]
        head[:] = [value / lead for value in head]
        for r in range(size):
            if r != col:
                row = work[r]
                factor = row[col]
                if factor:
                    work[r] = [value - factor * top for value, top in zip(row, head, strict=True)]
    return [row[size:] for row in work]


def solve_linear(matrix: Sequence[Sequence[float]], rhs: Sequence[float]) -> list[float]:
    """Solve the square system A x = b by Gaussian elimination with partial pivoting.

    Enough for the bias model's judges × judges system (a few dozen unknowns) without a
    linear-algebra library. Raises ValueError when A is not square or is singular.
    """
    size = len(rhs)
    augmented = [[float(value) for value in row] + [float(b)]
                 for row, b in zip(matrix, rhs, strict=True)]
    if any(len(row) != size + 1 for row in augmented):
        raise ValueError("the system must be square")
    largest = max((abs(value) for row in augmented for value in row[:size]), default=0.0)
    tiny = largest * size * 1e-15
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(augmented[r][col]))
        if abs(augmented[pivot][col]) <= tiny:
            raise ValueError("the system is singular")
        augmented[col], augmented[pivot] = augmented[pivot], augmented[col]
        head = augmented[col]
        for r in range(col + 1, size):
            row = augmented[r]
            factor = row[col] / head[col]
            if factor:
                augmented[r] = row[:col] + [value - factor * top for value, top
                                            in zip(row[col:], head[col:], strict=True)]
    solution = [0.0] * size
    for r in range(size - 1, -1, -1):
        row = augmented[r]
        known = math.fsum(row[c] * solution[c] for c in range(r + 1, size))
        solution[r] = (row[size] - known) / row[r]
    return solution


def bias_model(entry_index: Sequence[int], judge_index: Sequence[int],
               values: Sequence[float], n_entries: int, n_judges: int,
               ridge: float = 0.5) -> BiasFit:
    """Fit y = μ + q_entry + b_judge + ε by least squares, ridge λ on b and Σ b = 0.

    The entry effects are profiled out exactly (a_i = mean over its judges of y − b), which
    leaves a small judges × judges system, so 2,000 entries cost no more than 40 judges do.
    The judge–entry graph must be connected for the judge effects to be comparable; when it is
    not, Σ b = 0 is imposed within each connected group of judges instead (each group
    assumed as lenient on average as the others) and `connected` is False. In a complete
    design the scores equal the raw means exactly.

    The reduced matrix K = diag(n_j) + λI − shared has each group's indicator m_g as an
    eigenvector (eigenvalue λ), so A = K + Σ m_g m_gᵀ is positive definite, A b = r gives the
    constrained solution, and C = A⁻¹ − Σ m_g m_gᵀ / (|g| (λ + |g|)) is K's inverse on the
    constrained judges: the covariance of b in units of σ².
    """
    e = [int(i) for i in entry_index]
    j = [int(i) for i in judge_index]
    y = [float(v) for v in values]
    if not len(e) == len(j) == len(y):
        raise ValueError("entry_index, judge_index and values must have the same length")
    if not math.isfinite(ridge) or ridge < 0:
        raise ValueError(f"ridge must be a finite number, 0 or more, not {ridge!r}")
    per_entry = [0] * n_entries
    per_judge = [0] * n_judges
    entry_sum = [0.0] * n_entries
    judges_of: list[dict[int, int]] = [{} for _ in range(n_entries)]
    for entry, judge, value in zip(e, j, y, strict=True):
        per_entry[entry] += 1
        per_judge[judge] += 1
        entry_sum[entry] += value
        counts = judges_of[entry]
        counts[judge] = counts.get(judge, 0) + 1
    entry_mean = [total / count if count else 0.0
                  for total, count in zip(entry_sum, per_entry, strict=True)]
    # shared[a][b] = Σ over entries of (a's scores there) × (b's scores there) / its scores
    shared = [[0.0] * n_judges for _ in range(n_judges)]
    for count, counts in zip(per_entry, judges_of, strict=True):
        pairs = list(counts.items())
        for a, times_a in pairs:
            row = shared[a]
            for b, times_b in pairs:
                row[b] += times_a * (times_b / count)
    groups, components = connected_groups([[value > 0 for value in row] for row in shared])
    # Judges with no observation form groups of their own; ignore them for connectedness.
    active_groups = {components[i] for i in range(n_judges) if per_judge[i] > 0}
    sizes = [components.count(g) for g in range(groups)]
    residual_pull = [0.0] * n_judges
    for entry, judge, value in zip(e, j, y, strict=True):
        residual_pull[judge] += value - entry_mean[entry]

    def covariance(lam: float) -> list[list[float]]:
        matrix = [[(1.0 if components[a] == components[b] else 0.0) - shared[a][b]
                   for b in range(n_judges)] for a in range(n_judges)]
        for a in range(n_judges):
            matrix[a][a] += per_judge[a] + lam
        inverse = invert(matrix)
        for a in range(n_judges):
            for b in range(n_judges):
                if components[a] == components[b]:
                    size = sizes[components[a]]
                    inverse[a][b] -= 1.0 / (size * (lam + size))
        return inverse

    spread = covariance(ridge) if n_judges else []
    # b = A⁻¹ r equals C r, since r sums to zero within every group.
    bias = [math.fsum(row[b] * residual_pull[b] for b in range(n_judges)) for row in spread]
    pulled = [0.0] * n_entries
    for entry, judge in zip(e, j, strict=True):
        pulled[entry] += bias[judge]
    scores = [mean - pull / count if count else math.nan
              for mean, pull, count in zip(entry_mean, pulled, per_entry, strict=True)]
    squares = math.fsum((value - scores[entry] - bias[judge]) ** 2
                        for entry, judge, value in zip(e, j, y, strict=True))
    freedom = len(y) - sum(1 for c in per_entry if c) - sum(1 for c in per_judge if c) \
        + len(active_groups)
    residual_sd = math.sqrt(squares / freedom) if freedom > 0 else math.nan
    sigma = residual_sd
    if math.isnan(sigma):  # no freedom left: the pooled within-entry SD instead
        within = math.fsum((value - entry_mean[entry]) ** 2
                           for entry, value in zip(e, y, strict=True))
        pooled = sum(count - 1 for count in per_entry if count > 1)
        sigma = math.sqrt(within / pooled) if pooled else math.nan
    weights = [{judge: times / count for judge, times in counts.items()}
               for count, counts in zip(per_entry, judges_of, strict=True)]
    score_se = []
    for count, share in zip(per_entry, weights, strict=True):
        if not count:
            score_se.append(math.nan)
            continue
        judged = list(share.items())
        leak = math.fsum([to_a * to_b * row[b] for a, to_a in judged
                          for row in (spread[a],) for b, to_b in judged])
        score_se.append(sigma * math.sqrt(max(1.0 / count + leak, 0.0)))
    design = covariance(0.0) if n_judges else []
    comparisons = [1.0 / design[a][a] if per_judge[a] and design[a][a] > 0 else 0.0
                   for a in range(n_judges)]
    partners = [sum(1 for b in range(n_judges) if b != a and shared[a][b] > 0)
                for a in range(n_judges)]
    return BiasFit(scores=scores, bias=bias, connected=len(active_groups) <= 1,
                   components=components, residual_sd=residual_sd, sigma=sigma,
                   score_se=score_se,
                   bias_se=[sigma * math.sqrt(max(spread[a][a], 0.0))
                            for a in range(n_judges)],
                   comparisons=comparisons, partners=partners, covariance=spread,
                   weights=weights, counts=per_entry)


def connected_groups(adjacency: Sequence[Sequence[bool]]) -> tuple[int, list[int]]:
    """Connected groups of a symmetric adjacency matrix: (how many, the group of each node).

    Groups are numbered in order of their lowest node. A breadth-first walk is plenty for a
    panel's few dozen judges and keeps the statistics free of a heavier dependency.
    """
    size = len(adjacency)
    labels = [-1] * size
    groups = 0
    for start in range(size):
        if labels[start] >= 0:
            continue
        labels[start] = groups
        frontier = [start]
        while frontier:
            node = frontier.pop()
            for neighbour, linked in enumerate(adjacency[node]):
                if linked and labels[neighbour] < 0:
                    labels[neighbour] = groups
                    frontier.append(neighbour)
        groups += 1
    return groups, labels
