"""The digits behind the "Train it in your browser" page (docs/train.md): a subset of MNIST.

Not a figure: two JavaScript files the page loads, served under ``assets/train-data/``:

- ``train.js``: the first ``N_TRAIN`` training digits (pixels and labels);
- ``test.js``: the first ``N_TEST`` test digits, on which the page measures test accuracy;
- ``step-through.js``: for the step-through page (docs/step-through.md), the first
  ``STEP_DIGITS`` training digits and the starting weights of ``GuideNetwork(rng=STEP_SEED)``
  in float64 (base64 of their little-endian bytes: exactly nnlib's numbers).

Why ``.js`` files: as for the draw page (docs/figures/draw.py), the site must also work
opened from the file system (``file://``), where a page may not ``fetch()`` its neighbours
but may still load a ``<script>``. Each file assigns one entry of the global
``nnlibTrainAssets``.

The pixels are MNIST's own bytes (0..255, row by row, 784 per digit), gzipped, then base64:
the page turns them back into bytes with ``atob`` and the browser's ``DecompressionStream``,
and into nnlib's pixel values with ``byte / 255`` in float64, which is exactly what
``nnlib.load_mnist`` computes (``np.divide(pixels, 255)``). MNIST digits are mostly blank,
so gzip shrinks them a lot: the 10,000 training digits are 7.84 MB of raw bytes (10.5 MB as
base64), and train.js about 2.2 MB (tests/site/browser/test_train.py measures it and the
time the page takes to unpack it).
"""

from __future__ import annotations

import base64
import gzip

import numpy as np

from figures import _assets
from figures._assets import encode, read_script  # noqa: F401  (the tests read with it)
from nnlib import load_mnist

FIGURES = []  # no image
ASSETS = [
    "assets/train-data/train.js",
    "assets/train-data/test.js",
    "assets/train-data/step-through.js",
]

N_TRAIN = 10_000  # the first N_TRAIN digits of MNIST's training set
N_TEST = 2_000  # the first N_TEST digits of MNIST's test set
STEP_DIGITS = 4  # the step-through's batch: the first four training digits
STEP_SEED = 0  # its starting weights: GuideNetwork(rng=STEP_SEED)
STEP_LEARNING_RATE = 0.5  # the original guide's


def encode_bytes(pixels: np.ndarray) -> dict:
    """uint8 pixels (n, 784) as ``{"shape", "dtype", "gzip_base64"}``; gzip without a timestamp."""
    data = np.ascontiguousarray(pixels, dtype=np.uint8).tobytes()
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    return {
        "shape": list(pixels.shape),
        "dtype": "uint8",
        "gzip_base64": base64.b64encode(packed).decode("ascii"),
    }


def decode_bytes(entry: dict) -> np.ndarray:
    """The inverse of :func:`encode_bytes` (the tests read the exported files with it)."""
    data = gzip.decompress(base64.b64decode(entry["gzip_base64"]))
    return np.frombuffer(data, dtype=np.uint8).reshape(entry["shape"])


def encode_float64(array: np.ndarray) -> dict:
    """float64 values as ``{"shape", "dtype", "base64"}``: little-endian bytes, row by row."""
    return encode(array, "float64")


def step_through(X: np.ndarray, y: np.ndarray) -> dict:
    """The step-through's batch, starting weights and learning rate."""
    from nnlib import GuideNetwork

    net = GuideNetwork(rng=STEP_SEED)
    return {
        "count": STEP_DIGITS,
        "labels": y[:STEP_DIGITS].astype(int).tolist(),
        "pixels": encode_bytes(np.rint(X[:STEP_DIGITS] * 255).astype(np.uint8)),
        "seed": STEP_SEED,
        "learning_rate": STEP_LEARNING_RATE,
        "weights": {name: encode_float64(w) for name, w in net.params.items()},
    }


def as_script(name: str, value: dict, source: str) -> str:
    """JavaScript that stores ``value`` as ``self.nnlibTrainAssets[name]`` (``self``: the page's
    window, or the worker's own global)."""
    return _assets.as_script("self.nnlibTrainAssets", name, value, "docs/figures/train_data.py",
                             source)


def subset(X: np.ndarray, y: np.ndarray, n: int, source: str) -> dict:
    """The first ``n`` digits of ``X`` (pixels 0..1) and ``y``, as the page reads them."""
    pixels = np.rint(X[:n] * 255).astype(np.uint8)  # the bytes of the MNIST file
    return {
        "source": source,
        "count": int(n),
        "labels": y[:n].astype(int).tolist(),
        "pixels": encode_bytes(pixels),
    }


def draw(out_dir, runs):
    folder = out_dir / "assets" / "train-data"
    folder.mkdir(parents=True)
    X_train, y_train, X_test, y_test = load_mnist(flatten=True, dtype=np.float64)
    for name, X, y, n, source in (
        ("train", X_train, y_train, N_TRAIN, "MNIST's training set"),
        ("test", X_test, y_test, N_TEST, "MNIST's test set"),
    ):
        entry = subset(X, y, n, source)
        (folder / f"{name}.js").write_text(as_script(name, entry, f"the first {n} digits of {source}"))
    entry = step_through(X_train, y_train)
    source = f"the first {STEP_DIGITS} training digits and GuideNetwork(rng={STEP_SEED})"
    (folder / "step-through.js").write_text(as_script("step-through", entry, source))
