"""Numbers in the pages' prose written from the build's own runs, never typed by hand.

A page writes ``{{ guide.accuracy.epoch-20 }}`` where it quotes a result; the MkDocs hook
``docs/overrides/hooks/numbers.py`` replaces it with the text the figure script
``docs/figures/numbers.py`` computed from the same training run the figures draw
(``95.5%``). A name that no script computed fails the build, naming the page. Code blocks
are left alone. ``tests/site/test_claims.py`` makes sure the other numbers in prose are
asserted by a test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

PLACEHOLDER = re.compile(r"\{\{\s*(?P<name>[a-z0-9][a-z0-9_.-]*)\s*\}\}")
FENCE = re.compile(r"^[ \t]*(`{3,}).*?^[ \t]*\1[ \t]*$", re.M | re.S)
NUMBERS_FILE = "numbers.json"  # a data file named so, anywhere under assets/


def load_numbers(outputs: dict[str, Path]) -> dict[str, str]:
    """Every ``assets/.../numbers.json`` among the figure scripts' outputs, merged."""
    numbers: dict[str, str] = {}
    for site_path, path in sorted(outputs.items()):
        if site_path.startswith("assets/") and site_path.endswith("/" + NUMBERS_FILE):
            for name, text in json.loads(path.read_text(encoding="utf-8")).items():
                if name in numbers:
                    raise ValueError(f"the number {name!r} is computed twice ({site_path})")
                numbers[name] = text
    return numbers


def fill_in(markdown: str, numbers: dict[str, str], where: str) -> str:
    """``markdown`` with every placeholder outside code fences replaced by its number."""

    def replace(match: re.Match) -> str:
        name = match["name"]
        if name not in numbers:
            known = ", ".join(sorted(numbers)[:8])
            raise KeyError(f"{where}: no number named {name!r} (some known: {known}, ...)")
        return numbers[name]

    pieces, last = [], 0
    for fence in FENCE.finditer(markdown):
        pieces.append(PLACEHOLDER.sub(replace, markdown[last : fence.start()]))
        pieces.append(fence.group(0))
        last = fence.end()
    pieces.append(PLACEHOLDER.sub(replace, markdown[last:]))
    return "".join(pieces)


def on_page_markdown(markdown, page, config, files):
    from mkdocs.exceptions import PluginError

    from nnlib.tools.site import figures

    if not PLACEHOLDER.search(markdown):
        return markdown
    try:
        return fill_in(markdown, load_numbers(figures.built_outputs()), page.file.src_uri)
    except (KeyError, ValueError) as error:
        raise PluginError(f"Numbers: {error.args[0]}") from None
