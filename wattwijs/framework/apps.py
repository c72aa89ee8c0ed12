from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wattwijs.core.modules import Module


class FrameworkConfig(AppConfig):
    name = "wattwijs.framework"
    label = "framework"
    verbose_name = _("Qualification framework")
    demo_loader = "wattwijs.framework.demo.load"
    theme_sections = ("wattwijs.framework.sections.theme_qualifications",)
    modules = (
        Module(
            label=_("Qualification framework"),
            url_name="framework:tree",
            description=_(
                "Qualification dossiers, qualifications, core tasks and work processes, and the framework "
                "units that schools and companies combine into routes."
            ),
        ),
    )
