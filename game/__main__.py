import sys

from game.cli import interrupted, main

try:
    sys.exit(main())
except KeyboardInterrupt:  # an interrupt that lands after main's own handler let go: still exit 130
    sys.exit(130)
except Exception:
    if interrupted():
        sys.exit(130)
    raise
