"""The window's controllers, one per menu or work area; each is given a ``WindowContext``, not the window."""
