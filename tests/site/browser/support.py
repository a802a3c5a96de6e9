"""What the browser tests share: the list of pages, a page opener that watches for trouble,
and the in-page checks (JavaScript run in the page by Playwright)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nnlib.tools.site.pages import ROOT, read_page

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


# --------------------------------------------------------------------------------------
# The pages
# --------------------------------------------------------------------------------------


def html_path(source: str) -> str:
    """Where a page is in the built site: 'part2/sigmoid.md' -> 'part2/sigmoid.html'."""
    return Path(source).with_suffix(".html").as_posix()


def is_notebook(source: str) -> bool:
    return source.endswith((".py", ".ipynb"))


def screenshot_path(kind: str, source: str) -> Path:
    """test-artifacts/screenshots/<kind>/<page>.png, e.g. phone/part2-sigmoid.png."""
    name = Path(source).with_suffix("").as_posix().replace("/", "-")
    return SCREENSHOTS / kind / f"{name}.png"


def code_run_by_tests(source: str) -> list[str]:
    """The Python blocks of a Markdown page, expanded exactly as the page's tests run them."""
    page = read_page(ROOT / "docs" / source)
    return [block.code for block in page.blocks]


# --------------------------------------------------------------------------------------
# Opening a page and watching what goes wrong
# --------------------------------------------------------------------------------------


@dataclass
class Watch:
    """What went wrong while a page was open: console errors, failed and outside requests."""

    local: str  # URL prefix of the site: http://127.0.0.1:<port>/ or file:///.../site/
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def short(self, url: str) -> str:
        return url[len(self.local) :] if url.startswith(self.local) else url

    def _console(self, message) -> None:
        if message.type == "error":
            where = (message.location or {}).get("url", "")
            text = f"{message.text} (at {self.short(where)})" if where else message.text
            self.console_errors.append(text)

    def _failed(self, request) -> None:
        # Outside requests are reported on their own; a request cancelled because the page
        # went on to another (net::ERR_ABORTED) is not the site's failure.
        if self.is_local(request.url) and request.failure != "net::ERR_ABORTED":
            self.failed_requests.append(f"{self.short(request.url)}: {request.failure}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed_requests.append(f"{self.short(response.url)}: HTTP {response.status}")

    def is_local(self, url: str) -> bool:
        return url.startswith((self.local, "data:", "blob:", "about:"))

    def route(self, route) -> None:
        """Let requests for the site through; block and record any other."""
        if self.is_local(route.request.url):
            route.continue_()
        else:
            self.outside_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def reset(self) -> None:
        """Forget what was seen so far (before opening the next page in the same tab)."""
        self.console_errors.clear()
        self.failed_requests.clear()
        self.outside_requests.clear()

    def problems(self) -> list[str]:
        return (
            [f"console: {e}" for e in self.console_errors]
            + [f"failed request: {r}" for r in self.failed_requests]
            + [f"request to another host: {r}" for r in self.outside_requests]
        )


def new_context(browser, local: str, viewport=DESKTOP, **options):
    """A fresh browser context: light colours preferred, clipboard allowed, no service worker.

    Every request that no page of it routes itself (``open_page`` does) and that does not
    start with ``local`` is blocked.
    """
    context = browser.new_context(
        viewport=viewport,
        color_scheme="light",
        reduced_motion="reduce",
        service_workers="block",
        **options,
    )
    if local.startswith("http"):
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=local.rstrip("/"))
    context.route(lambda url: True, Watch(local).route)
    return context


def open_page(context, local: str):
    """A new page (tab) in ``context``, and the ``Watch`` attached to it.

    Every request of the page that does not start with ``local`` is blocked and recorded.
    Close it with ``page.close()``.
    """
    watch = Watch(local)
    page = context.new_page()
    page.route(lambda url: True, watch.route)
    watch.attach(page)
    return page, watch


def visit_page(context, local: str, source: str, look):
    """Open the page ``source`` in a new tab of ``context``, let ``look(page)`` look at it.

    Returns the HTTP status, what ``look`` returned, and the page's ``Watch``; the tab is
    closed afterwards.
    """
    page, watch = open_page(context, local)
    try:
        response = page.goto(local + html_path(source), wait_until="load")
        return (response.status if response else None), look(page), watch
    finally:
        page.close()


def new_page(browser, local: str, viewport=DESKTOP, **options):
    """A page in a browser context of its own (see ``new_context``), and its ``Watch``.

    Close both with ``page.context.close()``.
    """
    return open_page(new_context(browser, local, viewport, **options), local)


# --------------------------------------------------------------------------------------
# In-page checks
# --------------------------------------------------------------------------------------

# Every <img>: loaded eagerly, decoded, with its natural width and alt text.
IMAGES_JS = """
async () => {
  const found = [];
  for (const img of Array.from(document.images)) {
    img.loading = "eager";
    let error = null;
    try { await img.decode(); } catch (e) { error = String(e); }
    found.push({
      src: (img.getAttribute("src") || "").slice(0, 100),
      naturalWidth: img.naturalWidth,
      alt: img.getAttribute("alt"),
      inContent: !!img.closest(".md-content"),
      error,
    });
  }
  return found;
}
"""

# Maths left as LaTeX: text outside code that still reads $...$, $$...$$, \\( or \\[ ;
# arithmatex markup without MathML in it; MathML still holding a \\command; MathML that
# takes no room on screen although it is visible; an underbrace shown as its tiny glyph, or
# without the bracket extra.css draws under the term.
MATHS_JS = r"""
() => {
  const root = document.querySelector("article") || document.body;
  const text = root.cloneNode(true);
  const skip = "pre, code, math, script, style, textarea, .highlight";
  text.querySelectorAll(skip).forEach(e => e.remove());
  const prose = text.textContent;
  const raw = [];
  const patterns = [
    /\$\$[\s\S]+?\$\$/g,
    /(?:^|[^\\$\w])\$(?!\s)[^$\n]*?[^\s\\$]\$(?![\w$])/g,
    /\\[(\[][\s\S]{0,60}/g,
  ];
  for (const pattern of patterns) {
    for (const match of prose.matchAll(pattern)) raw.push(match[0].trim().slice(0, 80));
  }
  const maths = Array.from(document.querySelectorAll("math"));
  return {
    count: maths.length,
    raw,
    unconverted: Array.from(root.querySelectorAll(".arithmatex"))
      .filter(e => !e.querySelector("math")).map(e => e.textContent.trim().slice(0, 80)),
    commands: maths.filter(m => /\\[A-Za-z]+/.test(m.textContent))
      .map(m => m.textContent.trim().slice(0, 80)),
    empty: maths.filter(m => m.checkVisibility() && m.getBoundingClientRect().width === 0)
      .map(m => m.textContent.trim().slice(0, 80)),
    braceGlyphs: maths.filter(m => m.textContent.includes("\u23DF"))
      .map(m => m.textContent.trim().slice(0, 80)),
    undrawnBraces: Array.from(document.querySelectorAll("math .underbrace"))
      .filter(e => e.checkVisibility())
      .filter(e => !getComputedStyle(e).backgroundImage.includes("linear-gradient")
                   || parseFloat(getComputedStyle(e).paddingBottom) <= 0
                   || e.getBoundingClientRect().width < 5)
      .map(e => e.textContent.trim().slice(0, 80)),
  };
}
"""

# The code blocks of a page: Material's (div.highlight) and notebook cells (div.highlight-ipynb).
CODE_BLOCKS = ".md-content div.highlight, .md-content div.highlight-ipynb"
COPY_BUTTON = "button[data-md-type=copy], button.md-clipboard"

# Each code block: its language (from its class), the text it shows, whether it has a copy button.
CODE_BLOCKS_JS = """
([selector, button]) => Array.from(document.querySelectorAll(selector)).map(block => {
  const language = Array.from(block.classList).find(c => /^(language|hl)-/.test(c));
  const pre = block.querySelector("pre");
  const code = pre && (pre.querySelector(":scope > code") || pre);
  return {
    language: language ? language.replace(/^(language|hl)-/, "") : "",
    text: code ? code.textContent : "",
    hasCopy: !!block.querySelector(button),
  };
})
"""

# Get code block number `index` ready for a click on its copy button, as a reader would see
# it: open the collapsed <details> around it (exercise solutions), select the content tab it
# is in, scroll it to the middle of the window. Put a marker on the clipboard. Return where
# the button is, and what a click there would hit (the button, or something covering it).
PREPARE_COPY_JS = """
async ([selector, buttonSelector, index, marker]) => {
  const block = document.querySelectorAll(selector)[index];
  for (let node = block; node; node = node.parentElement) {
    if (node.tagName === "DETAILS") node.open = true;
    if (node.classList && node.classList.contains("tabbed-block")) {
      const position = Array.from(node.parentElement.children).indexOf(node);
      const inputs = node.closest(".tabbed-set").querySelectorAll(":scope > input");
      if (inputs[position]) inputs[position].checked = true;
    }
  }
  const button = block.querySelector(buttonSelector);
  button.scrollIntoView({block: "center"});
  const box = button.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  const classes = (e) => String(e.className || "").split(" ").map((c) => c && "." + c).join("");
  await navigator.clipboard.writeText(marker);
  return {
    x, y,
    reachable: !!hit && (hit === button || button.contains(hit)),
    hit: hit ? hit.tagName.toLowerCase() + classes(hit) : "nothing",
  };
}
"""
