"""MkDocs hook: SVG figures inlined, so that they take the page's palette.

See nnlib/tools/site/diagrams.py.
"""

from nnlib.tools.site.diagrams import on_page_content  # noqa: F401
