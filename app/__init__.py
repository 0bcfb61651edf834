"""The core of the quarterly report desk: domain, storage, templates, validation, CLI.

Nothing under ``app/`` imports Qt; the window (``ui/``) builds on these public functions.
"""

__version__ = "0.1.0"
