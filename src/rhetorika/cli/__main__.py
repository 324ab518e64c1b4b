"""``python -m rhetorika.cli``: the same as the ``rhetorika`` command."""

import sys

from rhetorika.cli import main

sys.exit(main())
