"""The shared folder's refusals in the window's words: what to click, never a command to type."""
from __future__ import annotations

import re

from ui.i18n import _

_UNTRUSTED = re.compile(r"chưa tin cậy khóa của đơn vị (?P<office>\S+) \(dùng “keys trust”\); không đọc tệp")
_SHARED = re.compile(r"hãy tin cậy lại khóa đúng$")
_MISSING = re.compile(r"thiếu gói số (?P<seq>\d+) của (?P<office>\S+) .*chờ gói đó$")
_SIGNATURE = re.compile(r"chữ ký không hợp lệ với khóa đã tin cậy của (?P<office>\S+)")
_COMMAND = re.compile(r" ?\(dùng “[a-z][a-z -]*”\)")


def window_reason(reason: str) -> str:
    """``reason`` from the sync, with the step to take in the window (Đồng bộ → …)."""
    if match := _UNTRUSTED.search(reason):
        return _("Chưa tin cậy khóa của đơn vị {office}; tệp chưa được đọc. Xin {office} tệp khóa công khai "
                 "(ở máy {office}: Đồng bộ → Xuất khóa công khai của đơn vị…), đối chiếu dấu vân tay, rồi vào "
                 "Đồng bộ → Tin cậy khóa của đơn vị… và đồng bộ lại (F9).").format(office=match["office"])
    if _SHARED.search(reason):
        return reason + ". " + _("Vào Đồng bộ → Tin cậy khóa của đơn vị… và chọn đúng tệp khóa của đơn vị.")
    if match := _MISSING.search(reason):
        return reason + ". " + _("Đề nghị {office} gửi lại gói số {seq} (Đồng bộ → Gửi báo cáo lên cấp trên), "
                                 "rồi đồng bộ lại (F9).").format(office=match["office"], seq=match["seq"])
    if match := _SIGNATURE.search(reason):
        return reason + " " + _("Đề nghị {office} gửi lại; nếu {office} đã đổi khóa, vào Đồng bộ → Tin cậy khóa "
                                "của đơn vị… với tệp khóa mới.").format(office=match["office"])
    return _COMMAND.sub("", reason)
