"""Part 5 (the exercise pages): numbers their prose states that no block prints.

Pages: docs/part5/exercises.md, docs/part5/warm-ups.md, docs/part5/find-the-bug.md.
"""

import os
import re
from pathlib import Path

import numpy as np
import pytest

from nnlib import load_mnist
from nnlib.tools.site.pages import ROOT
from tests.snippets.conftest import load


def test_exercise6_reads_the_files_as_nnlib_does(needs_mnist):
    """exercises.md, exercise 6: its own reader gives nnlib's arrays, 60,000 training
    and 10,000 test digits (the page names both counts)."""
    ours = load("snippets.part5.exercise6_train_mnist").load()
    theirs = load_mnist()
    assert [a.shape for a in ours] == [(60000, 784), (60000,), (10000, 784), (10000,)]
    for mine, nnlib_array in zip(ours, theirs):
        assert np.array_equal(mine, nnlib_array)
    assert ours[0].min() == 0 and ours[0].max() == 1  # scaled to 0..1


def test_exercise6_solution_passes_90_percent_in_the_second_epoch(needs_mnist):
    """exercises.md, exercise 6: "It passes 90% in the second epoch" (also printed)."""
    accuracies = load("snippets.part5.exercise6_train_mnist").main(epochs=2)
    assert accuracies[0] < 0.90 < accuracies[1], accuracies


def test_find_the_bug_numbers(needs_mnist):
    """find-the-bug.md, bug 2: the buggy accuracy is the fraction of 7s, 7 being the
    first test label; bug 3: 60,000 digits in batches of 64 end with a batch of 32."""
    _, _, _, y_test = load_mnist()
    assert len(y_test) == 10000
    assert np.argmax(np.eye(10)[y_test]) == y_test[0] == 7
    assert np.mean(y_test == 7) == 0.1028
    assert 60000 % 64 == 32


def test_exercise_files_follow_the_original_numbering():
    """exercises.md: one solution per exercise of the original guide, numbered 1 to 6."""
    names = sorted(p.name for p in (ROOT / "snippets/part5").glob("exercise*.py"))
    assert [int(name[len("exercise")]) for name in names] == [1, 2, 3, 4, 5, 6]


def test_quotes_of_the_original_guide_are_its_words():
    """exercises.md and warm-ups.md: every quoted exercise and "..." sentence said to be
    the original guide's is in its text, whitespace aside (its emphasis aside)."""
    original = Path(os.environ.get("NNLIB_ORIGINAL_GUIDE", "/work/shared/original-guide.md"))
    if not original.exists():
        pytest.skip(f"no original guide at {original}")
    text = " ".join(original.read_text(encoding="utf-8").replace("**", "").split())
    for name in ["exercises.md", "warm-ups.md"]:
        page = (ROOT / "docs/part5" / name).read_text(encoding="utf-8")
        quotes = re.findall(r"^> (.*(?:\n> .*)*)", page, re.M)
        quotes = [" ".join(q.replace("\n> ", " ").split()) for q in quotes]
        quotes += [" ".join(q.split()) for q in re.findall(r'"([^"`\[\]]{25,})"', page)
                   if not q.startswith("snippets/")]
        assert quotes, name
        for quote in quotes:
            assert quote in text, (name, quote)


def test_every_exercise_shows_the_tutors_two_commands_above_its_solution():
    """exercises.md, warm-ups.md, find-the-bug.md: each exercise has a starter and a check
    (nnlib/tutor/), and its section shows the two commands before its folded solution."""
    from nnlib.tutor.exercises import all_exercises

    exercises = all_exercises()
    shown = {}
    for name in ["exercises.md", "warm-ups.md", "find-the-bug.md"]:
        page = (ROOT / "docs/part5" / name).read_text(encoding="utf-8")
        for section in re.split(r"^## ", page, flags=re.M)[1:]:
            if not re.match(r"(Exercise|Warm-up|Bug) \d", section):
                continue
            before_solution = section.split('??? success "Solution"')[0]
            commands = re.findall(r"^\$ python -m nnlib exercise (\w+)\n"
                                  r"\$ python -m nnlib check (\S+)$", before_solution, re.M)
            assert len(commands) == 1, (name, section.splitlines()[0])
            key, filename = commands[0]
            assert exercises[key].filename == filename
            assert exercises[key].page.startswith(f"part5/{name}#")
            shown[key] = section.splitlines()[0]
    assert set(shown) == set(exercises)


def test_the_time_limits_the_exercises_page_states():
    """exercises.md, "Check your answer": the time limit is 10 seconds, 30 for Exercise 5
    and 300 for Exercise 6 (the tutor's settings)."""
    from nnlib.tutor import find

    page = " ".join((ROOT / "docs/part5/exercises.md").read_text(encoding="utf-8").split())
    assert ("The time limit is `10` seconds, `30` for Exercise 5 and `300` for Exercise 6"
            in page)
    assert [find(key).timeout for key in ("1", "5", "6")] == [10, 30, 300]
    assert {find(key).timeout for key in ["2", "3", "4", "warmup1", "bug3"]} == {10}
