"""``python -m nnlib``: see `nnlib.tools.cli`."""

import sys

from nnlib.tools.cli import main

if __name__ == "__main__":  # importing this module (doctest collection does) runs nothing
    sys.exit(main())
