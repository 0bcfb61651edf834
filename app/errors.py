"""Errors an operator can act on. Their messages are shown as they are, in Vietnamese."""


class UserError(Exception):
    """A problem the operator caused or can fix; the message says what to do."""


class InputError(UserError):
    """Typed or pasted input that cannot be taken (malformed, ambiguous, out of range)."""


class NotFoundError(UserError):
    """An office, period, report, template or indicator that does not exist."""


class DatabaseError(UserError):
    """The database file cannot be used (newer schema, corrupt, locked, not ours)."""


_OS_ERRORS = {
    "ENOENT": "không có tệp hoặc thư mục này", "EACCES": "không có quyền truy cập", "EPERM": "không được phép",
    "EISDIR": "đây là một thư mục", "ENOTDIR": "không phải thư mục", "ENOSPC": "đĩa đã đầy",
    "EROFS": "ổ đĩa chỉ đọc", "EEXIST": "tệp đã có", "EBUSY": "tệp đang được dùng", "EIO": "lỗi đọc/ghi thiết bị",
    "ENAMETOOLONG": "tên tệp quá dài", "EINVAL": "tên tệp không hợp lệ", "EDQUOT": "hết hạn mức dung lượng",
}


def describe_os_error(exc: OSError) -> str:
    """A file-system error in Vietnamese (the system's own wording is English on most machines)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_ERRORS.get(name, exc.strerror or str(exc))


_DB_ERRORS = (
    ("database or disk is full", "đĩa đầy, không ghi thêm được"),
    ("disk i/o error", "lỗi đọc/ghi đĩa"),
    ("database is locked", "cơ sở dữ liệu đang bận (một chương trình khác đang ghi)"),
    ("readonly database", "tệp cơ sở dữ liệu chỉ đọc"),
    ("malformed", "tệp cơ sở dữ liệu bị hỏng"),
)


def describe(exc: BaseException) -> str:
    """Any failure as a sentence for the operator: what happened, and that saved data is safe."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"Lỗi đọc/ghi tệp {exc.filename or ''}: {describe_os_error(exc)}."
    text = str(exc).lower()
    for english, vietnamese in _DB_ERRORS:
        if english in text:
            return f"Không lưu được: {vietnamese}. Những gì đã lưu trước đó vẫn nguyên vẹn."
    return f"Lỗi không mong đợi ({type(exc).__name__}: {exc}). Những gì đã lưu trước đó vẫn nguyên vẹn."
