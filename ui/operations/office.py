"""Offices, settings, templates, the sample and backups."""
from __future__ import annotations

from app.domain.model import OfficeProfile
from app.reporting import desk
from app.reporting import settings as settings_mod
from app.reporting.changes import Changes
from app.reporting.desk import Sheet
from app.reporting.template_edit import Draft
from ui.operations.op import Op, Updated
from ui.operations.runner import Operations

__all__ = ["Draft", "backup_database", "backup_to_folder", "create_office", "load_sample", "migrate_template",
           "save_profile", "save_settings", "save_template"]

SAMPLE_OFFICE, SAMPLE_PERIOD = "TTH", "2020-Q1"


def load_sample(*, parent, ops: Operations) -> Op:
    """The sample office TTH and its 2020-Q1 report; gives ``Changes`` naming the office."""
    def step(store) -> Changes:
        from app.commands import cli_actions

        cli_actions.load_sample(store)
        return Changes(office=SAMPLE_OFFICE, offices=True)

    return Op(parent, ops).database(step)


def create_office(*, parent, ops: Operations, code: str, level: str, profile: OfficeProfile) -> Op:
    """A new local office; the ``Changes`` name its code as stored."""
    return Op(parent, ops).database(lambda store: desk.create_office(store, code, level, profile))


def save_profile(*, parent, ops: Operations, office: str, profile: OfficeProfile, shared_folder: str,
                 language: str, backup_to_folder: bool) -> Op:
    """The office's names (a new version from its date) and the installation's settings.

    Gives ``(Changes, Settings)``.
    """
    def step(store):
        changes = desk.save_profile(store, office, profile)
        settings = settings_mod.update(store, shared_folder=shared_folder, language=language,
                                       backup_to_folder=backup_to_folder)
        return changes, settings

    return Op(parent, ops).database(step)


def save_settings(*, parent, ops: Operations, **changes) -> Op:
    """Change some settings (for example ``shared_folder``); gives the new ``Settings``."""
    return Op(parent, ops).database(lambda store: settings_mod.update(store, **changes))


def backup_database(*, parent, ops: Operations, path: str) -> Op:
    """An online backup of the database to ``path``; gives the path written."""
    def step(store):
        from app.commands import cli_actions  # the sample and the backup are the command line's: loaded when asked

        return cli_actions.backup(store, path)

    return Op(parent, ops).database(step)


def backup_to_folder(*, parent, ops: Operations, folder: str, office: str) -> Op:
    """A rotated backup into the shared folder's ``backup/<office>/``."""
    from app.storage import backup

    return Op(parent, ops).database(lambda store: backup.backup_to_folder(store, folder, office))


def save_template(*, parent, ops: Operations, sheet: Sheet, draft: Draft) -> Op:
    """Install the edited draft as a new template version.

    Gives ``(template_id, lines)``: ``lines`` describe how the open report would
    move to it (None when the report is not a draft and stays where it is).
    """
    from app.reporting import template_edit

    report_id = sheet.report.id

    def step(store):
        template_id = template_edit.save_version(store, draft)
        report = store.report_by_id(report_id)
        if report.status.value != "draft":
            return template_id, None
        return template_id, template_edit.plan(store, report, template_id).lines

    return Op(parent, ops).database(step)


def migrate_template(*, parent, ops: Operations, sheet: Sheet, template_id: int) -> Op:
    """Move the open draft to the template version the operator accepted; gives ``Updated``."""
    report_id = sheet.report.id

    def step(store) -> Updated:
        changes = desk.migrate_template(store, report_id, template_id)
        return Updated(changes, desk.refreshed(store, sheet, changes))

    return Op(parent, ops).database(step)
