from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Theme
from wattwijs.framework.models import FrameworkUnit, FrameworkVersion, WorkProcess
from wattwijs.framework.selectors import work_processes_of_version
from wattwijs.framework.widgets import WorkProcessTreeField

LEVEL_CHOICES = [("", _("All levels"))] + [(str(level), _("Level %(n)d") % {"n": level}) for level in range(1, 5)]


class TreeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    level = forms.TypedChoiceField(
        label=_("Level"), required=False, choices=LEVEL_CHOICES, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        themes = Theme.objects.order_by("position")
        self.fields["theme"].choices = [("", _("All themes"))] + [  # type: ignore[attr-defined]
            (theme.code, ("— " if theme.parent_id else "") + theme.name) for theme in themes
        ]


class UnitForm(forms.ModelForm):
    class Meta:
        model = FrameworkUnit
        fields = ["code", "name", "description", "study_load_hours", "level", "themes"]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "level": forms.Select(choices=[("", "—")] + [(level, level) for level in range(1, 5)]),
        }
        help_texts = {"study_load_hours": _("The hours a learner needs on average, practice included.")}

    def __init__(self, *args: Any, version: FrameworkVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.order_by("position")  # type: ignore[attr-defined]
        self.fields["work_processes"] = WorkProcessTreeField(
            work_processes=work_processes_of_version(version),
            label=_("Work processes"),
            required=False,
            help_text=_("The work processes this unit teaches. Open a qualification to choose."),
            initial=list(self.instance.work_processes.values_list("pk", flat=True)) if self.instance.pk else [],
        )


class VersionDraftForm(forms.Form):
    name = forms.CharField(label=_("Name of the new version"), max_length=120)
    slug = forms.SlugField(
        label=_("Short name in web addresses"),
        max_length=60,
        help_text=_("Letters, digits and hyphens, for example kwalificatiekader-2028."),
    )


class WorkProcessDeleteForm(forms.Form):
    replacement = forms.ModelChoiceField(
        label=_("Replacement"),
        queryset=WorkProcess.objects.none(),
        required=False,
        help_text=_("Everything aligned or mapped to the deleted work process moves to this one."),
    )

    def __init__(self, *args: Any, work_process: WorkProcess, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version = work_process.core_task.qualification.dossier.version
        self.fields["replacement"].queryset = (  # type: ignore[attr-defined]
            work_processes_of_version(version)
            .exclude(pk=work_process.pk)
            .select_related("core_task__qualification")
            .order_by("core_task__qualification__name", "code")
        )
        self.fields["replacement"].label_from_instance = (  # type: ignore[attr-defined]
            lambda wp: f"{wp.core_task.qualification} – {wp.code} {wp.name}"
        )
