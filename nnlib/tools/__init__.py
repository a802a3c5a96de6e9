"""The machinery around the teaching code: nothing here is a step of this guide.

- :mod:`nnlib.tools.cli`: the command line, ``python -m nnlib``;
- :mod:`nnlib.tools.bench` and :mod:`nnlib.tools.bench_worker`: ``python -m nnlib bench``,
  nnlib timed against PyTorch;
- :mod:`nnlib.tools.checks`: the checks on arrays a user hands to nnlib, and their messages;
- :mod:`nnlib.tools.weights`: saving trained weights to ``.npz`` and loading them back;
- :mod:`nnlib.tools.drawing`: a drawing turned into an MNIST digit (the "Draw a digit" page);
- :mod:`nnlib.tools.site`: how the site is built and its pages tested (MkDocs hooks, figures,
  the pytest plugin that runs the pages' code blocks).
"""
