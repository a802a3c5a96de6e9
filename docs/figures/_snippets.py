"""A diagram's numbers, taken from the snippet it illustrates, so the two cannot disagree.

    values = section_values("snippets/part3/step1_one_neuron.py", "numbers", "sigmoid")
    values["inputs"], values["a"]

runs the named sections of the snippet, in order, in one fresh namespace (what they print is
discarded) and returns that namespace. List the snippet in the script's ``DEPENDS_ON`` so
that changing it redraws the diagram.
"""

from __future__ import annotations

import contextlib
import io

from nnlib.tools.site.pages import ROOT, sections


def section_values(path: str, *names: str) -> dict:
    """The variables the sections ``names`` of the snippet at ``path`` (from the root) define."""
    found = sections(ROOT / path)
    missing = [name for name in names if name not in found]
    if missing:
        raise KeyError(f"{path} has no section {missing}: it has {sorted(found)}")
    namespace: dict = {"__name__": "diagram_values"}
    with contextlib.redirect_stdout(io.StringIO()):
        for name in names:
            exec(compile(found[name], f"{path}:{name}", "exec"), namespace)
    return namespace
