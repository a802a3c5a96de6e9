"""Diagrams as SVG that take the page's colours: boxes, arrows and text, or a Matplotlib plot.

A diagram is drawn in colour *names*, never colour values: ``"ink"`` is the text colour of
the page (``currentColor``), the others are CSS variables of
``docs/stylesheets/diagrams.css`` (``var(--nn-blue)``), which differ in the light and the dark
palette. The build puts the SVG inline in the page (nnlib/tools/site/diagrams.py), so one
drawing reads in both palettes. Opened on its own, it falls back to the light colours here.

    d = Diagram("diagram-neuron", 640, 240)
    d.box(20, 20, 120, 40, "x1 = 1.0", fill="blue-fill", stroke="blue")
    d.arrow(140, 40, 260, 120, label="w1 = 0.2")
    d.save(out_dir / "diagram-neuron.svg")
"""

from __future__ import annotations

import html
import io
import math
import re
from pathlib import Path

# The light palette (the fallback outside the site). diagrams.css has the same values for
# the light palette, and the dark ones; a test keeps the two files in step.
PALETTE = {
    "muted": "#5f6368",
    "blue": "#1a5fb4",
    "orange": "#a84f00",
    "green": "#26722a",
    "red": "#c01c28",
    "purple": "#6a3d9a",
    "blue-fill": "#e3edfb",
    "orange-fill": "#fdeedd",
    "green-fill": "#e5f3e6",
    "red-fill": "#fbe4e6",
    "grey-fill": "#eef0f2",
    "background": "#ffffff",
}
MONO = "var(--md-code-font-family, monospace)"
CHAR_WIDTH = 0.6  # a monospace character is about 0.6 em wide: enough to size a box


def colour(name: str) -> str:
    """A colour name as CSS: ``"ink"`` -> ``currentColor``, ``"blue"`` -> ``var(--nn-blue, #...)``."""
    if name in ("ink", "none"):
        return "currentColor" if name == "ink" else "none"
    if name not in PALETTE:
        raise ValueError(f"unknown colour {name!r}: use 'ink', 'none' or one of {sorted(PALETTE)}")
    var = "--md-default-bg-color" if name == "background" else f"--nn-{name}"
    return f"var({var}, {PALETTE[name]})"


def text_width(text: str, size: float, mono: bool = True) -> float:
    """About how wide ``text`` is at ``size`` (exact for no font: leave a margin)."""
    return len(text) * size * (CHAR_WIDTH if mono else 0.55)


class Diagram:
    """An SVG drawing in a ``width`` x ``height`` box of user units (about pixels at desktop width)."""

    def __init__(self, name: str, width: float, height: float):
        self.name = name
        self.width = width
        self.height = height
        self.items: list[str] = []

    def _add(self, tag: str, attrs: dict, body: str | None = None) -> None:
        text = " ".join(f'{k.rstrip("_").replace("_", "-")}="{v}"' for k, v in attrs.items())
        self.items.append(f"<{tag} {text}/>" if body is None else f"<{tag} {text}>{body}</{tag}>")

    def rect(self, x, y, w, h, *, fill="none", stroke="ink", width=1.5, rx=6, dashed=False):
        """A rectangle with its top-left corner at (x, y)."""
        dash = ";stroke-dasharray:5 4" if dashed else ""
        self._add("rect", {"x": _n(x), "y": _n(y), "width": _n(w), "height": _n(h), "rx": _n(rx),
                           "style": f"fill:{colour(fill)};stroke:{colour(stroke)};stroke-width:{width}{dash}"})

    def circle(self, cx, cy, r, *, fill="none", stroke="ink", width=1.5):
        """A circle centred at (cx, cy)."""
        self._add("circle", {"cx": _n(cx), "cy": _n(cy), "r": _n(r),
                             "style": f"fill:{colour(fill)};stroke:{colour(stroke)};stroke-width:{width}"})

    def line(self, x1, y1, x2, y2, *, stroke="ink", width=1.5, dashed=False):
        """A straight line."""
        dash = ";stroke-dasharray:5 4" if dashed else ""
        self._add("line", {"x1": _n(x1), "y1": _n(y1), "x2": _n(x2), "y2": _n(y2),
                           "style": f"stroke:{colour(stroke)};stroke-width:{width}{dash}"})

    def polyline(self, points, *, stroke="ink", width=1.5, fill="none", dashed=False):
        """Lines through ``points`` [(x, y), ...]."""
        dash = ";stroke-dasharray:5 4" if dashed else ""
        self._add("polyline", {"points": " ".join(f"{_n(x)},{_n(y)}" for x, y in points),
                               "style": f"fill:{colour(fill)};stroke:{colour(stroke)};"
                                        f"stroke-width:{width};stroke-linejoin:round{dash}"})

    def polygon(self, points, *, fill="ink", stroke="none", width=1.0):
        """A closed, filled shape through ``points``."""
        self._add("polygon", {"points": " ".join(f"{_n(x)},{_n(y)}" for x, y in points),
                              "style": f"fill:{colour(fill)};stroke:{colour(stroke)};stroke-width:{width}"})

    def arrow(self, x1, y1, x2, y2, *, stroke="ink", width=1.5, head=9, dashed=False):
        """A line from (x1, y1) with an arrowhead at (x2, y2) (a drawn triangle, in the same colour)."""
        angle = math.atan2(y2 - y1, x2 - x1)
        back_x, back_y = x2 - head * math.cos(angle), y2 - head * math.sin(angle)
        self.line(x1, y1, back_x, back_y, stroke=stroke, width=width, dashed=dashed)
        spread = head * 0.5
        left = (back_x + spread * math.sin(angle), back_y - spread * math.cos(angle))
        right = (back_x - spread * math.sin(angle), back_y + spread * math.cos(angle))
        self.polygon([(x2, y2), left, right], fill=stroke)

    def text(self, x, y, text, *, size=14, anchor="middle", colour_="ink", mono=False,
             bold=False, italic=False, halo=False):
        """``text`` centred vertically on y; ``anchor`` is start, middle or end.

        ``halo`` draws the page's background colour behind the letters, so that a label
        reads where it crosses a line.
        """
        style = [f"fill:{colour(colour_)}", f"font-size:{_n(size)}px"]
        if mono:
            style.append(f"font-family:{MONO}")
        if bold:
            style.append("font-weight:bold")
        if italic:
            style.append("font-style:italic")
        if halo:
            style += [f"stroke:{colour('background')}", "stroke-width:5px",
                      "paint-order:stroke", "stroke-linejoin:round"]
        self._add("text", {"x": _n(x), "y": _n(y), "text-anchor": anchor,
                           "dominant-baseline": "central", "style": ";".join(style)},
                  html.escape(str(text), quote=False))

    def line_label(self, x1, y1, x2, y2, text, *, at=0.4, size=13, colour_="ink", mono=True,
                   below=False):
        """``text`` beside the line from (x1, y1) to (x2, y2), a fraction ``at`` along it,
        above it (or ``below``), far enough that the line never crosses the letters."""
        x, y = x1 + at * (x2 - x1), y1 + at * (y2 - y1)
        slope = abs((y2 - y1) / (x2 - x1)) if x2 != x1 else 0.0
        half_width = text_width(text, size, mono) / 2
        gap = size * 0.6 + half_width * slope + 3
        self.text(x, y + gap if below else y - gap, text, size=size, colour_=colour_, mono=mono)

    def box(self, x, y, w, h, label="", *, fill="grey-fill", stroke="ink", size=14, mono=True,
            label_colour="ink", rx=6, bold=False):
        """A rectangle with ``label`` centred in it (lines split on ``\\n``)."""
        self.rect(x, y, w, h, fill=fill, stroke=stroke, rx=rx)
        lines = str(label).split("\n") if label != "" else []
        for i, line in enumerate(lines):
            offset = (i - (len(lines) - 1) / 2) * size * 1.25
            self.text(x + w / 2, y + h / 2 + offset, line, size=size, mono=mono,
                      colour_=label_colour, bold=bold)

    def svg(self) -> str:
        """The drawing as the text of an SVG file."""
        body = "\n".join(self.items)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(self.width)} '
                f'{_n(self.height)}" width="{_n(self.width)}" height="{_n(self.height)}" '
                f'data-diagram="{self.name}">\n{body}\n</svg>\n')

    def save(self, path: Path) -> None:
        """Write the SVG file (its name must be this diagram's name plus ``.svg``)."""
        path = Path(path)
        if path.stem != self.name:
            raise ValueError(f"diagram {self.name!r} saved as {path.name}: use {self.name}.svg")
        path.write_text(self.svg(), encoding="utf-8")


def _n(value) -> str:
    """A coordinate as short text: 12.0 -> '12', 12.3456 -> '12.35'."""
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


# ------------------------------------------------------------------------------------------
# Matplotlib plots as diagrams: drawn in stand-in colours, which become the page's colours
# ------------------------------------------------------------------------------------------

# Matplotlib draws in these stand-ins (MPL["blue"] as a colour); save_matplotlib turns each
# into its colour name's CSS. They are near-black values no figure would choose.
MPL = {"ink": "#000001"} | {name: f"#0000{i + 2:02x}" for i, name in enumerate(PALETTE)}


def matplotlib_style() -> dict:
    """rcParams for a plot that becomes a diagram: ink lines and text, no background."""
    ink = MPL["ink"]
    return {
        "svg.fonttype": "none",  # text stays text: it takes the page's font and colour
        "font.family": "sans-serif",
        "text.color": ink, "axes.labelcolor": ink, "axes.edgecolor": ink,
        "xtick.color": ink, "ytick.color": ink,
        "grid.color": MPL["muted"], "grid.alpha": 0.35,
        "figure.facecolor": "none", "axes.facecolor": "none", "savefig.facecolor": "none",
        "legend.frameon": False,
        "axes.spines.top": False, "axes.spines.right": False,
    }


def save_matplotlib(fig, path: Path) -> None:
    """Write a Matplotlib figure (drawn with ``MPL`` colours) as an SVG diagram at ``path``."""
    import matplotlib.pyplot as plt

    path = Path(path)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    path.write_text(themed_svg(buffer.getvalue(), path.stem), encoding="utf-8")


def themed_svg(svg: str, prefix: str) -> str:
    """Matplotlib's SVG with its stand-in colours as CSS and its ids prefixed with ``prefix``.

    Ids are prefixed because a page may inline several diagrams, and ids must be unique in a
    page. The width and height attributes go (the viewBox stays): the page sizes it.
    """
    by_value = {value.lower(): name for name, value in MPL.items()}

    def css(match: re.Match) -> str:
        return colour(by_value[match[0].lower()])

    svg = re.sub("|".join(re.escape(v) for v in by_value), css, svg, flags=re.IGNORECASE)
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', rf'url(#{prefix}-\1)', svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)
    svg = re.sub(r"font-family:[^;\"]*;?", "", svg)  # the page's font
    svg = re.sub(r"font: ([\d.]+px) '[^']*'", r"font-size: \1", svg)
    # named like the drawn diagrams, for the browser tests' reports and screenshots
    return re.sub(r"<svg\b", f'<svg data-diagram="{prefix}"', svg, count=1)
