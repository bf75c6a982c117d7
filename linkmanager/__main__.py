"""`python -m linkmanager` is the `linkmanager` command."""

import sys

from linkmanager.cli import main

sys.exit(main())
