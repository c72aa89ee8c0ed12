from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wattwijs.core.modules import Module


class TrainingConfig(AppConfig):
    name = "wattwijs.training"
    label = "training"
    verbose_name = _("Training map")
    demo_loader = "wattwijs.training.demo.load"
    region_sections = ("wattwijs.training.sections.region_training",)
    modules = (
        Module(
            label=_("Training map"),
            url_name="training:matrix",
            description=_(
                "Which training exists and is being developed for which theme, in which region, by whom; "
                "with overlap and gaps made visible."
            ),
        ),
    )
