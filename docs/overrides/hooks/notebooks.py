"""MkDocs hook: the notebook page's .ipynb download, cache and requests.

See nnlib/tools/site/notebooks.py.
"""

from nnlib.tools.site.notebooks import (  # noqa: F401
    on_config,
    on_files,
    on_page_content,
    on_page_context,
    on_post_build,
)
