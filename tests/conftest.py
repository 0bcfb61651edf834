"""Shared fixtures. Qt runs offscreen; no test ever touches the user's data folder."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from app.commands.cli_actions import load_sample  # noqa: E402
from app.storage import db as dbmod
from app.storage.store import Store  # noqa: E402


@pytest.fixture(autouse=True)
def _no_user_data(tmp_path_factory, monkeypatch):
    """Point the per-user data folder at a temporary one for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("APPDATA", str(home / "appdata"))
    assert str(dbmod.default_path()).startswith(str(home))


@pytest.fixture
def store():
    """A migrated in-memory database."""
    opened = dbmod.open_database(None)
    yield Store(opened.db)
    opened.close()


@pytest.fixture
def file_store(tmp_path):
    opened = dbmod.open_database(tmp_path / "bc.sqlite3")
    yield Store(opened.db)
    opened.close()


@pytest.fixture
def sample(store):
    """The store with the seed report (TTH, 2020-Q1) loaded."""
    load_sample(store)
    return store


@pytest.fixture
def sample_data(sample):
    return sample.content.load(sample.report("TTH", "2020-Q1"))


# PySide6 6.12 drops references to True/False/None in some C++ → Python calls (a refcount bug in
# the binding, seen only as "Fatal Python error: bool_dealloc" while the interpreter tears down
# after many window tests in one process). Every test has run and been reported by then: end the
# process with pytest's own exit status instead of letting that teardown abort it.
_exit_status: list[int] = []


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    import sys

    if _exit_status and "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])
