"""The errata page (docs/errata.md) against the original guide it describes.

- Every line it quotes from the original guide (a ``text`` block that is not program
  output) is a line of /work/shared/original-guide.md, whitespace aside.
- Wherever its prose says "the original guide", the code and the "quoted words" up to the
  end of that sentence (or up to "this site") are the original's own text.
- Every page it links to exists, and so does every #anchor it names.
- The original guide's own arithmetic, which the page says is right, is right.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

import pytest

from nnlib.tools.site.pages import docs_dir

ORIGINAL = Path(os.environ.get("NNLIB_ORIGINAL_GUIDE", "/work/shared/original-guide.md"))
ERRATA = docs_dir() / "errata.md"

OUTPUT_MARK = "<!--pytest-codeblocks:expected-output-->"
CODE_SPAN = re.compile(r"`([^`\n]+)`")
# "the original guide", to the end of its sentence or to "this site", whichever is first
ABOUT_ORIGINAL = re.compile(r"the original guide(.*?)(?=this site|\.\s|\.$|\Z)",
                            re.I | re.S)
QUOTED_WORDS = re.compile(r'"([^"\n]+)"')
LINK = re.compile(r"\]\(([^)\s]+)\)")


def squeeze(text: str) -> str:
    """Whitespace runs become one space: quotes keep the words, not the alignment."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def original() -> str:
    if not ORIGINAL.exists():
        pytest.skip(f"the original guide is not at {ORIGINAL}")
    return squeeze(ORIGINAL.read_text(encoding="utf-8"))


def errata() -> str:
    return ERRATA.read_text(encoding="utf-8")


def blocks(text: str) -> list[tuple[str, str, str]]:
    """``(language, code, the line before the fence)`` for every fenced block.

    Fences may be indented (in tabs and admonitions); a block ends at a fence line of at
    least as many backticks.
    """
    found, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        opening = re.match(r"^\s*(`{3,})(\w*)", lines[i])
        if not opening:
            i += 1
            continue
        ticks, language, start = opening.group(1), opening.group(2), i
        i += 1
        while i < len(lines) and not re.match(rf"^\s*{ticks}`*\s*$", lines[i]):
            i += 1
        before = next((line for line in reversed(lines[:start]) if line.strip()), "")
        found.append((language, "\n".join(lines[start + 1 : i]), before.strip()))
        i += 1
    return found


def quoted_blocks(text: str) -> list[str]:
    """The ``text`` blocks of the page that are not a code block's expected output."""
    return [code for language, code, before in blocks(text)
            if language == "text" and before != OUTPUT_MARK]


def prose(text: str) -> str:
    """The page without its fenced blocks."""
    kept, inside, ticks = [], False, ""
    for line in text.splitlines():
        fence = re.match(r"^\s*(`{3,})", line)
        if not inside and fence:
            inside, ticks = True, fence.group(1)
        elif inside and re.match(rf"^\s*{ticks}`*\s*$", line):
            inside = False
        elif not inside:
            kept.append(line)
    return "\n".join(kept)


def paragraphs(text: str) -> list[str]:
    """The page's paragraphs of prose (tables left out: they have no sentences)."""
    return [paragraph for paragraph in prose(text).split("\n\n")
            if not paragraph.lstrip().startswith("|")]


def test_the_page_quotes_the_original_guide():
    assert quoted_blocks(errata()), "no block quoting the original guide: is the test stale?"
    assert ABOUT_ORIGINAL.search(prose(errata()))


def test_quoted_lines_are_the_original_guides(original):
    missing = [line for block in quoted_blocks(errata()) for line in block.splitlines()
               if line.strip() and squeeze(line) not in original]
    assert missing == [], f"quoted as the original guide's, but not in it: {missing}"


def test_code_and_words_attributed_to_the_original_guide_are_its_own(original):
    checked, missing = 0, []
    for paragraph in paragraphs(errata()):
        for match in ABOUT_ORIGINAL.finditer(squeeze(paragraph)):
            segment = match.group(1)
            for quote in CODE_SPAN.findall(segment) + QUOTED_WORDS.findall(segment):
                checked += 1
                if squeeze(quote) not in original:
                    missing.append(quote)
    assert checked > 10, "the pattern finds (almost) nothing: is the test stale?"
    assert missing == [], f"attributed to the original guide, but not in it: {missing}"


def test_claims_table_quotes_the_original_guide(original):
    table = re.search(r"^\| The original guide says \|.*?(?=^$|\Z)", errata(), re.M | re.S)
    assert table, "the table of the original guide's claims is gone"
    rows = [row for row in table.group(0).splitlines()[2:] if row.startswith("|")]
    cells = [row.split("|")[1] for row in rows]
    assert cells
    missing = [code for cell in cells for code in CODE_SPAN.findall(cell)
               if squeeze(code) not in original]
    assert missing == []


def heading_anchors(page: Path) -> set[str]:
    """The anchors MkDocs gives the page's headings: toc's slugify, or an explicit {#id}."""
    slugify = pytest.importorskip("markdown.extensions.toc").slugify
    anchors = set()
    for title in re.findall(r"^#{1,6} +(.+?) *#*$", prose(page.read_text(encoding="utf-8")),
                            re.M):
        explicit = re.search(r"\{ *#([\w-]+) *\}$", title)
        if explicit:
            anchors.add(explicit.group(1))
            continue
        title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", title).replace("`", "")
        anchors.add(slugify(title, "-"))
    return anchors


def test_links_go_to_pages_and_headings_that_exist():
    links = [link for link in LINK.findall(prose(errata())) if "://" not in link]
    assert len(links) > 10
    broken = []
    for link in links:
        path, _, anchor = link.partition("#")
        page = (ERRATA.parent / path) if path else ERRATA
        if not page.exists():
            broken.append(f"{link}: no file")
        elif anchor and anchor not in heading_anchors(page):
            broken.append(f"{link}: no heading with that anchor")
    assert broken == []


def test_anchors_other_pages_link_to_still_exist():
    """Part 3 links to these entries; renaming a heading must keep its anchor."""
    anchors = heading_anchors(ERRATA)
    for page in docs_dir().rglob("*.md"):
        for anchor in re.findall(r"errata\.md#([\w-]+)", page.read_text(encoding="utf-8")):
            assert anchor in anchors, f"{page.name} links to errata.md#{anchor}"


def test_the_original_guides_arithmetic_is_right():
    """The page says the original guide's numbers are right; here they are checked."""

    def sigmoid(z):
        return 1 / (1 + math.exp(-z))

    # step 1: 2.0 * 0.5 + 0 = 1.0 and sigmoid(1.0) = 0.73
    assert 2.0 * 0.5 + 0.0 == 1.0 and round(sigmoid(1.0), 2) == 0.73
    # step 2: 1×0.2 + 2×0.8 + 3×(-0.5) + 0.1 = 0.4 and sigmoid(0.4) = 0.60
    z = 1.0 * 0.2 + 2.0 * 0.8 + 3.0 * -0.5 + 0.1
    assert math.isclose(z, 0.4) and round(sigmoid(z), 2) == 0.60
    # Part 2: the sigmoid's derivative a(1 - a) is 0.25 at a = 0.5, 0.0099 at a = 0.99
    assert 0.5 * (1 - 0.5) == 0.25 and math.isclose(0.99 * (1 - 0.99), 0.0099)
    # step 8: 60,000 training digits in batches of 64 leave a last batch of 32
    assert divmod(60_000, 64) == (937, 32)
