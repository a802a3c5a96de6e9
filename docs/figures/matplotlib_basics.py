"""What the Matplotlib page's code draws: each figure its sections make, as the reader sees it.

Shown on Part 1's "Level 4: Matplotlib" page, each image under the block that makes it. The
figures are not drawn again here: the page's own sections of
snippets/part1/matplotlib_basics.py run (with Matplotlib's default style, as on a reader's
machine, and the Agg backend, where plt.show() draws nothing), and every figure a section
closes is saved before it goes. So the picture is the code's, line for line.
"""

FIGURES = [
    "matplotlib-basics-curve.png",
    "matplotlib-basics-loss-curve.png",
    "matplotlib-basics-image.png",
    "matplotlib-basics-flat-image.png",
    "matplotlib-basics-grid.png",
    "matplotlib-basics-save.png",
]
DEPENDS_ON = ["snippets/part1/matplotlib_basics.py"]

from figures._style import save  # first: it selects Matplotlib's Agg backend

import matplotlib.pyplot as plt

from figures._snippets import section_values

SNIPPET = "snippets/part1/matplotlib_basics.py"
PREFIX = "matplotlib-basics-"


def figures_of(section: str) -> list:
    """Run the snippet's ``section`` (after its imports); the figures it closed, in order.

    ``plt.close`` is replaced while it runs, so each figure is kept (and saved by the
    caller) instead of freed; ``plt.show`` does nothing, as under the Agg backend.
    """
    closed, close, show = [], plt.close, plt.show

    def keep(fig=None):
        closed.append(plt.gcf() if fig is None else fig)

    plt.close, plt.show = keep, lambda *args, **kwargs: None
    try:
        with plt.style.context("default"):  # the look a reader gets, not this site's style
            section_values(SNIPPET, "imports", section)
    finally:
        plt.close, plt.show = close, show
    return closed


def draw(out_dir, runs):
    for name in FIGURES:
        section = name.removeprefix(PREFIX).removesuffix(".png")
        made = figures_of(section)
        if len(made) != 1:
            raise RuntimeError(f"{SNIPPET}:{section} closed {len(made)} figures, expected 1")
        save(made[0], out_dir / name)
