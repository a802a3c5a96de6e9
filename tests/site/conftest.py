"""The built site, shared by every test of it: one strict build per test session.

``mkdocs build --strict`` runs once, into a temporary folder (a warm build only copies the
cached figures, see nnlib/tools/site/figures.py); the build tests read its HTML and its
log, the browser tests serve it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from nnlib.tools.site.pages import ROOT

MKDOCS_PROBLEM = re.compile(r"^(WARNING|ERROR)\s+-", re.MULTILINE)


@dataclass(frozen=True)
class Build:
    site: Path
    log: str


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    """The site, built once per session with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site)],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=900,
    )
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        problems = "\n".join(line for line in log.splitlines() if MKDOCS_PROBLEM.match(line))
        pytest.fail(f"mkdocs build --strict failed:\n{problems}\n--- log ---\n{log[-4000:]}",
                    pytrace=False)
    return Build(site, log)


@pytest.fixture(scope="session")
def site_dir(build) -> Path:
    """The built site's folder."""
    return build.site
