"""Helpers for the diagrams of Part 1's NumPy pages: an array drawn as a grid of numbers.

Used by diagram_matmul_layer.py, diagram_broadcast_bias.py and diagram_axes_sum.py.
"""

from __future__ import annotations

from figures._svg import Diagram

CELL_W, CELL_H = 56, 28  # one number of an array: wide enough for "-0.54" at size 13


def short(value: float) -> str:
    """A value as Python prints the float: 0.5, -0.5, 3.0, 1.4 (float noise rounded off)."""
    return str(round(float(value), 6))


def two_places(value: float) -> str:
    """A computed value to two decimal places: 0.64, -0.54, 0.00."""
    return f"{float(value):.2f}"


def grid(d: Diagram, x: float, y: float, array, fmt=short, *, cell_w=CELL_W, cell_h=CELL_H,
         fills=None, ghost=False, size=13) -> None:
    """``array`` (2-D) as a grid of cells with its top-left corner at (x, y).

    ``fills`` maps (row, column) to a fill colour name for the cells to highlight. A
    ``ghost`` grid is dashed and muted: values NumPy uses without storing them.
    """
    fills = fills or {}
    for i, row in enumerate(array):
        for j, value in enumerate(row):
            cx, cy = x + j * cell_w, y + i * cell_h
            fill = fills.get((i, j), "none")
            d.rect(cx, cy, cell_w, cell_h, fill=fill, stroke="muted" if ghost else "ink",
                   width=1, rx=0, dashed=ghost)
            d.text(cx + cell_w / 2, cy + cell_h / 2, fmt(value), size=size, mono=True,
                   colour_="muted" if ghost else "ink")


def outline(d: Diagram, x: float, y: float, rows: int, cols: int, colour_: str, *,
            cell_w=CELL_W, cell_h=CELL_H) -> None:
    """A thick frame around ``rows`` x ``cols`` cells from (x, y): the part a reader follows."""
    d.rect(x, y, cols * cell_w, rows * cell_h, stroke=colour_, width=3, rx=2)


def pieces(d: Diagram, x: float, y: float, parts, *, size=14) -> float:
    """Text in several colours on one line, from x: ``parts`` is [(text, colour), ...].

    Monospace, so each piece starts where the previous one ended. Returns the end x.
    """
    from figures._svg import text_width

    for text, colour_ in parts:
        # an SVG text drops its leading and trailing spaces: skip over them instead
        lead = len(text) - len(text.lstrip(" "))
        if text.strip():
            d.text(x + text_width(" " * lead, size), y, text.strip(), size=size, mono=True,
                   anchor="start", colour_=colour_)
        x += text_width(text, size)
    return x
