"""ToolError: what the shipping and designer commands (new-level, dist, web) raise for one line and exit 1."""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)


class ToolError(Exception):
    """A missing tool or file, a bad name, a failed build: the CLI prints it as one `error:` line."""
