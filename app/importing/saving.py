"""Storing an accepted Word import: one transaction into a report that holds nothing yet."""
from __future__ import annotations

from app.domain.model import Report
from app.errors import InputError
from app.importing.settle import Settled
from app.storage.rows import transaction
from app.storage.store import Store


def target(store: Store, office: str, period: str) -> tuple[Report | None, int]:
    """The report the import fills (None: it is created on saving) and its template id.

    Refuses a report that already has figures, narrative, documents or tasks: an import never overwrites.
    """
    store.office(office)
    existing = store.find_report(office, period)
    if existing is None:
        return None, store.template_for_new(office)
    store.require_editable(existing)
    content = store.content
    if (content.values(existing.id) or content.narrative(existing.id) or content.documents(existing.id)
            or content.tasks(existing.id)):
        raise InputError(f"Báo cáo {office} kỳ {existing.period} đã có nội dung; nhập từ tệp Word chỉ điền "
                         "vào một báo cáo còn trống.")
    return existing, store.report_template_id(existing)


def save(store: Store, office: str, period: str, settled: Settled, source: str) -> Report:
    """Write everything the import settled, or nothing: one transaction, audited with the file's name."""
    existing, template_id = target(store, office, period)
    with store.via("import"), transaction(store.db):
        report = existing or store.open_report(office, period, template_id)
        taken = store.content.taken_document_ids([d.id for d in settled.documents])
        if taken:
            raise InputError(f"{source}: văn bản mã {taken[0]} đã có ở đây; tệp không nhập được.")
        content = store.content
        content.put_values(report.id, settled.values.values())
        for (section, part), blocks in settled.narrative.items():
            content.put_narrative(report.id, section, part, blocks)
        content.put_documents(report.id, settled.documents)
        content.put_tasks(report.id, settled.tasks)
        store.reports_repo.touch(report.id)
        store.audit(office, "import-docx", str(report.period), None,
                    {"values": len(settled.values), "documents": len(settled.documents),
                     "tasks": len(settled.tasks)}, report.id, source)
    return report
