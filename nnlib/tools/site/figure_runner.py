"""Draw figures in a process of their own: ``python -m nnlib.tools.site.figure_runner JOBS RESULTS``.

(``python -m nnlib.tools.site.figure_runner --run NAME PATH`` trains one shared run: the
build trains the missing runs side by side, one process each, before it draws.)

:mod:`.figures` starts it with ``docs/`` on ``PYTHONPATH`` (the scripts are the package
``figures``) and writes ``JOBS`` (JSON): where each shared training run is cached, and one
job per stale script: its module, the images and data files it must write, the runs it may
read, and its output folder. For each job this imports the script, calls
``draw(out_dir, runs)`` and checks what it wrote; ``RESULTS`` (JSON) records, per module, the
error (a traceback) or ``None``, and the seconds it took. A fresh process sees ``nnlib`` as it
is on disk (even under ``mkdocs serve``), and Matplotlib's state stays out of MkDocs.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
import traceback
from pathlib import Path

from nnlib.tools.site.figures import PACKAGE, RUNS_MODULE, image_size


class Runs:
    """``runs[name]``: a shared training run's arrays, trained once and cached as .npz."""

    def __init__(self, paths: dict[str, str]):
        self._paths = paths
        self._loaded: dict[str, dict] = {}
        self.allowed: list[str] = []

    def __getitem__(self, name: str) -> dict:
        if name not in self.allowed:
            raise KeyError(
                f"run {name!r} is not declared: add it to USES_RUNS so that it is part of the cache key"
            )
        if name not in self._loaded:
            import numpy as np

            path = Path(self._paths[name])
            if not path.exists():
                self._train(name, path)
            with np.load(path, allow_pickle=False) as data:
                self._loaded[name] = {key: data[key] for key in data.files}
        return self._loaded[name]

    def _train(self, name: str, path: Path) -> None:
        import numpy as np

        registry = getattr(importlib.import_module(f"{PACKAGE}._runs"), "RUNS", {})
        if name not in registry:
            raise KeyError(f"no run {name!r} in {RUNS_MODULE} (RUNS has {sorted(registry)})")
        started = time.perf_counter()
        arrays = {key: np.asarray(value) for key, value in registry[name]().items()}
        for key, value in arrays.items():
            if value.dtype == object:
                raise TypeError(f"run {name!r}: {key!r} is an object array; return numbers only")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp.npz")
        np.savez(tmp, **arrays)
        os.replace(tmp, path)
        print(f"figures: run {name!r} trained in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def check_outputs(out_dir: Path, figures: list[str], assets: list[str]) -> None:
    """Raise unless ``out_dir`` holds exactly the declared images (valid PNG or SVG) and data files."""
    for name in figures:
        if not (out_dir / name).exists():
            raise FileNotFoundError(f"draw() did not write {name} (declared in FIGURES)")
        image_size(out_dir / name)
    for name in assets:
        if not (out_dir / name).is_file():
            raise FileNotFoundError(f"draw() did not write {name} (declared in ASSETS)")
        if (out_dir / name).stat().st_size == 0:
            raise ValueError(f"draw() wrote {name} empty (declared in ASSETS)")
    written = {p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file()}
    extra = sorted(written - set(figures) - set(assets))
    if extra:
        raise ValueError(f"draw() wrote {extra}, not declared in FIGURES or ASSETS")


def run_jobs(job_file: Path, result_file: Path) -> int:
    """Draw every job of ``job_file``; write the outcomes to ``result_file``; 1 if any failed."""
    spec = json.loads(job_file.read_text())
    runs = Runs(spec["runs"])
    results = {}
    for job in spec["jobs"]:
        started = time.perf_counter()
        error = None
        try:
            module = importlib.import_module(job["module"])
            runs.allowed = job["uses_runs"]
            out_dir = Path(job["out_dir"])
            module.draw(out_dir, runs)
            check_outputs(out_dir, job["figures"], job["assets"])
        except Exception:
            error = traceback.format_exc()
        finally:
            if "matplotlib.pyplot" in sys.modules:
                sys.modules["matplotlib.pyplot"].close("all")
        results[job["module"]] = {"error": error, "seconds": time.perf_counter() - started}
        result_file.write_text(json.dumps(results))
    return 1 if any(r["error"] for r in results.values()) else 0


def train_run(name: str, path: Path) -> int:
    """Train the shared run ``name`` into ``path`` (``--run NAME PATH``): one of several at once."""
    runs = Runs({name: str(path)})
    runs.allowed = [name]
    runs[name]
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "--run":
        sys.exit(train_run(sys.argv[2], Path(sys.argv[3])))
    sys.exit(run_jobs(Path(sys.argv[1]), Path(sys.argv[2])))
