"""The site builds with ``mkdocs build --strict``, and what it builds holds together.

The build is the session's one build (``tests/site/conftest.py``). Its log must be free of
warnings; its HTML is checked with the standard library's html.parser only: every nav page
exists, every image is a real image, every internal link and #anchor resolves (the API
reference's links back to the pages included), nothing is loaded from another site, every
included code block is titled with its file, the Reference has a page per teaching module,
and the notebook's download button gives a valid .ipynb.
"""

from __future__ import annotations

import base64
import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from nnlib.tools.site import figures
from nnlib.tools.site.pages import ROOT, docs_dir, includes, nav_pages
from tests.site.conftest import MKDOCS_PROBLEM

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="session")
def site(site_dir):
    return site_dir


@pytest.fixture(scope="session")
def pages(site):
    """Every built HTML page (path relative to the site -> parsed page)."""
    return {
        path.relative_to(site).as_posix(): parse(path)
        for path in sorted(site.rglob("*.html"))
    }


# --------------------------------------------------------------------------------------
# Parsing built pages (html.parser only)
# --------------------------------------------------------------------------------------


class Page(HTMLParser):
    """What a page refers to (links, images, scripts, stylesheets) and the ids it defines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []  # <a href>
        self.images: list[str] = []  # <img src>
        self.resources: list[str] = []  # <script src>, <link href>: loaded with the page
        self.downloads: list[str] = []  # <a download href>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
            if "download" in attrs:
                self.downloads.append(attrs["href"])
        elif tag == "img" and attrs.get("src") is not None:
            self.images.append(attrs["src"])
        elif tag == "script" and attrs.get("src"):
            self.resources.append(attrs["src"])
        elif tag == "link" and attrs.get("href"):
            loaded = {"stylesheet", "icon", "preload", "preconnect", "modulepreload"}
            if set((attrs.get("rel") or "").split()) & loaded:
                self.resources.append(attrs["href"])


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def is_external(url: str) -> bool:
    return bool(urlsplit(url).scheme) or url.startswith("//")


def resolve(site: Path, page: str, url: str) -> tuple[Path, str]:
    """The file ``url`` points to from ``page``, and its #fragment."""
    parts = urlsplit(url)
    base = site if parts.path.startswith("/") else (site / page).parent
    target = (base / unquote(parts.path.lstrip("/"))) if parts.path else site / page
    return target.resolve(), unquote(parts.fragment)


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 0 and height > 0, "empty PNG"
    return width, height


def check_image(data: bytes, name: str) -> None:
    assert data, f"{name} is empty"
    if name.endswith(".png") or data.startswith(PNG_SIGNATURE):
        png_size(data)
    elif name.endswith(".svg"):
        assert b"<svg" in data[:2000], f"{name} is not an SVG"
    elif name.endswith((".jpg", ".jpeg")):
        assert data.startswith(b"\xff\xd8"), f"{name} is not a JPEG"
    else:
        raise AssertionError(f"{name}: unexpected image type")


# --------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------


def test_strict_build_has_no_warnings(build):
    assert not MKDOCS_PROBLEM.search(build.log), build.log


def test_every_nav_page_is_built(site):
    missing = [p for p in nav_pages() if not (site / Path(p).with_suffix(".html")).is_file()]
    assert missing == []


def test_every_image_exists_and_is_a_real_image(site, pages):
    problems = []
    count = 0
    for name, page in pages.items():
        for src in page.images:
            count += 1
            try:
                if src.startswith("data:image/"):
                    header, _, payload = src.partition(",")
                    kind = header.split(";")[0].split("/")[1]
                    check_image(base64.b64decode(payload), f"inline.{kind}")
                    continue
                assert not is_external(src), "image from another site"
                target, _ = resolve(site, name, src)
                assert target.is_file(), "missing file"
                check_image(target.read_bytes(), target.name)
            except AssertionError as exc:
                problems.append(f"{name}: <img src={src[:80]!r}>: {str(exc).splitlines()[0]}")
    assert problems == []
    assert count > 0, "no image at all: are the figures missing?"


def test_every_figure_script_is_served(site):
    declared = {
        name
        for script in figures.discover_scripts(figures.figures_dir(docs_dir()), ROOT)
        for name in script.figures
    }
    served = {p.name for p in (site / "figures").glob("*") if p.suffix in (".png", ".svg")}
    assert declared and served == declared
    for name in served:
        figures.image_size(site / "figures" / name)  # a valid PNG, or SVG with a viewBox


def test_every_internal_link_and_anchor_resolves(site, pages):
    problems = []
    for name, page in pages.items():
        if name == "404.html":  # links there are relative to wherever the 404 is served
            continue
        for href in page.links + page.resources:
            if is_external(href) or href.startswith(("mailto:", "javascript:")):
                continue
            target, fragment = resolve(site, name, href)
            if not target.exists():
                problems.append(f"{name}: {href} -> missing {target.relative_to(site)}")
            elif target.is_dir():
                problems.append(f"{name}: {href} -> a folder (breaks on file://)")
            elif fragment and target.suffix == ".html":
                ids = pages[target.relative_to(site).as_posix()].ids
                if fragment not in ids:
                    problems.append(f"{name}: {href} -> no #{fragment} in {target.name}")
    assert problems == []


def test_nothing_is_loaded_from_another_site(pages):
    # Scripts, stylesheets, fonts and images come with the site: it reads offline, and no
    # third party sees its readers (links a reader clicks are fine).
    external = [
        f"{name}: {url}"
        for name, page in pages.items()
        for url in page.resources + page.images
        if is_external(url) and not url.startswith("data:")
    ]
    assert external == []


def test_maths_is_rendered_as_mathml(pages, site):
    leftovers = [
        name
        for name in pages
        if re.search(r'class="arithmatex">\s*\\[(\[]', (site / name).read_text(encoding="utf-8"))
    ]
    assert leftovers == []
    assert "<math" in (site / "index.html").read_text(encoding="utf-8")


def test_underbraces_are_drawn_as_wide_as_their_term(site):
    """\\underbrace{X}_{(5, 784)}: the term in an element styled as a bracket, the label under it.

    latex2mathml's brace character (U+23DF) would show as a tiny mark; the hook swaps it for
    a class that extra.css draws (the browser tests check it has a real width).
    """
    source = (ROOT / "docs" / "part3" / "step4-two-layers.md").read_text(encoding="utf-8")
    assert r"\underbrace{W_1}_{(784,\,64)}" in source
    html = (site / "part3" / "step4-two-layers.html").read_text(encoding="utf-8")
    assert "&#x23DF;" not in html and "\u23df" not in html
    term_and_label = re.search(r'<munder><mrow class="underbrace"><msub><mi>W</mi><mn>1</mn></msub></mrow>'
                               r'<mrow><mo stretchy="false">\(</mo><mn>784</mn>', html)
    assert term_and_label, "W_1 is not drawn with its (784, 64) label under an underbrace"
    css = (site / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert ".md-typeset math .underbrace" in css


def test_notebook_download_is_a_valid_ipynb(site, pages):
    import nbformat

    notebooks = [p for p in nav_pages() if p.endswith((".py", ".ipynb"))]
    if not any((ROOT / "docs" / p).exists() for p in notebooks):
        pytest.skip("no notebook page yet (docs/walkthrough.py)")
    for source in notebooks:
        name = Path(source).with_suffix(".html").as_posix()
        downloads = [d for d in pages[name].downloads if d.endswith(".ipynb")]
        assert downloads, f"{name} has no .ipynb download button"
        target, _ = resolve(site, name, downloads[0])
        notebook = nbformat.reads(target.read_text(encoding="utf-8"), as_version=4)
        nbformat.validate(notebook)
        assert json.loads(target.read_text(encoding="utf-8"))["nbformat"] == 4
        assert any(cell.cell_type == "code" for cell in notebook.cells)


def test_search_index_lists_every_nav_page(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    missing = [p for p in nav_pages() if Path(p).with_suffix(".html").as_posix() not in locations]
    assert missing == []


def test_every_included_block_is_titled_with_its_file(site):
    """``--8<-- "snippets/x.py:section"`` shows ``snippets/x.py`` above the code, on every page."""
    checked = 0
    for source in nav_pages():
        if not source.endswith(".md"):
            continue
        files = {include.path for include in includes((docs_dir() / source).read_text(encoding="utf-8"))}
        html = (site / Path(source).with_suffix(".html")).read_text(encoding="utf-8")
        titles = set(re.findall(r'<span class="filename">([^<]+)</span>', html))
        shown = {name.strip() for title in titles for name in title.split(",")}
        assert files <= shown, f"{source}: blocks without their file as title: {files - shown}"
        checked += len(files)
    assert checked >= 40


def test_the_reference_has_a_page_for_every_teaching_module(site):
    """One page per teaching module, each showing the module's functions and classes."""
    import importlib
    import inspect

    modules = sorted(p.stem for p in (ROOT / "nnlib").glob("*.py") if not p.stem.startswith("_"))
    assert {"activations", "guide", "train", "data"} <= set(modules)
    for name in modules:
        html = (site / "reference" / f"{name}.html").read_text(encoding="utf-8")
        module = importlib.import_module(f"nnlib.{name}")
        public = [n for n, obj in vars(module).items() if not n.startswith("_")
                  and (inspect.isfunction(obj) or inspect.isclass(obj))
                  and obj.__module__ == module.__name__]
        missing = [n for n in public if f'id="nnlib.{name}.{n}"' not in html]
        assert missing == [], f"reference/{name}.html does not document {missing}"


def test_pages_link_what_they_build_to_the_reference(site):
    """Every "Built in" line of a docstring gives its page an "In the library" link back."""
    import nnlib
    from nnlib.tools.site.reference import pages_building

    built = pages_building(Path(nnlib.__file__).parent)
    assert len(built) >= 8, built  # the steps of Part 3, the maths, beyond the guide...
    for page, names in built.items():
        html = (site / Path(page).with_suffix(".html")).read_text(encoding="utf-8")
        assert "In the library" in html, page
        for name in names:
            module = name.split(".")[1]
            assert f'href="{"../" * page.count("/")}reference/{module}.html#{name}"' in html, (page, name)


def test_numbers_in_the_prose_are_the_builds_own(site):
    """{{ guide.accuracy.last }} became the accuracy the build's run reached, on every page."""
    numbers = json.loads((site / "assets" / "numbers" / "numbers.json").read_text(encoding="utf-8"))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"{numbers['guide.accuracy.last']} accuracy on the 10,000 test digits" in home
    left = [name for name in (site).rglob("*.html") if "{{ guide." in name.read_text(encoding="utf-8")]
    assert left == []


def test_a_displayed_formula_can_be_scrolled_from_the_keyboard():
    """A wide formula scrolls on a narrow screen; tabindex lets a keyboard reach it (axe)."""
    from nnlib.tools.site.mathml import render_math

    html = render_math('<div class="arithmatex">\\[z = x w + b\\]</div>', "x.md")
    assert html.startswith('<div class="arithmatex" tabindex="0"><math')
    inline = render_math('<span class="arithmatex">\\(z\\)</span>', "x.md")
    assert "tabindex" not in inline
