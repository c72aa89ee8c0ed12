from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wattwijs.core.modules import Module


class CapacityConfig(AppConfig):
    name = "wattwijs.capacity"
    label = "capacity"
    verbose_name = _("Workforce capacity")
    demo_loader = "wattwijs.capacity.demo.load"
    modules = (
        Module(
            label=_("Workforce capacity"),
            url_name="capacity:overview",
            description=_(
                "How many people the work asks for per region and theme, how many training and chains deliver, "
                "what outflow costs and what smarter work processes save: scenarios up to 2035."
            ),
        ),
    )
