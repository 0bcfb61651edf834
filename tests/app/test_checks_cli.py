"""``spellcheck`` and the warnings ``validate`` lists, run as an operator would: ``python main.py --db X …``."""
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.model import Block
from app.storage import db as dbmod
from app.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "tth-2020-q1-report.txt"


def run(db, *args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("checks") / "bc.sqlite3"
    assert run(db, "demo").returncode == 0
    return db


def test_the_sample_report_spellchecks_clean(demo_db):
    proc = run(demo_db, "spellcheck", "--office", "TTH", "--period", "2020-Q1")
    assert (proc.returncode, proc.stdout) == (0, "Không thấy lỗi chính tả.\n")


def test_the_seed_file_lists_its_typos_one_per_line_with_suggestions(demo_db):
    proc = run(demo_db, "spellcheck", "--file", str(SEED))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert "Dòng 26\tngtười\tngười" in lines
    assert "Dòng 58\tgải quyết\tgiải quyết" in lines
    assert "Dòng 90\tbắt buột\tbắt buộc" in lines
    assert lines[-1] == f"{len(lines) - 1} từ cần xem lại (chỉ là gợi ý; không có gì bị sửa)."


def test_a_typed_typo_is_listed_by_spellcheck_and_validate_as_a_warning_and_left_as_typed(tmp_path):
    db = tmp_path / "bc.sqlite3"
    assert run(db, "demo").returncode == 0
    opened = dbmod.open_database(db)
    store = Store(opened.db)
    report = store.report("TTH", "2020-Q1")
    blocks = store.content.narrative(report.id)[("TNXH", "results")]
    store.content.set_narrative(report, "TNXH", "results", [*blocks, Block("Tiếp nhận 02 đối tượng cai nghiện bắt buột.")])
    opened.close()
    proc = run(db, "spellcheck", "--office", "TTH", "--period", "2020-Q1")
    assert proc.stdout.splitlines()[0] == "Mục 3.7 (nội dung)\tbắt buột\tbắt buộc"
    proc = run(db, "validate", "--office", "TTH", "--period", "2020-Q1")
    assert proc.returncode == 0  # a warning never blocks
    assert "Cảnh báo: Mục 3.7, nội dung: chính tả “bắt buột” có lẽ viết nhầm; đề nghị: “bắt buộc”." in proc.stdout
    opened = dbmod.open_database(db, read_only=True)
    assert Store(opened.db).content.narrative(report.id)[("TNXH", "results")][-1].text.endswith("bắt buột.")
    opened.close()


@pytest.mark.parametrize("args, message", [
    (("spellcheck", "--office", "TTH"), "Hãy ghi --office và --period"),
    (("spellcheck", "--file", "x.txt", "--office", "TTH"), "không dùng cả hai"),
    (("spellcheck", "--file", "/dev/zero"), "không phải tệp thường"),
    (("spellcheck", "--office", "TTH", "--period", "2021-Q1"), "2021"),
])
def test_bad_requests_are_refused_in_plain_vietnamese(demo_db, args, message):
    proc = run(demo_db, *args)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_a_file_that_is_not_utf8_is_refused(demo_db, tmp_path):
    legacy = tmp_path / "cu.txt"
    legacy.write_bytes("Báo cáo".encode("cp1258"))
    proc = run(demo_db, "spellcheck", "--file", str(legacy))
    assert proc.returncode == 2 and "Tệp cu.txt không phải văn bản UTF-8." in proc.stderr
