"""Links from the pages to the API reference, made from nnlib's own docstrings.

Each public function and class of nnlib's teaching modules says in its docstring where the
reader builds it: ``Built in [Part 3, step 6](../part3/step6-backpropagation.md).`` (the
link is relative to ``docs/reference/``, where mkdocstrings shows the docstring). The MkDocs
hook ``docs/overrides/hooks/reference.py`` turns those lines around: a page that builds
pieces of nnlib gets a note "In the library" that links each piece to its reference entry
(``[sigmoid][nnlib.activations.sigmoid]``, resolved by mkdocs-autorefs), just before its
"What you learned" section. The docstrings are the one source of both directions, so they
cannot disagree. They are read with ``ast`` (not imported): ``mkdocs serve`` sees edits.
"""

from __future__ import annotations

import ast
import posixpath
import re
from pathlib import Path

TEACHING_MODULES = (
    "activations", "losses", "init", "layers", "network", "guide",
    "optim", "train", "metrics", "gradcheck", "data",
)
BUILT_IN = re.compile(r"^\s*Built in\b(?P<rest>.*)$", re.MULTILINE)
LINK = re.compile(r"\]\((?P<target>[^)#\s]+\.md)(?:#[^)]*)?\)")
SUMMARY_HEADING = re.compile(r"^## What you learned", re.MULTILINE)


def documented_objects(package_dir: Path) -> list[tuple[str, str]]:
    """``(qualified name, docstring)`` of the public functions and classes of the teaching modules."""
    found = []
    for module in TEACHING_MODULES:
        path = package_dir / f"{module}.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in tree.body:
            kinds = (ast.FunctionDef, ast.ClassDef)
            if isinstance(node, kinds) and not node.name.startswith("_"):
                found.append((f"nnlib.{module}.{node.name}", ast.get_docstring(node) or ""))
    return found


def pages_building(package_dir: Path) -> dict[str, list[str]]:
    """``{page: [qualified names built there]}``, pages as paths under docs/ ('part2/sigmoid.md')."""
    built: dict[str, list[str]] = {}
    for name, docstring in documented_objects(package_dir):
        for line in BUILT_IN.finditer(docstring):
            for link in LINK.finditer(line["rest"]):
                page = posixpath.normpath(posixpath.join("reference", link["target"]))
                built.setdefault(page, []).append(name)
    return built


def library_note(names: list[str]) -> str:
    """The "In the library" note for a page that builds ``names``."""
    links = ", ".join(f"[`{name.rsplit('.', 1)[1]}`][{name}]" for name in names)
    return (
        '!!! info "In the library"\n\n'
        f"    What this page builds is in `nnlib`, tested, with its reference: {links}.\n"
    )


def add_library_note(markdown: str, names: list[str]) -> str:
    """``markdown`` with the note before its "What you learned" section (else at its end)."""
    note = library_note(names)
    summary = SUMMARY_HEADING.search(markdown)
    if summary is None:
        return markdown.rstrip("\n") + "\n\n" + note
    return markdown[: summary.start()] + note + "\n" + markdown[summary.start() :]


def on_page_markdown(markdown, page, config, files):
    import nnlib

    names = pages_building(Path(nnlib.__file__).parent).get(page.file.src_uri)
    return add_library_note(markdown, names) if names else markdown
