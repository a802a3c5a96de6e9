"""Included code blocks: each titled with the file it comes from; broken includes named.

The MkDocs hook ``docs/overrides/hooks/includes.py`` runs :func:`on_page_markdown` on every
page before it is rendered (and before ``pymdownx.snippets`` expands the includes):

- A fence whose code comes from ``--8<-- "snippets/part3/step6_backpropagation.py:forward"``
  gets that file as its title (```` ```python title="snippets/part3/step6_backpropagation.py" ````),
  so a reader who wants the whole file sees where it is. The title is made from the include
  lines, never typed by hand: a hand-written title on such a fence fails the build. The copy
  button still copies the code only.
- A page that includes a section its file does not mark fails the build, naming the page,
  the file and the section (``pymdownx.snippets`` names the section only).
"""

from __future__ import annotations

import re

from nnlib.tools.site.pages import base_paths, includes, missing_sections

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<ticks>`{3,})(?P<info>[^`]*)$")
TITLE = re.compile(r"""\btitle\s*=""")


class IncludeError(Exception):
    """A page's includes cannot be shown as written; the message says where and why."""


def title_included_blocks(markdown: str, where: str) -> str:
    """``markdown`` with ``title="<file>"`` added to every fence whose code is included.

    A fence that includes several files gets them all, in order, separated by commas.
    """
    lines = markdown.split("\n")
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening or not opening["info"].strip():
            index += 1
            continue
        end = _closing_line(lines, index, opening)
        body = "\n".join(lines[index + 1 : end])
        files = list(dict.fromkeys(include.path for include in includes(body)))
        if files:
            if TITLE.search(opening["info"]):
                raise IncludeError(
                    f"{where}, line {index + 1}: the fence has a title typed by hand; the build "
                    f"titles included code with its file ({', '.join(files)}): remove it"
                )
            lines[index] = lines[index].rstrip() + f' title="{", ".join(files)}"'
        index = end + 1
    return "\n".join(lines)


def _closing_line(lines: list[str], start: int, opening: re.Match) -> int:
    """The index of the line closing the fence opened at ``start`` (or the last line)."""
    for index in range(start + 1, len(lines)):
        closing = FENCE.match(lines[index])
        if (
            closing
            and closing["ticks"].startswith(opening["ticks"])
            and not closing["info"].strip()
            and closing["indent"] == opening["indent"]
        ):
            return index
    return len(lines) - 1


def on_page_markdown(markdown, page, config, files):
    from mkdocs.exceptions import PluginError

    if "pymdownx.snippets" not in config.markdown_extensions:
        return markdown
    where = page.file.src_uri
    try:
        problems = missing_sections(markdown, base_paths(config))
    except ValueError as error:  # a file's section markers do not pair up
        raise PluginError(f"Snippets: {where}: {error}") from None
    if problems:
        raise PluginError(
            "\n".join(
                f"Snippets: {where} includes section '{include.section}' of {include.path}, "
                f"which does not mark it with '# --8<-- [start:{include.section}]' and "
                f"'# --8<-- [end:{include.section}]'"
                for include in problems
            )
        )
    try:
        return title_included_blocks(markdown, where)
    except IncludeError as error:
        raise PluginError(f"Snippets: {error}") from None
