"""Checked import files that were never confirmed are removed by a periodic task once they are old enough."""

from __future__ import annotations

import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wattwijs.core import schedule
from wattwijs.interop import services, tasks


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pending(name: str, *, hours_old: float) -> str:
    path = default_storage.save(f"{services.PENDING_IMPORT_DIRECTORY}/{name}", ContentFile(b"titel\n"))
    moment = time.time() - hours_old * 3600
    os.utime(default_storage.path(path), (moment, moment))
    return path


def test_pending_imports_older_than_the_limit_are_removed(settings):
    settings.INTEROP_IMPORT_PENDING_MAX_AGE_SECONDS = 3600
    old = pending("oud.csv", hours_old=2)
    fresh = pending("vers.xlsx", hours_old=0.5)
    assert tasks.purge_pending_imports.call() == 1
    assert not default_storage.exists(old)
    assert default_storage.exists(fresh)


def test_without_pending_imports_there_is_nothing_to_remove():
    assert tasks.purge_pending_imports.call() == 0


def test_the_purge_is_a_periodic_task():
    names = {periodic.name for periodic in schedule.registered()}
    assert {"wattwijs.interop.tasks.purge_pending_imports", "wattwijs.interop.tasks.harvest_fail_stale_runs"} <= names
