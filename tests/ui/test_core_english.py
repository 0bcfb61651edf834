"""In English, the core's messages too: every message the window may show has its English, fields kept."""
import string

import pytest
from babel.messages.pofile import read_po

from app import paths
from app.domain import kinds
from app.domain.model import Status
from app.domain.period import Period
from app.domain.validate import Severity
from app.errors import UserError
from app.reporting.derived import report_findings
from tests.ui.conftest import demo_db
from tools.english_core import extract
from ui import i18n


def _catalog() -> dict[str, str]:
    with open(paths.resource("locale", "en", "LC_MESSAGES", "core.po"), "rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


def _fields(text: str) -> list[str]:
    return sorted(field for _t, field, _s, _c in string.Formatter().parse(text) if field is not None)


@pytest.fixture
def english():
    i18n.install("en")
    yield
    i18n.install("vi")


def test_every_message_of_the_core_has_its_english_with_the_same_fields():
    catalog = _catalog()
    assert sorted(set(extract()) - set(catalog)) == [], "add the English to tools/english_core_text.py, then run" \
                                                        " python tools/english_core.py"
    assert [m for m, e in catalog.items() if not e.strip()] == []
    assert [m for m, e in catalog.items() if _fields(m) != _fields(e)] == []


def test_each_catalog_message_is_recognised_with_its_own_fields(english):
    """Walk the catalog: a message written from each msgid comes back as its own English."""
    catalog = _catalog()
    wrong = []
    for msgid, msgstr in catalog.items():
        values = [f"‹{i}›" for i in range(len(_fields(msgid)))]
        if i18n.core(msgid.format(*values)) != msgstr.format(*values):
            wrong.append(msgid)
    assert wrong == []


def test_status_and_severity_words(english):
    assert [i18n.core(s.label) for s in Status] == ["Draft", "Complete", "Issued", "Submitted"]
    assert [i18n.core(s.label) for s in Severity] == ["Error", "Warning"]


@pytest.mark.parametrize(("call", "english_text"), [
    (lambda: Period.parse("2020-Q9"), "Reporting period “2020-Q9” is not valid"),
    (lambda: kinds.parse_value("abc", "count", "người"), "“abc” is not a number"),
    (lambda: kinds.parse_value("1,5", "count", "người"), "“1,5” is not a whole number"),
])
def test_refusals_of_the_core_read_in_english(english, call, english_text):
    with pytest.raises(UserError) as caught:
        call()
    assert i18n.core(str(caught.value)).startswith(english_text)


def test_findings_read_in_english_nested_and_with_data_kept(english, sample):
    q2 = sample.open_report("TTH", "2020-Q2")
    sample.content.enter(q2, "VL_NN", "176")
    sample.content.enter(q2, "VL_MOI", "170")
    messages = [i18n.core(f.message) for f in report_findings(sample, q2)]
    assert any(m.startswith("“Trong đó: đi làm việc ở nước ngoài theo hợp đồng” (VL_NN) = 176") and
               "is more than the total" in m for m in messages), messages
    assert any(m.startswith("Section 3.2: 2 indicators not entered yet") for m in messages)
    nested = "Còn 2 lỗi phải sửa trước khi đánh dấu hoàn thành; lỗi đầu tiên: Chưa nhập số."
    assert i18n.core(nested) == "2 errors must be fixed before marking complete; the first: No number entered."
    assert i18n.core("Một câu không có trong danh mục.") == "Một câu không có trong danh mục."


def test_vietnamese_window_shows_the_core_as_written():
    i18n.install("vi")
    assert i18n.core("Chưa nhập số.") == "Chưa nhập số."


def test_english_window_shows_findings_and_status_in_english(make_window, qtbot, tmp_path):
    db = demo_db(tmp_path / "bc.sqlite3")
    conn = __import__("sqlite3").connect(db)
    conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('language', '\"en\"')")
    conn.commit()
    conn.close()
    try:
        win = make_window(db)
        qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
        assert "Draft" in win.windowTitle() and "Nháp" not in win.windowTitle()
        win.period_picker.setEditText("2020-Q2")
        win.period_picker.lineEdit().returnPressed.emit()
        qtbot.waitUntil(lambda: str(win.sheet.report.period) == "2020-Q2", timeout=5000)
        shown = [win.findings.item(i).text() for i in range(win.findings.count())]
        assert shown == ["Error: The report has no figures or text yet."]
    finally:
        i18n.install("vi")
