from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wattwijs.core.modules import Module


class CoreConfig(AppConfig):
    name = "wattwijs.core"
    label = "core"
    verbose_name = _("Platform core")
    modules = (
        Module(
            label=_("Organisations"),
            url_name="core:organisation_list",
            description=_(
                "Schools, companies, branches, UWV and municipalities that train people "
                "for the energy transition together."
            ),
            search_priority=1,
        ),
        Module(
            label=_("Regions"),
            url_name="core:region_list",
            description=_("The 35 labour-market regions and who is active in each."),
        ),
        Module(
            label=_("Themes"),
            url_name="core:theme_list",
            description=_("Solar PV, heat pumps, heat networks, charging points and more."),
        ),
    )

    def ready(self) -> None:
        from wattwijs.core import lookups, signals

        lookups.register()
        signals.connect()
