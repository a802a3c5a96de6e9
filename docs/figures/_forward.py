"""Helpers shared by the diagrams of Part 3's forward pass (steps 2 to 5, the overview):
numbers written as the snippets write them, and a matrix drawn as a grid of cells.
"""

from __future__ import annotations

from figures._svg import Diagram


def entry(value) -> str:
    """A matrix entry as NumPy prints it rounded: 0.5, -0.3, 0.0; computed values to 4 decimals."""
    value = round(float(value), 4)
    return str(0.0 if value == 0 else value)  # -0.0 prints as 0.0


def grid(d: Diagram, x: float, y: float, values, cell_w: float, cell_h: float,
         highlight=lambda i, j: None, size: float = 14) -> None:
    """The 2-D array ``values`` as cells, top-left corner at (x, y).

    ``highlight(i, j)`` returns ``(fill, stroke)`` colour names for a cell to mark, or None.
    """
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            marked = highlight(i, j)
            fill, stroke = marked if marked else ("none", "muted")
            d.box(x + j * cell_w, y + i * cell_h, cell_w, cell_h, entry(value), fill=fill,
                  stroke=stroke, size=size, rx=0)
