"""The first test digits with the trained guide network's answer; mistakes in red.

Test digits are ones the network never trained on. The first ones are shown, not a chosen
few, so the share of red is what the network really gets wrong (about 1 in 20).
"""

FIGURES = ["test-predictions.png"]
USES_RUNS = ["guide"]

from figures._digits import digit_grid, mnist
from figures._style import save

N_ROWS, N_COLS = 5, 8


def draw(out_dir, runs):
    _, _, X_test, y_test = mnist()
    n = N_ROWS * N_COLS
    predicted = runs["guide"]["test_output"][:n].argmax(axis=1)
    true = y_test[:n]
    captions = [
        f"{guess}" if guess == label else f"{guess} (true {label})"
        for guess, label in zip(predicted, true)
    ]
    title = f"The first {n} test digits and the network's answers (wrong ones in red)"
    fig = digit_grid(X_test[:n], captions, n_cols=N_COLS, highlight=predicted != true, title=title)
    save(fig, out_dir / "test-predictions.png")
