"""Every page of the navigation, opened in Chromium at desktop size from the local server.

Each page is opened once (a module-scoped fixture per page) and what happened is recorded;
the tests below then each check one thing about it: the page loads, says nothing in the
console, requests nothing that fails and nothing from another host, shows every image
(decoded, with alt text), renders its maths, and every code block's copy button copies
exactly the code the tests ran for that block. A full-page screenshot of each page is kept in
test-artifacts/screenshots/desktop/.
"""

from __future__ import annotations

import difflib
import time
from dataclasses import dataclass, field

import pytest

from nnlib.tools.site.pages import nav_pages

from .support import (
    CODE_BLOCKS,
    CODE_BLOCKS_JS,
    COPY_BUTTON,
    IMAGES_JS,
    DESKTOP,
    MATHS_JS,
    PREPARE_COPY_JS,
    ROOT,
    Watch,
    code_run_by_tests,
    is_notebook,
    new_context,
    screenshot_path,
    visit_page,
)

PYTHON = {"python", "py", "python3", "py3"}
NOTHING_COPIED = "(the copy button put nothing on the clipboard)"


@dataclass
class Visit:
    """What one page showed and did in the browser."""

    source: str
    status: int | None = None
    watch: Watch | None = None  # console errors, failed and outside requests
    images: list[dict] = field(default_factory=list)
    maths: dict = field(default_factory=dict)
    blocks: list[dict] = field(default_factory=list)  # language, text, hasCopy, copied


def copy_every_block(page) -> list[dict]:
    """Click the copy button of every code block with the mouse; record what it copied."""
    found = page.evaluate(CODE_BLOCKS_JS, [CODE_BLOCKS, COPY_BUTTON])
    for index, info in enumerate(found):
        info["copied"] = info["covered_by"] = None
        if not info["hasCopy"]:
            continue
        where = page.evaluate(PREPARE_COPY_JS, [CODE_BLOCKS, COPY_BUTTON, index, NOTHING_COPIED])
        if not where["reachable"]:
            info["covered_by"] = where["hit"]
            continue
        page.mouse.click(where["x"], where["y"])
        deadline = time.monotonic() + 2
        copied = NOTHING_COPIED
        while copied == NOTHING_COPIED and time.monotonic() < deadline:
            copied = page.evaluate("navigator.clipboard.readText()")
        info["copied"] = copied
    return found


@pytest.fixture(scope="module")
def desktop(browser, server):
    """One browser context for the pages of this module, as one reader reading them in turn."""
    context = new_context(browser, server, DESKTOP)
    yield context
    context.close()


@pytest.fixture(scope="module", params=nav_pages())
def visit(request, desktop, server, screenshots) -> Visit:
    result = Visit(request.param)

    def look(page):
        result.images = page.evaluate(IMAGES_JS)
        result.maths = page.evaluate(MATHS_JS)
        page.screenshot(path=screenshot_path("desktop", result.source), full_page=True)
        result.blocks = copy_every_block(page)

    result.status, _, result.watch = visit_page(desktop, server, result.source, look)
    return result


def test_page_loads(visit):
    assert visit.status == 200, f"{visit.source}: HTTP {visit.status}"


def test_no_console_errors(visit):
    assert visit.watch.console_errors == []


def test_no_failed_requests(visit):
    assert visit.watch.failed_requests == []


def test_nothing_is_requested_from_another_host(visit):
    # fonts, maths and scripts come with the site
    assert visit.watch.outside_requests == []


def test_every_image_is_decoded(visit):
    broken = [f"{i['src']}: {i['error']}" for i in visit.images if not i["naturalWidth"]]
    assert broken == []


def test_every_figure_has_alt_text(visit):
    missing = [i["src"] for i in visit.images if i["inContent"] and not (i["alt"] or "").strip()]
    assert missing == []


def test_maths_is_rendered(visit):
    maths = visit.maths
    assert maths["raw"] == [], "LaTeX left in the text"
    assert maths["unconverted"] == [], "arithmatex markup without MathML"
    assert maths["commands"] == [], "MathML showing a LaTeX command"
    assert maths["empty"] == [], "visible MathML that takes no room"
    assert maths["braceGlyphs"] == [], "an underbrace drawn as its tiny glyph"
    assert maths["undrawnBraces"] == [], "an underbrace without its bracket"


def expected_python_code(source: str) -> list[str]:
    """The Python code the tests run for each Python block of the page, in page order."""
    if is_notebook(source):
        import jupytext

        notebook = jupytext.read(ROOT / "docs" / source)
        return [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    return code_run_by_tests(source)


def test_every_code_block_has_a_copy_button_a_reader_can_click(visit):
    problems = []
    for number, block in enumerate(visit.blocks, 1):
        name = f"block {number} ({block['language'] or 'no language'})"
        if not block["hasCopy"]:
            problems.append(f"{name}: no copy button")
        elif block["covered_by"]:
            problems.append(f"{name}: the copy button is covered by <{block['covered_by']}>")
        elif block["copied"] == NOTHING_COPIED:
            problems.append(f"{name}: clicking the copy button copied nothing")
    assert problems == []


def compare_copies(copied: list[str], tested: list[str]) -> list[str]:
    """Where the copied Python blocks differ from the code the tests ran, block by block.

    Blocks chained with ``<!--pytest-codeblocks:cont-->`` run as one test, so one tested
    code may be several shown blocks one after the other. Blank lines at the start and end
    of a block do not count (Pygments drops them from what the page shows); any other
    difference does.
    """
    shown = iter(enumerate(copied, 1))
    for code in tested:
        position = 0
        while True:
            while code.startswith("\n", position):
                position += 1
            if position >= len(code):
                break
            number, text = next(shown, (None, None))
            if number is None:
                return [f"the tests run code that no block shows:\n{code[position:]}"]
            text = text.strip("\n")
            end = position + len(text)
            if code[position:end] != text or code[end : end + 1] not in ("", "\n"):
                wanted = code[position:].splitlines()[: text.count("\n") + 3]
                diff = difflib.unified_diff(
                    wanted, text.splitlines(), "tests ran", "copy button gives", lineterm=""
                )
                return [f"Python block {number}:\n" + "\n".join(diff)]
            position = end
    return [f"Python block {n} is shown, but no test runs it:\n{text}" for n, text in shown]


def test_copy_button_copies_the_tested_code(visit):
    """Python blocks copy exactly the code their tests ran (up to a final newline); other
    blocks (output, shell commands, a docstring's examples) copy the text they show."""
    python = [b for b in visit.blocks if b["language"] in PYTHON]
    if any(b["copied"] in (None, NOTHING_COPIED) for b in python):
        pytest.skip("some copy buttons do not work: see the copy-button test")
    problems = compare_copies([b["copied"] for b in python], expected_python_code(visit.source))
    for number, block in enumerate(visit.blocks, 1):
        if block["language"] not in PYTHON and block["copied"] not in (None, NOTHING_COPIED):
            if block["copied"].rstrip("\n") != block["text"].rstrip("\n"):
                problems.append(f"block {number} ({block['language']}) copies {block['copied']!r}")
    assert problems == [], "\n\n".join(problems)
