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

    def ready(self) -> None:
        from wattwijs.matching import selectors, services
        from wattwijs.pathways import personal_data

        personal_data.register(
            personal_data.Provider(
                name=self.label,
                sections={
                    "match_decisions": _("Match decisions"),
                    "route_advice": _("Saved route advice"),
                },
                export=selectors.candidate_personal_data,
                erase=services.candidate_data_erase,
                labels={
                    "decision": _("Decision"),
                    "score": _("Score"),
                    "decided_at": _("Decided at"),
                    "decided_by": _("Decided by"),
                    "goal": _("Goal"),
                    "covered": _("Work processes already covered"),
                    "missing": _("Work processes still to learn"),
                    "offers": _("Training offers"),
                    "hours": _("Study hours"),
                    "uncoverable": _("Work processes no training covers"),
                    "approximate": _("Approximation"),
                    "saved_at": _("Saved at"),
                    "saved_by": _("Saved by"),
                },
            )
        )
