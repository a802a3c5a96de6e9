"""A page that includes a snippet section its file does not mark fails the build, saying
which page, which file and which section (an MkDocs hook).

``pymdownx.snippets`` with ``check_paths: true`` fails the build for a missing file, and MkDocs
names the page and the path. For a missing *section* (``--8<-- "snippets/x.py:forward"``
where ``x.py`` has no ``# --8<-- [start:forward]`` / ``# --8<-- [end:forward]``) its message
names only the section. This hook checks every section include of a page before the page is
rendered, with the same ``base_path`` as the extension, and names all three.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# An include line: --8<-- "path" (any indentation, inside a fence or not).
INCLUDE = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(["'])(?P<target>[^"'\n]+?)\1[ \t]*$""", re.MULTILINE)
# 'path:section' (and not 'path:3' or 'path:3:7', which are line numbers)
SECTION = re.compile(r"^(?P<path>.+?):(?P<section>[A-Za-z_][\w-]*)$")


def base_paths(config) -> list[Path]:
    """Where pymdownx.snippets looks for files (its ``base_path``, one path or several)."""
    base = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    if isinstance(base, (str, os.PathLike)):
        base = [base]
    return [Path(os.fspath(b)) for b in base]


def missing_sections(markdown: str, bases: list[Path]) -> list[tuple[str, str]]:
    """``(path, section)`` for each section include whose file exists but does not mark it."""
    missing = []
    for match in INCLUDE.finditer(markdown):
        target = SECTION.match(match["target"].strip())
        if not target:
            continue
        path, section = target["path"], target["section"]
        found = next((b / path for b in bases if (b / path).is_file()), None)
        if found is None:
            continue  # a missing file: pymdownx.snippets reports it, with the page and path
        text = found.read_text(encoding="utf-8")
        markers = [rf"-{{1,}}8<-{{1,}}[ \t]*\[{edge}:{re.escape(section)}\]" for edge in ("start", "end")]
        if not all(re.search(marker, text) for marker in markers):
            missing.append((path, section))
    return missing


def on_page_markdown(markdown, page, config, files):
    if "pymdownx.snippets" not in config.markdown_extensions:
        return markdown
    problems = missing_sections(markdown, base_paths(config))
    if problems:
        raise PluginError(
            "\n".join(
                f"Snippets: {page.file.src_uri} includes section '{section}' of {path}, "
                f"which does not mark it with '# --8<-- [start:{section}]' and '# --8<-- [end:{section}]'"
                for path, section in problems
            )
        )
    return markdown
