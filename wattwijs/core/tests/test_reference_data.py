import pytest

from wattwijs.core.models import Region, Theme

pytestmark = pytest.mark.django_db


def test_it_loads_all_35_labour_market_regions():
    assert Region.objects.count() == 35


def test_it_loads_the_theme_tree_with_parents():
    assert Theme.objects.get(code="warmtepompen").parent.code == "gebouwde-omgeving"


def test_it_names_themes_in_the_active_language(settings):
    from django.utils import translation

    theme = Theme.objects.get(code="warmtepompen")
    with translation.override("en"):
        assert theme.name == "Heat pumps"
    with translation.override("nl"):
        assert theme.name == "Warmtepompen"
