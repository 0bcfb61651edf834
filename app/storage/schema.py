"""The schema's text, version by version: what each step of ``migrations`` runs.

``STEPS[n]`` upgrades a database at version n to version n + 1: a script, or its
statements one by one when a statement holds ";" itself, as trigger bodies do.
A released step never changes; a new version is a new step at the end.
"""
from __future__ import annotations

_V1 = """
CREATE TABLE office (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    created TEXT NOT NULL
);
CREATE TABLE office_profile (
    office_id TEXT NOT NULL REFERENCES office(id),
    valid_from TEXT NOT NULL,
    parent_code TEXT,
    name TEXT NOT NULL,
    authority TEXT NOT NULL,
    place TEXT NOT NULL,
    symbol TEXT NOT NULL,
    signer_title TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    deputy INTEGER NOT NULL DEFAULT 0,
    deputy_title TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '[]',
    addressee TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (office_id, valid_from)
);
CREATE TABLE template (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    body TEXT NOT NULL,
    installed TEXT NOT NULL,
    UNIQUE (code, version)
);
CREATE TABLE report (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES office(id),
    period TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    template_id INTEGER NOT NULL REFERENCES template(id),
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'complete', 'issued', 'submitted')),
    number TEXT NOT NULL DEFAULT '',
    issued_on TEXT,
    signer_title TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (office_id, period, revision)
);
CREATE TABLE value (
    report_id TEXT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    number TEXT,
    denominator TEXT,
    qualifier TEXT,
    estimate INTEGER NOT NULL DEFAULT 0,
    as_of TEXT,
    note TEXT NOT NULL DEFAULT '',
    prior_year TEXT,
    plan TEXT,
    PRIMARY KEY (report_id, indicator)
) WITHOUT ROWID;
CREATE TABLE narrative (
    report_id TEXT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    part TEXT NOT NULL CHECK (part IN ('results', 'plan')),
    position INTEGER NOT NULL,
    style TEXT NOT NULL CHECK (style IN ('para', 'bullet')),
    text TEXT NOT NULL,
    PRIMARY KEY (report_id, section, part, position)
) WITHOUT ROWID;
CREATE TABLE document (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    position INTEGER NOT NULL,
    doc_type TEXT NOT NULL,
    ref TEXT NOT NULL,
    issued_on TEXT,
    issuer TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    own INTEGER NOT NULL DEFAULT 1,
    advised INTEGER NOT NULL DEFAULT 0,
    UNIQUE (report_id, ref)
);
CREATE TABLE task (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE task_review (
    report_id TEXT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
    task_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'in_progress', 'not_done')),
    comment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, task_id)
) WITHOUT ROWID;
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    office_code TEXT NOT NULL,
    report_id TEXT,
    entity TEXT NOT NULL,
    key TEXT NOT NULL,
    old TEXT,
    new TEXT,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX report_office_period ON report (office_id, period);
CREATE INDEX audit_report ON audit (report_id, id);
CREATE INDEX task_report ON task (report_id, section, position);
CREATE INDEX document_report ON document (report_id, section, position);
"""

# Version 2: issued PDFs and scans of the signed copy; why a revision was opened; a task
# keeps its id across revisions of a report (the key becomes report + task).
_V2 = """
CREATE TABLE task_v2 (
    report_id TEXT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    section TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (report_id, id)
) WITHOUT ROWID;
INSERT INTO task_v2 (report_id, id, section, position, text)
    SELECT report_id, id, section, position, text FROM task;
DROP TABLE task;
ALTER TABLE task_v2 RENAME TO task;
CREATE INDEX task_report ON task (report_id, section, position);
CREATE TABLE report_file (
    id INTEGER PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('issued_pdf', 'scan')),
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX report_file_report ON report_file (report_id, kind);
ALTER TABLE report ADD COLUMN reason TEXT NOT NULL DEFAULT '';
"""

# Version 3: submissions through a shared folder — trusted keys of other offices, the
# packages this installation sent and received, what a scan has already seen, deadlines.
_V3 = """
ALTER TABLE office ADD COLUMN origin TEXT NOT NULL DEFAULT 'local';
CREATE TABLE trusted_key (
    office_code TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    trusted TEXT NOT NULL
);
CREATE TABLE outbox (
    office_code TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    period TEXT,
    revision INTEGER,
    file TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (office_code, seq)
);
CREATE TABLE inbox (
    office_code TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    period TEXT,
    revision INTEGER,
    created TEXT NOT NULL,
    received TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (office_code, seq)
);
CREATE TABLE scan_state (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    seen TEXT NOT NULL
);
CREATE TABLE deadline (
    office_code TEXT NOT NULL,
    period TEXT NOT NULL,
    due TEXT NOT NULL,
    PRIMARY KEY (office_code, period)
);
"""

# Version 4: the sender keeps each package's bytes, to write it again if it goes missing.
_V4 = """
ALTER TABLE outbox ADD COLUMN data BLOB;
"""

# Version 5: who made each change (the operating-system user) and through which door
# (window, command, sync, import); an issued or submitted revision frozen by the database
# itself, whoever writes: its header, its content and its files only ever get new revisions.
FROZEN = "Báo cáo đã ban hành hoặc đã gửi: không sửa, không xóa được; hãy mở bản sửa đổi mới."
_IS_FROZEN = "(SELECT status FROM report WHERE id = {row}.report_id) IN ('issued', 'submitted')"


def _guard(name: str, event: str, table: str, when: str) -> str:
    return (f"CREATE TRIGGER {name} BEFORE {event} ON {table} WHEN {when}"
            f" BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END")


def _frozen_content() -> list[str]:
    out = []
    for table in ("value", "narrative", "document", "task", "task_review"):
        out.append(_guard(f"{table}_frozen_insert", "INSERT", table, _IS_FROZEN.format(row="NEW")))
        out.append(_guard(f"{table}_frozen_update", "UPDATE", table,
                          _IS_FROZEN.format(row="OLD") + " OR " + _IS_FROZEN.format(row="NEW")))
        out.append(_guard(f"{table}_frozen_delete", "DELETE", table, _IS_FROZEN.format(row="OLD")))
    return out


_V5 = [
    "ALTER TABLE audit ADD COLUMN user TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE audit ADD COLUMN channel TEXT NOT NULL DEFAULT ''",
    *_frozen_content(),
    _guard("report_frozen_update", "UPDATE", "report", "OLD.status IN ('issued', 'submitted')"),
    _guard("report_frozen_delete", "DELETE", "report", "OLD.status IN ('issued', 'submitted')"),
    _guard("report_file_frozen_update", "UPDATE", "report_file", "1"),
    _guard("report_file_frozen_delete", "DELETE", "report_file", _IS_FROZEN.format(row="OLD")),
    _guard("report_file_one_issued_pdf", "INSERT", "report_file",
           "NEW.kind = 'issued_pdf' AND EXISTS (SELECT 1 FROM report_file"
           " WHERE report_id = NEW.report_id AND kind = 'issued_pdf')"),
]

# Version 6: each local office's own public key, so a database opened without its key file is
# noticed instead of signing with a new key; the key a scan judged a rejected file with.
_V6 = """
CREATE TABLE own_key (
    office_code TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX trusted_key_public ON trusted_key (public_key);
ALTER TABLE scan_state ADD COLUMN key TEXT;
"""

# Version 7: a report's own title and summary line printed instead of the template's (the summary
# column is older); the template an office's new reports use (its code; the newest version is taken).
_V7 = """
ALTER TABLE report ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE office ADD COLUMN template TEXT;
"""

# Version 8: a report's own section headings (a JSON object, heading key → text; '' for none), printed
# instead of the template's: "ketqua" / "nhiemvu" for the two parts, a section code, "CODE:nhiemvu".
_V8 = """
ALTER TABLE report ADD COLUMN headings TEXT NOT NULL DEFAULT '';
"""

# Version 9: a report received in a signed package kept whole, one record of the rows its readers would
# select (``app.storage.received``), guarded like every content table.
_V9 = [
    "CREATE TABLE received_content ("
    " report_id TEXT PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE,"
    " value TEXT NOT NULL, narrative TEXT NOT NULL, document TEXT NOT NULL, task TEXT NOT NULL,"
    " task_review TEXT NOT NULL) WITHOUT ROWID",
    _guard("received_content_frozen_insert", "INSERT", "received_content", _IS_FROZEN.format(row="NEW")),
    _guard("received_content_frozen_update", "UPDATE", "received_content", "1"),
    _guard("received_content_frozen_delete", "DELETE", "received_content", _IS_FROZEN.format(row="OLD")),
    # every figure held, rows of ``value`` and of reports kept whole alike, for whoever reads the file with SQL
    "CREATE VIEW figure AS SELECT report_id, indicator, number, denominator, qualifier, estimate, as_of, note,"
    " prior_year, plan FROM value UNION ALL SELECT c.report_id, json_extract(j.value, '$[0]'),"
    " json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'), json_extract(j.value, '$[3]'),"
    " json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]'), json_extract(j.value, '$[6]'),"
    " json_extract(j.value, '$[7]'), json_extract(j.value, '$[8]') FROM received_content c, json_each(c.value) j",
]

STEPS: list[str | list[str]] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9]
