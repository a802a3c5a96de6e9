"""Every file of snippets/ runs on its own, as a reader runs it, under one policy.

The policy is in runner.py: a fresh interpreter, warnings as errors, one BLAS thread, an
empty working directory. Here each run must exit 0, print what its page shows, say
nothing on stderr, and write nothing, neither where it ran nor into the repository.
"""

from __future__ import annotations

import os

import pytest

from tests.snippets.runner import SLOW, all_snippets, needs_mnist, run_snippet


def cases():
    return [
        pytest.param(name, id=name.removeprefix("snippets/"),
                     marks=[pytest.mark.slow] if name in SLOW else [])
        for name in all_snippets()
    ]


@pytest.mark.parametrize("name", cases())
def test_snippet_runs_cleanly(name):
    if needs_mnist(name) and not os.environ.get("NNLIB_DATA_DIR"):
        pytest.skip("set NNLIB_DATA_DIR to a directory with the four MNIST files")
    run = run_snippet(name)
    assert run.returncode == 0, f"{name} failed:\n{run.stdout}\n{run.stderr}"
    assert run.stderr == "", run.stderr
    assert run.stdout.strip(), f"{name} printed nothing: the pages show what it prints"
    assert run.written == (), f"{name} wrote {run.written}"


def test_every_part_has_its_snippets():
    names = {name.removeprefix("snippets/") for name in all_snippets()}
    for step in range(1, 9):
        assert any(n.startswith(f"part3/step{step}_") for n in names), f"no snippet for step {step}"
    for exercise in range(1, 7):
        assert any(n.startswith(f"part5/exercise{exercise}_") for n in names), exercise
    assert {"part1/basics.py", "part2/sigmoid.py", "part4/cheat_sheet.py"} <= names
