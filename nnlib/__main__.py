"""``python -m nnlib``: see :mod:`nnlib.cli`."""

import sys

from nnlib.cli import main

sys.exit(main())
