"""The test digits the original guide's network got wrong while most sure of its answer.

"Sure" means its output for the wrong digit was close to 1. The outputs are sigmoids, not
probabilities (they need not add up to 1), so the caption says "output", not "p". The number
after "#" is the digit's index in the test set, to look it up.
"""

FIGURES = ["confidently-wrong.png"]
USES_RUNS = ["guide"]

import numpy as np
from figures._digits import digit_grid, mnist
from figures._style import save

N_ROWS, N_COLS = 2, 6


def most_confident_mistakes(output, labels, count):
    """Indexes of the ``count`` wrong answers with the largest output for the wrong digit.

    ``output`` is (n, 10), ``labels`` the true digits; most confident first.
    """
    predicted = output.argmax(axis=1)
    wrong = np.flatnonzero(predicted != labels)
    confidence = output[wrong, predicted[wrong]]
    # stable sort: ties keep test-set order, so the figure is the same on every machine
    return wrong[np.argsort(-confidence, kind="stable")[:count]]


def draw(out_dir, runs):
    _, _, X_test, y_test = mnist()
    output = runs["guide"]["test_output"]
    chosen = most_confident_mistakes(output, y_test, N_ROWS * N_COLS)
    captions = [
        f"read as {output[i].argmax()}\noutput {output[i].max():.3f}\ntrue {y_test[i]}, #{i}"
        for i in chosen
    ]
    fig = digit_grid(
        X_test[chosen], captions, n_cols=N_COLS, highlight=np.ones(len(chosen), bool),
        cell=1.15, caption_lines=3,
    )
    save(fig, out_dir / "confidently-wrong.png")
