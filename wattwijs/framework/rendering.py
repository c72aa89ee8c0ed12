"""Fast HTML for the framework tree: tens of thousands of nodes are too many for template loops."""

from __future__ import annotations

from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wattwijs.framework.selectors import DossierNode, QualificationNode


def _url_prefix(name: str) -> str:
    return reverse(name, kwargs={"pk": 0})[:-2]


class _Urls:
    def __init__(self) -> None:
        self.dossier = _url_prefix("framework:dossier_detail")
        self.qualification = _url_prefix("framework:qualification_detail")
        self.core_task = _url_prefix("framework:core_task_detail")
        self.work_process = _url_prefix("framework:work_process_detail")


def _toggle(name: str, count_text: str, is_open: str) -> str:
    # Links stay outside <summary>: interactive elements must not nest.
    return f'<details{is_open}><summary><span class="visually-hidden">{name}: </span>{count_text}</summary><ul>'


def render_tree(nodes: list[DossierNode], *, open_all: bool = False) -> SafeString:
    """Nested lists with a <details> toggle per dossier and qualification; every node links to its own page."""
    urls = _Urls()
    is_open = " open" if open_all else ""
    out: list[str] = ['<ul class="framework-tree">']
    for dossier in nodes:
        name = escape(dossier.name)
        count = len(dossier.qualifications)
        count_text = escape(ngettext("%(n)d qualification", "%(n)d qualifications", count) % {"n": count})
        out.append(f'<li><a href="{urls.dossier}{dossier.id}/">{name}</a>{_toggle(name, count_text, is_open)}')
        for qualification in dossier.qualifications:
            out.append(_qualification(qualification, urls, is_open))
        out.append("</ul></details></li>")
    out.append("</ul>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def _qualification(qualification: QualificationNode, urls: _Urls, is_open: str) -> str:
    name = escape(qualification.name)
    count = qualification.work_process_count
    count_text = escape(ngettext("%(n)d work process", "%(n)d work processes", count) % {"n": count})
    level = escape(_("level %(n)d") % {"n": qualification.level})
    parts = [
        f'<li><a href="{urls.qualification}{qualification.id}/">{name}</a> <span class="meta">{level}</span>'
        f"{_toggle(name, count_text, is_open)}"
    ]
    for task in qualification.core_tasks:
        parts.append(f'<li><a href="{urls.core_task}{task.id}/">{escape(task.code)} {escape(task.name)}</a><ul>')
        for wp in task.work_processes:
            badges = ""
            if wp.unit_count:
                units = ngettext("%(n)d unit", "%(n)d units", wp.unit_count) % {"n": wp.unit_count}
                badges += f' <span class="badge">{escape(units)}</span>'
            if wp.alignment_count:
                aligned = ngettext("%(n)d aligned", "%(n)d aligned", wp.alignment_count) % {"n": wp.alignment_count}
                badges += f' <span class="badge">{escape(aligned)}</span>'
            parts.append(
                f'<li><a href="{urls.work_process}{wp.id}/">{escape(wp.code)} {escape(wp.name)}</a>{badges}</li>'
            )
        parts.append("</ul></li>")
    parts.append("</ul></details></li>")
    return "".join(parts)
