"""The repository's pytest setup: the pages' code blocks run as tests (see the plugin).

``nnlib/tools/site/pytest_plugin.py`` collects every page under ``docs/`` and runs its
Python blocks exactly as the site shows them, with the ``--8<--`` includes expanded.
"""

pytest_plugins = ["nnlib.tools.site.pytest_plugin"]

# --doctest-modules imports every .py file under the test paths: the notebook
# (docs/walkthrough.py) would train a network, and the figure scripts and MkDocs hooks
# are run by the build and tested in tests/site.
collect_ignore_glob = ["docs/*.py", "docs/*/*.py", "docs/*/*/*.py"]
