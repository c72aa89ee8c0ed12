from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wattwijs.core.modules import Module


class PracticeConfig(AppConfig):
    name = "wattwijs.practice"
    label = "practice"
    verbose_name = _("Practice examples")
    demo_loader = "wattwijs.practice.demo.load"
    modules = (
        Module(
            label=_("Practice examples"),
            url_name="practice:practice_list",
            description=_(
                "Regional approaches that work, told so others can copy them; energy innovation projects as "
                "learning environments; and the toolkit of success factors for career switchers."
            ),
        ),
    )
    home_sections = ("wattwijs.practice.sections.home_next_session",)
