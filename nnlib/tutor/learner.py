"""Calling a learner's functions and recording what came back, as plain data.

This module runs in the learner's process: the child process the checker starts for a
file (``nnlib/tutor/child.py``), or the notebook that calls ``nnlib.check``. Each call
is recorded as an :class:`Outcome`: a value (arrays, numbers), or the learner's own
error, trimmed to their code, and any warnings it raised. The checker compares outcomes
with the reference; it never sees the learner's objects.
"""

from __future__ import annotations

import json
import traceback
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

TUTOR_DIR = str(Path(__file__).resolve().parent)


@dataclass(frozen=True)
class Outcome:
    """What one call of the learner's code gave.

    ``kind`` is ``"array"`` (``value`` holds it, numbers included), ``"none"`` (it
    returned ``None``), ``"other"`` (``text`` describes it), ``"dict"`` or ``"tuple"``
    (``text`` lists the keys or the length; the items are outcomes of their own) or
    ``"error"`` (``text`` is the message the learner should read).
    """

    kind: str
    value: np.ndarray | None = None
    text: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)


class LearnerError(Exception):
    """Raised inside a probe when the learner's code fails; its message is for them."""


def trimmed_traceback(error: BaseException, learner_file: str | None) -> str:
    """The learner's traceback: only the frames of their file (or, without a file, all
    but the tutor's own frames), then the error itself.

    Examples:
        >>> try:
        ...     1 / 0
        ... except ZeroDivisionError as error:
        ...     print(trimmed_traceback(error, "exercise3.py"))
        ZeroDivisionError: division by zero
    """
    frames = traceback.extract_tb(error.__traceback__)
    if learner_file is not None:
        mine = _resolved(learner_file)
        kept = [f for f in frames if _resolved(f.filename) == mine]
    else:
        kept = [f for f in frames if not f.filename.startswith(TUTOR_DIR)]
    lines = []
    for frame in kept:
        lines.append(f'  File "{Path(frame.filename).name}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    if isinstance(error, SyntaxError) and error.filename:
        error.filename = Path(error.filename).name
    message = "".join(traceback.format_exception_only(type(error), error)).rstrip()
    return "\n".join(["Traceback (your code, most recent call last):", *lines, message]
                     if lines else [message])


def _resolved(filename: str) -> str:
    try:
        return str(Path(filename).resolve())
    except (OSError, ValueError):
        return filename


def _flatten(name: str, value: Any, found: dict[str, Outcome], caught: tuple[str, ...]) -> None:
    """Record ``value`` under ``name``; a dict's or tuple's items under ``name.key``."""
    if value is None:
        found[name] = Outcome("none", warnings=caught)
    elif isinstance(value, Mapping):
        found[name] = Outcome("dict", text=", ".join(map(str, value)), warnings=caught)
        for key, item in value.items():
            _flatten(f"{name}.{key}", item, found, ())
    elif isinstance(value, (tuple, list)) and not _is_numeric_list(value):
        found[name] = Outcome("tuple", text=str(len(value)), warnings=caught)
        for index, item in enumerate(value):
            _flatten(f"{name}.{index}", item, found, ())
    else:
        try:
            array = np.array(value)
        except Exception:  # noqa: BLE001 - anything that is not an array
            array = None
        if array is None or array.dtype == object or array.dtype.kind not in "biuf":
            found[name] = Outcome("other", text=_describe(value), warnings=caught)
        else:
            found[name] = Outcome("array", value=array, warnings=caught)


def _is_numeric_list(value: tuple | list) -> bool:
    return all(isinstance(v, (int, float, np.number, bool)) for v in value) and len(value) > 0


def _describe(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}{'...' if len(text) > 60 else ''}"


class Learner:
    """The learner's names (a module's or the functions given to ``nnlib.check``) and
    the outcomes of the probes run on them."""

    def __init__(self, names: Mapping[str, Any], learner_file: str | None = None) -> None:
        self.names = dict(names)
        self.file = learner_file
        self.outcomes: dict[str, Outcome] = {}

    def get(self, name: str) -> Any:
        """The learner's function or value called ``name``, or a :class:`LearnerError`."""
        if name not in self.names:
            where = "your file" if self.file else "the functions given"
            raise LearnerError(f"{where} has no `{name}`: the starter names it")
        return self.names[name]

    def fn(self, name: str) -> Callable[..., Any]:
        """The learner's function ``name`` (a :class:`LearnerError` if it is missing)."""
        value = self.get(name)
        if not callable(value):
            raise LearnerError(f"`{name}` is not a function: it is {_describe(value)}")
        return value

    def run(self, name: str, thunk: Callable[[], Any]) -> Any:
        """Call ``thunk`` (which calls the learner's code) and record what it gave under
        ``name``; return the value, or ``None`` if it failed."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with np.errstate(over="warn", divide="warn", invalid="warn"):
                try:
                    value = thunk()
                except LearnerError as error:
                    self.outcomes[name] = Outcome("error", text=str(error))
                    return None
                except (Exception, SystemExit) as error:  # noqa: BLE001 - theirs, for them
                    self.outcomes[name] = Outcome("error", text=trimmed_traceback(error, self.file))
                    return None
        messages = tuple(dict.fromkeys(f"{w.category.__name__}: {w.message}" for w in caught))
        _flatten(name, value, self.outcomes, messages)
        return value


def outcome(outcomes: Mapping[str, Outcome], name: str) -> Outcome:
    """The outcome recorded under ``name``; if its probe failed before it, that failure.

    ``outcome(found, "init.W1")`` gives the error of ``init`` when ``init`` raised.
    """
    if name in outcomes:
        return outcomes[name]
    parts = name.split(".")
    for end in range(len(parts) - 1, 0, -1):
        parent = outcomes.get(".".join(parts[:end]))
        if parent is not None:
            if parent.kind == "error":
                return parent
            missing = f"no `{parts[end]}` in what it returned ({parent.kind}: {parent.text})"
            return Outcome("error", text=missing if parent.kind in ("dict", "tuple") else
                           f"it returned {_kind_text(parent)}, not several values")
    return Outcome("error", text="not checked: an earlier step failed")


def _kind_text(found: Outcome) -> str:
    if found.kind == "array" and found.value is not None:
        return f"an array of shape {found.value.shape}"
    return {"none": "None"}.get(found.kind, found.text or found.kind)


def save_outcomes(outcomes: Mapping[str, Outcome], folder: Path, extra: Mapping[str, Any]) -> None:
    """Write outcomes to ``folder``: ``result.json``, and one ``.npy`` per array."""
    index = {}
    for n, (name, found) in enumerate(outcomes.items()):
        entry = {"kind": found.kind, "text": found.text, "warnings": list(found.warnings)}
        if found.value is not None:
            entry["file"] = f"{n}.npy"
            np.save(folder / entry["file"], found.value, allow_pickle=False)
        index[name] = entry
    (folder / "result.json").write_text(json.dumps({**extra, "outcomes": index}))


def load_outcomes(folder: Path) -> tuple[dict[str, Outcome], dict[str, Any]]:
    """Read what :func:`save_outcomes` wrote: the outcomes, and the other entries."""
    data = json.loads((folder / "result.json").read_text())
    outcomes = {}
    for name, entry in data.pop("outcomes").items():
        value = np.load(folder / entry["file"], allow_pickle=False) if "file" in entry else None
        outcomes[name] = Outcome(entry["kind"], value, entry["text"], tuple(entry["warnings"]))
    return outcomes, data
