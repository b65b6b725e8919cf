"""Density strips as one image: strips where the lanes are, nothing else; a reused buffer
gives the same picture as a fresh one (the previous frame's strips are cleared)."""

from __future__ import annotations

import numpy as np

from desktop.widgets.timeline_density import MIN_ALPHA, density_rgba


def test_strips_sit_at_their_rows_and_a_reused_buffer_is_cleared() -> None:
    counts = np.array([[0, 1, 4, 0], [2, 0, 0, 8]], dtype=float)
    fresh, top = density_rgba(counts, np.array([1, 6]), 3, ["#ff0000", "#0000ff"], 12)
    assert top == 8 and fresh.shape == (12, 4, 4)
    alpha = fresh[..., 3]
    assert alpha[[0, 4, 5, 9, 10, 11]].max() == 0  # outside the strips: transparent
    assert (alpha[1:4, 1] >= MIN_ALPHA).all() and (alpha[1:4, 0] == 0).all()
    assert alpha[6, 3] == 255 and fresh[6, 3, 0] == 255  # darkest column, blue (BGRA)
    stale = np.full_like(fresh, 77)
    reused, _ = density_rgba(counts, np.array([1, 6]), 3, ["#ff0000", "#0000ff"], 12, out=stale)
    assert reused is stale
    np.testing.assert_array_equal(reused, fresh)
    other, _ = density_rgba(counts, np.array([1, 6]), 3, ["#f00", "#00f"], 13, out=stale)
    assert other is not stale and other.shape[0] == 13  # another size: a new image
