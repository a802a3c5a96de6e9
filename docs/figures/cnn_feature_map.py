"""One digit, one 5x5 filter, the feature map the filter makes and that map pooled.

The digit and the pooled map (ReLU leaves no negative value) are drawn with gray_r, ink
dark on white; the filter and the feature map with RdBu_r, positive red, negative blue,
0 white.

The values come from snippets/beyond/convolutions.py (its sections digit, loop and pool),
so the figure shows exactly what the page's code computes. No training: a fraction of a
second of a cold build.
"""

FIGURES = ["cnn-feature-map.png"]
DEPENDS_ON = ["snippets/beyond/convolutions.py"]

import matplotlib.pyplot as plt
import numpy as np

from figures._snippets import section_values
from figures._style import save

SNIPPET = "snippets/beyond/convolutions.py"


def draw(out_dir, runs):
    values = section_values(SNIPPET, "digit", "loop", "pool")
    fig, axes = plt.subplots(1, 4, figsize=(9.0, 2.8))
    filt, out = values["filt"], values["out"]
    limit = np.abs(out).max()
    panels = [
        (values["digit"], "the digit (28x28)", dict(cmap="gray_r", vmin=0, vmax=1)),
        (filt, "the filter (5x5)", dict(cmap="RdBu_r", vmin=-np.abs(filt).max(), vmax=np.abs(filt).max())),
        (out, "feature map (24x24)", dict(cmap="RdBu_r", vmin=-limit, vmax=limit)),
        (values["pooled"], "ReLU, max pool (12x12)", dict(cmap="gray_r", vmin=0, vmax=limit)),
    ]
    for ax, (image, title, style) in zip(axes, panels):
        ax.imshow(image, **style)
        ax.set_title(title, fontsize=10)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(True)
    save(fig, out_dir / "cnn-feature-map.png")
