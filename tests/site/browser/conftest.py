"""Fixtures for the browser tests: a local server for the built site, and headless Chromium.

The site is the session's one strict build (``site_dir``, from ``tests/site/conftest.py``),
served by a static file server on 127.0.0.1. Chromium is Debian's (``/usr/bin/chromium``, or ``$NNLIB_CHROMIUM``), driven by
Playwright for Python; no browser is downloaded. Every browser context blocks and records any
request to another host (``support.new_page``), so a test sees when a page would reach out.

Where Chromium or Playwright is missing the browser tests skip and say why, except under CI
(``CI`` set), where that is a failure: CI must install them.

Screenshots go to ``test-artifacts/screenshots/{desktop,phone,file}/<page>.png`` (ignored by
git) for a person to look at.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .support import ROOT, SCREENSHOTS

CHROMIUM = Path(os.environ.get("NNLIB_CHROMIUM", "/usr/bin/chromium"))
# Headless as root on these machines, and no traffic of Chromium's own (updates, sync, ...).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site's files without logging every request to stderr."""

    def log_message(self, format, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    """A browser that closes a page while a file is still coming is not an error."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server(site_dir):
    """Base URL (ending in /) of a static file server for the built site on 127.0.0.1."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The screenshot folder, emptied once per session so that no old picture stays."""
    for kind in ("desktop", "phone", "file"):
        shutil.rmtree(SCREENSHOTS / kind, ignore_errors=True)
        (SCREENSHOTS / kind).mkdir(parents=True)
    return SCREENSHOTS


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install it)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, launched once per session."""
    if not CHROMIUM.exists():
        _missing(f"no Chromium at {CHROMIUM}: `apt-get install chromium` to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is missing: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
