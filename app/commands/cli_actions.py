"""Actions shared by the headless commands and the window's menus."""
from __future__ import annotations

from pathlib import Path

from app import paths
from app.errors import UserError
from app.fsutil import write_atomic
from app.storage.store import Store

SAMPLE = ("sample", "tth-2020-q1.json")
SAMPLE_CHARTS = ["VL_MOI", "VL_NN"]  # what the sample's appendix "Biểu đồ" draws until the operator chooses


def load_sample(store: Store) -> bool:
    """Load the sample report (office TTH, 2020-Q1); True if anything changed."""
    from app.domain.period import Period
    from app.exchange import transfer
    from app.reporting import trends

    _, changed = transfer.import_data(store, transfer.read_file(paths.resource(*SAMPLE)))
    period = Period.parse("2020-Q1")
    report = store.find_report("TTH", period)
    if changed and report is not None and store.setting_rows.get(trends.chart_key("TTH", period)) is None:
        trends.choose(store, "TTH", period, store.template_of(report), SAMPLE_CHARTS)
    return changed


def renderer(fmt: str):
    """The function turning a printed model into ``fmt`` bytes (pdf, docx, xlsx)."""
    import importlib

    modules = {"pdf": "app.output.render_pdf", "docx": "app.output.render_docx", "xlsx": "app.output.render_xlsx"}
    if fmt not in modules:
        raise UserError(f"Định dạng “{fmt}” không hỗ trợ; chọn pdf, docx hoặc xlsx.")
    return importlib.import_module(modules[fmt]).render  # load only the renderer asked for


def build_model(store: Store, office_code: str, period: str, consolidated: bool = False):
    from app.output import printed

    if consolidated:
        from app.exchange import consolidate

        return consolidate.build_printed(store, office_code, period)
    return printed.build(store, office_code, period)


def render(store: Store, office_code: str, period: str, fmt: str, consolidated: bool = False) -> bytes:
    """The report rendered as ``fmt`` from the one printed model."""
    return renderer(fmt)(build_model(store, office_code, period, consolidated))


def export_report(store: Store, office_code: str, period: str, fmt: str, target: Path | str,
                  consolidated: bool = False) -> Path:
    """Render and write atomically: the target is the old file or the whole new one."""
    return write_atomic(target, render(store, office_code, period, fmt, consolidated))


def backup(store: Store, target: Path | str) -> Path:
    from app.storage.backup import backup_database

    return backup_database(store.db, target)
