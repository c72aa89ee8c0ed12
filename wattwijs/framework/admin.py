from django.contrib import admin

from wattwijs.framework.models import (
    Alignment,
    Certificate,
    Competence,
    CoreTask,
    Dossier,
    Elective,
    FrameworkUnit,
    FrameworkVersion,
    Qualification,
    WorkProcess,
)


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "status", "based_on", "adopted_at"]
    list_filter = ["status"]


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "sector"]
    list_filter = ["version"]
    search_fields = ["name"]


@admin.register(Qualification)
class QualificationAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "dossier"]
    list_filter = ["level", "dossier__version"]
    search_fields = ["name"]


@admin.register(CoreTask)
class CoreTaskAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "qualification", "part"]
    search_fields = ["code", "name"]
    raw_id_fields = ["qualification"]


@admin.register(WorkProcess)
class WorkProcessAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "core_task", "is_example"]
    search_fields = ["code", "name"]
    raw_id_fields = ["core_task"]


@admin.register(FrameworkUnit)
class FrameworkUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "version", "level", "study_load_hours"]
    list_filter = ["version", "level"]
    search_fields = ["code", "name"]
    raw_id_fields = ["work_processes"]


@admin.register(Elective)
class ElectiveAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "study_load_hours", "level"]
    list_filter = ["version"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "version", "hours"]
    list_filter = ["kind", "version"]
    raw_id_fields = ["work_processes"]


@admin.register(Competence)
class CompetenceAdmin(admin.ModelAdmin):
    list_display = ["name", "version"]
    list_filter = ["version"]
    raw_id_fields = ["work_processes"]


@admin.register(Alignment)
class AlignmentAdmin(admin.ModelAdmin):
    list_display = ["content_type", "object_id", "work_process", "competence", "qualification", "unit", "created_at"]
    raw_id_fields = ["work_process", "competence", "qualification", "unit"]
