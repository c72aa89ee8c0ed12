from __future__ import annotations

import factory
from django.contrib.contenttypes.models import ContentType

from wattwijs.core.models import Organisation, Region, Theme
from wattwijs.core.tests.factories import OrganisationFactory, region, theme
from wattwijs.framework.models import Alignment, WorkProcess
from wattwijs.training import cells
from wattwijs.training.models import OfferKind, OfferStatus, OfferTargetGroup, TargetGroup, TrainingOffer


class OfferFactory(factory.django.DjangoModelFactory):
    """An offer; pass providers, regions, themes, target_groups and work_processes as lists."""

    class Meta:
        model = TrainingOffer
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Warmtepomp installeren {n}")
    kind = OfferKind.COURSE
    status = OfferStatus.RUNNING
    level = 3
    is_fictitious = True

    @factory.post_generation
    def providers(self, create: bool, extracted: list[Organisation] | None, **kwargs: object) -> None:
        if create:
            self.providers.set(extracted if extracted is not None else [OrganisationFactory()])

    @factory.post_generation
    def regions(self, create: bool, extracted: list[Region] | None, **kwargs: object) -> None:
        if create:
            self.regions.set(extracted if extracted is not None else [region("AMR12")])

    @factory.post_generation
    def themes(self, create: bool, extracted: list[Theme] | None, **kwargs: object) -> None:
        if create:
            self.themes.set(extracted if extracted is not None else [theme("warmtepompen")])

    @factory.post_generation
    def target_groups(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create:
            groups = extracted if extracted is not None else [TargetGroup.WORKERS]
            OfferTargetGroup.objects.bulk_create(OfferTargetGroup(offer=self, target_group=g) for g in groups)

    @factory.post_generation
    def matrix_cells(self, create: bool, extracted: object, **kwargs: object) -> None:
        """Runs after the regions, themes and target groups are set, as the services do."""
        if create:
            cells.refresh([self.pk])

    @factory.post_generation
    def work_processes(self, create: bool, extracted: list[WorkProcess] | None, **kwargs: object) -> None:
        if create and extracted:
            content_type = ContentType.objects.get_for_model(TrainingOffer)
            Alignment.objects.bulk_create(
                Alignment(content_type=content_type, object_id=self.pk, work_process=wp) for wp in extracted
            )
