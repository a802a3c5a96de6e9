"""How the site is built and its pages tested.

- :mod:`.pages`: a page read as the build reads it (includes expanded, code blocks found);
- :mod:`.pytest_plugin`: the pages' code blocks run as tests;
- :mod:`.includes`: every included code block titled with its file; broken includes named;
- :mod:`.figures` and :mod:`.figure_runner`: figures drawn at build time, cached;
- :mod:`.mathml`: the pages' LaTeX as MathML;
- :mod:`.notebooks`: the notebook page's download, cache and requests.

The MkDocs hooks in ``docs/overrides/hooks/`` import their events from here.
"""
