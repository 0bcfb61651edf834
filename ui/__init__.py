"""The Qt window (PySide6). Reaches the core only through ``ui.operations``; never SQL."""
