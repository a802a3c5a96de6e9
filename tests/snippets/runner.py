"""The one way the tests run a file of snippets/: as a reader runs it, once per session.

The policy, for every snippet: a fresh interpreter with warnings as errors (``-W error``),
one BLAS thread (tests run beside other tests), Matplotlib without a window, no bytecode
files, an empty temporary folder as working directory. ``tests/snippets/test_run.py`` then
requires of each run: exit status 0, something printed (the pages show it), nothing on
stderr, and nothing written, neither in the working directory nor in the repository.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "snippets"

# Arguments a snippet is run with (targets.py trains both full recipes without --quick; the
# slow tests of tests/snippets/test_beyond.py train them).
ARGUMENTS = {"snippets/beyond/targets.py": ["--quick"]}
# Run as scripts, these train for long enough to deserve the slow mark.
SLOW = {"snippets/part3/step8_training_loop.py"}
WATCHED = ("snippets", "nnlib", "docs", "tests")  # where a snippet must not write


def all_snippets() -> list[str]:
    """Every snippet file, relative to the repository: 'snippets/part1/basics.py', ..."""
    return sorted(p.relative_to(ROOT).as_posix() for p in SNIPPETS.rglob("*.py"))


def needs_mnist(relative: str) -> bool:
    """Whether the snippet reads MNIST (its text names it)."""
    return "mnist" in (ROOT / relative).read_text(encoding="utf-8").lower()


@dataclass(frozen=True)
class Run:
    """What one run of a snippet did."""

    returncode: int
    stdout: str
    stderr: str
    written: tuple[str, ...]  # files it left in its working directory or in the repository


def _repository_files() -> dict[str, int]:
    """Every file under the watched folders, with its modification time."""
    found = {}
    for folder in WATCHED:
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                found[path.relative_to(ROOT).as_posix()] = path.stat().st_mtime_ns
    return found


@functools.lru_cache(maxsize=None)
def run_snippet(relative: str) -> Run:
    """Run ``snippets/...py`` with the policy above (once per session, then remembered)."""
    env = dict(os.environ, MPLBACKEND="Agg", OPENBLAS_NUM_THREADS="1",
               PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(ROOT))
    env.pop("DISPLAY", None)
    before = _repository_files()
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, "-W", "error", str(ROOT / relative), *ARGUMENTS.get(relative, [])],
            cwd=folder, env=env, capture_output=True, text=True, timeout=600,
        )
        left_here = [p.name for p in Path(folder).iterdir()]
    after = _repository_files()
    changed = sorted(name for name, mtime in after.items() if before.get(name) != mtime)
    return Run(result.returncode, result.stdout, result.stderr, tuple(left_here + changed))
