"""The matrix body, rendered in Python: 35 × 17 cells through the template engine cost more than the counting."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wattwijs.training.selectors import Matrix

register = template.Library()


@register.simple_tag
def matrix_rows(matrix: Matrix) -> SafeString:
    """The <tr> rows of the matrix: a row header (a region links to its page) and one shaded cell per column."""
    region_url = reverse("training:region_detail", kwargs={"code": "CODE"})
    parts = []
    for row in matrix.rows:
        label = str(escape(row.header.label))
        if matrix.row_dimension == "region":
            label = f'<a href="{escape(region_url.replace("CODE", row.header.key))}">{label}</a>'
        parts.append('<tr class="matrix-parent">' if row.header.is_parent else "<tr>")
        parts.append(f'<th scope="row">{label}</th>')
        for cell in row.cells:
            if cell.total:
                developing = f'<span class="developing">+{cell.developing}</span>' if cell.developing else ""
                content = f'<a href="{escape(cell.url)}">{cell.available}{developing}</a>'
            else:
                content = "·"
            parts.append(f'<td class="heat-{cell.shade}">{content}</td>')
        parts.append("</tr>")
    return mark_safe("".join(parts))  # noqa: S308 - every label and URL above is escaped


@register.simple_tag
def matrix_cell_rows(matrix: Matrix) -> SafeString:
    """The non-empty cells as rows of a plain table: row, column, available (linked), in development."""
    parts = [
        f"<tr><td>{escape(row.label)}</td><td>{escape(column.label)}</td>"
        f'<td><a href="{escape(cell.url)}">{cell.available}</a></td><td>{cell.developing}</td></tr>'
        for row, column, cell in matrix.nonzero()
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every label and URL above is escaped
