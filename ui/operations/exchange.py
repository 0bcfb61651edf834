"""The shared folder: submit, sync, keys and consolidation.

Work that reads or writes the shared folder (a network share, a USB stick, a
cloud-synced folder: slow, and sometimes retried) runs on the shared-folder
thread with its own connection to the database file, so saves on the
database thread never wait behind it (see ``runner``). The exchange modules
(and the cryptography they need) load on first use, not at window start.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import msgspec

from app.reporting.changes import Changes
from app.reporting.desk import Sheet
from ui.operations.op import Op
from ui.operations.runner import Operations

if TYPE_CHECKING:
    from app.exchange.keys import PublicKey


class Synced(msgspec.Struct, frozen=True):
    """One sync's outcome lines, the files left aside (path, status, reason) and what changed here."""

    outcomes: tuple  # sync.Outcome: status, name, office, reason
    aside: tuple[tuple[str, str, str], ...]
    accepted: int
    rejected: int
    held: int
    skipped: int
    cancelled: bool
    changes: Changes


class Consolidated(msgspec.Struct, frozen=True):
    """The consolidation as the window shows it: plain rows of text."""

    period_label: str
    completeness: tuple[tuple[str, ...], ...]  # code, office, state, revision, sent, due
    columns: tuple[str, ...]
    breakdown: tuple[tuple[str, ...], ...]
    quotes: dict[str, list[tuple[str, list[str]]]]  # section → (office, paragraphs)
    sections: tuple[tuple[str, str], ...]
    missing: tuple[str, ...]
    included: tuple[str, ...] = ()
    late: tuple[str, ...] = ()
    include_own: bool = True


def submit_report(*, parent, ops: Operations, sheet: Sheet, folder: str) -> Op:
    """Publish the report as a signed package in the shared folder; gives the package's path."""
    from app.exchange import package

    office, period = sheet.report.office_code, str(sheet.report.period)
    return Op(parent, ops).exchange(lambda store: package.submit(store, office, period, folder))


def sync_folder(*, parent, ops: Operations, folder: str, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> Op:
    """Import what is new in the shared folder; gives a ``Synced``."""
    from app.exchange import sync

    def step(store) -> Synced:
        result = sync.sync(store, folder, progress=progress, cancelled=cancelled)
        accepted = result.count("accepted")
        return Synced(tuple(result.outcomes), tuple(tuple(row) for row in sync.rejected_files(store)), accepted,
                      result.count("rejected"), result.count("held"), result.skipped, result.cancelled,
                      Changes(offices=bool(accepted)))

    return Op(parent, ops).exchange(step)


def read_key(*, parent, ops: Operations, path: str) -> Op:
    """A public key file (office code and fingerprint to show before trusting it)."""
    from app.exchange import keys

    return Op(parent, ops).pool(lambda: keys.read_key_file(path))


def trust_key(*, parent, ops: Operations, key: PublicKey, replace: bool = False) -> Op:
    """Trust ``key`` for its office; gives the fingerprint and ``Changes`` (a key file may register its office)."""
    from app.exchange import keys

    def step(store) -> tuple[str, Changes]:
        before = {o.code for o in store.offices()}
        fingerprint = keys.trust(store, key, replace=replace)
        return fingerprint, Changes(offices={o.code for o in store.offices()} != before)

    return Op(parent, ops).database(step)


def export_key(*, parent, ops: Operations, office: str, path: str) -> Op:
    """Write this office's public key to ``path``; gives the key (with its fingerprint)."""
    from app.exchange import keys

    return Op(parent, ops).database(lambda store: keys.export_key(store, office, path))


def load_consolidation(*, parent, ops: Operations, sheet: Sheet, include_own: bool = True) -> Op:
    """The period's consolidation over subordinate offices (and the office's own figures unless
    ``include_own`` is False); gives a ``Consolidated``."""
    from app.exchange import consolidate

    office, period = sheet.report.office_code, str(sheet.report.period)

    def step(store) -> Consolidated:
        result = consolidate.consolidate(store, office, period, include_own=include_own)
        table = consolidate.breakdown_table(result.template, result)
        rows = consolidate.completeness_table(result).rows
        sections = result.template.section_list()
        return Consolidated(
            result.period.label, tuple(tuple(c.text for c in row[1:]) for row in rows), tuple(table.columns),
            tuple(tuple(c.text for c in row) for row in table.rows),
            {s.code: consolidate.quotes(store, result, s.code) for s in sections},
            tuple((s.code, f"{s.number}. {s.title}") for s in sections), tuple(result.missing),
            tuple(result.included), tuple(result.late), include_own)

    return Op(parent, ops).database(step)


def export_consolidated(*, parent, ops: Operations, sheet: Sheet, path: str, include_own: bool = True) -> Op:
    """The consolidated report as PDF, DOCX or XLSX (by the name's ending), written atomically to ``path``."""
    from app.commands import cli_actions
    from app.exchange import consolidate
    from app.fsutil import write_atomic

    office, period = sheet.report.office_code, str(sheet.report.period)
    fmt = path.rsplit(".", 1)[-1].lower() if path.lower().endswith((".docx", ".xlsx")) else "pdf"
    render = cli_actions.renderer(fmt)
    return (Op(parent, ops)
            .database(lambda store: consolidate.build_printed(store, office, period, include_own=include_own))
            .pool(lambda model: write_atomic(path, render(model))))
