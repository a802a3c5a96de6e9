"""The data behind the "Draw a digit" page (docs/draw.md): trained weights and test digits.

Not a figure: four JavaScript files the page loads, served under ``assets/draw/``:

- ``guide.js``: the original guide's 784-64-10 sigmoid network, trained by the "guide" run (the
  network of Part 3, step 8);
- ``beyond.js``: the 784-128-10 ReLU + softmax network of the "beyond" run;
- ``cnn.js``: the convolutional network ``nnlib.conv.cnn`` of the "cnn" run (docs/beyond/
  convolutions.md), its filters in nnlib's channels-last layout ``(filters, kernel, kernel,
  channels)``;
- ``digits.js``: the first three test digits of each class (30 in all), for the page's
  "Try a test digit" button.

Why ``.js`` files and not ``.json`` or ``.bin``: the site must also work opened from the
file system (``file://``), where a page may not ``fetch()`` its neighbours but may still
load a ``<script>``. Each file assigns one entry of the global ``nnlibDrawAssets``.

Why base64 of float32 and not decimal numbers: the bytes are nnlib's own float32 values,
bit for bit (the beyond network trains in float32; the original guide's float64 weights are rounded
once, to float32, which moves its outputs by about 3e-8, far below the 1e-5 the browser
tests allow), and they are smaller. The 100,480 weights of the beyond network take 536 KB
as base64; as JSON numbers they take 1.35 MB with the 9 digits that keep a float32 exact,
1.15 MB with 7 (measured; 7 digits move the outputs by 3e-7). ``atob`` and a ``DataView``
turn base64 back into numbers in a few lines (``decode`` in docs/javascripts/draw.js).
"""

from __future__ import annotations

import numpy as np

from figures import _assets
from figures._assets import decode, encode, read_script  # noqa: F401  (the tests read with them)
from figures._runs import CNN_BATCH_SIZE
from nnlib import load_mnist

FIGURES = []  # no image
ASSETS = ["assets/draw/guide.js", "assets/draw/beyond.js", "assets/draw/cnn.js",
          "assets/draw/digits.js"]
USES_RUNS = ["guide", "beyond", "cnn"]

DIGITS_PER_CLASS = 3
NETWORKS = {
    # run name: how the page describes and runs it (must match the run in _runs.py)
    "guide": {
        "title": "The guide's network",
        "kind": "GuideNetwork",
        "sizes": [784, 64, 10],
        "activation": "sigmoid",
        "output": "sigmoid",
        "training": "sigmoid, squared error, SGD with learning rate 0.5, batches of 64, 20 epochs",
    },
    "beyond": {
        "title": "A better network",
        "kind": "Network",
        "sizes": [784, 128, 10],
        "activation": "relu",
        "output": "softmax",
        "training": "ReLU, softmax with cross-entropy, He initialisation, Adam, batches of 128, 5 epochs",
    },
    "cnn": {
        "title": "A convolutional network",
        "kind": "CNN",
        # the shape of what each layer hands on, for one digit (nnlib.conv.cnn's docstring)
        "sizes": [[28, 28, 1], [24, 24, 16], [12, 12, 16], [8, 8, 32], [4, 4, 32], [512], [10]],
        "activation": "relu",
        "output": "softmax",
        "training": "two 5x5 convolutions (16 and 32 filters), each with ReLU and 2x2 max "
                    "pooling, then a dense layer 512-10 and softmax; Adam along a cosine, "
                    "batches of {batch_size}, {epochs} epochs",
    },
}
# The weights each run has: W1, b1, ... one pair per layer with weights.
N_WEIGHTED = {"guide": 2, "beyond": 2, "cnn": 3}


def as_script(name: str, value: dict, source: str) -> str:
    """JavaScript that stores ``value`` as ``window.nnlibDrawAssets[name]``."""
    return _assets.as_script("window.nnlibDrawAssets", name, value, "docs/figures/draw.py", source)


def network_entry(name: str, run: dict) -> dict:
    """What the page needs to run one trained network."""
    description = dict(NETWORKS[name])
    epochs = len(run["test_accuracy"])
    if name == "cnn":  # its epochs and batch size come from the run's settings, never typed
        description["training"] = description["training"].format(
            batch_size=CNN_BATCH_SIZE, epochs=epochs)
    arrays = {}
    for i in range(1, N_WEIGHTED[name] + 1):
        arrays[f"W{i}"] = encode(run[f"W{i}"], "float32")
        arrays[f"b{i}"] = encode(run[f"b{i}"], "float32")
    return {
        "name": name,
        **description,
        "epochs": epochs,
        "test_accuracy": float(run["test_accuracy"][-1]),
        "arrays": arrays,
    }


def choose_test_digits(y_test: np.ndarray, per_class: int = DIGITS_PER_CLASS) -> np.ndarray:
    """Indices of the first ``per_class`` test digits of each class, in test-set order."""
    chosen = [np.flatnonzero(y_test == digit)[:per_class] for digit in range(10)]
    return np.sort(np.concatenate(chosen))


def draw(out_dir, runs):
    folder = out_dir / "assets" / "draw"
    folder.mkdir(parents=True)
    for name in NETWORKS:
        entry = network_entry(name, runs[name])
        (folder / f"{name}.js").write_text(as_script(name, entry, f'the "{name}" run'))

    _, _, X_test, y_test = load_mnist(flatten=True, dtype=np.float64)
    indices = choose_test_digits(y_test)
    pixels = np.rint(X_test[indices] * 255).astype(np.uint8)  # the bytes of the MNIST file
    digits = {
        "indices": indices.tolist(),
        "labels": y_test[indices].tolist(),
        "pixels": encode(pixels, "uint8"),
    }
    (folder / "digits.js").write_text(as_script("digits", digits, "the MNIST test set"))

