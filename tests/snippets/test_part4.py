"""Part 4 (the cheat sheet): what its page claims of its snippet."""

from nnlib.tools.site.pages import ROOT, sections


def test_cheat_sheet_is_nine_lines():
    code = sections(ROOT / "snippets/part4/cheat_sheet.py")["nine-lines"]
    assert len(code.strip().splitlines()) == 9
