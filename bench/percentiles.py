"""The percentile every benchmark reports: nearest rank, no interpolation."""

from __future__ import annotations


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]
