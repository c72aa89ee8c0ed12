from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "wattwijs" / "locale" / "nl" / "LC_MESSAGES"


def _entries(po):
    return [entry for entry in po if not entry.obsolete]


def test_the_dutch_catalogue_has_no_untranslated_entries():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    assert [entry.msgid for entry in _entries(po) if not entry.translated()] == []


def test_the_dutch_catalogue_has_no_fuzzy_entries():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    assert [entry.msgid for entry in _entries(po) if "fuzzy" in entry.flags] == []


def test_the_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    mo = polib.mofile(str(CATALOGUE / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): (entry.msgstr, entry.msgstr_plural) for entry in mo}
    source = {(entry.msgctxt, entry.msgid): (entry.msgstr, entry.msgstr_plural) for entry in _entries(po)}
    assert compiled == source


@pytest.mark.django_db
def test_pages_render_in_english_when_chosen(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Organisations" in client.get("/organisaties/").content.decode()


@pytest.mark.django_db
def test_pages_render_in_dutch_by_default(client):
    assert "Organisaties" in client.get("/organisaties/").content.decode()
