"""Ctrl+C and SIGTERM stop any command the same way: a KeyboardInterrupt, exit 130, atomic writes undone.

Python may drop the KeyboardInterrupt a handler raises: one that lands in a callback (an import lock's
weakref callback, a finalizer) is printed as "Exception ignored" and the run goes on; one that lands while
a class is being built comes out as a RuntimeError. So the handler records each signal, and until the
command has caught the interrupt (`caught()`), raises it again every RERAISE_S seconds. A stopped
command leaves through `exit_stopped()`.
"""
from __future__ import annotations

import logging
import os
import signal
import sys
from typing import Any, NoReturn

log = logging.getLogger(__name__)

RERAISE_S = 0.2
_signals: list[int] = []  # the stopping signals received


def stop_on_signals() -> None:
    """Install the handler for SIGTERM (and Ctrl+C, where Python's own handler has it).

    SDL's own handlers are turned off: they turn both signals into a window-close event, which a
    headless run never reads (autoplay --all ran on to the credits after a SIGTERM)."""
    os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"
    signal.signal(signal.SIGTERM, _interrupt)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupt)


def _interrupt(signum: int, frame: Any) -> None:
    if signum != getattr(signal, "SIGALRM", None):
        _signals.append(signum)
    if hasattr(signal, "setitimer"):  # not on Windows: there Python's own Ctrl+C handling stands
        signal.signal(signal.SIGALRM, _interrupt)
        signal.setitimer(signal.ITIMER_REAL, RERAISE_S)
    raise KeyboardInterrupt


def interrupted() -> bool:
    """Whether Ctrl+C or SIGTERM has arrived."""
    return bool(_signals)


def caught() -> None:
    """The command caught the interrupt and is stopping: no more raising it again."""
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, 0)


def exit_stopped() -> NoReturn:
    """Exit 130 now, output flushed. Not through sys.exit: CPython remembers a KeyboardInterrupt that passed
    through C code that ran Python (even one the command then caught) and at exit kills itself with SIGINT
    instead (the tests saw -2 where 130 was due)."""
    caught()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(130)
