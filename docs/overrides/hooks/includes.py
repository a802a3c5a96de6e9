"""MkDocs hook: included code titled with its file; broken includes named.

See nnlib/tools/site/includes.py.
"""

from nnlib.tools.site.includes import on_page_markdown  # noqa: F401
