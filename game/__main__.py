import sys

from game import interrupts
from game.cli import main

try:
    code = main()
except KeyboardInterrupt:  # an interrupt that lands after main's own handler let go: still exit 130
    code = 130
except Exception:
    if not interrupts.interrupted():
        raise
    code = 130
if interrupts.interrupted():
    interrupts.exit_stopped()
sys.exit(code)
