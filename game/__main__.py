import sys

from game import interrupts
from game.cli import main

try:
    code = main()  # main itself turns an interrupt, or an error it caused, into 130
except KeyboardInterrupt:  # an interrupt that lands after main's own handler let go: still exit 130
    code = 130
if interrupts.interrupted():
    interrupts.exit_stopped()
sys.exit(code)
