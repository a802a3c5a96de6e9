"""The snippets of Part 3 (build it step by step), Part 4 (cheat sheet) and Part 5 (exercises).

Every file runs on its own in a fresh interpreter, with warnings as errors, and its own
asserts check what the pages claim. The training scripts are also imported and run with
fewer epochs, so that their accuracy thresholds are checked quickly; the one slow test
trains the guide's network exactly as the guide does and checks the 90% claim.

The pages of these parts are checked too: every include resolves, every snippet is shown
somewhere, every output a page shows under a snippet's code is what that snippet prints,
and no code block is silently chained onto an output block (and so never run).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SNIPPET_DIRS = [ROOT / "snippets" / part for part in ("part3", "part4", "part5")]
SNIPPETS = sorted(path for folder in SNIPPET_DIRS for path in folder.glob("*.py"))
PAGES = sorted(
    path for part in ("part3", "part4", "part5") for path in (ROOT / "docs" / part).glob("*.md")
) + [ROOT / "docs" / "errata.md"]

# Run as scripts, these train for long enough to deserve the slow mark.
SLOW_SCRIPTS = {"step8_training_loop.py"}
INCLUDE = re.compile(r'--8<-- "([^":]+)(?::([\w-]+))?"')


def needs_mnist(path: Path) -> bool:
    return "load_mnist" in path.read_text(encoding="utf-8")


def skip_without_mnist(path: Path) -> None:
    if needs_mnist(path) and not os.environ.get("NNLIB_DATA_DIR"):
        pytest.skip("set NNLIB_DATA_DIR to a directory with the four MNIST files")


@functools.lru_cache(maxsize=None)
def run_snippet(path: Path) -> subprocess.CompletedProcess:
    """Run one snippet file as the reader would, once per test session."""
    with tempfile.TemporaryDirectory() as tmp:
        return subprocess.run(
            [sys.executable, "-W", "error", str(path)],
            cwd=tmp,  # nothing may depend on the working directory
            env=dict(os.environ, MPLBACKEND="Agg"),
            capture_output=True,
            text=True,
            timeout=600,
        )


def load_module(path: Path):
    """Import a snippet file as a module (its `if __name__ == "__main__"` part does not run)."""
    spec = importlib.util.spec_from_file_location(f"snippet_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_snippets_are_there():
    names = {path.name for path in SNIPPETS}
    for step in range(1, 9):
        assert any(name.startswith(f"step{step}_") for name in names), f"no snippet for step {step}"
    for exercise in range(1, 7):
        assert any(name.startswith(f"exercise{exercise}_") for name in names), f"no exercise {exercise}"
    assert "cheat_sheet.py" in names


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(path, id=path.name, marks=[pytest.mark.slow] if path.name in SLOW_SCRIPTS else [])
        for path in SNIPPETS
    ],
)
def test_snippet_runs_on_its_own(path):
    skip_without_mnist(path)
    result = run_snippet(path)
    assert result.returncode == 0, f"{path.name} failed:\n{result.stdout}\n{result.stderr}"
    assert result.stdout.strip(), f"{path.name} printed nothing: the pages show its output"
    assert "Warning" not in result.stderr, result.stderr


def test_step8_loop_learns_and_matches_nnlib_train():
    path = ROOT / "snippets" / "part3" / "step8_training_loop.py"
    skip_without_mnist(path)
    step8 = load_module(path)
    # 10,000 examples are 157 updates an epoch: 1 epoch reaches only ~0.53, 4 epochs ~0.85.
    ours = step8.main(epochs=4, n_train=10_000)
    assert len(ours) == 4 and ours[-1] > 0.8, ours
    assert ours == sorted(ours), ours  # better after every epoch, this early on
    # nnlib.train(GuideNetwork(), ...) is the same loop: the same accuracy, epoch for epoch.
    assert step8.main_with_nnlib(epochs=4, n_train=10_000) == pytest.approx(ours, abs=1e-12)


def test_exercise6_solution_passes_90_percent():
    path = ROOT / "snippets" / "part5" / "exercise6_train_mnist.py"
    skip_without_mnist(path)
    accuracies = load_module(path).main(epochs=3)
    assert accuracies[-1] > 0.90, accuracies


@pytest.mark.slow
def test_guide_network_passes_90_percent_by_epoch_2():
    """The guide's claim, checked on the guide's own setup.

    784-64-10, sigmoid, learning rate 0.5, batches of 64, the full 60,000 training and
    10,000 test digits, seeded: more than 90% of the test digits right after 2 epochs.
    """
    path = ROOT / "snippets" / "part3" / "step8_training_loop.py"
    skip_without_mnist(path)
    accuracies = load_module(path).main(epochs=2, n_train=60_000)
    assert accuracies[0] > 0.85, accuracies  # measured 0.884
    assert accuracies[1] > 0.90, accuracies  # measured 0.905


def test_untrained_guide_network_guesses():
    """Step 5's claim: before training, about 1 digit in 10 is right."""
    path = ROOT / "snippets" / "part3" / "step5_the_error.py"
    skip_without_mnist(path)
    import nnlib

    X_train, y_train, X_test, y_test = nnlib.load_mnist(download=False)
    output = nnlib.GuideNetwork(rng=0).forward(X_test)
    assert 0.05 < nnlib.accuracy(output, y_test) < 0.2
    assert nnlib.mean_squared_error(output, nnlib.one_hot(y_test)) == pytest.approx(1.25, abs=0.1)


FENCE = re.compile(r"^\s*```(\w*)\s*$")
TIMING = re.compile(r"\(\d+(?:\.\d+)? s\)")


def normalise(line: str) -> str:
    """Timings differ from run to run and machine to machine; everything else must not."""
    return TIMING.sub("(... s)", line).strip()


def shown_outputs(page: Path) -> list[tuple[Path, list[str]]]:
    """(snippet, lines) for every output a page shows as coming from a snippet.

    Two kinds: a ```text fence right after a python fence that includes snippet sections
    (only blank lines and HTML comments in between), and the lines after
    `$ python snippets/....py` in a ```console fence.
    """
    found: list[tuple[Path, list[str]]] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    previous_python_files: list[Path] = []  # snippets included by the last python fence
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            if lines[i].strip() and not lines[i].strip().startswith("<!--"):
                previous_python_files = []  # prose in between: the output is not the block's
            i += 1
            continue
        language, body = match.group(1), []
        i += 1
        while not FENCE.match(lines[i]) or FENCE.match(lines[i]).group(1):
            body.append(lines[i].strip())
            i += 1
        i += 1  # the closing fence
        if language == "python":
            previous_python_files = [
                ROOT / name for name, _ in INCLUDE.findall("\n".join(body)) if name.startswith("snippets/")
            ]
            continue
        if language == "text" and previous_python_files:
            for path in dict.fromkeys(previous_python_files):
                found.append((path, [line for line in body if line]))
        if language == "console":
            command = None
            for line in body:
                if line.startswith("$ python snippets/"):
                    command = ROOT / line.split()[2]
                    found.append((command, []))
                elif line.startswith("$"):
                    command = None
                elif command is not None and line:
                    found[-1][1].append(line)
        previous_python_files = []
    return found


def shown_output_cases():
    cases = []
    for page in PAGES:
        if not page.exists():
            continue
        by_file: dict[Path, list[str]] = {}
        for path, lines in shown_outputs(page):
            by_file.setdefault(path, []).extend(lines)
        for path, lines in by_file.items():
            marks = [pytest.mark.slow] if path.name in SLOW_SCRIPTS else []
            name = f"{page.relative_to(ROOT / 'docs')}:{path.name}"
            cases.append(pytest.param(page, path, lines, id=name, marks=marks))
    return cases


@pytest.mark.parametrize("page, path, lines", shown_output_cases())
def test_pages_show_what_the_snippets_print(page, path, lines):
    """Every output line a page shows under a snippet's code is printed by that snippet."""
    assert path.is_file(), f"{page.name} shows the output of a missing file {path}"
    skip_without_mnist(path)
    result = run_snippet(path)
    assert result.returncode == 0, result.stderr
    printed = {normalise(line) for line in result.stdout.splitlines()}
    missing = [line for line in lines if normalise(line) not in printed]
    assert not missing, f"{page.name} shows lines that {path.name} does not print: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT / "docs")))
def test_page_includes_resolve(page):
    """Every `--8<--` line on these pages names an existing file and, if given, a marked section."""
    if not page.exists():
        pytest.skip(f"{page} not written yet")
    for file_name, section in INCLUDE.findall(page.read_text(encoding="utf-8")):
        target = ROOT / file_name
        assert target.is_file(), f"{page.name} includes missing file {file_name}"
        if section:
            text = target.read_text(encoding="utf-8")
            assert f"[start:{section}]" in text and f"[end:{section}]" in text, (
                f"{page.name} includes section {section!r} that {file_name} does not mark"
            )


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT / "docs")))
def test_no_code_block_is_swallowed_by_an_output_block(page):
    """A `<!--pytest-codeblocks:cont-->` after a plain ```text fence continues the TEXT block.

    The Python appended to it would then never run. So every output fence on these pages
    is consumed by `expected-output`, and every included section must land in a Python block.
    """
    from pytest_codeblocks import extract_from_buffer

    if not page.exists():
        pytest.skip(f"{page} not written yet")
    with page.open(encoding="utf-8") as handle:
        blocks = extract_from_buffer(handle)
    for block in blocks:
        if block.syntax != "python":
            assert "--8<--" not in block.code and "import " not in block.code, (
                f"{page.name}, line {block.lineno}: Python code was chained onto a "
                f"```{block.syntax} block and will not run: {block.code[:200]!r}"
            )


def test_every_snippet_is_shown_on_a_page():
    shown = " ".join(page.read_text(encoding="utf-8") for page in PAGES if page.exists())
    for path in SNIPPETS:
        assert str(path.relative_to(ROOT)) in shown, f"{path.name} is on no page"


def test_cheat_sheet_is_nine_lines():
    text = (ROOT / "snippets" / "part4" / "cheat_sheet.py").read_text(encoding="utf-8")
    section = text.split("# --8<-- [start:nine-lines]\n")[1].split("# --8<-- [end:nine-lines]")[0]
    assert len(section.strip().splitlines()) == 9


def test_step3_shape_erratum():
    """The guide says a layer's output for one example has shape (4,); with b of shape (1, 4) it is (1, 4)."""
    x, W, b = np.ones(3), np.ones((3, 4)), np.zeros((1, 4))
    assert (x @ W).shape == (4,)
    assert (x @ W + b).shape == (1, 4)
