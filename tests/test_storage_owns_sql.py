"""Every SQL statement of the core lives under app/storage/, one repository per group of tables."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SQL = re.compile(r"execute(many)?\(|\b(INSERT|UPDATE|DELETE|SELECT)\s")


def test_sql_is_written_only_in_storage():
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in (ROOT / "app").rglob("*.py")
                 if "storage" not in path.relative_to(ROOT / "app").parts
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if SQL.search(line)]
    assert offenders == []


def test_the_check_finds_sql_where_it_is():
    assert SQL.search('db.execute("SELECT 1")') and SQL.search("INSERT INTO value") and not SQL.search("selection")
