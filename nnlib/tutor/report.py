"""What the tutor tells a learner: one line per check, and for a failure what was
expected, what came back, and a hint that names the mistake and the page explaining it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

WIDTH = 80  # the report's lines fit a terminal
INDENT = " " * 6


@dataclass(frozen=True)
class Hint:
    """A mistake learners make: its name, what to do about it, and the page explaining it.

    ``page`` is a path on the site, such as ``part2/derivative.md#the-sigmoids-slope-a1-a``.
    """

    mistake: str
    advice: str
    page: str


@dataclass(frozen=True)
class Check:
    """One check of a learner's code: what it checked, whether it passed, and why not."""

    label: str
    passed: bool
    expected: str = ""
    got: str = ""
    hint: Hint | None = None


def passed(label: str) -> Check:
    """A check that passed."""
    return Check(label, True)


def failed(label: str, expected: str, got: str, hint: Hint | None = None) -> Check:
    """A check that failed, with what was expected, what came back and perhaps a hint."""
    return Check(label, False, expected, got, hint)


def _field(name: str, text: str) -> list[str]:
    """``name: text`` under a failed check, wrapped to the report's width."""
    lines = []
    first = f"{INDENT}{name + ':':<10}"
    for n, paragraph in enumerate(text.splitlines() or [""]):
        prefix = first if n == 0 else " " * len(first)
        if len(prefix) + len(paragraph) <= WIDTH:  # keep tracebacks and tables as they are
            lines.append(prefix + paragraph)
        else:
            lines += textwrap.wrap(paragraph, WIDTH, initial_indent=prefix,
                                   subsequent_indent=" " * len(first)) or [prefix]
    return lines


def format_check(check: Check) -> str:
    """One check as the learner reads it: ``PASS  label``, or ``FAIL  label`` and details."""
    lines = [f"{'PASS' if check.passed else 'FAIL'}  {check.label}"]
    if not check.passed:
        if check.expected:
            lines += _field("expected", check.expected)
        lines += _field("got", check.got)
        if check.hint is not None:
            lines += _field("hint", f"{check.hint.mistake}. {check.hint.advice}")
            lines += _field("read", check.hint.page)
    return "\n".join(lines)


def format_report(title: str, checks: list[Check]) -> str:
    """The whole report: a title, one entry per check, and a count at the end."""
    n_passed = sum(check.passed for check in checks)
    if checks and n_passed == len(checks):
        verdict = f"All {len(checks)} checks passed. Well done!"
    else:
        verdict = f"{n_passed} of {len(checks)} checks passed."
    body = "\n".join(format_check(check) for check in checks)
    return f"{title}\n\n{body}\n\n{verdict}" if checks else f"{title}\n\n{verdict}"
