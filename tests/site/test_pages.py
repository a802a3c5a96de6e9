"""Rules for the pages as a whole, each checked once, for every page of the site.

- Every file of snippets/ is shown on some page, and so is every section it marks (no
  dead code: what the tests run is what a reader sees).
- Where a page shows a snippet run in the terminal (``$ python snippets/...`` in a
  ``console`` block), every line it shows under the command is a line the snippet prints.
  (Output under a code block is checked by the page-code plugin: ``expected-output``.)
- Every chapter ends with what the reader learned, and a link to go on.
"""

from __future__ import annotations

import os
import re

import pytest

from nnlib.tools.site.pages import (
    ROOT,
    docs_dir,
    expand_page,
    fence_language,
    includes,
    is_docs_page,
    nav_pages,
    sections,
)
from tests.snippets.runner import SLOW, all_snippets, needs_mnist, run_snippet

TIMING = re.compile(r"\(\d+(?:\.\d+)? s\)")
CONSOLE = re.compile(r"^```console\n(.*?)^```", re.M | re.S)


def pages() -> dict[str, str]:
    """Every page of the site, by its path under docs/, with its Markdown."""
    docs = docs_dir()
    return {
        path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs.rglob("*.md"))
        if is_docs_page(path)
    }


def test_every_snippet_and_every_section_is_shown_on_a_page():
    shown = {(i.path, i.section) for text in pages().values() for i in includes(text)}
    shown_files = {path for path, _ in shown}
    missing = []
    for name in all_snippets():
        if name not in shown_files:
            missing.append(name)
        missing += [f"{name}:{section}" for section in sections(ROOT / name)
                    if (name, section) not in shown]
    assert missing == [], f"on no page: {missing}"


def console_outputs() -> list[tuple[str, str, list[str]]]:
    """``(page, snippet, lines shown under $ python <snippet>)`` for every console block."""
    found = []
    for page, text in pages().items():
        for block in CONSOLE.findall(text):
            for command, output in re.findall(r"^\$ python (snippets/\S+\.py)\n((?:[^$].*\n)*)", block, re.M):
                found.append((page, command, [line.strip() for line in output.splitlines() if line.strip()]))
    return found


def normalise(line: str) -> str:
    """Seconds differ from run to run and machine to machine; everything else must not."""
    return TIMING.sub("(... s)", line).strip()


@pytest.mark.parametrize(
    "page, snippet, shown",
    [pytest.param(page, snippet, shown, id=f"{page}:{snippet}",
                  marks=[pytest.mark.slow] if snippet in SLOW else [])
     for page, snippet, shown in console_outputs()],
)
def test_pages_show_what_the_snippets_print(page, snippet, shown):
    assert (ROOT / snippet).is_file(), f"{page} runs a missing file {snippet}"
    if needs_mnist(snippet) and not os.environ.get("NNLIB_DATA_DIR"):
        pytest.skip("set NNLIB_DATA_DIR to a directory with the four MNIST files")
    run = run_snippet(snippet)
    assert run.returncode == 0, run.stderr
    printed = {normalise(line) for line in run.stdout.splitlines()}
    missing = [line for line in shown if normalise(line) not in printed]
    assert missing == [], f"{page} shows lines that {snippet} does not print: {missing}"


def test_some_pages_show_snippets_run_in_the_terminal():
    assert len(console_outputs()) >= 5  # the pattern above still matches the pages


CHAPTERS = [p for p in nav_pages() if re.match(r"(part[123]|beyond)/(?!index\.md)", p)]


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapters_end_with_what_you_learned_and_a_way_on(page):
    text = (docs_dir() / page).read_text(encoding="utf-8")
    assert "## What you learned" in text
    last = [line for line in text.splitlines() if line.strip()][-2:]
    assert any(re.search(r"\]\([^)]+\.md(#[\w-]+)?\)", line) for line in last), last


WIDTH = 80  # a wider line hides behind a scroll bar
FENCE_BODY = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S
)


def wide_lines(page: str) -> list[str]:
    """The lines wider than WIDTH in the code blocks of ``page``, as a reader sees them.

    Code only: a program's output (``text``) is as wide as the program prints it.
    """
    expanded, line_map = expand_page(docs_dir() / page)
    found = []
    for block in FENCE_BODY.finditer(expanded):
        if fence_language(block["info"]) == "text":
            continue
        start = expanded.count("\n", 0, block.start("body"))
        indent = len(block["indent"])
        for offset, line in enumerate(block["body"].splitlines()):
            if len(line) - indent > WIDTH:
                found.append(f"line {line_map[start + offset]}: {line.strip()[:60]}...")
    return found


@pytest.mark.parametrize("page", sorted(pages()))
def test_code_on_a_page_is_at_most_80_characters_wide(page):
    assert wide_lines(page) == []
