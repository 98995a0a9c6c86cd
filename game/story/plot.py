"""The seed's sections and sentences, with their character offsets in the seed text.

The plot section of `seeds/red_heat.txt` is the source of the story; the filming section supplies the
one beat that the plot leaves out (the opening bathhouse brawl). Offsets are into the whole seed text,
so every beat can be traced back to the exact characters it quotes.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# A sentence runs to its end mark (optionally followed by a closing quote) before whitespace or the end.
_SENTENCE = re.compile(r'\S.*?[.!?]["\u201d]?(?=\s|$)', re.DOTALL)
_HEADING = re.compile(r"^(=+)\s*(.+?)\s*\1\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the seed text
    end: int
    section: str

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def seed_path() -> Path:
    from game.paths import SEEDS

    return SEEDS / "red_heat.txt"


def read_seed(path: Path | None = None) -> str:
    return (path or seed_path()).read_text(encoding="utf-8")


def section_span(text: str, name: str) -> tuple[int, int]:
    """(start, end) offsets of the body of the section headed `== name ==` (any level).

    The body ends at the next heading of the same or a higher level; a subsection's body ends at the
    next heading of any level at or above its own.
    """
    headings = list(_HEADING.finditer(text))
    for i, match in enumerate(headings):
        if match.group(2).strip().lower() == name.lower():
            level = len(match.group(1))
            end = len(text)
            for later in headings[i + 1:]:
                if len(later.group(1)) <= level:
                    end = later.start()
                    break
            return match.end(), end
    raise KeyError(f"seed has no section named {name!r}")


def sentences(text: str, section: str) -> list[Sentence]:
    """The sentences of one section, in order, with their offsets in `text`."""
    start, end = section_span(text, section)
    body = text[start:end]
    out = []
    for match in _SENTENCE.finditer(body):
        # A subsection heading inside the body is not a sentence (e.g. '=== filming ===').
        if match.group(0).lstrip().startswith("="):
            continue
        out.append(Sentence(match.group(0), start + match.start(), start + match.end(), section))
    return out


def plot_sentences(text: str | None = None) -> list[Sentence]:
    return sentences(read_seed() if text is None else text, "plot")
