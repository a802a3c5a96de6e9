"""The tutor: starters for every exercise of the site, and a check of the learner's answer.

From the terminal::

    python -m nnlib exercise 3        # writes exercise3.py, a starter to fill in
    python -m nnlib check exercise3.py

From a notebook or a script, on functions you wrote there::

    import nnlib
    nnlib.check(3, weighted_sum, neuron)

A file is checked in a separate process, with a time limit; functions handed to
``check`` run in the process that hands them over (the learner's own).
"""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nnlib.tutor.exercises import Context, Exercise, all_exercises, find, from_filename
from nnlib.tutor.learner import Learner
from nnlib.tutor.report import failed, format_report
from nnlib.tutor.runner import RunResult, run_file

__all__ = ["check", "check_file", "write_starter", "all_exercises", "find"]

EXIT_PASSED, EXIT_FAILED, EXIT_DID_NOT_RUN = 0, 1, 2


def write_starter(exercise: str | int, folder: str | Path = ".") -> Path:
    """Write the starter of ``exercise`` (``3``, ``"warmup4"``, ``"bug2"``) into ``folder``
    and return its path; an existing file is never overwritten (``FileExistsError``).

    See [the exercises](../part5/exercises.md#check-your-answer).
    """
    found = find(exercise)
    path = Path(folder) / found.filename
    with open(path, "x", encoding="utf-8") as file:  # "x": fails if it exists
        file.write(found.starter)
    return path


def _title(exercise: Exercise, what: str) -> str:
    return f"Checking {what} against {exercise.title}"


def _did_not_run(exercise: Exercise, run: RunResult, name: str) -> str:
    """The report for a file that could not be checked: what happened, what it printed."""
    lines = [_title(exercise, name), ""]
    if run.status == "load-error":
        lines += ["Your file raised an error while it loaded, so nothing could be checked:", "",
                  run.message, "", "Fix it, then run the check again."]
    else:
        lines += textwrap.wrap(run.message, 80)
    if run.status != "load-error" and run.output.strip():
        lines += ["", "It printed:", run.output.rstrip()]
        if run.output_dropped:
            lines += [f"(... {run.output_dropped:,} more bytes not shown)"]
    return "\n".join(lines)


def check_file(path: str | Path, exercise: str | int | None = None,
               timeout: float | None = None) -> tuple[str, int]:
    """Check the learner's file: return the report and the exit status (0 when every
    check passed, 1 when one failed, 2 when the file could not be run or checked).

    The exercise is found from the file name unless given. The file runs in a child
    process with the exercise's time limit (or ``timeout`` seconds).

    See [the exercises](../part5/exercises.md#check-your-answer).
    """
    path = Path(path)
    found = from_filename(path) if exercise is None else find(exercise)
    if not path.is_file():
        return f"There is no file {path}. Write one with: python -m nnlib exercise " \
               f"{found.key}", EXIT_DID_NOT_RUN
    started = time.time()
    run = run_file(found, path, timeout)
    if run.status not in ("ok", "main-error"):
        return _did_not_run(found, run, path.name), EXIT_DID_NOT_RUN
    checks = found.grade(run.outcomes, Context(path.resolve().parent, started))
    if run.status == "main-error":  # Exercise 6's script raised: say so first
        checks.insert(0, failed(f"python {path.name} runs to the end", "no error",
                                run.message))
    status = EXIT_PASSED if all(c.passed for c in checks) else EXIT_FAILED
    return format_report(_title(found, path.name), checks), status


def check(exercise: str | int, *functions: Callable[..., Any] | str | Path,
          **named: Any) -> bool:
    """Check an exercise and print the report; return True when every check passed.

    ``check(3, "exercise3.py")`` checks a file, in a separate process, as
    ``python -m nnlib check exercise3.py`` does. ``check(3, weighted_sum, neuron)``
    checks functions you wrote in a notebook or a script, given in the order the
    starter defines them (or by name: ``check(3, neuron=my_neuron)``); they run in
    this process.

    See [the exercises](../part5/exercises.md#check-your-answer).
    """
    found = find(exercise)
    if len(functions) == 1 and isinstance(functions[0], (str, Path)) and not named:
        report, status = check_file(functions[0], found.key)
        print(report)
        return status == EXIT_PASSED
    if len(functions) > len(found.names):
        raise TypeError(f"{found.title} has {len(found.names)} names "
                        f"({', '.join(found.names)}); {len(functions)} were given")
    names = dict(zip(found.names, functions)) | named
    learner = Learner(names)
    started = time.time()
    found.probe(learner)
    checks = found.grade(learner.outcomes, Context(None, started))
    given = ", ".join(names) or "nothing"
    print(format_report(_title(found, given), checks))
    sys.stdout.flush()
    return all(c.passed for c in checks)
