"""Why vectorise: the three ways of snippets/beyond/why_vectorise.py, timed when the site is built.

Not a figure: ``assets/beyond-vectorise/numbers.json`` holds the seconds per epoch the
snippet measured (pure Python on three examples and NumPy one example at a time on 640, both
scaled to 60,000; one real epoch of mini-batches), their ratios, and the machine they were
measured on, for the page's prose (``{{ vectorise.python.seconds }}``, see
nnlib/tools/site/numbers.py). It costs about two seconds of a cold build.
"""

FIGURES = []  # no image
ASSETS = ["assets/beyond-vectorise/numbers.json"]
DEPENDS_ON = ["snippets/beyond/why_vectorise.py"]

import contextlib
import io
import json
import os

from snippets.beyond import why_vectorise

from nnlib.tools import bench

KEYS = {"pure Python loops": "python", "NumPy, one example at a time": "per-example",
        "NumPy, mini-batches of 64": "batches"}


def seconds_text(seconds: float) -> str:
    """272.3 -> '272 s', 3.84 -> '3.8 s', 0.402 -> '0.40 s': two or three significant digits."""
    return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s" if seconds >= 1 else f"{seconds:.2f} s"


def vectorise_numbers(seconds: dict[str, float], machine: str) -> dict[str, str]:
    """The page's numbers from the three times (seconds per epoch, by way)."""
    fast = seconds["NumPy, mini-batches of 64"]
    numbers = {"vectorise.machine": machine}
    for name, key in KEYS.items():
        numbers[f"vectorise.{key}.seconds"] = seconds_text(seconds[name])
        numbers[f"vectorise.{key}.ratio"] = f"{seconds[name] / fast:,.0f}×" if seconds[name] >= 10 * fast \
            else f"{seconds[name] / fast:.1f}×"
    python = seconds["pure Python loops"]
    numbers["vectorise.python.minutes"] = f"{python / 60:.1f} minutes"
    numbers["vectorise.python.per-example"] = f"{python / 60_000 * 1000:.1f} ms"
    numbers["vectorise.python.over-per-example"] = f"{python / seconds['NumPy, one example at a time']:.0f}×"
    return numbers


def machine() -> str:
    """'AMD EPYC 7B13 (2 cores), one BLAS thread, NumPy 2.4.6 (scipy-openblas 0.3.31, Haswell kernel)'."""
    import numpy as np

    threads = os.environ.get("OPENBLAS_NUM_THREADS", "every core")
    threads = {"1": "one BLAS thread"}.get(threads, f"{threads} BLAS threads")
    return (f"{bench.cpu_name()} ({bench.usable_cores()} cores), {threads}, "
            f"NumPy {np.__version__} ({bench.blas_name()})")


def draw(out_dir, runs):
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its results
        seconds = why_vectorise.main()
    path = out_dir / "assets" / "beyond-vectorise" / "numbers.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(vectorise_numbers(seconds, machine()), indent=1, sort_keys=True))
