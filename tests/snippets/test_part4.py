"""Part 4 (the cheat sheet, docs/part4/cheat-sheet.md): what its page claims of its
snippet, of the original guide's nine lines, and the numbers its prose states."""

import os
import re
from pathlib import Path

import pytest

from nnlib.tools.site.pages import ROOT, sections
from tests.snippets.conftest import load

ORIGINAL = Path(os.environ.get("NNLIB_ORIGINAL_GUIDE", "/work/shared/original-guide.md"))
PAGE = ROOT / "docs/part4/cheat-sheet.md"
NUMBERED = re.compile(r"^\s*(\d)\. (.*?)\s*$")


def test_cheat_sheet_is_nine_lines():
    code = sections(ROOT / "snippets/part4/cheat_sheet.py")["nine-lines"]
    assert len(code.strip().splitlines()) == 9


def test_the_original_guides_nine_lines_are_quoted_as_written():
    """The page's text block is the original guide's box, line for line."""
    if not ORIGINAL.exists():
        pytest.skip(f"no original guide at {ORIGINAL}")
    box = ORIGINAL.read_text(encoding="utf-8").split("NEURAL NETWORK IN 9 LINES")[1]
    box = box.split("└")[0]
    original = [NUMBERED.match(line.strip("│ ")).groups()
                for line in box.splitlines() if NUMBERED.match(line.strip("│ "))]
    page = PAGE.read_text(encoding="utf-8").split("```text\n")[1].split("```")[0]
    quoted = [NUMBERED.match(line).groups() for line in page.splitlines()]
    assert len(original) == 9 and quoted == original


def test_code_lines_map_to_the_original_lines_3_to_8():
    """The table: code lines 1-5 are original lines 3-7; code lines 6-9 are line 8."""
    text = PAGE.read_text(encoding="utf-8")
    found = re.findall(r"^\| (\d)\. `.*?` \((\d)\) \|", text, re.M)
    assert [(int(a), int(b)) for a, b in found] == [
        (1, 3), (2, 4), (3, 5), (4, 6), (5, 7), (6, 8), (7, 8), (8, 8), (9, 8)]


def test_last_batch_has_32_examples():
    """'the last batch has 32 examples' of 60,000 in batches of 64."""
    assert 60000 % 64 == 32


def test_results_after_one_and_two_epochs(needs_mnist):
    """The settings table: 88.4% after 1 epoch, 90.5% after 2 (seed 0)."""
    accuracies = load("snippets.part3.step8_training_loop").main(epochs=2)
    assert [round(100 * a, 1) for a in accuracies] == [88.4, 90.5]
