"""Tests for Part 1 (Python you must know) and Part 2 (The math).

The snippets under snippets/part1 and snippets/part2 assert what the guide claims, so the
first tests simply run them, each in a fresh interpreter with warnings as errors. The pages
show the snippets section by section, each block on its own, so every section must also
run on its own (with the file's ``imports`` section in front, as the pages include it).
The remaining tests check a few values directly and check that the pages' includes point
at code that exists.
"""

from __future__ import annotations

import json
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnlib import sigmoid, sigmoid_derivative

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = sorted((ROOT / "snippets" / "part1").glob("*.py")) + sorted(
    (ROOT / "snippets" / "part2").glob("*.py")
)
PAGES = sorted((ROOT / "docs" / "part1").glob("*.md")) + sorted(
    (ROOT / "docs" / "part2").glob("*.md")
)

SECTION_MARKER = re.compile(r"--8<-- \[(start|end):([a-z][-_0-9a-z]*)\]")
INCLUDE = re.compile(r'^\s*--8<-- "([^"]+)"\s*$')
FENCE = re.compile(r"^(\s*)```(.*)$")
ALLOWED_FENCES = {"python", "text", "console", "bash", "sh"}


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in paths]


def _clean_env() -> dict[str, str]:
    """The environment a snippet runs in: headless plotting, one BLAS thread."""
    env = dict(os.environ)
    env.pop("DISPLAY", None)          # no window, and no "cannot show" warning
    env.pop("WAYLAND_DISPLAY", None)
    env["MPLBACKEND"] = "Agg"         # plt.show() draws nothing
    env["OPENBLAS_NUM_THREADS"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = str(ROOT)     # nnlib, even without the editable install
    return env


def _sections(path: Path) -> dict[str, str]:
    """Return {name: code} for every ``# --8<-- [start:name]`` section of a snippet."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = SECTION_MARKER.search(line)
        if match is None:
            if current is not None:
                sections[current].append(line)
            continue
        kind, name = match.groups()
        if kind == "start":
            assert current is None, f"{path.name}:{number}: section {name} opens inside {current}"
            assert name not in sections, f"{path.name}:{number}: section {name} defined twice"
            sections[name] = []
            current = name
        else:
            assert current == name, f"{path.name}:{number}: end:{name} does not close {current}"
            current = None
    assert current is None, f"{path.name}: section {current} is never closed"
    return {name: "\n".join(lines) + "\n" for name, lines in sections.items()}


# --- every snippet runs on its own -----------------------------------------------------


def test_there_are_snippets_for_both_parts():
    names = {p.name for p in SNIPPETS}
    part1 = {"basics.py", "intermediate.py", "numpy_broadcasting.py", "matplotlib_basics.py"}
    part2 = {"weighted_sum.py", "sigmoid.py", "derivative.py", "gradient_descent.py"}
    assert part1 | part2 <= names


@pytest.mark.parametrize("path", SNIPPETS, ids=_ids(SNIPPETS))
def test_snippet_runs_cleanly(path: Path, tmp_path: Path):
    """Exit 0, nothing on stderr (warnings are errors), output printed, no files written."""
    result = subprocess.run(
        [sys.executable, "-W", "error", str(path)],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip(), "a snippet prints what its page shows"
    assert list(tmp_path.iterdir()) == [], "snippets must not write files"


SECTION_RUNNER = r"""
import contextlib, io, json, sys
sections = json.loads(sys.stdin.read())
imports = sections.pop("imports", "")
failures = {}
for name, code in sections.items():
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(imports + code, name, "exec"), {"__name__": "__main__"})
    except BaseException as err:
        failures[name] = f"{type(err).__name__}: {err}"
print(json.dumps(failures))
"""


@pytest.mark.parametrize("path", SNIPPETS, ids=_ids(SNIPPETS))
def test_every_section_runs_on_its_own(path: Path, tmp_path: Path):
    """A page shows one section per code block, run in fresh globals: each must stand alone."""
    sections = _sections(path)
    assert len(sections) >= 2, "expected an imports section and at least one more"
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", SECTION_RUNNER],
        input=json.dumps(sections),
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {}


# --- values the pages state, checked directly ------------------------------------------


def _run(relative: str, capsys) -> tuple[dict, str]:
    """Run a snippet in this process; return its globals and what it printed."""
    namespace = runpy.run_path(str(ROOT / relative), run_name="__snippet__")
    return namespace, capsys.readouterr().out


def test_basics_weighted_sum_and_batches(capsys):
    ns, out = _run("snippets/part1/basics.py", capsys)
    assert ns["weighted_sum"]([1.0, 2.0], [0.5, 0.25], 1.0) == 2.0
    assert ns["weighted_sum"]([], [], 0.5) == 0.5
    assert "batch from 8 to 10: 2 examples" in out   # the smaller last batch


def test_intermediate_neuron_class(capsys):
    ns, out = _run("snippets/part1/intermediate.py", capsys)
    neuron = ns["Neuron"]([0.5, -0.5], 0.0)
    assert repr(neuron) == "Neuron(n_inputs=2, bias=0.0)"
    assert neuron.forward([1.0, 1.0]) == 0.5
    assert np.isclose(neuron.forward([2.0, 0.0]), float(sigmoid(1.0)))
    with pytest.raises(ValueError):
        neuron.forward([1.0, 2.0, 3.0])   # strict zip: a missing weight is an error
    assert "total: 50,890 numbers to learn" in out


def test_weighted_sum_is_point_four(capsys):
    ns, out = _run("snippets/part2/weighted_sum.py", capsys)
    z = ns["weighted_sum"](np.array([0.5, 0.3, 0.2]), np.array([0.2, 0.5, 0.25]), 0.1)
    assert isinstance(z, float) and np.isclose(z, 0.4)
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal(784), rng.standard_normal(784)
    assert np.isclose(ns["weighted_sum"](x, w, 0.5), sum(a * b for a, b in zip(x, w)) + 0.5)
    assert out.count("z = 0.4000") == 2   # the loop and the vectorised version agree


def test_sigmoid_from_scratch_matches_nnlib(capsys):
    ns, _ = _run("snippets/part2/sigmoid.py", capsys)
    z = np.linspace(-30, 30, 1201)
    assert np.allclose(ns["sigmoid_from_scratch"](z), sigmoid(z), rtol=1e-12, atol=0)
    assert sigmoid(0.0) == 0.5
    assert round(float(sigmoid(1.0)), 2) == 0.73
    assert np.allclose(sigmoid(-z), 1 - sigmoid(z))


def test_nnlib_sigmoid_has_no_overflow_for_huge_inputs():
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is fine
        out = sigmoid(np.array([-1e4, -1000.0, 1000.0, 1e4]))
        out32 = sigmoid(np.array([-1000.0, 1000.0], dtype=np.float32))
    assert out.tolist() == [0.0, 0.0, 1.0, 1.0]
    assert out32.dtype == np.float32 and out32.tolist() == [0.0, 1.0]


def test_derivative_matches_finite_difference():
    z = np.linspace(-8, 8, 161)
    h = 1e-6
    numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
    assert np.allclose(sigmoid_derivative(sigmoid(z)), numeric, rtol=1e-6, atol=1e-10)
    assert sigmoid_derivative(0.5) == 0.25
    assert sigmoid_derivative(sigmoid(z)).max() == 0.25


def test_gradient_descent_converges_and_diverges(capsys):
    ns, out = _run("snippets/part2/gradient_descent.py", capsys)
    descend = ns["descend"]
    for start in (-10.0, 0.0, 7.5):
        assert abs(descend(start, 0.1, 100)[-1] - 3) < 1e-6
    assert abs(descend(0.0, 0.5, 1)[-1] - 3) == 0          # factor 1 - 2*0.5 = 0
    path = descend(0.0, 1.1, 30)
    distances = [abs(w - 3) for w in path]
    assert all(b > a for a, b in zip(distances, distances[1:]))   # every step further
    assert "after 30 steps w = 2.996" in out
    assert "step 100: output 0.8984" in out


# --- the pages include code that exists ------------------------------------------------


def _includes(page: Path) -> list[tuple[int, str]]:
    lines = page.read_text(encoding="utf-8").splitlines()
    return [(n, m.group(1)) for n, line in enumerate(lines, 1) if (m := INCLUDE.match(line))]


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_page_includes_resolve(page: Path):
    for number, target in _includes(page):
        path, _, selector = target.partition(":")
        assert (ROOT / path).is_file(), f"{page.name}:{number}: no file {path}"
        if selector and not selector[0].isdigit():
            assert selector in _sections(ROOT / path), f"{page.name}:{number}: no section {target}"


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_page_fences_are_labelled(page: Path):
    """pytest-codeblocks only runs fences labelled exactly ``python``: no ``py``, no titles."""
    inside = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        match = FENCE.match(line)
        if match is None:
            continue
        if not inside:
            assert match.group(2) in ALLOWED_FENCES, f"{page.name}:{number}: fence {line!r}"
        inside = not inside
    assert not inside, f"{page.name}: a fence is never closed"


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_page_has_no_skipped_blocks(page: Path):
    text = page.read_text(encoding="utf-8")
    assert "pytest.mark.skip" not in text and "pytest-codeblocks:skip" not in text


def test_every_section_is_shown_on_a_page():
    """No dead code: each snippet section appears on some page."""
    included = {target for page in PAGES for _, target in _includes(page)}
    for path in SNIPPETS:
        relative = path.relative_to(ROOT).as_posix()
        for name in _sections(path):
            assert f"{relative}:{name}" in included, f"{relative}:{name} is on no page"


def test_topic_pages_end_with_summary_and_next_link():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        if page.name != "index.md":
            assert "## What you learned" in text, page.name
        last = [line for line in text.splitlines() if line.strip()][-2:]
        assert any(re.search(r"\]\([^)]+\.md\)", line) for line in last), page.name


def test_sigmoid_page_shows_exactly_nnlib_sigmoid():
    """The sigmoid page includes nnlib's own sigmoid, by its named section."""
    targets = [t for _, t in _includes(ROOT / "docs/part2/sigmoid.md") if t.startswith("nnlib/")]
    assert targets == ["nnlib/activations.py:sigmoid"]
    code = _sections(ROOT / "nnlib/activations.py")["sigmoid"]
    assert code.lstrip().startswith("def sigmoid(") and "return" in code
