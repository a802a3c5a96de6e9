"""Reading the site's pages the way the build reads them.

One place for what the build, its hooks and the tests all need to know about a page:

- :func:`expand_page`: a page's Markdown with its ``--8<--`` includes expanded by the real
  ``pymdownx.snippets``, with the settings of ``mkdocs.yml``;
- :func:`read_page`: the page's code blocks, as pytest-codeblocks' parser finds them, and
  the fences that would go untested;
- :func:`includes` and :func:`sections`: which files and named sections a page includes,
  and which sections a file marks (``# --8<-- [start:name]`` ... ``[end:name]``);
- :func:`nav_pages`: the pages of the navigation, in order.
"""

from __future__ import annotations

import difflib
import functools
import io
import os
import re
import types
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # the repository: nnlib/tools/site/pages.py
MKDOCS_YML = ROOT / "mkdocs.yml"

PYTHON_LANGUAGES = {"python", "py", "python3", "py3"}
SHELL_LANGUAGES = {"bash", "sh", "console"}  # commands for the reader's terminal: shown, not run
# output and plain text; the draw page's JavaScript (run by tests/site/browser/test_draw.py)
OTHER_LANGUAGES = {"text", "js", "javascript"}
FENCE_OPEN = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")

# An include line: --8<-- "path" or --8<-- "path:section" (any indentation).
INCLUDE = re.compile(r"""^(?P<indent>[ \t]*)-{1,}8<-{1,}[ \t]+(["'])(?P<target>[^"'\n]+?)\2[ \t]*$""",
                     re.MULTILINE)
# 'path:section' (and not 'path:3' or 'path:3:7', which are line numbers)
SECTION_TARGET = re.compile(r"^(?P<path>.+?):(?P<section>[A-Za-z_][\w-]*)$")
SECTION_MARKER = re.compile(r"-{1,}8<-{1,}[ \t]*\[(?P<edge>start|end):(?P<name>[\w-]+)\]")


# --------------------------------------------------------------------------------------
# The configuration and the navigation
# --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def mkdocs_config(config_file: Path = MKDOCS_YML):
    """The site's configuration, loaded and validated by MkDocs itself (once per process)."""
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice when it loads
    return load_config(str(config_file))


def docs_dir(config_file: Path = MKDOCS_YML) -> Path:
    """The folder of the pages (``docs_dir`` of ``mkdocs.yml``)."""
    return Path(mkdocs_config(config_file).docs_dir)


def base_paths(config) -> list[Path]:
    """Where ``pymdownx.snippets`` looks for included files (its ``base_path``)."""
    base = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    if isinstance(base, (str, os.PathLike)):
        base = [base]
    return [Path(os.fspath(b)) for b in base]


@functools.lru_cache(maxsize=None)
def nav_pages(config_file: Path = MKDOCS_YML) -> tuple[str, ...]:
    """Source paths of the pages in the nav, in order: 'index.md', 'part1/index.md', ..."""

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            elif "://" not in value:
                yield value

    return tuple(walk(mkdocs_config(config_file)["nav"]))


def is_docs_page(path: Path, config_file: Path = MKDOCS_YML) -> bool:
    """A Markdown page of the site (under docs_dir, not excluded from the build)."""
    if path.suffix != ".md" or not config_file.exists():
        return False
    config = mkdocs_config(config_file)
    docs = Path(config.docs_dir).resolve()
    path = path.resolve()
    if not path.is_relative_to(docs):
        return False
    exclude = config.exclude_docs
    return exclude is None or not exclude.match_file(path.relative_to(docs).as_posix())


# --------------------------------------------------------------------------------------
# Includes and sections
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Include:
    """One ``--8<-- "path[:section]"`` line of a page."""

    line: int  # 1-based, in the page's source
    path: str  # as written, relative to the snippets' base path
    section: str | None


def includes(markdown: str) -> list[Include]:
    """Every include line of ``markdown``, in order."""
    found = []
    for match in INCLUDE.finditer(markdown):
        target = match["target"].strip()
        named = SECTION_TARGET.match(target)
        path, section = (named["path"], named["section"]) if named else (target, None)
        found.append(Include(markdown.count("\n", 0, match.start()) + 1, path, section))
    return found


def sections(path: Path) -> dict[str, str]:
    """``{name: code}`` for every section a file marks with ``--8<-- [start:name]`` / ``[end:name]``.

    Sections may nest (the inner one's lines belong to both); marker lines belong to none.
    Raises ``ValueError`` for a section defined twice, closed before it opens, or never closed.
    """
    found: dict[str, list[str]] = {}
    open_sections: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        marker = SECTION_MARKER.search(line)
        if marker is None:
            for name in open_sections:
                found[name].append(line)
            continue
        edge, name = marker["edge"], marker["name"]
        where = f"{path.name}:{number}"
        if edge == "start":
            if name in found:
                raise ValueError(f"{where}: section {name!r} is defined twice")
            found[name] = []
            open_sections.append(name)
        elif name not in open_sections:
            raise ValueError(f"{where}: end:{name} closes a section that is not open")
        else:
            open_sections.remove(name)
    if open_sections:
        raise ValueError(f"{path.name}: section {open_sections[0]!r} is never closed")
    return {name: "\n".join(lines) + "\n" for name, lines in found.items()}


def missing_sections(markdown: str, bases: list[Path]) -> list[Include]:
    """The section includes whose file exists but does not mark that section.

    A missing *file* is left to ``pymdownx.snippets`` (with ``check_paths``), which names the
    page and the path; for a missing section it names the section only.
    """
    missing = []
    for include in includes(markdown):
        if include.section is None:
            continue
        found = next((b / include.path for b in bases if (b / include.path).is_file()), None)
        if found is not None and include.section not in sections(found):
            missing.append(include)
    return missing


# --------------------------------------------------------------------------------------
# A page's code blocks, as its tests run them
# --------------------------------------------------------------------------------------


def expand_page(page: Path, config_file: Path = MKDOCS_YML) -> tuple[str, list[int]]:
    """The page's Markdown as the build renders it, and the source line of each output line.

    Front matter is blanked out (as MkDocs strips it), then the ``pymdownx.snippets``
    preprocessor runs with the site's settings. Line ``i`` of the result comes from line
    ``line_map[i]`` (1-based) of the page; included lines map to their ``--8<--`` line.
    """
    import markdown
    from mkdocs.utils.meta import get_data

    config = mkdocs_config(config_file)
    source = page.read_text(encoding="utf-8-sig")
    body, _ = get_data(source)
    text = "\n" * (source.count("\n") - body.count("\n")) + body  # keep line numbers
    if "pymdownx.snippets" not in config.markdown_extensions:
        expanded = text
    else:
        # `!relative` (without $config_dir) in mkdocs.yml means "relative to the current page"
        src_path = os.path.relpath(page.resolve(), Path(config.docs_dir).resolve())
        config._current_page = types.SimpleNamespace(file=types.SimpleNamespace(src_path=src_path))
        try:
            md = markdown.Markdown(
                extensions=["pymdownx.snippets"],
                extension_configs={"pymdownx.snippets": config.mdx_configs.get("pymdownx.snippets", {})},
            )
            expanded = "\n".join(md.preprocessors["snippet"].run(text.split("\n")))
        finally:
            config._current_page = None
    return expanded, _line_map(text.split("\n"), expanded.split("\n"))


def _line_map(raw: list[str], expanded: list[str]) -> list[int]:
    """For each expanded line, the 1-based raw line it comes from (a diff of the two)."""
    mapping = [1] * len(expanded)
    matcher = difflib.SequenceMatcher(None, raw, expanded, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for offset, j in enumerate(range(j1, j2)):
            mapping[j] = i1 + 1 + (offset if tag == "equal" else 0)
    return mapping


def fence_language(info: str) -> str:
    """The language of a fence from its info string: 'python title="x"' -> 'python'."""
    info = info.strip()
    if info.startswith("{"):  # attribute-list form: { .python .annotate title="x" }
        match = re.search(r"(?:^|\s|\{)\.([\w+#-]+)", info)
        return match.group(1).lower() if match else ""
    return re.split(r"[\s{]", info, maxsplit=1)[0].lower()


@dataclass
class Block:
    """One runnable code block of a page."""

    code: str
    line: int  # line of its opening fence in the page's source
    language: str
    marks: list[str] = field(default_factory=list)
    expected_output: str | None = None
    expected_output_ignore_whitespace: bool = False
    importorskip: str | None = None


@dataclass
class Page:
    path: Path
    blocks: list[Block]  # the Python blocks, to run
    label_problems: list[str]  # fences that would go untested silently


def read_page(path: Path, config_file: Path = MKDOCS_YML) -> Page:
    """Expand ``path`` and parse it with pytest-codeblocks' own parser.

    Fences labelled ``py``, ``python3``, ``py3``, ``{ .python }`` or carrying options
    (```` ```python title="x.py" ````) are Python and run. Shell fences (``bash``, ``sh``,
    ``console``) are commands for the reader's terminal and are not run. A fence in any other
    language, without a language, or opened with ``~~~`` is a label problem: it would
    otherwise go untested silently.
    """
    from pytest_codeblocks import extract_from_buffer

    expanded, line_map = expand_page(path, config_file)
    blocks, problems = [], []
    for block in extract_from_buffer(io.StringIO(expanded)):
        line = line_map[block.lineno - 1]
        language = fence_language(block.syntax or "")
        if language in PYTHON_LANGUAGES:
            blocks.append(
                Block(
                    code=block.code,
                    line=line,
                    language=language,
                    marks=block.marks,
                    expected_output=block.expected_output,
                    expected_output_ignore_whitespace=block.expected_output_ignore_whitespace,
                    importorskip=block.importorskip,
                )
            )
        elif language not in SHELL_LANGUAGES | OTHER_LANGUAGES:
            shown = block.syntax.strip() if block.syntax and block.syntax.strip() else "(no language)"
            problems.append(f"line {line}: fence labelled {shown!r}")
    problems += [f"line {line_map[i]}: fence opened with '~~~'" for i in _tilde_fences(expanded)]
    problems += [
        f"line {line_map[i]}: <!--pytest-codeblocks:cont--> continues a {language!r} block, so "
        f"the code after it would never run; continue a python block, or add expected-output "
        f"to the output fence in between"
        for i, language in _continuations_of_other_blocks(expanded)
    ]
    return Page(path, blocks, sorted(set(problems), key=lambda p: int(p.split()[1].rstrip(":"))))


def _continuations_of_other_blocks(text: str) -> list[tuple[int, str]]:
    """Lines of ``cont`` markers whose block to continue is not Python.

    pytest-codeblocks chains a ``cont`` block onto the last block it collected, and a plain
    ```` ```text ```` output fence counts as one: the chained code would be attached to it and
    silently never run. Output fences marked ``expected-output`` are not blocks of their own.
    """
    found, last_language, in_fence, pending_output = [], None, False, False
    for index, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if in_fence:
            in_fence = not stripped.startswith("```")
            continue
        if stripped.startswith("```"):
            in_fence = True
            if not pending_output:
                last_language = fence_language(stripped[3:])
            pending_output = False
        elif "pytest-codeblocks:expected-output" in stripped:
            pending_output = True
        elif "pytest-codeblocks:cont" in stripped and last_language not in (None, *PYTHON_LANGUAGES):
            found.append((index, last_language))
    return found


def _tilde_fences(text: str) -> list[int]:
    """Indexes of lines opening a ``~~~`` fence (outside other fences)."""
    found, closing = [], None
    for index, line in enumerate(text.split("\n")):
        match = FENCE_OPEN.match(line)
        if closing is not None:
            if match and match.group(1).startswith(closing) and not match.group(2).strip():
                closing = None
        elif match:
            closing = match.group(1)
            if closing.startswith("~"):
                found.append(index)
    return found
