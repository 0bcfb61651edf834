"""The appendix's year-to-date column carries the marks of the figures it is built from."""
from tests.app.test_cli import run
from tests.app.test_cli_figures import Q, pdf_of


def _row(model, label):
    return [c.text for c in next(r for r in model.appendix.rows if r[1].text == label)]


def test_the_year_to_date_says_about_and_estimate_when_a_part_does(tmp_path):
    """Q1 "khoảng 2.607" + Q2 "ước 500": Q2's column "ước 500", year to date "ước khoảng 3.107"."""
    from app.output import printed
    from app.storage import db as dbmod
    from app.storage.store import Store

    db = tmp_path / "bc.sqlite3"
    run(db, "demo", ok=True)
    run(db, "set", *Q, "--period", "2020-Q1", "--indicator", "VL_MOI", "--value", "khoảng 2.607", ok=True)
    run(db, "set", *Q, "--period", "2020-Q2", "--indicator", "VL_MOI", "--value", "ước 500", ok=True)
    run(db, "set", *Q, "--period", "2020-Q2", "--indicator", "VL_NN", "--value", "24", ok=True)
    opened = dbmod.open_database(db)
    try:
        store = Store(opened.db)
        q2 = printed.build(store, "TTH", "2020-Q2")
        q1 = printed.build(store, "TTH", "2020-Q1")
    finally:
        opened.close()
    label = "Giải quyết việc làm mới"
    assert _row(q2, label)[3] == "ước 500" and _row(q2, label)[6] == "ước khoảng 3.107"
    assert _row(q1, label)[3] == _row(q1, label)[6] == "khoảng 2.607"  # Q1's year to date is Q1
    nn = _row(q2, "Trong đó: đi làm việc ở nước ngoài theo hợp đồng")
    assert (nn[3], nn[6]) == ("24", "200")  # 176 + 24: no mark on either part, none on the sum
    text = pdf_of(db, tmp_path, "2020-Q2")
    assert "ước 500" in text and "ước khoảng 3.107" in text
