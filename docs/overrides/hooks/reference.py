"""MkDocs hook: a note on each page that builds pieces of nnlib, linking them to the Reference.

See nnlib/tools/site/reference.py.
"""

from nnlib.tools.site.reference import on_page_markdown  # noqa: F401
