"""Reliability runs: short in CI; ``BAOCAO_RELIABILITY=full`` for the long run (1,000 kills)."""
import os

from tests.reliability.operator import copy, issued  # noqa: F401 - fixtures of an issued report

FULL = os.environ.get("BAOCAO_RELIABILITY") == "full"


def scale(short: int, full: int) -> int:
    return full if FULL else short
