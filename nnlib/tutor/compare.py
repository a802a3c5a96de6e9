"""Comparing what a learner's code gave with the reference, and naming what went wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from nnlib.tutor.hints import hint
from nnlib.tutor.learner import Outcome
from nnlib.tutor.report import Check, Hint, failed, passed

Detector = Callable[[Outcome, np.ndarray], "Hint | None"]


def show(value: np.ndarray | float) -> str:
    """A value as the report prints it: a number, a short array, or a summary.

    Examples:
        >>> show(np.float64(0.52497918747894))
        '0.525'
        >>> show(np.array([1, 2, 3]))
        '[1, 2, 3]'
        >>> show(np.zeros((5, 64)))
        'an array of shape (5, 64)'
    """
    array = np.asarray(value)
    if array.ndim == 0:
        number = array.item()
        return f"{number:.4g}" if isinstance(number, float) else str(number)
    if array.size <= 10:
        formats = {"float_kind": lambda x: f"{x:.4g}"}
        return " ".join(np.array2string(array, formatter=formats, separator=", ").split())
    return f"an array of shape {array.shape}"


def describe(found: Outcome) -> str:
    """What the learner's code gave, in a few words."""
    if found.kind == "array" and found.value is not None:
        return show(found.value)
    if found.kind == "none":
        return "None (did the function forget to return?)"
    if found.kind in ("dict", "tuple"):
        return f"a {found.kind} ({found.text})"
    return found.text


def first_difference(got: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> str:
    """Where two arrays of one shape first differ, as ``at [i, j]: ...``."""
    wrong = ~np.isclose(got, expected, rtol=rtol, atol=atol)
    index = tuple(int(i) for i in np.argwhere(wrong)[0])
    return f"at {list(index)}: {show(got[index])} where {show(expected[index])} belongs"


def _detect(found: Outcome, expected: np.ndarray, detectors: Iterable[Detector]) -> Hint | None:
    for detector in detectors:
        found_hint = detector(found, expected)
        if found_hint is not None:
            return found_hint
    return None


def compare(label: str, found: Outcome, expected: np.ndarray | float, *,
            detectors: Iterable[Detector] = (), rtol: float = 1e-6, atol: float = 1e-9,
            source: str = "the reference") -> Check:
    """Check one value: it exists, has the expected shape and kind, and the values agree.

    On a failure, the first detector that recognises the mistake gives the hint;
    ``source`` names where the expected values of a large array come from.
    """
    expected = np.asarray(expected)
    detectors = list(detectors)
    if found.kind != "array" or found.value is None:
        return failed(label, _expected_text(expected), describe(found),
                      _detect(found, expected, detectors))
    got = found.value
    if got.shape != expected.shape:
        return failed(label, f"shape {expected.shape}", f"shape {got.shape}",
                      _detect(found, expected, detectors))
    if expected.dtype.kind == "f" and got.dtype.kind != "f":
        return failed(label, "floating-point numbers", f"dtype {got.dtype}: {show(got)}",
                      _detect(found, expected, detectors))
    if expected.dtype.kind == "f" and not np.all(np.isfinite(got)):
        return failed(label, _expected_text(expected), f"{show(got)} (not all finite)",
                      _detect(found, expected, detectors))
    if not np.allclose(got, expected, rtol=rtol, atol=atol):
        if expected.size > 10:
            return failed(label, f"{source}'s values (shape {expected.shape})",
                          first_difference(got, expected, rtol, atol),
                          _detect(found, expected, detectors))
        return failed(label, show(expected), show(got), _detect(found, expected, detectors))
    return passed(label)


def _expected_text(expected: np.ndarray) -> str:
    return show(expected) if expected.size <= 10 else f"an array of shape {expected.shape}"


def no_warnings(label: str, found: Outcome, detectors: Iterable[Detector] = ()) -> Check:
    """Check that the call raised no warning (NumPy's overflow warnings among them)."""
    if found.kind != "array":
        return failed(label, "no warning", f"not checked: {describe(found)}")
    if found.warnings:
        return failed(label, "no warning", "\n".join(found.warnings),
                      _detect(found, np.asarray(0.0), detectors))
    return passed(label)


# Detectors: each looks at what came back and names a mistake, or returns None.

def transposed(name: str = "transposed") -> Detector:
    """The shape is the expected one reversed, or a product failed on its inner sizes."""
    def detect(found: Outcome, expected: np.ndarray) -> Hint | None:
        if found.kind == "array" and found.value is not None and expected.ndim == 2 \
                and found.value.shape == expected.shape[::-1]:
            return hint(name)
        if found.kind == "error" and ("mismatch in its core dimension" in found.text
                                      or "not aligned" in found.text):
            return hint(name)
        return None
    return detect


def ratio(factor: float, name: str) -> Detector:
    """The values are the expected ones times ``factor`` (a sum for a mean, ...)."""
    def detect(found: Outcome, expected: np.ndarray) -> Hint | None:
        if found.kind == "array" and found.value is not None \
                and found.value.shape == expected.shape \
                and np.allclose(found.value, expected * factor, rtol=1e-5, atol=1e-12) \
                and not np.allclose(expected, 0):
            return hint(name)
        return None
    return detect


def when(condition: Callable[[np.ndarray, np.ndarray], bool], name: str) -> Detector:
    """The mistake ``name`` when ``condition(got, expected)`` holds on an array."""
    def detect(found: Outcome, expected: np.ndarray) -> Hint | None:
        if found.kind == "array" and found.value is not None:
            try:
                if condition(found.value, expected):
                    return hint(name)
            except (ValueError, IndexError, TypeError):
                return None
        return None
    return detect


def warned(text: str, name: str) -> Detector:
    """The call warned with a message containing ``text``."""
    def detect(found: Outcome, expected: np.ndarray) -> Hint | None:
        return hint(name) if any(text in w for w in found.warnings) else None
    return detect


def failed_with(text: str, name: str) -> Detector:
    """The call raised an error whose message contains ``text``."""
    def detect(found: Outcome, expected: np.ndarray) -> Hint | None:
        return hint(name) if found.kind == "error" and text in found.text else None
    return detect


def expect_none(label: str, found: Outcome, why: str, name: str | None = None) -> Check:
    """Check that the learner returned ``None`` (``why`` says why it must)."""
    if found.kind == "none":
        return passed(label)
    return failed(label, f"None ({why})", describe(found), hint(name) if name else None)
