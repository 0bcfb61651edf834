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
