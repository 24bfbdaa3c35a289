"""``python -m rekisterikit``: the command line."""

import sys

from rekisterikit.cli import main

sys.exit(main())
