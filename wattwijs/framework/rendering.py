"""Fast HTML for the framework tree: thousands of nodes are too many for template loops.

Translated texts are looked up once per page (``_Texts``), not once per node.
"""

from __future__ import annotations

from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wattwijs.framework.selectors import DossierNode, QualificationNode, WorkProcessNode


def _url_prefix(name: str) -> str:
    return reverse(name, kwargs={"pk": 0})[:-2]


class _Texts:
    """URL prefixes and translated, escaped texts, each made once per render."""

    def __init__(self) -> None:
        self.dossier_url = _url_prefix("framework:dossier_detail")
        self.qualification_url = _url_prefix("framework:qualification_detail")
        self.core_task_url = _url_prefix("framework:core_task_detail")
        self.work_process_url = _url_prefix("framework:work_process_detail")
        self.show_work_processes = escape(_("Show the work processes"))
        self._level = _("level %(n)d")
        self._cache: dict[tuple[str, int], str] = {}

    def counted(self, kind: str, n: int) -> str:
        key = (kind, n)
        if key not in self._cache:
            self._cache[key] = escape(COUNTED[kind](n) % {"n": n})
        return self._cache[key]

    def level(self, n: int) -> str:
        key = ("level", n)
        if key not in self._cache:
            self._cache[key] = escape(self._level % {"n": n})
        return self._cache[key]


# Literal msgids, so that makemessages finds them.
COUNTED = {
    "qualification": lambda n: ngettext("%(n)d qualification", "%(n)d qualifications", n),
    "work_process": lambda n: ngettext("%(n)d work process", "%(n)d work processes", n),
    "unit": lambda n: ngettext("%(n)d unit", "%(n)d units", n),
    "aligned": lambda n: ngettext("%(n)d aligned", "%(n)d aligned", n),
}


def _toggle(count_text: str, is_open: str, name: str = "") -> str:
    # Links stay outside <summary>: interactive elements must not nest.
    hidden_name = f'<span class="visually-hidden">{name}: </span>' if name else ""
    return f"<details{is_open}><summary>{hidden_name}{count_text}</summary><ul>"


def render_tree(nodes: list[DossierNode], *, open_all: bool = False) -> SafeString:
    """Nested lists with a <details> toggle per dossier, qualification and core task; every node links to its page."""
    texts = _Texts()
    is_open = " open" if open_all else ""
    out: list[str] = ['<ul class="framework-tree">']
    for dossier in nodes:
        name = escape(dossier.name)
        count_text = texts.counted("qualification", len(dossier.qualifications))
        out.append(f'<li><a href="{texts.dossier_url}{dossier.id}/">{name}</a>{_toggle(count_text, is_open, name)}')
        for qualification in dossier.qualifications:
            out.append(_qualification(qualification, texts, is_open))
        out.append("</ul></details></li>")
    out.append("</ul>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def _qualification(qualification: QualificationNode, texts: _Texts, is_open: str) -> str:
    name = escape(qualification.name)
    count_text = texts.counted("work_process", qualification.work_process_count)
    parts = [
        f'<li><a href="{texts.qualification_url}{qualification.id}/">{name}</a> '
        f'<span class="meta">{texts.level(qualification.level)}</span>{_toggle(count_text, is_open, name)}'
    ]
    for task in qualification.core_tasks:
        task_url = f"{texts.core_task_url}{task.id}/"
        parts.append(f'<li><a href="{task_url}">{escape(task.code)} {escape(task.name)}</a>')
        if task.work_processes:
            parts.append(_work_processes(task.work_processes, texts, wrap=True))
        elif task.work_process_count:
            # Loaded when the toggle is opened (htmx); without JavaScript the link leads to the core task page.
            parts.append(
                f"{_toggle(texts.counted('work_process', task.work_process_count), is_open)}"
                f'<li hx-get="{task_url}werkprocessen/" hx-trigger="intersect once" hx-swap="outerHTML">'
                f'<a href="{task_url}">{texts.show_work_processes}</a></li></ul></details>'
            )
        parts.append("</li>")
    parts.append("</ul></details></li>")
    return "".join(parts)


def _work_processes(work_processes: list[WorkProcessNode], texts: _Texts, *, wrap: bool) -> str:
    parts = ["<ul>"] if wrap else []
    for wp in work_processes:
        badges = ""
        if wp.unit_count:
            badges += f' <span class="badge">{texts.counted("unit", wp.unit_count)}</span>'
        if wp.alignment_count:
            badges += f' <span class="badge">{texts.counted("aligned", wp.alignment_count)}</span>'
        parts.append(
            f'<li><a href="{texts.work_process_url}{wp.id}/">{escape(wp.code)} {escape(wp.name)}</a>{badges}</li>'
        )
    if wrap:
        parts.append("</ul>")
    return "".join(parts)


def render_work_processes(work_processes: list[WorkProcessNode]) -> SafeString:
    """List items for the work processes of one core task, with their unit and alignment counts."""
    return mark_safe(_work_processes(work_processes, _Texts(), wrap=False))  # noqa: S308 - escaped above
