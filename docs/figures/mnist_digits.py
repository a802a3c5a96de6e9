"""The first 32 MNIST training digits, each with its label: what the network learns from."""

FIGURES = ["mnist-digits.png"]

from figures._digits import digit_grid, mnist
from figures._style import save

N_ROWS, N_COLS = 4, 8


def draw(out_dir, runs):
    X_train, y_train, _, _ = mnist()
    n = N_ROWS * N_COLS
    fig = digit_grid(X_train[:n], [f"label {label}" for label in y_train[:n]], n_cols=N_COLS)
    save(fig, out_dir / "mnist-digits.png")
