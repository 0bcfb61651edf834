"""Errors an operator can act on. Their messages are shown as they are, in Vietnamese."""


class UserError(Exception):
    """A problem the operator caused or can fix; the message says what to do."""


class InputError(UserError):
    """Typed or pasted input that cannot be taken (malformed, ambiguous, out of range)."""


class NotFoundError(UserError):
    """An office, period, report, template or indicator that does not exist."""


class DatabaseError(UserError):
    """The database file cannot be used (newer schema, corrupt, locked, not ours)."""
