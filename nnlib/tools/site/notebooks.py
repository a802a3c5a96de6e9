"""Notebook pages: a downloadable .ipynb, an honest cache, no third-party requests.

The walkthrough is a jupytext "percent" notebook (``docs/walkthrough.py``: cells start with
``# %%``, readable diffs). mkdocs-jupyter executes it on every build that is not cached and
renders it as a page. This hook completes that:

- **Download**: for each notebook page it generates ``<name>.ipynb`` next to the page (from
  the .py, with jupytext; no outputs, the reader runs it) and sets
  ``page.meta["notebook_download"]``, which ``docs/overrides/main.html`` turns into a download
  button. The .py itself is copied beside the page too (``include_source``).
- **Cache**: mkdocs-jupyter caches a rendered notebook by its own text and options only, so it
  would keep showing old outputs after ``nnlib`` changes. The hook points its ``cache_dir`` at
  ``.cache/mkdocs-jupyter/<key>`` where the key hashes every file of ``nnlib/`` and
  ``snippets/``, the NumPy and Matplotlib versions and the kernel's Matplotlib backend: when
  the code changes, the notebook runs again. Older keys are removed.
- **Figures**: the kernel draws with Jupyter's inline backend whatever ``MPLBACKEND`` the
  build was started with (the tests set ``Agg``, which would leave the page without figures,
  cached so for every later build).
- **No CDN**: nbconvert's template adds ``<script>`` tags for MathJax and Mermaid from a CDN;
  they are dropped, and the maths of markdown cells is rendered to MathML like the other
  pages (see :mod:`.mathml`).
- **Size**: the ~600 KB of CSS nbconvert inlines into every notebook page is moved to a
  shared file under ``assets/notebooks/`` that browsers cache.

Notebooks run with the working directory of ``mkdocs build`` (run it from the repository
root, as the tests and CI do) and ``NNLIB_DATA_DIR`` from the environment.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import logging
import os
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from nnlib.tools.site.mathml import render_math

log = logging.getLogger("mkdocs.hooks.notebooks")

PLUGIN = "mkdocs-jupyter"
CACHE_SUBDIR = Path(".cache", "mkdocs-jupyter")
SNIPPETS_DIR = "snippets"  # besides nnlib, what a notebook's outputs depend on
# The kernel inherits the build's environment: with MPLBACKEND=Agg (the tests set it) its
# plt.show() would draw nothing, and the page, cached, would keep no figure. Jupyter's own
# inline backend puts every figure into the page.
KERNEL_BACKEND = "module://matplotlib_inline.backend_inline"

# nbconvert's template adds <script> tags that load MathJax and Mermaid from a CDN.
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
EXTERNAL_SRC = re.compile(r"""\bsrc\s*=\s*(?:""|''|["']?(?:https?:)?//)""", re.IGNORECASE)
EXTERNAL_URL = re.compile(r"https?://(?!www\.w3\.org/)")
# ... and about 600 KB of inline CSS, the same on every notebook page.
STYLE = re.compile(r'<style type="text/css">(.*?)</style>', re.DOTALL)
STYLES_DIR = "assets/notebooks"
# Code cells, which nbconvert writes as a bare <pre>; Material gives <pre><code> a copy button,
# and names it after the cell's id, which must then be a valid CSS id (not "cell-id=4a66e6b9").
CODE_CELL = re.compile(r'(<div class="highlight-ipynb[^"]*"><pre>)(.*?)(</pre>)', re.DOTALL)
CELL_ID = re.compile(r'\bid="cell-id=([\w-]+)"')
# Maths in rendered markdown cells, as nbconvert leaves it for MathJax.
MARKDOWN_CELL = re.compile(
    r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.DOTALL
)
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
INLINE_MATH = re.compile(r"(?<![\\$\w])\$(?!\s)([^$\n]+?)(?<!\s)\$(?![$\w])")

_notebook_pages: dict[str, str] = {}  # page src_uri -> .ipynb file name
_stylesheets: dict[str, str] = {}  # file name -> CSS moved out of notebook pages


def code_key(root: Path) -> str:
    """Hash of the ``nnlib`` package the build imports, of ``snippets/``, and of versions."""
    spec = importlib.util.find_spec("nnlib")
    folders = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    folders.append(root / SNIPPETS_DIR)
    h = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(f"{folder.name}/{path.relative_to(folder).as_posix()}\0".encode())
                h.update(path.read_bytes() + b"\0")
    h.update(f"MPLBACKEND={KERNEL_BACKEND}\0".encode())
    for dist in ("numpy", "matplotlib", "matplotlib-inline", "mkdocs-jupyter"):
        try:
            h.update(f"{dist}={importlib.metadata.version(dist)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            pass
    return h.hexdigest()[:20]


def on_config(config):
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        return config
    if plugin.config["allow_errors"]:
        raise PluginError(
            "notebooks: set allow_errors: false for mkdocs-jupyter (errors must fail the build)"
        )
    os.environ["MPLBACKEND"] = KERNEL_BACKEND  # the kernel's figures go into the page
    root = Path(config.config_file_path).resolve().parent
    base = root / CACHE_SUBDIR
    cache_dir = base / code_key(root)
    plugin.config["cache_dir"] = str(cache_dir)
    if base.is_dir():
        for old in base.iterdir():
            if old.is_dir() and old != cache_dir:
                shutil.rmtree(old, ignore_errors=True)
    return config


def notebook_json(path: Path) -> str:
    """The notebook at ``path`` (jupytext .py or .ipynb) as .ipynb JSON, without outputs."""
    import jupytext
    import nbformat

    notebook = jupytext.read(path)
    notebook.metadata.setdefault(
        "kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"}
    )
    notebook.metadata.setdefault("language_info", {"name": "python"})
    notebook.metadata.pop("jupytext", None)  # a plain notebook, not paired to a .py
    nbformat.validate(notebook)
    return nbformat.writes(notebook)


def on_files(files, config):
    plugin = config.plugins.get(PLUGIN)
    _notebook_pages.clear()
    if plugin is None:
        return files
    _stylesheets.clear()
    for file in list(files):
        if not plugin.should_include(file):
            continue
        src = Path(file.abs_src_path)
        ipynb_uri = str(Path(file.src_uri).with_suffix(".ipynb").as_posix())
        if src.suffix == ".py":
            if files.get_file_from_path(ipynb_uri) is not None:
                raise PluginError(f"notebooks: both {file.src_uri} and {ipynb_uri} exist; keep the .py")
            files.append(File.generated(config, ipynb_uri, content=notebook_json(src)))
            log.debug("notebook download: %s", ipynb_uri)
        _notebook_pages[file.src_uri] = Path(ipynb_uri).name
    return files


def drop_external_scripts(html: str) -> str:
    """Remove every <script> that loads code from another site (or from an empty src)."""

    def keep(match: re.Match) -> str:
        attrs, body = match.groups()
        if EXTERNAL_SRC.search(attrs) or "x-mathjax-config" in attrs or EXTERNAL_URL.search(body):
            return ""
        return match.group(0)

    return SCRIPT.sub(keep, html)


def move_styles(html: str, page_url: str) -> str:
    """Replace inline <style> blocks by links to shared files, written in ``on_post_build``."""
    prefix = "../" * page_url.count("/")

    def link(match: re.Match) -> str:
        css = match.group(1)
        name = hashlib.sha256(css.encode()).hexdigest()[:16] + ".css"
        _stylesheets[name] = css
        return f'<link rel="stylesheet" href="{prefix}{STYLES_DIR}/{name}">'

    return STYLE.sub(link, html)


def on_page_content(html, page, config, files):
    if page.file.src_uri not in _notebook_pages:
        return html
    html = move_styles(drop_external_scripts(html), page.url)
    html = CODE_CELL.sub(lambda m: f"{m.group(1)}<code>{m.group(2)}</code>{m.group(3)}", html)
    html = CELL_ID.sub(r'id="cell-\1"', html)
    def render(match: re.Match) -> str:
        body = match.group(2)
        if "$" not in body:
            return match.group(0)
        where = page.file.src_uri

        def block(m):
            return f'<div class="arithmatex">\\[{m.group(1)}\\]</div>'

        def inline(m):
            return f'<span class="arithmatex">\\({m.group(1)}\\)</span>'

        body = INLINE_MATH.sub(inline, DISPLAY_MATH.sub(block, body))
        return match.group(1) + render_math(body, where) + match.group(3)

    return MARKDOWN_CELL.sub(render, html)


def on_post_build(config):
    folder = Path(config.site_dir, STYLES_DIR)
    for name, css in _stylesheets.items():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(css, encoding="utf-8")


def on_page_context(context, page, config, nav):
    name = _notebook_pages.get(page.file.src_uri)
    if name:
        page.meta["notebook_download"] = name
    return context
