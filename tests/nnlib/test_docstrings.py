"""Every public piece of the teaching modules says, in its docstring, where the reader meets it.

Each docstring has a line ``Built in [page](../part3/....md#anchor).`` (where the reader
writes the piece), ``Used in [...](...)`` (where a page uses it) or ``See [...](...)``,
relative to docs/reference/, where mkdocstrings shows the docstrings. The linked page must
exist, and so must the heading an anchor names.
"""

from __future__ import annotations

import importlib
import inspect
import posixpath
import re
from pathlib import Path

import pytest

import nnlib

DOCS = Path(__file__).resolve().parents[2] / "docs"
TEACHING_MODULES = ["activations", "losses", "init", "layers", "network", "guide", "optim",
                    "train", "metrics", "gradcheck", "data"]
LINK_LINE = re.compile(
    r"^\s*(?:Built in|Used in|See)\b.*?\[[^\]]+\]\((?P<page>[^)#\s]+\.md)(?:#(?P<anchor>[^)\s]+))?\)",
    re.MULTILINE,
)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


def public_objects() -> dict[str, object]:
    """Every public function and class of the teaching modules, and everything nnlib exports."""
    found = {}
    for name in TEACHING_MODULES:
        module = importlib.import_module(f"nnlib.{name}")
        for attribute, value in vars(module).items():
            defined_here = getattr(value, "__module__", None) == module.__name__
            if (inspect.isfunction(value) or inspect.isclass(value)) and defined_here \
                    and not attribute.startswith("_"):
                found[f"nnlib.{name}.{attribute}"] = value
    for attribute in nnlib.__all__:
        value = getattr(nnlib, attribute)
        found.setdefault(f"{value.__module__}.{attribute}", value)
    return found


OBJECTS = public_objects()


def heading_anchors(page: Path) -> set[str]:
    """The anchors MkDocs gives the page's headings (its toc's slugify), code blocks left out."""
    slugify = pytest.importorskip("markdown.extensions.toc").slugify
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return {slugify(title, "-") for title in re.findall(r"^#{1,6} +(.+?) *#*$", text, re.MULTILINE)}


def test_the_list_is_complete():
    assert len(OBJECTS) > 40
    assert {"nnlib.activations.sigmoid", "nnlib.train.Model", "nnlib.tools.weights.load_weights",
            "nnlib.guide.train_one_example_at_a_time"} <= set(OBJECTS)


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_docstring_links_to_the_page_where_the_reader_meets_it(name):
    docstring = inspect.getdoc(OBJECTS[name])
    assert docstring, f"{name} has no docstring"
    links = list(LINK_LINE.finditer(docstring))
    assert links, f"{name}: no 'Built in [page](../....md)' line in its docstring"
    for link in links:
        page = DOCS / posixpath.normpath(posixpath.join("reference", link["page"]))
        assert page.is_file(), f"{name} links to {link['page']}, but {page} does not exist"
        if link["anchor"]:
            assert link["anchor"] in heading_anchors(page), (
                f"{name} links to #{link['anchor']}, which is no heading of {page.name}")
