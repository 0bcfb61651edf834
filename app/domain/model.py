"""The report's domain objects: offices, reports, values, narrative, documents, tasks, audit."""
from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal

import msgspec

from app.domain.period import Period
from app.domain.template import Template


class Status(str, enum.Enum):
    DRAFT = "draft"
    COMPLETE = "complete"
    ISSUED = "issued"
    SUBMITTED = "submitted"

    @property
    def label(self) -> str:
        return {
            "draft": "Nháp",
            "complete": "Hoàn thành",
            "issued": "Đã ban hành",
            "submitted": "Đã gửi",
        }[self.value]


class Level(str, enum.Enum):
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


class OfficeProfile(msgspec.Struct, frozen=True):
    """An office's names and signing details from ``valid_from`` until the next profile."""

    valid_from: dt.date
    name: str  # "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"
    authority: str  # the line above: "UBND TỈNH THỪA THIÊN HUẾ"
    place: str  # for the date line: "Thừa Thiên Huế"
    symbol: str  # the issuing symbol in "Số: 45/BC-LĐTBXH"
    parent_code: str | None = None
    signer_title: str = ""
    signer_name: str = ""
    deputy: bool = False  # "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC"
    deputy_title: str = ""
    recipients: tuple[str, ...] = ()
    addressee: str = ""  # "Kính gửi: …" for reports sent upward


class Office(msgspec.Struct, frozen=True):
    id: str
    code: str
    level: str
    profiles: tuple[OfficeProfile, ...]
    origin: str = "local"  # "remote": known here only through another office's key or packages

    @property
    def is_local(self) -> bool:
        return self.origin == "local"

    def profile_at(self, day: dt.date) -> OfficeProfile:
        """The names in force on ``day`` (the earliest profile before any is valid)."""
        current = self.profiles[0]
        for profile in self.profiles:
            if profile.valid_from <= day:
                current = profile
        return current

    @property
    def current(self) -> OfficeProfile:
        return self.profile_at(dt.date.today())


class Report(msgspec.Struct, frozen=True):
    id: str
    office_id: str
    office_code: str
    period: Period
    revision: int
    template_key: str
    status: Status
    number: str = ""  # "45" in "Số: 45/BC-LĐTBXH"; blank when assigned at signing
    issued_on: dt.date | None = None
    signer_title: str = ""
    signer_name: str = ""
    summary: str = ""
    created: str = ""
    updated: str = ""
    reason: str = ""  # why this revision was opened
    title: str = ""  # printed instead of "BÁO CÁO" when set
    headings: tuple[tuple[str, str], ...] = ()  # (key, text) printed instead of the template's; see ``headings``

    @property
    def editable(self) -> bool:
        """Content can change (a complete report is reopened first)."""
        return self.status is Status.DRAFT


class Value(msgspec.Struct, frozen=True):
    """One figure: exact number in base units (whole đồng for money)."""

    indicator: str
    number: Decimal | None
    denominator: Decimal | None = None  # ratios: "5/5"
    qualifier: str | None = None  # "khoảng", "gần", "hơn", "trên"
    estimate: bool = False  # "ước thực hiện"
    as_of: dt.date | None = None  # "tính đến ngày 25/9/2020"
    note: str = ""
    prior_year: Decimal | None = None  # when no prior report is in the database
    plan: Decimal | None = None  # annual plan target


class Block(msgspec.Struct, frozen=True):
    """A narrative paragraph or bullet; text may hold {CODE} and {VB:ref} placeholders."""

    text: str
    style: str = "para"  # "para" or "bullet"


DOC_TYPES = (
    "Công văn", "Quyết định", "Kế hoạch", "Kế hoạch hành động", "Báo cáo", "Thông báo",
    "Chỉ thị", "Nghị quyết", "Nghị định", "Thông tư", "Hướng dẫn", "Chương trình", "Tờ trình",
)
_REF = re.compile(r"^(?P<number>\d+)(?P<sep>[-/])(?P<symbol>\S+)$")


class Document(msgspec.Struct, frozen=True):
    """A document the office issued or cites (văn bản)."""

    id: str
    section: str
    doc_type: str
    ref: str  # số, ký hiệu: "171/LĐTBXH-VP", "12-NQ/TU", "76/2014/QH13"
    issued_on: dt.date | None = None
    issuer: str = ""
    summary: str = ""  # trích yếu
    own: bool = True  # issued by this office (else cited)
    advised: bool = False  # advised for the People's Committee (appendix)

    @property
    def number(self) -> str:
        match = _REF.match(self.ref)
        return match["number"] if match else ""

    @property
    def symbol(self) -> str:
        match = _REF.match(self.ref)
        return match["symbol"] if match else self.ref


class Task(msgspec.Struct, frozen=True):
    """A task planned for the next period (nhiệm vụ kỳ tới)."""

    id: str
    section: str
    text: str


class TaskStatus(str, enum.Enum):
    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_DONE = "not_done"


class TaskReview(msgspec.Struct, frozen=True):
    """Next period's verdict on a task planned last period."""

    task_id: str
    status: TaskStatus
    comment: str = ""


class ReportData(msgspec.Struct):
    """Everything one report holds, as the builders, validators and dumps read it."""

    report: Report
    office: Office
    template: Template
    values: dict[str, Value] = msgspec.field(default_factory=dict)
    narrative: dict[tuple[str, str], list[Block]] = msgspec.field(default_factory=dict)
    documents: list[Document] = msgspec.field(default_factory=list)
    tasks: list[Task] = msgspec.field(default_factory=list)
    reviews: list[TaskReview] = msgspec.field(default_factory=list)
    register: list[Document] = msgspec.field(default_factory=list)  # the office's documents of earlier periods

    @property
    def citable(self) -> list[Document]:
        """Documents a ``{VB:…}`` may cite: this report's, then the office's earlier ones."""
        own = {d.ref for d in self.documents}
        return [*self.documents, *(d for d in self.register if d.ref not in own)]

    @property
    def profile(self) -> OfficeProfile:
        """The office's names as they stood when the report was issued (or its period ended)."""
        return self.office.profile_at(self.report.issued_on or self.report.period.end)
