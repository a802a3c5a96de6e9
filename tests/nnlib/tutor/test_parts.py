"""The tutor's pieces, one by one: the report, the comparisons and detectors, the record
of a learner's calls, the exercise registry, the reference network, the child process."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

import nnlib
from nnlib.tutor import child, runner
from nnlib.tutor.compare import (
    compare,
    describe,
    expect_none,
    failed_with,
    first_difference,
    no_warnings,
    ratio,
    show,
    transposed,
    warned,
    when,
)
from nnlib.tutor.exercises import Context, all_exercises, find, from_filename
from nnlib.tutor.exercises import common as ref
from nnlib.tutor.hints import HINTS, hint
from nnlib.tutor.learner import (
    Learner,
    Outcome,
    load_outcomes,
    outcome,
    save_outcomes,
    trimmed_traceback,
)
from nnlib.tutor.report import Check, Hint, failed, format_check, format_report, passed

ARRAY = Outcome("array", np.array([1.0, 2.0]))


# The report

def test_a_passed_check_is_one_line_and_a_failed_one_says_why():
    assert format_check(passed("sigmoid at 0")) == "PASS  sigmoid at 0"
    text = format_check(failed("sigmoid at 0", "0.5", "2", Hint("The brackets", "Mind them.",
                                                                  "part2/sigmoid.md")))
    assert text.splitlines() == ["FAIL  sigmoid at 0", "      expected: 0.5",
                                 "      got:      2", "      hint:     The brackets. Mind them.",
                                 "      read:     part2/sigmoid.md"]


def test_long_fields_wrap_within_80_columns_and_tracebacks_keep_their_lines():
    text = format_check(failed("x", "y", "word " * 40))
    assert max(len(line) for line in text.splitlines()) <= 80
    traceback = 'Traceback:\n  File "a.py", line 1\nValueError: no'
    assert "                  File \"a.py\", line 1" in format_check(failed("x", "", traceback))


def test_the_report_counts_the_checks():
    checks = [passed("a"), failed("b", "1", "2")]
    assert format_report("Title", checks).endswith("\n\n1 of 2 checks passed.")
    assert format_report("Title", [passed("a")]).endswith("All 1 checks passed. Well done!")
    assert Check("a", True) == passed("a")


# Comparisons

def test_show_and_describe():
    assert show(np.float64(1 / 3)) == "0.3333" and show(7) == "7"
    assert show(np.array([[1.0, 0.5]])) == "[[1, 0.5]]"
    assert describe(Outcome("none")) == "None (did the function forget to return?)"
    assert describe(Outcome("dict", text="W1, b1")) == "a dict (W1, b1)"
    assert describe(Outcome("error", text="NameError: x")) == "NameError: x"


def test_compare_names_the_first_failure():
    assert compare("v", ARRAY, [1.0, 2.0]).passed
    assert compare("v", ARRAY, [1.0, 2.5]).got == "[1, 2]"
    assert compare("v", ARRAY, [[1.0, 2.0]]).expected == "shape (1, 2)"
    assert compare("v", Outcome("array", np.array([1, 2])), [1.0, 2.0]).expected == \
        "floating-point numbers"
    assert "not all finite" in compare("v", Outcome("array", np.array([np.nan, 2.0])),
                                       [1.0, 2.0]).got
    big = np.zeros((3, 5))
    assert compare("v", Outcome("array", big + np.eye(3, 5)), big).got == \
        "at [0, 0]: 1 where 0 belongs"
    assert first_difference(np.array([1.0, 3.0]), np.array([1.0, 2.0]), 1e-6, 0) == \
        "at [1]: 3 where 2 belongs"


def test_detectors_recognise_their_mistake_and_nothing_else():
    e = np.arange(6.0).reshape(2, 3) + 1
    assert transposed()(Outcome("array", e.T), e) == HINTS["transposed"]
    assert transposed()(Outcome("array", e), e) is None
    mismatch = "ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0"
    assert transposed()(Outcome("error", text=mismatch), e) == HINTS["transposed"]
    assert ratio(1 / 10, "mean-not-sum")(Outcome("array", e / 10), e) == HINTS["mean-not-sum"]
    assert ratio(1 / 10, "mean-not-sum")(Outcome("array", e / 9), e) is None
    assert when(lambda got, exp: got.sum() == 0, "sign")(Outcome("array", 0 * e), e) == \
        hint("sign")
    overflow = Outcome("array", e, warnings=("RuntimeWarning: overflow encountered in exp",))
    assert warned("overflow", "overflow")(overflow, e) == HINTS["overflow"]
    assert failed_with("NameError", "no-bias")(Outcome("error", text="NameError: z"), e) == \
        HINTS["no-bias"]


def test_no_warnings_and_expect_none():
    assert no_warnings("w", ARRAY).passed
    warned_outcome = Outcome("array", np.zeros(1), warnings=("RuntimeWarning: overflow",))
    assert no_warnings("w", warned_outcome).got == "RuntimeWarning: overflow"
    assert not no_warnings("w", Outcome("none")).passed
    assert expect_none("n", Outcome("none"), "why").passed
    assert expect_none("n", ARRAY, "the sizes differ", "inner-sizes").expected == \
        "None (the sizes differ)"


# The record of a learner's calls

def test_a_call_is_recorded_value_by_value():
    def init():
        return {"W": np.ones((2, 3)), "b": [0.0, 1.0]}

    learner = Learner({"init": init, "n": 3})
    assert learner.run("init", lambda: learner.fn("init")())["W"].shape == (2, 3)
    assert learner.outcomes["init"] == Outcome("dict", text="W, b")
    assert np.array_equal(learner.outcomes["init.b"].value, [0.0, 1.0])
    learner.run("pair", lambda: (1.5, None))
    assert learner.outcomes["pair"].text == "2" and learner.outcomes["pair.1"].kind == "none"
    learner.run("text", lambda: "hello")
    assert learner.outcomes["text"] == Outcome("other", text="str 'hello'")
    learner.run("missing", lambda: learner.fn("forward")(1))
    assert learner.outcomes["missing"].text == \
        "the functions given has no `forward`: the starter names it"
    learner.run("number", lambda: learner.fn("n"))
    assert learner.outcomes["number"].text == "`n` is not a function: it is int 3"


def test_errors_and_warnings_of_a_call_are_recorded():
    learner = Learner({})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # as in the tests: the learner's warnings are recorded
        learner.run("exp", lambda: np.exp(np.array([1000.0])))
    assert learner.outcomes["exp"].warnings == ("RuntimeWarning: overflow encountered in exp",)
    assert learner.run("boom", lambda: 1 / 0) is None
    assert learner.outcomes["boom"].text.endswith("ZeroDivisionError: division by zero")


def test_outcome_falls_back_on_the_failure_before_it():
    found = {"init": Outcome("error", text="NameError: x"), "pair": Outcome("tuple", text="2"),
             "one": Outcome("array", np.zeros(1))}
    assert outcome(found, "init.W1").text == "NameError: x"
    assert outcome(found, "pair.5").text == "no `5` in what it returned (tuple: 2)"
    assert outcome(found, "one.1").text == "it returned an array of shape (1,), not several values"
    assert outcome(found, "other").text == "not checked: an earlier step failed"


def test_outcomes_survive_the_trip_from_the_child(tmp_path):
    found = {"a": Outcome("array", np.arange(3.0), warnings=("w",)), "n": Outcome("none")}
    save_outcomes(found, tmp_path, {"status": "ok"})
    loaded, extra = load_outcomes(tmp_path)
    assert extra == {"status": "ok"} and loaded["n"] == Outcome("none")
    assert np.array_equal(loaded["a"].value, np.arange(3.0)) and loaded["a"].warnings == ("w",)


def test_a_traceback_keeps_only_the_learners_frames(tmp_path):
    path = tmp_path / "exercise2.py"
    path.write_text("def f():\n    return g()\n\n\ndef g():\n    raise ValueError('no')\n")
    names = child.load_module(path)
    try:
        names["f"]()
    except ValueError as error:
        text = trimmed_traceback(error, str(path))
    assert text.splitlines() == [
        "Traceback (your code, most recent call last):",
        '  File "exercise2.py", line 2, in f', "    return g()",
        '  File "exercise2.py", line 6, in g', "    raise ValueError('no')",
        "ValueError: no"]


# The exercises

def test_the_registry_has_every_exercise_of_the_site():
    keys = list(all_exercises())
    assert keys == ["1", "2", "3", "4", "5", "6", "warmup1", "warmup2", "warmup3", "warmup4",
                    "warmup5", "bug1", "bug2", "bug3"]
    assert find("exercise5").filename == "exercise5.py" and find("bug2").filename == "bug2.py"
    assert from_filename(Path("x/warmup2.py")).key == "warmup2"
    assert [find(k).timeout for k in ("1", "5", "6")] == [10.0, 30.0, 300.0]
    assert Context(None, 0.0).folder is None


def test_the_reference_network_is_nnlibs():
    X, Y = ref.batch(5, seed=0)
    p = ref.init(np.random.default_rng(0))
    guide = nnlib.GuideNetwork(rng=0, dtype=np.float64)
    hidden, output = ref.forward(X, p)
    assert np.allclose(output, guide.forward(X))
    assert ref.loss(output, Y) == pytest.approx(nnlib.mean_squared_error(output, Y))
    grads = ref.backward(p, X, Y, hidden, output)
    assert {name: g.shape for name, g in grads.items()} == ref.SHAPES
    h = 1e-6
    p["W2"][3, 4] += h
    up = ref.loss(ref.forward(X, p)[1], Y)
    p["W2"][3, 4] -= 2 * h
    down = ref.loss(ref.forward(X, p)[1], Y)
    assert grads["W2"][3, 4] == pytest.approx((up - down) / (2 * h), rel=1e-5)
    assert ref.lively(1)["W1"].shape == (784, 64)


def test_the_shared_detectors():
    e = np.arange(1.0, 7.0).reshape(1, 6)
    assert ref.bias_shape(Outcome("array", e.T), e) == HINTS["bias-shape"]
    assert ref.bias_shape(Outcome("array", e), e) is None
    assert ref.divided_by(5)(Outcome("array", e * 5 / 64), e) == HINTS["fixed-batch"]
    assert ref.divided_by(5)(Outcome("array", e * 5), e) == HINTS["sum-not-mean"]
    assert ref.divided_by(5)(Outcome("array", e * 1.37), e) is None
    assert ref.argmax_axis(Outcome("array", np.int64(3)), np.zeros(5)) == HINTS["argmax-axis"]
    assert ref.argmax_axis(Outcome("array", np.zeros(5)), np.zeros(5)) is None


# The child process and its runner

def test_the_child_writes_results_for_the_checker(tmp_path):
    path = tmp_path / "exercise1.py"
    path.write_text("ANSWER = (5, 2)\n\n\ndef product_shape(left, right):\n    return None\n")
    results = tmp_path / "results"
    results.mkdir()
    assert child.main(["1", str(path), str(results)]) == 0
    found, extra = load_outcomes(results)
    assert extra == {"status": "ok"}
    assert np.array_equal(found["ANSWER"].value, [5, 2]) and found["shape0"].kind == "none"


def test_run_file_reports_the_status_and_what_was_printed(tmp_path):
    path = tmp_path / "exercise1.py"
    path.write_text("print('hello')\nANSWER = (5, 2)\n")
    run = runner.run_file(find(1), path)
    assert run.status == "ok" and run.output == "hello\n" and run.output_dropped == 0
    assert run.outcomes["shape0"].text == "your file has no `product_shape`: the starter names it"
    path.write_text("print('x' * 50)\n")
    cut = runner.run_file(find(1), path, output_limit=20, shown=10)
    assert cut.status == "too-much-output" and cut.output == "x" * 10 and cut.output_dropped > 0


def test_a_learner_function_that_calls_exit_is_an_error_not_the_end():
    learner = Learner({"f": lambda: sys.exit(3)})
    assert learner.run("f", lambda: learner.fn("f")()) is None
    assert learner.outcomes["f"].text.endswith('\n    learner = Learner({"f": lambda: '
                                               'sys.exit(3)})\nSystemExit: 3')


def test_compare_names_the_source_of_large_expected_arrays():
    found = Outcome("array", np.ones(20))
    assert compare("v", found, np.zeros(20)).expected == "the reference's values (shape (20,))"
    assert compare("v", found, np.zeros(20), source="the finite difference").expected == \
        "the finite difference's values (shape (20,))"


def test_a_missing_file_and_a_chatty_training_script(tmp_path):
    from nnlib.tutor import check_file

    report, status = check_file(tmp_path / "exercise4.py")
    assert status == 2 and report.endswith("Write one with: python -m nnlib exercise 4")
    path = tmp_path / "exercise6.py"
    path.write_text("print('x' * 200_000)\n")  # a line per batch, say: allowed in Exercise 6
    assert runner.run_file(find(6), path, timeout=20).status == "ok"
    assert runner.run_file(find(2), path).status == "too-much-output"
