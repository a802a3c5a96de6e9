"""Element-by-element NumPy work shared between cores, a part of the batch per thread.

NumPy's matrix products already use every core: OpenBLAS runs threads of its own. Its
element-by-element work (copies, additions, comparisons) runs on one core, but lets go of
Python's global lock while it runs, so Python threads can each do part of it at the same
time. [`nnlib.conv`][nnlib.conv] shares out its copies, scatters and pooling this way: on
a machine with two cores they take about half as long.

How many threads: ``OPENBLAS_NUM_THREADS`` if it is set (the number NumPy's matrix
products use), else every core this process may run on. The results do not depend on it:
each thread computes its own examples exactly as one thread would.

Used in [Performance: convolutions](../performance-details.md#convolutions).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

_pools: dict[int, ThreadPoolExecutor] = {}


def thread_count() -> int:
    """Threads for element-by-element work: ``$OPENBLAS_NUM_THREADS`` if set, else every
    usable core.

    Examples:
        >>> thread_count() >= 1
        True
    """
    requested = os.environ.get("OPENBLAS_NUM_THREADS", "")
    if requested.isdigit() and int(requested) > 0:
        return int(requested)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not available on macOS or Windows
        return os.cpu_count() or 1


def for_each_part(work: Callable[[slice], None], n: int, threads: int | None = None) -> None:
    """Call ``work(part)`` for consecutive slices of ``range(n)``, one per thread, and wait.

    ``work`` must write its results into arrays it was given (each part its own rows):
    the slices never overlap, so no two threads write the same element. This thread does
    the first part itself; ``threads`` defaults to [`thread_count`][nnlib.threads.thread_count].

    Examples:
        >>> import numpy as np
        >>> x, out = np.arange(10.0), np.empty(10)
        >>> def double(part): np.multiply(x[part], 2, out=out[part])
        >>> for_each_part(double, len(x), threads=3)  # parts 0:3, 3:6 and 6:10
        >>> out
        array([ 0.,  2.,  4.,  6.,  8., 10., 12., 14., 16., 18.])
    """
    threads = min(thread_count() if threads is None else threads, n)
    if threads <= 1:
        work(slice(0, n))
        return
    bounds = [n * i // threads for i in range(threads + 1)]
    parts = [slice(start, stop) for start, stop in zip(bounds[:-1], bounds[1:])]
    if threads not in _pools:
        _pools[threads] = ThreadPoolExecutor(threads - 1, thread_name_prefix="nnlib")
    others = [_pools[threads].submit(work, part) for part in parts[1:]]
    work(parts[0])
    for other in others:
        other.result()  # waits, and raises here what the thread raised
