from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wattwijs.core.modules import Module


class PathwaysConfig(AppConfig):
    name = "wattwijs.pathways"
    label = "pathways"
    verbose_name = _("Transitiehuis")
    demo_loader = "wattwijs.pathways.demo.load"
    modules = (
        Module(
            label=_("Transitiehuis"),
            url_name="pathways:chain_list",
            description=_(
                "The regional chain for career switchers: from intake to aftercare, shared by the partners, "
                "with consent and privacy built in."
            ),
        ),
    )
