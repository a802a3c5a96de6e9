"""Helpers shared by the diagrams of learning: Part 3's steps 6 to 8 and the Part 4 cheat sheet.

Shapes and numbers are written as the snippets print them, so that a diagram's labels read
like the code beside it.
"""

from __future__ import annotations

import re

from nnlib.tools.site.pages import ROOT, sections

STEP6 = "snippets/part3/step6_backpropagation.py"
STEP7 = "snippets/part3/step7_weight_update.py"
STEP8 = "snippets/part3/step8_training_loop.py"
CHEAT_SHEET = "snippets/part4/cheat_sheet.py"


def shape(array_or_shape) -> str:
    """An array's shape as Python prints it: ``(5, 784)``."""
    return str(tuple(getattr(array_or_shape, "shape", array_or_shape)))


def signed(value: float) -> str:
    """A delta or a gradient, to four decimals with its sign (as step 6 prints them)."""
    return f"{value:+.4f}"


def plain(value: float) -> str:
    """A value to four decimals."""
    return f"{value:.4f}"


def code_lines(path: str, section: str) -> list[tuple[str, str]]:
    """The lines of a snippet's section as ``(code, comment)``, blank lines left out.

    ``hidden = sigmoid(X @ W1 + b1)      # (n, 64)`` -> ``("hidden = sigmoid(X @ W1 + b1)",
    "(n, 64)")``: the code as the page shows it, without the padding before the comment.
    """
    found = []
    for line in sections(ROOT / path)[section].splitlines():
        if not line.strip():
            continue
        code, _, comment = line.partition("  #")
        found.append((code.rstrip(), comment.strip()))
    return found


def assigned(code: str) -> str:
    """The name a line of code assigns to: ``W2 -= ...`` -> ``W2``."""
    match = re.match(r"\s*([A-Za-z_]\w*)\s*[-+*/]?=", code)
    if match is None:
        raise ValueError(f"not an assignment: {code!r}")
    return match[1]
