"""MkDocs hook: the figures of docs/figures/, drawn at build time and cached.

See nnlib/tools/site/figures.py, and docs/figures/README.md for writing a figure.
"""

from nnlib.tools.site.figures import on_files  # noqa: F401
