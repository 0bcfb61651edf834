"""Offices and databases for the tests that need several installations (province, districts)."""
import datetime as dt

from app.domain.model import OfficeProfile
from app.storage import db as dbmod
from app.storage.store import Store


def open_store(path):
    """A store on the database file ``path`` (made and migrated when new)."""
    return Store(dbmod.open_database(path).db)


def add_office(store, code, level, parent=None, authority=""):
    """A labour office ``code`` of ``level`` under ``parent``, its profile valid since 2000."""
    store.add_office(code, level, OfficeProfile(dt.date(2000, 1, 1), "PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
                                                authority or f"UBND {code}", code.title(), "LĐTBXH",
                                                parent_code=parent))
