"""The notebook page's download button gives a notebook that runs, as a reader would run it.

The .ipynb is downloaded by clicking the button in the browser, checked against the
notebook's source (docs/walkthrough.py), and executed with nbclient in a fresh kernel, in an
empty folder, with the environment a reader has (no test settings such as MPLBACKEND).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import os

import pytest

from nnlib.tools.site.pages import nav_pages

from .support import IMAGES_JS, ROOT, html_path, is_notebook, new_page

NOTEBOOKS = [p for p in nav_pages() if is_notebook(p)]


def execute(notebook, folder, timeout: int = 600):
    """Run every cell of ``notebook`` in a new python3 kernel started in ``folder``.

    nbclient is asynchronous: it runs in a thread of its own, with an event loop of its own
    that is closed afterwards, out of the way of Playwright's loop in this thread.
    """
    from nbclient import NotebookClient

    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "PYTEST_CURRENT_TEST")}
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", allow_errors=False)

    def run():
        return asyncio.run(client.async_execute(cwd=str(folder), env=env))

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


@pytest.mark.slow  # the walkthrough trains the original guide's network on the full MNIST
@pytest.mark.parametrize("source", NOTEBOOKS)
def test_downloaded_notebook_is_valid_and_runs(browser, server, source, tmp_path):
    import jupytext
    import nbformat

    if not os.environ.get("NNLIB_DATA_DIR"):
        pytest.skip("set NNLIB_DATA_DIR: the notebook reads MNIST")
    page, watch = new_page(browser, server, accept_downloads=True)
    try:
        page.goto(server + html_path(source))
        button = page.locator("a[download][href$='.ipynb']")
        assert button.count() == 1, "no (or more than one) .ipynb download button"
        with page.expect_download() as info:
            button.click()
        download = info.value
        assert download.failure() is None, download.failure()
        assert download.suggested_filename.endswith(".ipynb")
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        assert watch.problems() == []
    finally:
        page.context.close()

    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    source_notebook = jupytext.read(ROOT / "docs" / source)
    source_cells = [c.source for c in source_notebook.cells if c.cell_type == "code"]
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert [c.source for c in code_cells] == source_cells, "the download is not the page's notebook"

    run_folder = tmp_path / "run"
    run_folder.mkdir()
    execute(notebook, run_folder)  # raises CellExecutionError, naming the cell, if one fails
    gc.collect()  # a kernel socket or event loop left open warns here, not in a later test
    assert all(c.execution_count for c in code_cells), "some code cells did not run"
    errors = [
        f"cell {n}: {o.get('text', '')[:300]}"
        for n, cell in enumerate(code_cells, 1)
        for o in cell.outputs
        if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr")
    ]
    assert errors == [], "cells wrote errors or warnings"


@pytest.mark.parametrize("source", NOTEBOOKS)
def test_the_notebook_page_shows_its_figures(browser, server, source):
    """One figure for every plt.show() of the notebook, drawn into the page and decoded.

    The tests build the site with MPLBACKEND=Agg in the environment; a kernel that inherited
    it would draw nothing, and the cached page would have no figure in any later build.
    """
    expected = (ROOT / "docs" / source).read_text(encoding="utf-8").count("plt.show()")
    assert expected >= 3
    page, watch = new_page(browser, server)
    try:
        page.goto(server + html_path(source), wait_until="load")
        images = [i for i in page.evaluate(IMAGES_JS) if i["inContent"]]
    finally:
        page.context.close()
    drawn = [i for i in images if i["src"].startswith("data:image/png") and i["naturalWidth"] > 0]
    assert len(drawn) == expected, images
