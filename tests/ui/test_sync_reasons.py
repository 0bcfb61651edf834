"""Every refusal the shared folder gives is told in the window's words: a menu path, never a command."""
import re
from pathlib import Path

import pytest

from ui.sync_reasons import window_reason

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("reason, words", [
    ("chưa tin cậy khóa của đơn vị ALUOI (dùng “keys trust”); không đọc tệp",
     ["ALUOI", "Đồng bộ → Tin cậy khóa của đơn vị…", "Đồng bộ → Xuất khóa công khai của đơn vị…"]),
    ("khóa tin cậy của HUE (vân tay ab-cd) cũng được tin cậy cho PHULOC; một khóa chỉ thuộc một đơn vị: "
     "hãy tin cậy lại khóa đúng", ["PHULOC", "Đồng bộ → Tin cậy khóa của đơn vị…"]),
    ("thiếu gói số 3 của PHULOC (chưa tới, hoặc đã bị từ chối: xem dòng của gói đó); chờ gói đó",
     ["Đề nghị PHULOC gửi lại gói số 3", "Gửi báo cáo lên cấp trên"]),
    ("chữ ký không hợp lệ với khóa đã tin cậy của ALUOI (gói bị sửa hoặc ký bằng khóa khác)",
     ["Đề nghị ALUOI gửi lại", "Tin cậy khóa"]),
])
def test_refusals_say_what_to_do_in_the_window(reason, words):
    text = window_reason(reason)
    assert all(w in text for w in words) and "keys" not in text


def test_no_refusal_of_the_sync_names_a_command_the_window_does_not_translate():
    """Each refusal in the sync naming a command (“keys …”, “sync …”) has a window wording above."""
    source = (ROOT / "app" / "exchange" / "sync.py").read_text(encoding="utf-8")
    for line in source.splitlines():
        if re.search(r"out\(\"(rejected|held)\", f?\".*“[a-z]+ [a-z]+”", line):
            reason = re.search(r"f?\"([^\"]*“[a-z]+ [a-z]+”[^\"]*)\"", line.split(",", 1)[1])[1]
            reason = re.sub(r"\{[^}]+\}", "X", reason)
            assert "“" not in window_reason(reason).replace("“X”", ""), reason
