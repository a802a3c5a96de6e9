"""Every page of the navigation, audited with axe-core in the light and in the dark palette.

axe-core (from npm, pinned below) is injected into each page of the session's strict build
and run with the WCAG 2.0, 2.1 and 2.2 A and AA rules. A serious or critical violation fails
the page's test, unless it is on ``THEME`` (from the theme itself, not fixable by the site's
CSS) or on ``ELSEWHERE`` (the project's, but in a file this test's CSS cannot reach, told to
its owner); each entry says why, and an entry that no longer matches anything fails too, so
that the lists only shrink. Moderate and minor findings are written down, not failed:
test-artifacts/accessibility.json lists every violation found, for a person to read.

One tab goes through the pages in turn: each page is audited in the palette it opens in,
then the header's toggle switches the palette (as a reader would, see test_palette.py) and it
is audited again; the next page opens in that palette, remembered by the site.

axe-core is installed once into .cache/npm (ignored by git) with npm; without npm the audit
skips and says how to install it, as the browser tests do without Chromium (under CI, set by
.ci/run, both fail).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field

import pytest

from nnlib.tools.site.pages import nav_pages

from .support import ROOT, html_path, new_context, open_page

AXE_VERSION = "4.14.1"
NPM_PREFIX = ROOT / ".cache" / "npm"
AXE_PACKAGE = NPM_PREFIX / "node_modules" / "axe-core"
REPORT = ROOT / "test-artifacts" / "accessibility.json"

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING = {"serious", "critical"}
PALETTES = {"default": "light", "slate": "dark"}


@dataclass(frozen=True)
class Allowed:
    """A violation let through: axe's rule, a pattern of its CSS selector, the page(s), why."""

    rule: str
    target: str  # regular expression, searched in axe's selector of the node
    reason: str
    page: str = ".*"  # regular expression, matched against the page's source path

    def matches(self, source: str, violation: dict) -> bool:
        return (
            violation["rule"] == self.rule
            and re.fullmatch(self.page, source) is not None
            and re.search(self.target, violation["target"]) is not None
        )


# Violations that come from Material for MkDocs or mkdocs-jupyter themselves and that no CSS
# of the site can fix. None today: keep it short, and say for each why CSS cannot fix it.
THEME: tuple[Allowed, ...] = ()

# Violations from the project's own files that this test's stylesheet (extra.css) cannot fix,
# each reported to the owner of the file named. Remove an entry with the fix.
ELSEWHERE: tuple[Allowed, ...] = ()

SCHEME_JS = "document.body.getAttribute('data-md-color-scheme')"

# Wait until no CSS transition or animation is running (the palette's colours fade in).
SETTLED_JS = "() => document.getAnimations().every(a => a.playState !== 'running')"

# axe's verdict on the whole document, violations only (its other result types cost time).
# preload: false, no fetching of the stylesheets again for the one rule that reads them
# (css-orientation-lock: the site locks no orientation).
RUN_AXE_JS = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
    preload: false,
  });
  return results.violations.flatMap(rule => rule.nodes.map(node => ({
    rule: rule.id,
    impact: node.impact || rule.impact,
    target: node.target.map(String).join(" "),
    html: node.html.slice(0, 160),
    summary: node.failureSummary.replace(/\\s+/g, " ").slice(0, 300),
  })));
}
"""


# --------------------------------------------------------------------------------------
# axe-core from npm
# --------------------------------------------------------------------------------------


def installed_axe_version() -> str | None:
    try:
        return json.loads((AXE_PACKAGE / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return None


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The text of axe.min.js, installed into .cache/npm with npm the first time."""
    if installed_axe_version() != AXE_VERSION:
        npm = shutil.which("npm")
        if npm is None:
            reason = (
                f"npm is missing: the accessibility audit installs axe-core {AXE_VERSION} from "
                f"npm into {NPM_PREFIX.relative_to(ROOT)}/. Install Node.js and npm "
                "(Debian: apt-get install nodejs npm) and run the tests again."
            )
            if os.environ.get("CI"):  # as for Chromium (conftest.py): CI must install it
                pytest.fail(f"{reason} (CI must install it)", pytrace=False)
            pytest.skip(reason)
        command = [npm, "install", "--prefix", str(NPM_PREFIX), "--no-save", "--no-audit",
                   "--no-fund", "--loglevel=error", f"axe-core@{AXE_VERSION}"]
        proc = subprocess.run(command, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0 or installed_axe_version() != AXE_VERSION:
            pytest.fail(f"`{' '.join(command)}` failed:\n{proc.stdout}{proc.stderr}",
                        pytrace=False)
    return (AXE_PACKAGE / "axe.min.js").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------
# The audit: one tab, every page in both palettes, each page once
# --------------------------------------------------------------------------------------


@dataclass
class Auditor:
    page: object  # Playwright page
    local: str  # the site's URL, ending in /
    axe: str  # axe.min.js
    found: dict[str, dict[str, list[dict]]] = field(default_factory=dict)  # page -> palette
    used: set[Allowed] = field(default_factory=set)

    def audit(self, source: str) -> dict[str, list[dict]]:
        """{'light': violations, 'dark': violations} of the page ``source``."""
        if source not in self.found:
            response = self.page.goto(self.local + html_path(source), wait_until="load")
            assert response is not None and response.status == 200, f"{source}: no page"
            result = {}
            for _ in PALETTES:
                self.page.wait_for_function(SETTLED_JS)
                palette = PALETTES[self.page.evaluate(SCHEME_JS)]
                if self.page.evaluate("typeof window.axe") == "undefined":
                    self.page.evaluate(self.axe)
                result[palette] = self.page.evaluate(RUN_AXE_JS, WCAG_TAGS)
                self.toggle_palette()
            assert sorted(result) == sorted(PALETTES.values()), f"{source}: palettes {result}"
            self.found[source] = result
        return self.found[source]

    def toggle_palette(self) -> None:
        """Click the palette button the header shows, wait for the other palette."""
        before = self.page.evaluate(SCHEME_JS)
        self.page.locator("form[data-md-component=palette] label").filter(visible=True).click()
        self.page.wait_for_function(f"{SCHEME_JS} !== {json.dumps(before)}")

    def failures(self, source: str) -> list[str]:
        """The page's serious and critical violations that no allow-list entry matches."""
        problems = []
        for palette, violations in self.audit(source).items():
            for violation in violations:
                if violation["impact"] not in FAILING:
                    continue
                allowed = [a for a in THEME + ELSEWHERE if a.matches(source, violation)]
                self.used.update(allowed)
                if not allowed:
                    problems.append(
                        f"{palette}: {violation['rule']} ({violation['impact']}) at "
                        f"{violation['target']}\n    {violation['html']}\n"
                        f"    {violation['summary']}"
                    )
        return problems

    def write_report(self) -> None:
        counts = Counter(
            (palette, v["rule"], v["impact"])
            for found in self.found.values()
            for palette, violations in found.items()
            for v in violations
        )
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        REPORT.write_text(json.dumps({
            "axe-core": AXE_VERSION,
            "tags": WCAG_TAGS,
            "counts": [
                {"palette": p, "rule": r, "impact": i, "nodes": n}
                for (p, r, i), n in sorted(counts.items())
            ],
            "pages": self.found,
        }, indent=1))


@pytest.fixture(scope="module")
def auditor(browser, server, axe_source):
    context = new_context(browser, server)
    page, _ = open_page(context, server)
    auditor = Auditor(page, server, axe_source)
    yield auditor
    auditor.write_report()
    context.close()


@pytest.mark.parametrize("source", nav_pages())
def test_no_serious_accessibility_violation(auditor, source):
    problems = auditor.failures(source)
    assert problems == [], f"{source}:\n" + "\n".join(problems)


def test_every_allowed_violation_still_occurs(auditor):
    """An entry of THEME or ELSEWHERE that matches nothing any more is removed."""
    for source in nav_pages():
        auditor.failures(source)
    stale = [a for a in THEME + ELSEWHERE if a not in auditor.used]
    assert stale == [], "no longer found, remove from the list:\n" + "\n".join(map(str, stale))
