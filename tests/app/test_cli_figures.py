"""Figures, plans, as-of dates and narrative entered through the commands print exactly as written."""
import re
import sqlite3
import subprocess

import pytest

from tests.app.test_cli import run

Q = ("--office", "TTH")


def pdf_of(db, tmp_path, period, *extra) -> str:
    """The exported PDF's text, whitespace runs joined (lines wrap anywhere)."""
    out = tmp_path / f"{period}.pdf"
    run(db, "export", *Q, "--period", period, "--format", "pdf", "--out", str(out), *extra, ok=True)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def state(db):
    conn = sqlite3.connect(db)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("office", "report", "value", "narrative", "audit")]
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "bc.sqlite3"
    run(path, "demo", ok=True)
    return path


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    """The seed, for tests that only check nothing changes."""
    path = tmp_path_factory.mktemp("refusals") / "bc.sqlite3"
    run(path, "demo", ok=True)
    return path


def test_plan_prior_and_as_of_print_in_the_narrative_as_written(db, tmp_path):
    """2.345 of a plan of 8.560 is 27,39…% → "27,4%"; 2.345 − 2.033 = 312 more than the same quarter."""
    period = ("--period", "2021-Q3")  # no 2020-Q3 report: the same-quarter figure is typed
    shown = run(db, "set", *Q, *period, "--indicator", "VL_MOI", "--value", "2.345", "--plan", "8.560",
                "--prior", "2.033", "--as-of", "15/9/2021", "--note", "số sơ bộ của Trung tâm", ok=True)
    assert shown.stdout.strip() == ("Đã lưu VL_MOI = 2.345 người; kế hoạch 8.560 người; cùng kỳ 2.033 người; "
                                    "tính đến ngày 15/9/2021; ghi chú: số sơ bộ của Trung tâm")
    run(db, "text", *Q, *period, "--section", "VL", "--text",
        "Tính đến ngày {VL_MOI:ngay}, đã giải quyết việc làm mới cho {VL_MOI}, đạt {VL_MOI:kh} kế hoạch năm "
        "({VL_MOI:kehoach}), {VL_MOI:ck_so} so với cùng kỳ ({VL_MOI:cungky}), {VL_MOI:ck}.", ok=True)
    text = pdf_of(db, tmp_path, "2021-Q3")
    assert ("Tính đến ngày 15/9/2021, đã giải quyết việc làm mới cho 2.345 người, đạt 27,4% kế hoạch năm "
            "(8.560 người), tăng 312 người so với cùng kỳ (2.033 người), tăng 15,34%.") in text  # 312/2033 = 15,346…


def test_only_the_fields_given_change_and_an_empty_one_is_cleared(db, tmp_path):
    period = ("--period", "2021-M7")
    run(db, "set", *Q, *period, "--indicator", "VL_MOI", "--value", "hơn 41 nghìn", "--as-of", "2021-07-25", ok=True)
    run(db, "set", *Q, *period, "--indicator", "VL_MOI", "--plan", "50.000", ok=True)  # no --value: figure kept
    assert run(db, "get", *Q, *period, "--indicator", "VL_MOI", ok=True).stdout.strip() == "41000"
    run(db, "text", *Q, *period, "--section", "3.1", "--text",
        "Đến {VL_MOI:ngay}: {VL_MOI}, đạt {VL_MOI:kh.0} kế hoạch {VL_MOI:kehoach}.", ok=True)
    text = pdf_of(db, tmp_path, "2021-M7")
    assert "THÁNG 7 NĂM 2021" in text
    assert "Đến 25/7/2021: hơn 41.000 người, đạt 82% kế hoạch 50.000 người." in text  # 41/50 = 82%
    run(db, "set", *Q, *period, "--indicator", "VL_MOI", "--plan", "", "--as-of", "", ok=True)
    assert "Đến …: hơn 41.000 người, đạt … kế hoạch …." in pdf_of(db, tmp_path, "2021-M7")
    estimate = run(db, "set", *Q, *period, "--indicator", "VL_MOI", "--value", "ước 41.200", ok=True)
    assert estimate.stdout.strip() == "Đã lưu VL_MOI = 41.200 người (ước)"
    empty = run(db, "set", *Q, *period, "--indicator", "VL_MOI", "--value", "")
    assert empty.returncode == 2 and empty.stderr.startswith("Lỗi: Chưa nhập số.")
    run(db, "set", *Q, "--period", "2021-M8", "--indicator", "VL_NN", "--note", "chờ số của huyện", ok=True)
    run(db, "set", *Q, "--period", "2021-M8", "--indicator", "VL_NN", "--note", "", ok=True)  # nothing left
    missing = run(db, "get", *Q, "--period", "2021-M8", "--indicator", "VL_NN")
    assert missing.returncode == 1 and "chưa có số liệu" in missing.stderr


@pytest.mark.parametrize(("args", "said"), [
    (("--as-of", "31/2/2021"), "--as-of: Ngày “31/2/2021” không có thật."),
    (("--as-of", "tháng 6"), "--as-of: Ngày “tháng 6” phải viết dạng ngày/tháng/năm (15/6/2021) hoặc 2021-06-15."),
    (("--plan", "khoảng 3.000"), "--plan: Kế hoạch của VL_MOI là một số, không kèm “khoảng”"),
    (("--plan", "ước 3.000"), "--plan: Kế hoạch của VL_MOI là một số, không kèm “ước”"),
    (("--prior", "hơn 2.000"), "--prior: Số cùng kỳ của VL_MOI là một số, không kèm “hơn”"),
    (("--prior", "1,5"), "--prior: "),
    (("--value", "2.000", "--plan", "abc"), "--plan: “abc” không phải là số"),
    ((), "Hãy ghi ít nhất một trong --value, --plan, --prior, --as-of, --note."),
])
def test_bad_fields_are_refused_in_vietnamese_and_nothing_is_stored(shared_db, args, said):
    """Refused naming the option; no figure changes and no report is created."""
    db = shared_db
    before = state(db)
    for period in ("2020-Q1", "2021-Q2"):  # an existing report, and one that does not exist yet
        proc = run(db, "set", *Q, "--period", period, "--indicator", "VL_MOI", *args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert proc.stderr.startswith("Lỗi: " + said), proc.stderr
    assert state(db) == before


def test_plans_met_counts_the_indicators_that_reached_their_plan(db, tmp_path):
    """2.607 ≥ 2.600 reached, 176 < 200 not, 864 = 864 reached: "2/3"."""
    period = ("--period", "2020-Q1")
    for code, plan in (("VL_MOI", "2.600"), ("VL_NN", "200"), ("BHTN_NGUOI", "864")):
        run(db, "set", *Q, *period, "--indicator", code, "--plan", plan, ok=True)
    run(db, "text", *Q, *period, "--section", "TE", "--text", "Đến nay {KH_DAT} chỉ tiêu đạt kế hoạch năm.", ok=True)
    assert "Đến nay 02/03 chỉ tiêu đạt kế hoạch năm." in pdf_of(db, tmp_path, "2020-Q1")
    run(db, "set", *Q, *period, "--indicator", "VL_NN", "--plan", "176", ok=True)
    assert "Đến nay 03/03 chỉ tiêu đạt kế hoạch năm." in pdf_of(db, tmp_path, "2020-Q1")


def test_a_percent_target_with_its_words_in_the_prose(tmp_path):
    """A plan is a number; "trở lên" is written in the narrative and prints after it."""
    db = tmp_path / "bc.sqlite3"
    template = _percent_template(tmp_path)
    run(db, "office", "add", "--code", "HUE", "--name", "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "--level", "province",
        ok=True)
    run(db, "template", "import", str(template), ok=True)
    run(db, "template", "use", "--office", "HUE", "--template", "HUE_THANG", ok=True)
    hue = ("--office", "HUE", "--period", "2021-7M")
    run(db, "set", *hue, "--indicator", "TL_THAT_NGHIEP", "--value", "dưới 4,5%", "--plan", "4%", ok=True)
    run(db, "text", *hue, "--section", "VL", "--text",
        "Tỷ lệ thất nghiệp {TL_THAT_NGHIEP}; phấn đấu {TL_THAT_NGHIEP:kehoach} trở lên.", ok=True)
    out = tmp_path / "hue.pdf"
    run(db, "export", *hue, "--format", "pdf", "--out", str(out), ok=True)
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split())
    assert "7 THÁNG ĐẦU NĂM 2021" in text
    assert "Tỷ lệ thất nghiệp dưới 4,5%; phấn đấu 4% trở lên." in text


def _percent_template(tmp_path):
    """The shipped template under a code of its own, with a percent indicator added to section VL."""
    import json

    from app import paths
    data = json.loads(paths.resource("templates", "ldtbxh-quy.json").read_text(encoding="utf-8"))
    data["code"], data["title"] = "HUE_THANG", "Báo cáo tháng của Sở"
    section = next(c for s in data["sections"] for c in s["children"] if c["code"] == "VL")
    section["indicators"].append({"code": "TL_THAT_NGHIEP", "label": "Tỷ lệ thất nghiệp", "unit": "",
                                  "kind": "percent", "time": "stock", "offices": "none", "min": "0", "max": "100"})
    path = tmp_path / "hue-thang.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
