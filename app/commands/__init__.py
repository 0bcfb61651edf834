"""Headless commands (python main.py COMMAND)."""
