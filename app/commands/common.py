"""What every command handler shares: the failure line, and the limits on files handed to commands."""
from __future__ import annotations

import sys

MB = 1024 * 1024
SCAN_LIMIT = 50 * MB  # a scanned, signed paper copy
DUMP_LIMIT = 64 * MB  # report data as JSON
TEMPLATE_LIMIT = 4 * MB  # an indicator catalog
KEY_LIMIT = 64 * 1024  # a public key file


def fail(message: str, code: int = 2) -> int:
    """Print ``Lỗi: message`` to stderr and return the exit code (2: the operator must fix something)."""
    print(f"Lỗi: {message}", file=sys.stderr)
    return code
