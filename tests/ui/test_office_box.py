"""The office picker shows names, the operator's own offices apart from those received; it still gives codes."""
from tests.ui.conftest import query
from ui.office_box import OfficeBox
from ui.operations.offices import OfficeChoice, short_name


def test_names_are_shortened_readably():
    assert short_name("SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "Thừa Thiên Huế") == "Sở LĐTBXH Thừa Thiên Huế"
    assert short_name("PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Phú Vang") == "Phòng LĐTBXH Phú Vang"
    assert short_name("SỞ NỘI VỤ", "Huế") == "Sở Nội vụ Huế"
    assert short_name("Phòng Văn hoá – Xã hội xã Phú Lộc", "Phú Lộc") == "Phòng Văn hoá – Xã hội xã Phú Lộc"


def test_own_and_received_offices_are_grouped_and_headers_cannot_be_chosen(qtbot):
    box = OfficeBox()
    qtbot.addWidget(box)
    box.set_offices([OfficeChoice("TTH", "Sở LĐTBXH Thừa Thiên Huế", True),
                     OfficeChoice("PHUVANG", "Phòng LĐTBXH Phú Vang", False)], "PHUVANG")
    labels = [box.itemText(i) for i in range(box.count())]
    assert labels == ["Đơn vị của tôi", "TTH – Sở LĐTBXH Thừa Thiên Huế", "Nhận từ cấp dưới",
                      "PHUVANG – Phòng LĐTBXH Phú Vang"]
    assert box.currentText() == "PHUVANG" and box.codes() == ["TTH", "PHUVANG"]
    assert not box.model().item(0).isEnabled() and not box.model().item(2).isSelectable()
    box.setCurrentText("TTH")
    assert box.currentText() == "TTH" and box.currentIndex() == 1
    box.set_offices([OfficeChoice("TTH", "Sở LĐTBXH Thừa Thiên Huế", True)], "NOPE")
    assert [box.itemText(i) for i in range(box.count())] == ["TTH – Sở LĐTBXH Thừa Thiên Huế"]
    assert box.currentText() == "TTH"


def test_the_window_lists_offices_by_name_and_opens_by_code(sample_window):
    win = sample_window
    box = win.office_picker
    codes = [r[0] for r in query(win.db_path, "SELECT code FROM office ORDER BY code")]
    assert sorted(box.codes()) == codes
    assert box.currentText() == win.sheet.report.office_code
    assert all(" – " in box.itemText(i) for i in range(box.count()) if box.itemData(i, 256))


def test_a_received_office_is_listed_apart(make_window, tmp_path, qtbot):
    import msgspec

    from app.storage import db as dbmod
    from app.storage.store import Store
    from tests.ui.conftest import demo_db

    db = demo_db(tmp_path / "bc.sqlite3")
    opened = dbmod.open_database(db)
    store = Store(opened.db)
    profile = msgspec.structs.replace(store.offices()[0].current, name="PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
                                      place="Phú Vang", parent_code="TTH")
    with store.db.atomic():
        store.offices_repo.add_remote("pv-1", "PHUVANG", "district", profile)
    opened.close()
    win = make_window(db)
    qtbot.waitUntil(lambda: win.sheet is not None, timeout=5000)
    box = win.office_picker
    labels = [box.itemText(i) for i in range(box.count())]
    assert labels[0] == "Đơn vị của tôi" and labels[2:] == ["Nhận từ cấp dưới", "PHUVANG – Phòng LĐTBXH Phú Vang"]
    assert labels[1].startswith("TTH – ") and box.currentText() == "TTH"
