from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wattwijs.core.modules import Module


class MatchingConfig(AppConfig):
    name = "wattwijs.matching"
    label = "matching"
    verbose_name = _("Matching")
    modules = (
        Module(
            label=_("Route advice"),
            url_name="matching:route_advice",
            description=_(
                "From what you can to what you want: the work processes you still need and the training near you "
                "that teaches them in the fewest hours."
            ),
        ),
    )
