from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wattwijs.core.modules import Module


class LibraryConfig(AppConfig):
    name = "wattwijs.library"
    label = "library"
    verbose_name = _("Learning materials")
    demo_loader = "wattwijs.library.demo.load"
    modules = (
        Module(
            label=_("Learning materials"),
            url_name="library:search",
            description=_(
                "Open learning materials for the energy transition: find, review, adapt and share them "
                "with other schools."
            ),
            search_priority=10,
        ),
    )
