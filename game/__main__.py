import sys

from game.cli import main

try:
    sys.exit(main())
except KeyboardInterrupt:  # an interrupt that lands after main's own handler let go: still exit 130
    sys.exit(130)
