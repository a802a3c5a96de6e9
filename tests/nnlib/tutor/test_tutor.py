"""The tutor (nnlib/tutor/): reference solutions pass, each listed mistake gets its hint,
and a file that cannot be checked gets a clear message, quickly."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from nnlib.tutor import check, check_file, find, write_starter
from nnlib.tutor.exercises import all_exercises
from nnlib.tutor.hints import HINTS

SOLUTIONS = Path(__file__).parent / "solutions"
DOCS = Path(__file__).resolve().parents[3] / "docs"
MNIST = {"5", "6"}  # their checks read MNIST


def needs_mnist(key: str) -> None:
    import os

    if key in MNIST and not os.environ.get("NNLIB_DATA_DIR"):
        pytest.skip("set NNLIB_DATA_DIR to a directory with the four MNIST files")


def learner_file(tmp_path: Path, key: str, text: str) -> Path:
    path = tmp_path / find(key).filename
    path.write_text(text, encoding="utf-8")
    return path


EXERCISE6 = SOLUTIONS.parents[3] / "snippets/part5/exercise6_train_mnist.py"


def solution(key: str) -> str:
    """The reference solution: solutions/, or for Exercise 6 the page's own solution
    (snippets/part5), trained for 2 epochs and saving its weights, as the starter asks."""
    if key == "6":
        text = EXERCISE6.read_text(encoding="utf-8")
        assert "    accuracies = main()\n" in text
        return text.replace("    accuracies = main()\n", "    accuracies = main(epochs=2, "
                            'weights_file="exercise6_weights.npz")\n')
    return (SOLUTIONS / find(key).filename).read_text(encoding="utf-8")


@pytest.mark.parametrize("key", list(all_exercises()))
def test_the_reference_solution_passes_every_check(key, tmp_path):
    needs_mnist(key)
    report, status = check_file(learner_file(tmp_path, key, solution(key)))
    assert status == 0, report
    assert "FAIL" not in report and report.endswith("checks passed. Well done!")


@pytest.mark.parametrize("key", list(all_exercises()))
def test_the_starter_runs_and_fails_its_checks_without_crashing(key, tmp_path):
    """A starter is valid Python that defines every name; unfilled, its checks fail."""
    needs_mnist(key)
    path = write_starter(key, tmp_path)
    assert path.name == find(key).filename
    compile(path.read_text(), str(path), "exec")
    report, status = check_file(path, timeout=60)
    assert status == 1, report
    assert "FAIL" in report and "has no `" not in report
    assert max(len(line) for line in path.read_text().splitlines()) <= 79


def test_a_starter_never_overwrites_a_file(tmp_path):
    path = tmp_path / "exercise3.py"
    path.write_text("# my work\n")
    with pytest.raises(FileExistsError):
        write_starter(3, tmp_path)
    assert path.read_text() == "# my work\n"


# (exercise, text in the reference solution, what replaces it, the hint expected)
MUTANTS = [
    ("2", "e = np.exp(-np.abs(z))", "e = np.exp(-z)", "overflow"),
    ("2", "1 / (1 + e), e / (1 + e)", "1 / 1 + e, e / 1 + e", "brackets"),
    ("3", "return z + bias", "return z", "no-bias"),
    ("3", "return 1 / (1 + math.exp(-weighted_sum(inputs, weights, bias)))",
     "return weighted_sum(inputs, weights, bias)", "no-sigmoid"),
    ("4", 'rng.standard_normal((784, 64)) * 0.1', 'rng.standard_normal((64, 784)).T.T * 0.1',
     "weights-transposed"),
    ("4", '"b1": np.zeros((1, 64))', '"b1": np.zeros((64, 1))', "bias-shape"),
    ("4", "return forward(X, params)[1].argmax(axis=1)", "return forward(X, params)[1].argmax()",
     "argmax-axis"),
    ("5", "return 0.5 * np.sum((output - Y) ** 2) / len(output)",
     "return 0.5 * np.mean((output - Y) ** 2)", "mean-not-sum"),
    ("5", '"W2": hidden.T @ d_output / n', '"W2": d_output.T @ hidden / n', "transposed"),
    ("5", '"b1": d_hidden.sum(axis=0, keepdims=True) / n', '"b1": d_hidden / n', "bias-shape"),
    ("5", '"W1": X.T @ d_hidden / n', '"W1": X.T @ d_hidden / 20', "fixed-batch"),
    ("5", '"W2": hidden.T @ d_output / n', '"W2": hidden.T @ d_output', "sum-not-mean"),
    ("5", "LEARNING_RATE = 0.5", "LEARNING_RATE = 50", "diverging-lr"),
    ("5", "order = rng.permutation(len(X))", "order = np.arange(len(X))", "no-shuffle"),
    ("5", "params[name] -= learning_rate", "params[name] += learning_rate", "sign"),
    ("warmup4", "return a * (1 - a)", "a = sigmoid(a)\n    return a * (1 - a)", "z-not-a"),
    ("warmup1", "images.reshape(len(images), -1)", "images.T.reshape(len(images), -1)",
     "reshape-order"),
    ("warmup2", "right = (1,) * (width - len(right)) + tuple(right)",
     "right = tuple(right) + (1,) * (width - len(right))", "broadcast-rules"),
    ("warmup3", "return output.argmax(axis=1)", "return output.argmax(axis=0)", "argmax-axis"),
    ("warmup3", "output.sum(axis=0, keepdims=True)", "output.sum(axis=0)", "keepdims"),
    ("warmup5", "return w - learning_rate * grad_w, b - learning_rate * grad_b",
     "return w + learning_rate * grad_w, b + learning_rate * grad_b", "sign"),
    ("warmup5", "delta = (a - t) * a * (1 - a)", "delta = a - t", "missing-slope"),
    ("bug1", "(d_output @ W2.T) *", "(d_output @ W2) *", "transposed"),
    ("bug2", "np.argmax(output, axis=1)", "np.argmax(output)", "argmax-axis"),
    ("bug3", "d_output / len(X)", "d_output / 64", "fixed-batch"),
    ("6", "learning_rate=0.5, seed=0", "learning_rate=100.0, seed=0", "diverging-lr"),
]


@pytest.mark.parametrize("key, old, new, mistake", MUTANTS,
                         ids=[f"{m[0]}-{m[3]}" for m in MUTANTS])
def test_each_mistake_gets_its_hint(key, old, new, mistake, tmp_path):
    needs_mnist(key)
    text = solution(key)
    assert old in text, (key, old)
    report, status = check_file(learner_file(tmp_path, key, text.replace(old, new)))
    assert status == 1, report
    assert f"hint:     {HINTS[mistake].mistake}." in report, report


def test_every_listed_mistake_has_a_mutant():
    wanted = {"z-not-a", "overflow", "transposed", "weights-transposed", "bias-shape",
              "fixed-batch", "sum-not-mean", "mean-not-sum", "argmax-axis", "diverging-lr",
              "no-shuffle"}
    assert wanted <= {mutant[3] for mutant in MUTANTS}


def test_every_hint_links_a_page_and_heading_that_exist():
    slugify = pytest.importorskip("markdown.extensions.toc").slugify
    for name, found in HINTS.items():
        page, _, anchor = found.page.partition("#")
        assert (DOCS / page).is_file(), (name, page)
        if anchor:
            text = (DOCS / page).read_text(encoding="utf-8")
            text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
            anchors = {slugify(t, "-") for t in re.findall(r"^#{1,6} +(.+?) *$", text, re.M)}
            assert anchor in anchors, (name, found.page)


def test_every_exercise_page_exists_with_its_heading():
    for exercise in all_exercises().values():
        page = exercise.page.partition("#")[0]
        assert (DOCS / page).is_file(), exercise.key


# What a learner's file can do wrong besides the exercise: each gets a clear message, a
# non-zero exit, and no traceback from the checker.
BROKEN = {
    "syntax error": ("def sigmoid(z)\n    return z\n", "SyntaxError", 2),
    "exception while loading": ("import numpy as np\nx = np.zeros(3) @ np.zeros(4)\n",
                                'File "exercise2.py", line 2, in <module>', 2),
    "exception in the function": ("def sigmoid(z):\n    return z / undefined_name\n",
                                  "NameError: name 'undefined_name' is not defined", 1),
    "endless loop": ("while True:\n    pass\n", "Stopped after 2 s", 2),
    "a megabyte of output": ("print('x' * 1_000_000)\n",
                             "printed more than 100,000 bytes, so it was stopped", 2),
    "output forever": ("while True:\n    print('again')\n",
                       "printed more than 100,000 bytes, so it was stopped", 2),
    "exit while loading": ("import os\nos._exit(3)\n", "exit status 3", 2),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_file_gets_a_clear_message_quickly(case, tmp_path):
    text, message, expected_status = BROKEN[case]
    limit = 2 if "while True" in text else find(2).timeout  # a loop: a short limit, to wait less
    started = time.monotonic()
    report, status = check_file(learner_file(tmp_path, "2", text), timeout=limit)
    assert time.monotonic() - started < limit + 1
    assert status == expected_status, report
    assert message in report, report
    assert "nnlib/tutor" not in report and "child.py" not in report, report


def test_the_output_of_a_stopped_file_is_cut_and_says_how_much_was_dropped(tmp_path):
    report, status = check_file(learner_file(tmp_path, "2", "print('x' * 1_000_000)\n"))
    assert status == 2
    shown = [line for line in report.splitlines() if set(line) == {"x"}]
    assert sum(map(len, shown)) == 2000
    dropped = re.search(r"^\(\.\.\. ([\d,]+) more bytes not shown\)$", report, re.M)
    assert dropped and int(dropped[1].replace(",", "")) > 98_000  # read before it stopped


def test_a_trimmed_traceback_shows_only_the_learners_frames(tmp_path):
    text = "import numpy as np\n\n\ndef sigmoid(z):\n    return np.exp(z, 1, 2, 3)\n"
    report, status = check_file(learner_file(tmp_path, "2", text))
    assert status == 1
    assert 'File "exercise2.py", line 5, in sigmoid' in report
    assert "Traceback (your code, most recent call last):" in report
    assert "learner.py" not in report and "site-packages" not in report


def test_check_on_functions_prints_the_same_report_as_on_a_file(tmp_path, capsys):
    namespace: dict = {}
    exec(solution("1"), namespace)
    assert check(1, namespace["ANSWER"], namespace["product_shape"]) is True
    in_process = capsys.readouterr().out
    report, _ = check_file(learner_file(tmp_path, "1", solution("1")))
    assert in_process.split("\n", 1)[1] == report.split("\n", 1)[1] + "\n"
    assert check(1, (5, 3), namespace["product_shape"]) is False
    assert "FAIL  ANSWER" in capsys.readouterr().out


def test_check_on_a_file_from_python(tmp_path, capsys):
    path = learner_file(tmp_path, "1", solution("1"))
    assert check(1, str(path)) is True
    assert "All 6 checks passed" in capsys.readouterr().out


def test_the_exercise_is_found_from_the_file_name():
    from nnlib.tutor.exercises import from_filename

    assert from_filename("exercise3.py").key == "3"
    assert from_filename("my_warmup4_try2.py").key == "warmup4"
    with pytest.raises(ValueError, match="cannot tell which exercise notes.py is for"):
        from_filename("notes.py")
    with pytest.raises(ValueError, match="there is no exercise 7;"):
        find(7)
