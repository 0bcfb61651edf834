"""Headless commands: ``python main.py [--db FILE] COMMAND …``.

The command names, options and outputs are a contract that automation relies
on (README, "Lệnh không cần giao diện"). Errors go to stderr in plain
Vietnamese with a non-zero exit: 1 when a report is invalid or a value is
missing, 2 for anything the operator must fix.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sqlite3
import sys
from pathlib import Path

from app.commands.common import TEMPLATE_LIMIT, fail
from app.commands.parser import build_parser
from app.errors import UserError, describe
from app.fsutil import check_readable
from app.storage import db as dbmod
from app.storage.lock import COMMAND
from app.storage.store import Store

__all__ = ["build_parser", "run", "COMMANDS"]

#: Commands that only read: they open the file read-only, so a backup on read-only media can be used.
READ_ONLY = {"get", "validate", "dump", "export", "issued-pdf", "scans", "backup", "audit", "spellcheck"}

#: Each command's handler as ``module:function`` under app/commands, imported only when that command runs.
COMMANDS = {
    "demo": "entry:cmd_demo", "set": "entry:cmd_set", "get": "entry:cmd_get", "validate": "entry:cmd_validate",
    "text": "writing:cmd_text", "title": "writing:cmd_title",
    "audit": "entry:cmd_audit", "dump": "files:cmd_dump", "import": "files:cmd_import",
    "export": "files:cmd_export", "complete": "issue:cmd_complete", "reopen": "issue:cmd_reopen",
    "issue": "issue:cmd_issue", "revise": "issue:cmd_revise", "issued-pdf": "issue:cmd_issued_pdf",
    "scans": "issue:cmd_scans", "attach-scan": "issue:cmd_attach_scan", "backup": "admin:cmd_backup",
    "keys": "exchange:cmd_keys", "submit": "exchange:cmd_submit", "sync": "exchange:cmd_sync",
    "publish": "cli:cmd_publish", "carry": "carry:cmd_carry", "office": "admin:cmd_office", "template": "admin:cmd_template",
    "spellcheck": "checks:cmd_spellcheck",
    "import-docx": "import_docx:cmd_import_docx",
    "chart": "charts:cmd_chart",
}


def _mode(args: argparse.Namespace) -> str:
    """How the command opens the database: "read" (read-only), "open" (no lock) or "write" (locked)."""
    action = getattr(args, "action", None)
    if args.command in READ_ONLY or action == "list" or (args.command == "chart" and args.indicators is None):
        return "read"
    if args.command == "template" and action == "export":
        return "open"  # it may install the shipped template on first use, nothing else
    return "write"


def run(args: argparse.Namespace) -> int:
    """Run one parsed command; return the exit code.

    Commands that change data take the same lock as the window, recorded as a
    command's, so they never write behind an open window's back; reading
    commands neither lock nor write. ``restore`` works on the file itself,
    before anything opens it.
    """
    database = Path(args.db or dbmod.default_path())
    try:
        if args.command == "restore":
            from app.commands.admin import cmd_restore

            return cmd_restore(database, args)
        mode = _mode(args)
        opened = dbmod.open_database(database, exclusive=mode == "write", read_only=mode == "read",
                                     holder=COMMAND)
    except UserError as exc:
        return fail(str(exc))
    for warning in opened.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    store = Store(opened.db)
    if hasattr(store, "channel"):
        store.channel = "command"  # the audit log says where each change came from
    args.database_path = opened.path
    try:
        return _handler(args.command)(store, args)
    except UserError as exc:
        return fail(str(exc))
    except (sqlite3.Error, OSError) as exc:
        return fail(describe(exc))
    finally:
        opened.close()


def _handler(command: str):
    module, _, name = COMMANDS[command].partition(":")
    return getattr(importlib.import_module(f"app.commands.{module}"), name)


def cmd_publish(store: Store, args) -> int:
    from app.exchange import keys, package

    office = args.office or keys.default_office(store)
    if not args.template and not args.deadline:
        return fail("Hãy ghi --template hoặc --deadline.")
    if args.template:
        from app.domain.template import load_file

        check_readable(args.template, TEMPLATE_LIMIT, what="tệp mẫu báo cáo")
        template = load_file(args.template)
        store.install_template(template)
        target = package.publish(store, office, args.folder, "template", {"template": template.to_dict()})
        print(f"Đã gửi mẫu {template.key}: {target.name}")
    if args.deadline:
        return _publish_deadlines(store, args, office, package)
    return 0


def _publish_deadlines(store: Store, args, office: str, package) -> int:
    from app.domain.period import Period

    deadlines = {}
    for item in args.deadline:
        period, _, due = item.partition("=")
        try:
            deadlines[str(Period.parse(period))] = dt.date.fromisoformat(due).isoformat()
        except ValueError:
            return fail(f"Hạn “{item}” phải viết dạng 2020-Q1=2020-03-20.")
    with store.db.atomic():
        for period, due in deadlines.items():
            store.submissions.set_deadline(office, period, due)
    target = package.publish(store, office, args.folder, "deadline", {"deadlines": deadlines})
    print(f"Đã gửi hạn gửi báo cáo: {target.name}")
    return 0
