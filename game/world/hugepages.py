"""Large fresh surfaces backed by the kernel's 2 MB pages where Linux offers them (transparent huge pages).

A view blitted from a big chunk reads each of its rows from another 4 KB page of the chunk: at 320x180 on
bus_chase's whole-map chunk (2209 px a row) that is 180 pages a frame and, at a random camera, as many TLB
misses (measured: a random 320x180 view 43.5 -> 35.7 us with the chunk on 2 MB pages). `advise` asks for
2 MB pages on the whole 2 MB pages inside a surface's pixels and drops the 4 KB pages already there: the
surface must be fresh (all zero, as pygame makes it), since dropped pages read back as zero. Where the
kernel has no such pages, or this is not Linux, it does nothing.
"""
from __future__ import annotations

import ctypes
import logging
import sys

import pygame

log = logging.getLogger(__name__)

HUGE = 2 << 20  # bytes in a huge page
MADV_DONTNEED = 4
MADV_HUGEPAGE = 14
_madvise = None
if sys.platform.startswith("linux"):
    try:
        _madvise = ctypes.CDLL(None, use_errno=True).madvise
        _madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        _madvise.restype = ctypes.c_int
    except (OSError, AttributeError):  # no libc symbol: leave the pages as they are
        _madvise = None


def advise(surface: pygame.Surface) -> int:
    """Back the whole 2 MB pages inside fresh `surface`'s pixels by huge pages; returns the bytes advised
    (0 where nothing was: too small, not Linux, or the kernel said no)."""
    if _madvise is None:
        return 0
    start = surface._pixels_address
    end = start + surface.get_pitch() * surface.get_height()
    first, last = -(-start // HUGE) * HUGE, end // HUGE * HUGE
    if last <= first:
        return 0
    if _madvise(first, last - first, MADV_HUGEPAGE) != 0 or _madvise(first, last - first, MADV_DONTNEED) != 0:
        return 0
    return last - first
