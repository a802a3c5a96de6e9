"""One test digit on its way through the trained CNN: what each layer hands to the next.

The network is the build's shared run "cnn" (docs/figures/_runs.py: nnlib.conv.cnn trained
on all 60,000 training digits), rebuilt from its weights. Top to bottom: the digit; the 16
maps of the first convolution after ReLU (24x24); those maps pooled (12x12); the 32 maps of
the second convolution after ReLU (8x8); those pooled (4x4); the 10 softmax outputs as bars.
Each row's title is the shape of that layer's output, read from the arrays drawn.

Everything is drawn with gray_r (0 white, larger darker), as the site draws digits: after
ReLU a map has no negative value, so dark is where a filter answers. The maps of one row
share one scale (0 to that row's largest value), so a pale map is a filter that answers
little to this digit.
"""

FIGURES = ["cnn-layers.png"]
USES_RUNS = ["cnn"]

import matplotlib.pyplot as plt
import numpy as np

from figures._digits import mnist
from figures._style import BLUE, save
from nnlib.conv import Conv2D, MaxPool2D, cnn
from nnlib.layers import ReLU

DIGIT = 0  # the first test digit, as in cnn-filters.png
MAPS_PER_ROW = 16
CELL = 0.44  # inches per map


def trained_cnn(run: dict):
    """``nnlib.conv.cnn()`` with the run's trained weights copied in."""
    net = cnn()
    for name, weights in net.params.items():
        weights[...] = run[name]
    return net


def stages(net, image: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """What each stage of ``net`` makes of one ``image`` (28, 28): ``(name, output)`` pairs.

    The input, then the output after each convolution with its ReLU, after each pooling, and
    the softmax outputs. Outputs are one example's (the batch axis dropped).
    """
    out = image.reshape(1, *net.input_shape).astype(net.dtype)
    found = [("input", out[0])]
    pending = None
    for layer in net.layers:
        out = layer.forward(out)
        if isinstance(layer, Conv2D):
            size = f"{layer.kernel}x{layer.kernel}" + (
                f"x{layer.channels}" if layer.channels > 1 else "")  # as the page's table
            pending = f"convolution, {layer.filters} filters of {size}"
        elif isinstance(layer, ReLU) and pending:
            found.append((pending + ", ReLU", out[0]))
            pending = None
        elif isinstance(layer, MaxPool2D):
            found.append(("2x2 max pooling", out[0]))
    scores = out - out.max(axis=1, keepdims=True)  # softmax of the last layer, as net.forward
    probabilities = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    found.append(("flatten, dense to 10, softmax", probabilities[0]))
    return found


def shape_text(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(s) for s in shape) + (",)" if len(shape) == 1 else ")")


def draw(out_dir, runs):
    _, _, X_test, y_test = mnist()
    net = trained_cnn(runs["cnn"])
    found = stages(net, X_test[DIGIT])
    map_stages = found[1:-1]
    rows = [1] + [-(-maps.shape[-1] // MAPS_PER_ROW) for _, maps in map_stages] + [1]
    title_space = 0.32
    heights = [2 * CELL + title_space] + [n * CELL + title_space for n in rows[1:-1]] + [1.5]
    fig = plt.figure(figsize=(MAPS_PER_ROW * CELL, sum(heights)), layout="constrained")
    subfigs = fig.subfigures(len(heights), 1, height_ratios=heights)

    name, image = found[0]
    ax = subfigs[0].subplots(1, 1)
    ax.imshow(image[:, :, 0], cmap="gray_r", vmin=0, vmax=1, interpolation="nearest")
    subfigs[0].suptitle(f"{name}: test digit {y_test[DIGIT]}, {shape_text(image.shape)}",
                        fontsize=10)
    frame(ax)

    for subfig, (name, maps), n_rows in zip(subfigs[1:-1], map_stages, rows[1:-1]):
        axes = subfig.subplots(n_rows, MAPS_PER_ROW, squeeze=False)
        top = max(float(maps.max()), 1e-6)
        for k, ax in enumerate(axes.flat):
            ax.imshow(maps[:, :, k], cmap="gray_r", vmin=0, vmax=top, interpolation="nearest")
            frame(ax)
        subfig.suptitle(f"{name}: {shape_text(maps.shape)}", fontsize=10)

    name, outputs = found[-1]
    ax = subfigs[-1].subplots(1, 1)
    guess = int(outputs.argmax())
    ax.bar(range(10), outputs, color=["#bbbbbb" if d != guess else BLUE for d in range(10)])
    ax.set_xticks(range(10))
    ax.set_ylim(0, 1)
    ax.set_yticks([0, 0.5, 1])
    ax.set_xlabel("digit", fontsize=9)
    ax.tick_params(labelsize=9)
    ax.grid(axis="x", visible=False)
    subfigs[-1].suptitle(f"{name}: {shape_text(outputs.shape)}, the answer {guess}",
                         fontsize=10)
    save(fig, out_dir / "cnn-layers.png")


def frame(ax) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#bbbbbb")
        spine.set_linewidth(0.8)
