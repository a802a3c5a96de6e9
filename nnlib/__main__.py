"""``python -m nnlib``: see :mod:`nnlib.tools.cli`."""

import sys

from nnlib.tools.cli import main

sys.exit(main())
