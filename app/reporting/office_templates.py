"""Which template an office's new reports use: the shipped ones per level, and the office's choice.

Three templates ship under resources/templates/: the province department's (2020,
with its COVID-19 section), a district office's (no province-only indicators), and
the commune's after the 2025 reform (no district level; labour, people with merit
and social affairs followed by the Sở Nội vụ). Indicator codes are shared, so a
province consolidates its districts' or communes' figures code by code.
"""
from __future__ import annotations

import msgspec

from app import paths
from app.domain.template import load_file
from app.errors import NotFoundError
from app.storage.store import Store


class TemplateChoice(msgspec.Struct, frozen=True):
    file: str  # under resources/templates/
    code: str
    level: str  # the level it is made for
    title: str
    description: str


SHIPPED = (
    TemplateChoice("ldtbxh-quy.json", "LDTBXH_QUY", "province", "Sở LĐTBXH cấp tỉnh (mẫu năm 2020)",
                   "Đủ các lĩnh vực của Sở: việc làm, giấy phép lao động, bảo hiểm thất nghiệp, giáo dục nghề "
                   "nghiệp, tiền lương doanh nghiệp nhà nước, người có công, bảo trợ xã hội, trẻ em, tệ nạn xã hội; "
                   "có mục phòng, chống dịch COVID-19 năm 2020."),
    TemplateChoice("ldtbxh-huyen.json", "LDTBXH_HUYEN", "district", "Phòng LĐTBXH cấp huyện",
                   "Các lĩnh vực cấp huyện theo dõi; bỏ các chỉ tiêu chỉ cấp tỉnh có (giấy phép lao động, bảo hiểm "
                   "thất nghiệp, Trung tâm Dịch vụ việc làm, công ty TNHH nhà nước một thành viên) và mục phòng, "
                   "chống dịch năm 2020."),
    TemplateChoice("ldtbxh-xa-2026.json", "LDTBXH_XA_2026", "commune", "Cấp xã từ năm 2026 (sau sắp xếp năm 2025)",
                   "Không còn cấp huyện: UBND xã, phường báo cáo lao động, người có công và xã hội lên Sở Nội vụ; "
                   "giáo dục nghề nghiệp không còn trong báo cáo này."),
)
LEVELS = ("province", "district", "commune")


def choices(level: str) -> list[TemplateChoice]:
    """The shipped templates, the one made for ``level`` first."""
    return sorted(SHIPPED, key=lambda c: c.level != level)


def use(store: Store, office: str, code: str) -> int:
    """New reports of ``office`` use template ``code`` (installed from resources when shipped); its id."""
    office = store.office(office).code
    install_shipped(store, code)
    store.choose_template(office, code)  # refuses a code not installed, listing the installed ones
    return store.template_for_new(office)


def template_for(store: Store, office: str) -> int:
    """The newest version of the template the office chose, else the shipped province template."""
    return store.template_for_new(office)


def install_shipped(store: Store, code: str) -> None:
    """Install the shipped template ``code`` if it is one and not installed yet; other codes are left alone."""
    shipped = next((c for c in SHIPPED if c.code == code.upper()), None)
    if shipped is None:
        return
    try:
        store.template_id(shipped.code)
    except NotFoundError:
        store.install_template(load_file(paths.resource("templates", shipped.file)))
