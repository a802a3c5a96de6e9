"""What every drawn figure must be, for the tests of the figure scripts."""

from __future__ import annotations

from pathlib import Path

import matplotlib.image

TEXT_COLUMN_PIXELS = 1100  # about 7.5 inches at the figures' 144 dpi: wider gets scaled down


def assert_figures_drawn(folder: Path, declared: list[str], max_height: int = 1200) -> None:
    """``folder`` holds the ``declared`` figures and nothing else, each fitting the text
    column (at most ``max_height`` pixels tall) and not blank."""
    assert sorted(p.name for p in folder.iterdir()) == sorted(declared)
    for name in declared:
        pixels = matplotlib.image.imread(folder / name)
        height, width = pixels.shape[:2]
        assert 300 < width <= TEXT_COLUMN_PIXELS and 200 < height < max_height, (name, width, height)
        assert pixels[..., :3].std() > 0.05, f"{name} is nearly blank"
