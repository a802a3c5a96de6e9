"""Run the Python code blocks of the site's pages as tests, exactly as a reader sees them.

pytest-codeblocks reads raw Markdown, so on its own it would run an include line
(``--8<-- "snippets/part2/sigmoid.py:sigmoid"``) as Python and skip every fence not labelled
exactly ``python``. This file drives its parser differently:

1. Each page is expanded first by the real ``pymdownx.snippets`` preprocessor, with the
   settings read from ``mkdocs.yml`` by MkDocs itself (``base_path``, ``check_paths``,
   ``dedent_subsections``...): the tests run the code the built page shows. A missing
   snippet file or section is a collection error, as it is a build error.
2. ``pytest_codeblocks.extract_from_buffer`` then finds the blocks and their markers:
   ``<!--pytest-codeblocks:cont-->`` chains a block onto the previous one (otherwise each
   block runs in fresh globals), ``<!--pytest-codeblocks:expected-output-->`` before a
   ```` ```text ```` fence checks what the block prints, ``<!--pytest.mark.skip(reason="...")-->``
   skips a block (``tests/test_codeblocks_setup.py`` caps how many, and requires a reason).
3. Fences labelled ``py``, ``python3``, ``py3``, ``{ .python }`` or carrying options
   (```` ```python title="x.py" ````, ```` ```py hl_lines="2" ````) are Python and run too.
   Shell fences (``bash``, ``sh``, ``console``) are commands for the reader's terminal
   (installing, training for minutes, serving the site) and are not run. A fence in any
   other language, without a language, or opened with ``~~~``, fails the page's
   "fence labels" test: it would otherwise go untested silently.

Every page under ``docs/`` is collected by plain ``pytest`` (``testpaths`` includes ``docs``)
and by ``pytest --codeblocks docs/``; with ``--codeblocks`` the plugin's own collector is
switched off, so no block is collected twice. Test ids name the page and the line of the
block in the Markdown source, e.g. ``docs/part2/sigmoid.md::line 42``.

Blocks run with the repository root as working directory, ``MPLBACKEND=Agg`` (``plt.show()``
draws nothing and does not warn) and ``NNLIB_DATA_DIR`` from the environment.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import io
import linecache
import os
import re
import sys
import traceback
import types
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pytest

os.environ["MPLBACKEND"] = "Agg"  # before anything imports matplotlib: no windows in tests
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice when MkDocs loads it

ROOT = Path(__file__).resolve().parent
MKDOCS_YML = ROOT / "mkdocs.yml"

PYTHON_LANGUAGES = {"python", "py", "python3", "py3"}
SHELL_LANGUAGES = {"bash", "sh", "console"}  # shown, not run
OTHER_LANGUAGES = {"text", "js", "javascript"}  # output, plain text, the draw page's JavaScript (run by tests/browser/test_draw.py)
FENCE_OPEN = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")


# --------------------------------------------------------------------------------------
# Reading a page as the site build does
# --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def mkdocs_config(config_file: Path = MKDOCS_YML):
    """The site's configuration, loaded and validated by MkDocs itself (once per session)."""
    from mkdocs.config import load_config

    return load_config(str(config_file))


def docs_dir(config_file: Path = MKDOCS_YML) -> Path:
    return Path(mkdocs_config(config_file).docs_dir)


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
    """Expand ``path`` and parse it with pytest-codeblocks' own parser."""
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


def evaluate_mark(mark: str):
    """A marker comment's text (``pytest.mark.skip(reason="...")``) as a pytest mark."""
    return eval(mark, {"sys": sys, "os": os, "pytest": pytest})  # as pytest-codeblocks does


def skipped_blocks(page: Page) -> list[tuple[int, str, str]]:
    """``(line, mark name, reason)`` for each block of ``page`` marked skip or skipif."""
    found = []
    for block in page.blocks:
        for text in block.marks:
            mark = evaluate_mark(text).mark
            if mark.name in ("skip", "skipif"):
                reason = mark.kwargs.get("reason") or (
                    mark.args[0] if mark.name == "skip" and mark.args else ""
                )
                found.append((block.line, mark.name, str(reason).strip()))
    return found


def is_docs_page(path: Path, config_file: Path = MKDOCS_YML) -> bool:
    """A Markdown page of the site (under docs_dir, not in the theme's overrides)."""
    if path.suffix != ".md" or not config_file.exists():
        return False
    docs = docs_dir(config_file).resolve()
    path = path.resolve()
    return path.is_relative_to(docs) and not path.is_relative_to(docs / "overrides")


# --------------------------------------------------------------------------------------
# pytest collection
# --------------------------------------------------------------------------------------


def pytest_configure(config):
    # With --codeblocks, pytest-codeblocks would collect every .md file again, raw.
    # Our collector below replaces it, so switch its collection hook off.
    import pytest_codeblocks.plugin

    for _name, plugin in config.pluginmanager.list_name_plugin():
        if plugin is pytest_codeblocks.plugin:
            config.pluginmanager.unregister(plugin)


def pytest_collect_file(file_path, parent):
    if file_path.suffix != ".md":
        return None
    if is_docs_page(file_path) or getattr(parent.config.option, "codeblocks", False):
        return MarkdownPage.from_parent(parent, path=file_path)
    return None


class MarkdownPage(pytest.File):
    """A page of the site: one test per Python block, plus a check of its fence labels."""

    def collect(self):
        page = read_page(self.path)
        if page.label_problems:
            yield FenceLabels.from_parent(self, name="fence labels", problems=page.label_problems)
        names: dict[str, int] = {}
        for block in page.blocks:
            name = f"line {block.line}"
            names[name] = names.get(name, 0) + 1
            if names[name] > 1:  # several blocks from one include line
                name = f"{name} #{names[name]}"
            item = CodeBlock.from_parent(self, name=name, block=block)
            for mark in block.marks:
                item.add_marker(evaluate_mark(mark))
            yield item


class FenceLabels(pytest.Item):
    def __init__(self, *, problems: list[str], **kwargs):
        super().__init__(**kwargs)
        self.problems = problems

    def runtest(self):
        raise FenceLabelError(self.problems)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, FenceLabelError):
            return (
                f"{self.path.name}: these fences would not be tested. Label Python `python`, "
                "commands `bash`/`sh`/`console`, output `text`, and open fences with ```:\n  "
                + "\n  ".join(excinfo.value.args[0])
            )
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, "fence labels"


class FenceLabelError(Exception):
    pass


class CodeBlockOutputMismatch(AssertionError):
    pass


class CodeBlock(pytest.Item):
    """One Python block of a page, run like a script: fresh globals, ``__name__ == "__main__"``."""

    def __init__(self, *, block: Block, **kwargs):
        super().__init__(**kwargs)
        self.block = block
        rel = os.path.relpath(self.path, ROOT)
        self.filename = f"<{rel}, block at line {block.line}>"

    def runtest(self):
        block = self.block
        if block.importorskip is not None:
            pytest.importorskip(block.importorskip)
        # Register the source so that tracebacks show the block's lines.
        lines = block.code.splitlines(keepends=True)
        linecache.cache[self.filename] = (len(block.code), None, lines, self.filename)
        code = compile(block.code, self.filename, "exec")
        namespace = {"__name__": "__main__", "__builtins__": __builtins__}
        output = io.StringIO()
        capture = (
            contextlib.redirect_stdout(output)
            if block.expected_output is not None
            else contextlib.nullcontext()
        )
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            with warnings.catch_warnings():
                # plt.show() under Agg: nothing to show in a test, that is expected
                warnings.filterwarnings("ignore", message=".*non-interactive.*cannot be shown")
                with capture:
                    exec(code, namespace)
        finally:
            os.chdir(cwd)
            if "matplotlib.pyplot" in sys.modules:
                sys.modules["matplotlib.pyplot"].close("all")
        if block.expected_output is not None:
            want, got = block.expected_output, output.getvalue()
            if block.expected_output_ignore_whitespace:
                want, got = re.sub(r"\s+", "", want), re.sub(r"\s+", "", got)
            if want != got:
                raise CodeBlockOutputMismatch(block.expected_output, output.getvalue())

    def repr_failure(self, excinfo):
        exc = excinfo.value
        numbered = "".join(
            f"{i:4d} | {line}" for i, line in enumerate(self.block.code.splitlines(True), 1)
        )
        where = f"{os.path.relpath(self.path, ROOT)}, code block at line {self.block.line}"
        if isinstance(exc, CodeBlockOutputMismatch):
            want, got = exc.args
            diff = "".join(
                difflib.unified_diff(
                    want.splitlines(True), got.splitlines(True), "page shows", "block printed"
                )
            )
            return f"printed output differs from the page ({where}):\n{numbered}\n{diff}"
        if isinstance(exc, Exception):
            tb = exc.__traceback__
            while tb is not None and tb.tb_frame.f_code.co_filename != self.filename:
                tb = tb.tb_next  # start the traceback at the block, not in this file
            detail = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
            summary = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            return f"{summary} ({where}):\n{numbered}\n{detail}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.block.line - 1, f"code block at line {self.block.line}"
