"""What the first convolution learned: its 16 filters, and the 16 maps they make of one digit.

The network is the one the page trains: snippets/beyond/convolutions.py's sections digit
and network (nnlib's cnn, one epoch of Adam on 8,000 training digits, seeded), about two
seconds of a cold build. Top row: each 5x5 filter in RdBu_r (positive red, negative blue,
0 white, each filter on its own symmetric scale). Bottom row: the first test digit's 24x24
map under each filter after ReLU, in gray_r (dark where the filter answers most).
"""

FIGURES = ["cnn-filters.png"]
DEPENDS_ON = ["snippets/beyond/convolutions.py"]

import matplotlib.pyplot as plt
import numpy as np

from figures._snippets import section_values
from figures._style import save

SNIPPET = "snippets/beyond/convolutions.py"


def draw(out_dir, runs):
    values = section_values(SNIPPET, "digit", "network")
    conv = values["model"].layers[0]  # Conv2D(1, 16): W is (16, 5, 5, 1)
    digit = values["X_test"][:1].reshape(1, 28, 28, 1).astype(np.float32)
    maps = np.maximum(conv.forward(digit)[0], 0)  # (24, 24, 16) after ReLU
    fig, axes = plt.subplots(2, 16, figsize=(10.0, 1.6))
    for k in range(16):
        w = conv.W[k, :, :, 0]
        limit = np.abs(w).max()
        axes[0, k].imshow(w, cmap="RdBu_r", vmin=-limit, vmax=limit)
        axes[1, k].imshow(maps[:, :, k], cmap="gray_r", vmin=0, vmax=max(maps.max(), 1e-6))
    for ax in axes.flat:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(True)
    axes[0, 0].set_ylabel("filter", fontsize=9)
    axes[1, 0].set_ylabel("map", fontsize=9)
    save(fig, out_dir / "cnn-filters.png")
