"""MkDocs hook: numbers in the prose written from the build's runs (``{{ guide.accuracy.last }}``).

See nnlib/tools/site/numbers.py.
"""

from nnlib.tools.site.numbers import on_page_markdown  # noqa: F401
