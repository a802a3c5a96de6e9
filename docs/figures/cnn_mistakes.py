"""The test digits the trained CNN still gets wrong, each with its true label and its answer.

From the build's shared run "cnn" (docs/figures/_runs.py): a digit is wrong where the argmax
of ``test_output`` differs from its label. The title gives how many, counted from the run;
every one is shown (up to MAX_SHOWN), in test-set order, drawn with gray_r like every digit
on the site, in the red frame of a mistake as in confidently-wrong.png. Above each: what the
CNN read (its highest output) and the true digit.
"""

FIGURES = ["cnn-mistakes.png"]
USES_RUNS = ["cnn"]

import numpy as np

from figures._digits import digit_grid, mnist
from figures._style import save

N_COLS = 12
CELL = 0.62  # inches per digit: twelve to the text column's width
MAX_SHOWN = 144  # twelve rows; a worse run shows its first 144 mistakes


def mistakes(output: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Indexes of the digits whose highest output is not their label, in test-set order."""
    return np.flatnonzero(output.argmax(axis=1) != labels)


def title_of(n_wrong: int, n_total: int, n_shown: int) -> str:
    shown = "" if n_shown == n_wrong else f", the first {n_shown}"
    return f"The {n_wrong:,} of {n_total:,} test digits the CNN reads wrong{shown}"


def draw(out_dir, runs):
    _, _, X_test, y_test = mnist()
    output = runs["cnn"]["test_output"]
    wrong = mistakes(output, y_test)
    shown = wrong[:MAX_SHOWN]
    answers = output.argmax(axis=1)
    captions = [f"read {answers[i]}\ntrue {y_test[i]}" for i in shown]
    fig = digit_grid(X_test[shown], captions, n_cols=N_COLS, cell=CELL, caption_lines=2,
                     highlight=np.ones(len(shown), bool),
                     title=title_of(len(wrong), len(y_test), len(shown)))
    save(fig, out_dir / "cnn-mistakes.png")
