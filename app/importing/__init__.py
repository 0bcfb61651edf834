"""Bringing an office's past reports in from other formats (a Word report first)."""
