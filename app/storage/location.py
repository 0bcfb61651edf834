"""Where the database file sits: SQLite must live on a local, fixed disk.

A network share, a removable drive or a cloud-synced folder corrupts SQLite
files sooner or later; the operator is warned (in Vietnamese) and WAL is not used.
"""
from __future__ import annotations

import os
from pathlib import Path

_SYNCED = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "mega", "nextcloud",
           "owncloud", "syncthing", "pcloud", "box sync", "yandex.disk")
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "afs",
               "davfs", "fuse.davfs2", "fuse.rclone", "glusterfs", "ceph"}


def warnings_for(path: Path) -> list[str]:
    """Vietnamese warnings for a database path that is not on a local fixed disk."""
    found = []
    kind = _drive_kind(path)
    if kind == "network":
        found.append(f"Tệp dữ liệu {path} nằm trên ổ mạng: dễ hỏng dữ liệu. Hãy để trên ổ đĩa của máy.")
    elif kind == "removable":
        found.append(f"Tệp dữ liệu {path} nằm trên ổ đĩa rời (USB): rút ra khi đang ghi sẽ hỏng dữ liệu.")
    lowered = str(path).lower()
    synced = next((name for name in _SYNCED if name in lowered), None)
    if synced or ".sync" in lowered.split(os.sep):
        found.append(
            f"Tệp dữ liệu {path} nằm trong thư mục đồng bộ đám mây: hai bản có thể ghi đè nhau. "
            "Hãy để cơ sở dữ liệu ngoài thư mục đồng bộ; chỉ dùng thư mục dùng chung để gửi báo cáo."
        )
    return found


def _drive_kind(path: Path) -> str:
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return "network"
    if os.name == "nt":  # pragma: no cover - exercised on Windows
        return _windows_drive_kind(text)
    return _posix_drive_kind(path)


def _windows_drive_kind(text: str) -> str:  # pragma: no cover - Windows only
    import ctypes

    root = os.path.splitdrive(text)[0] + "\\"
    kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))
    return {2: "removable", 4: "network"}.get(kind, "local")


def _posix_drive_kind(path: Path) -> str:
    best, fstype = "", ""
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as mounts:
            for line in mounts:
                parts = line.split()
                if len(parts) < 3:
                    continue
                mount = parts[1].replace("\\040", " ")
                if (str(path) + "/").startswith(mount.rstrip("/") + "/") and len(mount) >= len(best):
                    best, fstype = mount, parts[2]
    except OSError:
        return "local"
    if fstype in _NETWORK_FS:
        return "network"
    if best.startswith(("/media/", "/run/media/", "/mnt/usb")):
        return "removable"
    return "local"
