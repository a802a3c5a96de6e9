"""MkDocs hook: the pages' LaTeX rendered as MathML at build time (nnlib/tools/site/mathml.py)."""

from nnlib.tools.site.mathml import on_page_content  # noqa: F401
