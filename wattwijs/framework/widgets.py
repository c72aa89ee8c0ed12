"""The shared alignment widget: a searchable multi-select of work processes, shown as the framework tree."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet

from wattwijs.framework.models import WorkProcess


class WorkProcessTreeWidget(forms.CheckboxSelectMultiple):
    """Checkboxes grouped per qualification and core task in <details>; a filter box (JavaScript) narrows them."""

    template_name = "framework/widgets/work_process_tree.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.work_processes: QuerySet[WorkProcess] = WorkProcess.objects.none()

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        selected = {str(item) for item in (value or [])}
        groups: dict[int, dict[str, Any]] = {}
        for wp in self.work_processes:
            task = wp.core_task
            qualification = task.qualification
            group = groups.setdefault(qualification.pk, {"label": str(qualification), "tasks": {}, "selected": 0})
            task_group = group["tasks"].setdefault(task.pk, {"label": str(task), "options": []})
            checked = str(wp.pk) in selected
            group["selected"] += checked
            task_group["options"].append(
                {
                    "value": wp.pk,
                    "label": f"{wp.code} {wp.name}",
                    "checked": checked,
                    "id": f"{attrs and attrs.get('id') or name}_{wp.pk}",
                }
            )
        context["tree"] = [{**group, "tasks": list(group["tasks"].values())} for group in groups.values()]
        context["selected_count"] = len(selected)
        return context


class WorkProcessTreeField(forms.ModelMultipleChoiceField):
    """Choose work processes of one framework version. Reused by every module that aligns to the framework."""

    widget = WorkProcessTreeWidget

    def __init__(self, *, work_processes: Iterable[WorkProcess] | QuerySet[WorkProcess], **kwargs: Any) -> None:
        queryset = work_processes.select_related("core_task__qualification").order_by(  # type: ignore[union-attr]
            "core_task__qualification__name", "core_task__qualification__level", "code"
        )
        super().__init__(queryset=queryset, **kwargs)
        self.widget.work_processes = queryset  # type: ignore[attr-defined]
