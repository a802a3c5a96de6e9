"""Run the Python code blocks of the site's pages as tests, exactly as a reader sees them.

A pytest plugin, registered by the repository's ``conftest.py`` (``pytest_plugins``).
pytest-codeblocks reads raw Markdown, so on its own it would run an include line
(``--8<-- "snippets/part2/sigmoid.py:sigmoid"``) as Python and skip every fence not labelled
exactly ``python``. This plugin drives its parser differently (see :mod:`.pages`):

1. Each page is expanded first by the real ``pymdownx.snippets`` preprocessor, with the
   settings read from ``mkdocs.yml`` by MkDocs itself: the tests run the code the built page
   shows. A missing snippet file or section is a collection error, as it is a build error.
2. ``pytest_codeblocks.extract_from_buffer`` then finds the blocks and their markers:
   ``<!--pytest-codeblocks:cont-->`` chains a block onto the previous one (otherwise each
   block runs in fresh globals), ``<!--pytest-codeblocks:expected-output-->`` before a
   ```` ```text ```` fence checks what the block prints, ``<!--pytest.mark.skip(reason="...")-->``
   skips a block (``tests/site/test_page_code.py`` caps how many, and requires a reason).
3. Every Python fence runs, however it is labelled (``py``, titles, options); shell fences
   are the reader's commands and do not run; any other fence fails the page's "fence
   labels" test, because it would otherwise go untested silently.

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
import io
import linecache
import os
import re
import sys
import traceback
import warnings
from pathlib import Path

import pytest

from nnlib.tools.site.pages import Block, Page, is_docs_page, read_page

os.environ["MPLBACKEND"] = "Agg"  # before anything imports matplotlib: no windows in tests


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
    config_file = parent.config.rootpath / "mkdocs.yml"
    if is_docs_page(file_path, config_file) or getattr(parent.config.option, "codeblocks", False):
        return MarkdownPage.from_parent(parent, path=file_path)
    return None


class MarkdownPage(pytest.File):
    """A page of the site: one test per Python block, plus a check of its fence labels."""

    def collect(self):
        page = read_page(self.path, self.config.rootpath / "mkdocs.yml")
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
        rel = os.path.relpath(self.path, self.config.rootpath)
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
        os.chdir(self.config.rootpath)
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
        where = f"{os.path.relpath(self.path, self.config.rootpath)}, code block at line {self.block.line}"
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
