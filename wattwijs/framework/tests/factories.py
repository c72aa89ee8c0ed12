from __future__ import annotations

import factory

from wattwijs.framework.models import (
    Certificate,
    Competence,
    CoreTask,
    Dossier,
    FrameworkUnit,
    FrameworkVersion,
    Qualification,
    WorkProcess,
)


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrameworkVersion

    name = factory.Sequence(lambda n: f"Kwalificatiekader test {n}")
    slug = factory.Sequence(lambda n: f"kader-test-{n}")
    status = FrameworkVersion.Status.DRAFT


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier

    version = factory.SubFactory(VersionFactory)
    name = factory.Sequence(lambda n: f"Installatietechniek {n}")
    sector = "Techniek"


class QualificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Qualification

    dossier = factory.SubFactory(DossierFactory)
    name = factory.Sequence(lambda n: f"Monteur installatietechniek {n}")
    level = 2


class CoreTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoreTask

    qualification = factory.SubFactory(QualificationFactory)
    code = factory.Sequence(lambda n: f"B1-K{n}")
    name = "Installeert en monteert"


class WorkProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkProcess

    core_task = factory.SubFactory(CoreTaskFactory)
    code = factory.Sequence(lambda n: f"B1-K1-W{n}")
    name = "Bereidt de werkzaamheden voor"
    is_example = True


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrameworkUnit
        skip_postgeneration_save = True

    version = factory.SubFactory(VersionFactory)
    code = factory.Sequence(lambda n: f"KE-{n:02d}")
    name = factory.Sequence(lambda n: f"Warmtepomp installeren {n}")
    study_load_hours = 80
    level = 3

    @factory.post_generation
    def work_processes(self, create: bool, extracted: list[WorkProcess] | None, **kwargs: object) -> None:
        if create and extracted:
            self.work_processes.set(extracted)


class CompetenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competence
        skip_postgeneration_save = True

    version = factory.SubFactory(VersionFactory)
    name = factory.Sequence(lambda n: f"Storingen opsporen {n}")

    @factory.post_generation
    def work_processes(self, create: bool, extracted: list[WorkProcess] | None, **kwargs: object) -> None:
        if create and extracted:
            self.work_processes.set(extracted)


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate
        skip_postgeneration_save = True

    version = factory.SubFactory(VersionFactory)
    kind = Certificate.Kind.BRANCH
    name = factory.Sequence(lambda n: f"F-gassen {n}")
    hours = 24

    @factory.post_generation
    def work_processes(self, create: bool, extracted: list[WorkProcess] | None, **kwargs: object) -> None:
        if create and extracted:
            self.work_processes.set(extracted)


def qualification_with_work_processes(
    version: FrameworkVersion, count: int = 4, name: str = "Eerste monteur"
) -> Qualification:
    """A qualification in ``version`` with one core task holding ``count`` work processes B1-K1-W1…"""
    qualification = QualificationFactory(dossier=DossierFactory(version=version), name=name, level=3)
    task = CoreTaskFactory(qualification=qualification, code="B1-K1")
    for number in range(1, count + 1):
        WorkProcessFactory(core_task=task, code=f"B1-K1-W{number}", name=f"Werkproces {number}")
    return qualification
