"""nnlib.threads: every part done once, errors raised, and the same results on any count."""

import numpy as np
import pytest

from nnlib.conv import Conv2D, MaxPool2D, col2im, im2col
from nnlib.threads import for_each_part, thread_count


@pytest.mark.parametrize("n, threads", [(10, 1), (10, 3), (2, 5), (7, 7), (1, 2)])
def test_every_index_is_done_once(n, threads):
    seen, parts = [], []

    def work(part):
        seen.extend(range(n)[part])
        parts.append(part)

    for_each_part(work, n, threads)
    assert sorted(seen) == list(range(n))
    assert len(parts) == min(n, threads)  # as even as can be: sizes differ by at most 1
    assert max(p.stop - p.start for p in parts) - min(p.stop - p.start for p in parts) <= 1


def test_an_error_in_a_thread_is_raised_in_the_caller():
    def work(part):
        if part.start > 0:
            raise ValueError(f"part {part.start}:{part.stop} failed")

    with pytest.raises(ValueError, match="part 5:10 failed"):
        for_each_part(work, 10, threads=2)


def test_thread_count_follows_openblas_num_threads(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")
    assert thread_count() == 3
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "0")  # not a count: every usable core
    assert thread_count() >= 1


def conv_net_results():
    """Every output and gradient of a convolution and a pooling layer, for 5 images."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((5, 12, 11, 3)).astype(np.float32)
    conv, pool = Conv2D(3, 4, np.random.default_rng(1), kernel=3), MaxPool2D()
    out = pool.forward(conv.forward(x))
    dx = conv.backward(pool.backward(rng.standard_normal(out.shape).astype(np.float32)))
    cols = im2col(x[..., :1], 3)  # one channel: the column-by-column copy
    return [out, dx, conv.dW, conv.db, cols, col2im(cols, (5, 12, 11, 1), 3)]


def test_the_results_do_not_depend_on_the_thread_count(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    alone = conv_net_results()
    for threads in ("2", "4"):
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", threads)
        for one, shared in zip(alone, conv_net_results()):
            np.testing.assert_array_equal(one, shared)  # bit for bit
