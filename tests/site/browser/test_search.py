"""Search, as a reader uses it: type a word in the header's search box, get the right chapter."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .support import new_page

# word -> the chapter that teaches it (path in the built site)
QUERIES = {
    "sigmoid": "part2/sigmoid.html",
    "backpropagation": "part3/step6-backpropagation.html",
    "broadcasting": "part1/numpy.html",
}
TOP = 3  # the chapter must be among the first pages listed


def search(page, word: str) -> list[str]:
    """Type ``word`` into the search box; return the links listed, best first.

    Material lists each page once, with one or more links (the page, its best sections).
    """
    page.locator(".md-search__input").click()
    page.keyboard.type(word)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
    )


def site_path(href: str, base: str) -> str:
    """'http://127.0.0.1:8000/part2/sigmoid.html?h=sigmoid#x' -> 'part2/sigmoid.html'."""
    assert href.startswith(base), f"search result outside the site: {href}"
    return urlsplit(href[len(base) :]).path


@pytest.mark.parametrize("word", QUERIES)
def test_search_finds_the_chapter(browser, server, word):
    page, watch = new_page(browser, server)
    try:
        page.goto(server + "index.html")
        results = [site_path(href, server) for href in search(page, word)]
        pages = list(dict.fromkeys(results))  # each page once, best first
        assert QUERIES[word] in pages[:TOP], f"{word!r}: first pages found are {pages[:TOP]}"

        # Every result opens a page; following the chapter's result shows it, with the word.
        for path in set(results):
            assert page.request.get(server + path).status == 200, path
        page.locator(".md-search-result__item > a.md-search-result__link").nth(
            results.index(QUERIES[word])
        ).click()
        page.wait_for_url(f"{server}{QUERIES[word]}*")
        assert word in page.locator("article").inner_text().lower()
        assert watch.problems() == []
    finally:
        page.context.close()
