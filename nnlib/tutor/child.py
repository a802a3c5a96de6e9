"""The learner's side of a check: ``python -m nnlib.tutor.child KEY FILE RESULTS``.

Runs in a process of its own, started by :mod:`nnlib.tutor.runner`. It loads the
learner's file as a module (``__name__`` is not ``"__main__"``, so its demo part does not
run), runs the exercise's probes, and writes what came back into RESULTS for the checker.
For Exercise 6 it then runs the file as a script, as ``python FILE`` would.
"""

from __future__ import annotations

import importlib.util
import runpy
import sys
from pathlib import Path

from nnlib.tutor.exercises import find
from nnlib.tutor.learner import Learner, save_outcomes, trimmed_traceback


def load_module(path: Path) -> dict[str, object]:
    """Run the learner's file as a module called ``learner`` and return its names."""
    spec = importlib.util.spec_from_file_location("learner", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path.name} as Python")
    module = importlib.util.module_from_spec(spec)
    sys.modules["learner"] = module
    spec.loader.exec_module(module)
    return vars(module)


def main(argv: list[str]) -> int:
    """Probe the learner's file; write ``result.json`` (and arrays) into the results folder."""
    key, file, results = argv
    path, folder = Path(file).resolve(), Path(results)
    exercise = find(key)
    sys.path.insert(0, str(path.parent))  # their file may import its neighbours
    try:
        names = load_module(path)
    except BaseException as error:  # noqa: BLE001 - SystemExit too: the learner's file stopped
        save_outcomes({}, folder, {"status": "load-error",
                                   "message": trimmed_traceback(error, str(path))})
        return 0
    learner = Learner(names, str(path))
    exercise.probe(learner)
    extra: dict[str, object] = {"status": "ok"}
    if exercise.run_as_main:
        try:
            runpy.run_path(str(path), run_name="__main__")
        except SystemExit as error:
            if error.code not in (None, 0):
                extra = {"status": "main-error", "message": f"your script exited with {error.code}"}
        except BaseException as error:  # noqa: BLE001 - the learner's error, for them
            extra = {"status": "main-error", "message": trimmed_traceback(error, str(path))}
    save_outcomes(learner.outcomes, folder, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
