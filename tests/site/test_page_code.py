"""The plugin that runs the pages' code blocks as tests (nnlib/tools/site/pytest_plugin.py).

Most tests build a tiny project in a temporary folder (a conftest.py that registers the
plugin, a mkdocs.yml with the same snippets settings, a few pages) and run pytest on it in
a subprocess, recording each test's outcome. The last tests apply the policy to the real
pages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from nnlib.tools.site import pages as site_pages
from nnlib.tools.site.pages import ROOT
from nnlib.tools.site.pytest_plugin import skipped_blocks

MAX_SKIPPED = 3  # blocks marked <!--pytest.mark.skip(reason="...")--> on all pages together


def skip_budget_problems(pages, max_skipped: int) -> list[str]:
    """What is wrong with the skipped blocks of ``pages``: too many, or without a reason."""
    problems, total = [], 0
    for page in pages:
        for line, name, reason in skipped_blocks(page):
            total += 1
            if not reason:
                problems.append(f"{page.path.name}:{line}: {name} without a reason")
    if total > max_skipped:
        problems.append(f"{total} skipped blocks, at most {max_skipped} allowed")
    return problems


# --------------------------------------------------------------------------------------
# A throwaway project
# --------------------------------------------------------------------------------------

MKDOCS_YML = """\
site_name: demo
markdown_extensions:
  - pymdownx.superfences
  - pymdownx.snippets:
      base_path: !relative $config_dir
      check_paths: true
      dedent_subsections: true
"""

PYPROJECT = """\
[tool.pytest.ini_options]
testpaths = ["docs"]
filterwarnings = ["error"]
"""

# Records every test's outcome as JSON lines, so the tests below can check them by id.
RECORDER = """\
import json, os

def pytest_runtest_logreport(report):
    if report.when == "call" or report.outcome != "passed":
        with open(os.environ["OUTCOMES_FILE"], "a") as f:
            f.write(json.dumps({"id": report.nodeid, "when": report.when,
                                "outcome": report.outcome,
                                "text": report.longreprtext}) + "\\n")

def pytest_collectreport(report):
    if report.outcome != "passed":
        with open(os.environ["OUTCOMES_FILE"], "a") as f:
            f.write(json.dumps({"id": report.nodeid, "when": "collect",
                                "outcome": "error", "text": report.longreprtext}) + "\\n")
"""

SNIPPET = '''\
"""A snippet file, as under snippets/."""

# --8<-- [start:answer]
ANSWER = 42
print("the answer is", ANSWER)
# --8<-- [end:answer]


class Thing:
    def method(self):
        # --8<-- [start:indented]
        total = sum(range(5))
        assert total == 10
        # --8<-- [end:indented]
        return total
'''

PAGES = {
    # An include is expanded before running: raw, the block would be a SyntaxError.
    # Block 2 comes after a 1-line include that expands to 2 lines: its id keeps its own line.
    "include.md": """\
        # Includes

        ```python
        --8<-- "snippets/demo.py:answer"
        ```

        <!--pytest-codeblocks:expected-output-->
        ```text
        the answer is 42
        ```

        ```python
        --8<-- "snippets/demo.py:indented"
        ```

        ```python
        from pathlib import Path
        import os
        assert Path.cwd().resolve() == Path(os environ_marker).resolve()
        ```
        """,
    # Every way of writing a Python fence is run.
    "fences.md": """\
        # Fences

        ```py
        assert 1 + 1 == 2
        ```

        ```python title="example.py"
        assert "titled" == "titled"
        ```

        ```py hl_lines="2"
        x = 1
        assert x == 1
        ```

        ``` { .python .annotate }
        assert True
        ```

        ```python3
        assert __name__ == "__main__"
        ```

        ```python title="fails.py"
        raise ValueError("titled block ran")
        ```

        ```bash
        exit 1
        ```

        ```text
        not code
        ```
        """,
    "chain.md": """\
        # Chaining

        ```python
        value = 10
        ```

        <!--pytest-codeblocks:cont-->
        ```python
        assert value == 10
        ```

        ```python
        print(value)
        ```

        ```python
        import matplotlib.pyplot as plt
        import os
        assert os.environ["MPLBACKEND"] == "Agg"
        plt.plot([1, 2])
        plt.show()
        ```

        <!--pytest-codeblocks:expected-output-->
        ```text
        something else
        ```
        """,
    "skips.md": """\
        # Skips

        <!--pytest.mark.skip(reason="needs a display")-->
        ```python
        raise SystemExit("must not run")
        ```

        <!--pytest.mark.skip-->
        ```python
        raise SystemExit("must not run either")
        ```
        """,
    "labels.md": """\
        # Labels

        ```yaml
        key: value
        ```

        ~~~python
        assert False
        ~~~

        ```
        no language
        ```
        """,
    "missing.md": """\
        # Missing include

        ```python
        --8<-- "snippets/nope.py"
        ```
        """,
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A tiny project using the plugin; pages in docs/, a snippet in snippets/."""
    root = tmp_path_factory.mktemp("project")
    (root / "conftest.py").write_text('pytest_plugins = ["nnlib.tools.site.pytest_plugin"]\n')
    (root / "mkdocs.yml").write_text(MKDOCS_YML)
    (root / "pyproject.toml").write_text(PYPROJECT)
    (root / "recorder.py").write_text(RECORDER)
    (root / "snippets").mkdir()
    (root / "snippets" / "demo.py").write_text(SNIPPET)
    (root / "docs").mkdir()
    for name, text in PAGES.items():
        text = textwrap.dedent(text).replace("os environ_marker", f"{str(root)!r}")
        (root / "docs" / name).write_text(text)
    return root


def run_pytest(root: Path, *args: str) -> dict[str, dict]:
    """Run pytest in ``root``; return {test id: {"outcome", "text"}} (worst phase wins)."""
    outcomes_file = root / f"outcomes-{abs(hash(args))}.jsonl"
    outcomes_file.unlink(missing_ok=True)
    env = dict(os.environ, OUTCOMES_FILE=str(outcomes_file), PYTHONPATH=str(root))
    env.pop("MPLBACKEND", None)  # the plugin must set it itself
    subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "recorder", "-p", "no:cacheprovider",
         "--continue-on-collection-errors", "-q", *args],
        cwd=root, env=env, capture_output=True, text=True, timeout=120,
    )
    results: dict[str, dict] = {}
    for line in outcomes_file.read_text().splitlines():
        record = json.loads(line)
        previous = results.get(record["id"])
        if previous is None or previous["outcome"] == "passed":
            results[record["id"]] = record
    return results


@pytest.fixture(scope="module")
def outcomes(project):
    return run_pytest(project)


def outcome(outcomes, test_id):
    assert test_id in outcomes, f"{test_id} not collected; collected: {sorted(outcomes)}"
    return outcomes[test_id]["outcome"]


def test_include_is_expanded_before_running(outcomes):
    # passes only if the block ran the snippet's code and printed the expected line
    assert outcome(outcomes, "docs/include.md::line 3") == "passed"


def test_section_from_inside_a_method_is_dedented(outcomes):
    assert outcome(outcomes, "docs/include.md::line 12") == "passed"


def test_blocks_run_in_repository_root(outcomes):
    assert outcome(outcomes, "docs/include.md::line 16") == "passed"


def test_every_python_fence_spelling_runs(outcomes):
    for line in (3, 7, 11, 16, 20):
        assert outcome(outcomes, f"docs/fences.md::line {line}") == "passed", line


def test_a_titled_block_that_raises_fails_with_its_error(outcomes):
    record = outcomes["docs/fences.md::line 24"]
    assert record["outcome"] == "failed"
    assert "ValueError: titled block ran" in record["text"]
    assert "fences.md, code block at line 24" in record["text"]
    assert record["text"].startswith("ValueError: titled block ran")  # the summary line


def test_shell_and_text_fences_are_not_run(outcomes):
    assert not any(i.startswith("docs/fences.md::line 28") for i in outcomes)
    assert not any(i.startswith("docs/fences.md::line 32") for i in outcomes)


def test_blocks_chain_only_when_marked(outcomes):
    assert outcome(outcomes, "docs/chain.md::line 3") == "passed"  # 3 + its continuation
    assert "docs/chain.md::line 8" not in outcomes  # merged into line 3
    record = outcomes["docs/chain.md::line 12"]
    assert record["outcome"] == "failed" and "NameError" in record["text"]


def test_matplotlib_runs_headless_without_warnings(outcomes):
    # MPLBACKEND=Agg from the plugin; plt.show() must not trip filterwarnings=error
    record = outcomes["docs/chain.md::line 16"]
    assert record["outcome"] == "failed"  # only because its printed output differs:
    assert "output differs" in record["text"] and "something else" in record["text"]
    assert "Warning" not in record["text"]


def test_skip_marks_skip(outcomes):
    assert outcome(outcomes, "docs/skips.md::line 4") == "skipped"
    assert outcome(outcomes, "docs/skips.md::line 9") == "skipped"


def test_unlabelled_or_foreign_fences_fail_the_page(outcomes):
    record = outcomes["docs/labels.md::fence labels"]
    assert record["outcome"] == "failed"
    for expected in ("line 3: fence labelled 'yaml'", "line 7: fence opened with '~~~'",
                     "line 11: fence labelled '(no language)'"):
        assert expected in record["text"]
    assert "line 9" not in record["text"]  # the ~~~ that closes is not reported again


def test_a_missing_include_is_a_collection_error(outcomes):
    record = outcomes["docs/missing.md"]
    assert record["outcome"] == "error" and "nope.py" in record["text"]


def test_codeblocks_option_collects_each_block_once(project, outcomes):
    with_option = run_pytest(project, "--codeblocks", "docs/")
    assert sorted(with_option) == sorted(outcomes)
    assert {i: r["outcome"] for i, r in with_option.items()} == {
        i: r["outcome"] for i, r in outcomes.items()
    }


def test_skip_counter(project):
    page = site_pages.read_page(project / "docs" / "skips.md", project / "mkdocs.yml")
    assert skipped_blocks(page) == [(4, "skip", "needs a display"), (9, "skip", "")]
    assert skip_budget_problems([page], max_skipped=3) == ["skips.md:9: skip without a reason"]
    assert skip_budget_problems([page], max_skipped=1) == [
        "skips.md:9: skip without a reason",
        "2 skipped blocks, at most 1 allowed",
    ]


# --------------------------------------------------------------------------------------
# The real site
# --------------------------------------------------------------------------------------


def test_snippet_settings_come_from_mkdocs_yml_relative_to_it():
    settings = site_pages.mkdocs_config().mdx_configs["pymdownx.snippets"]
    assert settings["check_paths"] is True
    assert Path(os.fspath(settings["base_path"])).resolve() == ROOT


def test_real_pages_skip_few_blocks_and_say_why():
    docs = site_pages.docs_dir()
    pages = [site_pages.read_page(p) for p in sorted(docs.rglob("*.md")) if site_pages.is_docs_page(p)]
    assert skip_budget_problems(pages, MAX_SKIPPED) == []
