"""``python -m sphinx_awards``: the ``sphinx-awards`` command (``cli/main.py``)."""

import sys

from .cli.main import main

if __name__ == "__main__":
    sys.exit(main())
