"""Every exercise of the site, with its starter, its probes and its checks.

One module per exercise. Each defines ``EXERCISE``: the starter the learner fills in, the
probes (run in the learner's process: they call the learner's functions on chosen
inputs) and the grading (run in the checker: it compares what came back with the
reference and names the mistake).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nnlib.tutor.learner import Learner, Outcome
from nnlib.tutor.report import Check


@dataclass(frozen=True)
class Context:
    """Where and when the learner's file ran (``folder`` is None for ``nnlib.check`` on
    functions): Exercise 6 reads the weights file the script wrote there."""

    folder: Path | None
    started: float


@dataclass(frozen=True)
class Exercise:
    """One exercise: its key (``"3"``, ``"warmup4"``, ``"bug2"``), title, page, the
    names the starter defines, the starter's text, its probes and its grading."""

    key: str
    title: str
    page: str
    names: tuple[str, ...]
    starter: str
    probe: Callable[[Learner], None]
    grade: Callable[[dict[str, Outcome], Context], list[Check]]
    timeout: float = 10.0
    run_as_main: bool = False  # Exercise 6: the script itself runs, as `python file.py`

    @property
    def filename(self) -> str:
        """The starter's file name: ``exercise3.py``, ``warmup4.py``, ``bug2.py``."""
        return f"exercise{self.key}.py" if self.key.isdigit() else f"{self.key}.py"


MODULES = ["exercise1", "exercise2", "exercise3", "exercise4", "exercise5", "exercise6",
           "warmup1", "warmup2", "warmup3", "warmup4", "warmup5", "bug1", "bug2", "bug3"]


def all_exercises() -> dict[str, Exercise]:
    """Every exercise, by key, in the site's order."""
    found = {}
    for module in MODULES:
        exercise = importlib.import_module(f"nnlib.tutor.exercises.{module}").EXERCISE
        found[exercise.key] = exercise
    return found


KEY = re.compile(r"^(?:exercise)?(\d|warmup\d|bug\d)$")


def find(key: str | int) -> Exercise:
    """The exercise called ``key``: ``3``, ``"3"``, ``"exercise3"``, ``"warmup4"``, ``"bug2"``.

    Examples:
        >>> find(3).filename
        'exercise3.py'
    """
    match = KEY.match(str(key).strip().lower())
    exercises = all_exercises()
    if match is None or match.group(1) not in exercises:
        names = ", ".join(exercises)
        raise ValueError(f"there is no exercise {key!r}; the exercises are: {names}")
    return exercises[match.group(1)]


def from_filename(path: str | Path) -> Exercise:
    """The exercise a file is for, from its name: ``exercise3.py``, ``my_warmup4.py``...

    Examples:
        >>> from_filename("work/exercise3_v2.py").key
        '3'
    """
    name = Path(path).stem.lower()
    match = re.search(r"(exercise\d|warmup\d|bug\d)", name)
    if match is None:
        raise ValueError(f"cannot tell which exercise {Path(path).name} is for: name it like "
                         f"the starter (exercise3.py, warmup4.py, bug2.py) or give "
                         f"--exercise")
    return find(match.group(1))
