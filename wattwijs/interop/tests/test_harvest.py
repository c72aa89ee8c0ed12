"""Harvesting a small OAI-PMH repository that the tests serve on 127.0.0.1."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from wattwijs.core.tests.factories import OrganisationFactory
from wattwijs.interop import services, tasks
from wattwijs.interop.client import Client
from wattwijs.interop.models import HarvestRun, HarvestSource
from wattwijs.interop.tests.factories import HarvestSourceFactory
from wattwijs.interop.tests.feed import MBO_3, NO_RECORDS, Answer, Feed, deleted_record, lom_record, page, serve
from wattwijs.library.models import Resource, ResourceVersion, SearchDocument, Source
from wattwijs.library.search import engine
from wattwijs.library.search import index as library_index

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("local_repository")]

BROKEN = (
    "<record><header><identifier>oai:voorbeeld.nl:kapot</identifier><datestamp>2026-03-01</datestamp></header>"
    "<metadata><lom xmlns='http://www.imsglobal.org/xsd/imsmd_v1p2'><general><title>open</general></lom>"
    "</metadata></record>"
)


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps():
    return Sleeps()


@pytest.fixture
def harvest(sleeps):
    def run(feed, *, source=None, **options):
        with serve(feed) as url:
            source = source or HarvestSourceFactory(base_url=url, name="Voorbeeldbank")
            if source.base_url != url:
                source.base_url = url
                source.save()
            return services.harvest(source=source, client=Client(sleep=sleeps, timeout=10), **options)

    return run


def three_pages():
    return Feed(
        pages={
            "": page([lom_record(1), lom_record(2)], "p2", complete=5),
            "p2": page([lom_record(3), deleted_record("oai:voorbeeld.nl:1")], "p3", complete=5),
            "p3": page([lom_record(4), BROKEN], "", complete=5),
        },
        before={"p2": [Answer(status=503, headers={"Retry-After": "7"})]},
    )


def test_a_harvest_follows_resumption_tokens_and_counts_what_it_did(harvest):
    run = harvest(three_pages())
    assert run.status == HarvestRun.Status.FINISHED
    assert (run.added, run.updated, run.deleted, run.failed) == (3, 0, 0, 1)
    # Record 1 was deleted on a later page of the same harvest, so it is never stored.
    assert set(Resource.objects.values_list("oai_identifier", flat=True)) == {
        "oai:voorbeeld.nl:2",
        "oai:voorbeeld.nl:3",
        "oai:voorbeeld.nl:4",
    }


def test_a_503_with_retry_after_is_waited_out(harvest, sleeps):
    feed = three_pages()
    harvest(feed)
    assert sleeps == [7.0]
    assert [q.get("resumptionToken", [""])[0] for q in feed.requests] == ["", "p2", "p2", "p3"]


def test_a_503_that_does_not_end_stops_the_run_after_bounded_retries(harvest, sleeps):
    busy = [Answer(status=503, headers={"Retry-After": "100000"}) for _ in range(10)]
    run = harvest(Feed(pages={"": page([lom_record(1)])}, before={"": busy}))
    assert run.status == HarvestRun.Status.FAILED
    assert "503" in run.message
    assert sleeps == [300.0, 300.0, 300.0]
    assert not Resource.objects.exists()


def test_a_broken_record_is_reported_in_dutch_and_skipped(harvest):
    run = harvest(three_pages())
    error = run.errors.get()
    assert error.identifier == "oai:voorbeeld.nl:kapot"
    assert error.message == "Het record is geen welgevormde XML."


def test_harvested_records_become_published_external_materials(harvest):
    run = harvest(three_pages())
    resource = Resource.objects.get(oai_identifier="oai:voorbeeld.nl:2")
    version = resource.current
    assert resource.source == Source.HARVESTED
    assert resource.publisher == run.source.organisation
    assert version.status == ResourceVersion.Status.PUBLISHED
    assert version.title == "Zonnepanelen aansluiten deel 2"
    assert version.location == "https://voorbeeld.nl/m/2"
    assert version.keywords == ["omvormer", "zonnestroom"]
    assert version.educational_levels == [MBO_3]
    assert version.learning_resource_types == ["exercise"]
    assert version.intended_end_user_roles == ["learner"]
    assert version.licence == "cc-by-sa-40"
    assert [a.name for a in version.authors.all()] == ["Anna de Vries"]


def test_harvested_materials_are_found_with_the_source_facet(harvest):
    harvest(three_pages())
    outcome = engine.search(engine.SearchParams(q="omvormer", filters={"source": (Source.HARVESTED,)}))
    assert outcome.total == 3
    assert SearchDocument.objects.filter(source=Source.HARVESTED).count() == 3


def test_harvesting_again_skips_unchanged_records(harvest):
    first = harvest(three_pages())
    again = harvest(three_pages(), source=first.source)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert ResourceVersion.objects.count() == 3


def test_a_changed_datestamp_publishes_a_new_version(harvest):
    first = harvest(Feed(pages={"": page([lom_record(1)])}))
    changed = lom_record(1, datestamp="2026-04-01T08:00:00Z", title="Omvormer vervangen")
    run = harvest(Feed(pages={"": page([changed])}), source=first.source)
    assert (run.added, run.updated) == (0, 1)
    resource = Resource.objects.get()
    assert (resource.current.number, resource.current.title) == (2, "Omvormer vervangen")
    assert list(SearchDocument.objects.values_list("title", flat=True)) == ["Omvormer vervangen"]


def test_a_deleted_record_withdraws_the_material(harvest):
    first = harvest(Feed(pages={"": page([lom_record(1), lom_record(2)])}))
    run = harvest(Feed(pages={"": page([deleted_record("oai:voorbeeld.nl:1")])}), source=first.source)
    assert run.deleted == 1
    withdrawn = Resource.objects.get(oai_identifier="oai:voorbeeld.nl:1")
    assert withdrawn.current.status == ResourceVersion.Status.ARCHIVED
    assert list(SearchDocument.objects.values_list("resource__oai_identifier", flat=True)) == ["oai:voorbeeld.nl:2"]


def test_a_withdrawn_record_that_comes_back_is_published_again(harvest):
    first = harvest(Feed(pages={"": page([lom_record(1)])}))
    harvest(Feed(pages={"": page([deleted_record("oai:voorbeeld.nl:1")])}), source=first.source)
    run = harvest(Feed(pages={"": page([lom_record(1)])}), source=first.source)
    assert run.updated == 1
    assert SearchDocument.objects.count() == 1


def test_no_records_match_is_an_empty_harvest(harvest):
    run = harvest(Feed(pages={"": NO_RECORDS}))
    assert run.status == HarvestRun.Status.FINISHED
    assert (run.added, run.failed) == (0, 0)


def test_the_from_date_is_sent_to_the_repository(harvest):
    from datetime import UTC, datetime

    feed = Feed(pages={"": NO_RECORDS})
    harvest(feed, harvest_from=datetime(2026, 3, 1, tzinfo=UTC))
    assert feed.requests[0]["from"] == ["2026-03-01"]


def test_an_unreachable_repository_stops_the_run_with_a_message(harvest):
    source = HarvestSourceFactory(base_url="http://127.0.0.1:9/oai")
    run = services.harvest(source=source, client=Client(timeout=5))
    assert run.status == HarvestRun.Status.FAILED
    assert run.message.startswith("De repository is niet bereikbaar")


def test_a_page_that_is_not_oai_pmh_stops_the_run_and_keeps_earlier_pages(harvest):
    feed = Feed(pages={"": page([lom_record(1)], "p2"), "p2": b"<html><body>Onderhoud</body></html>"})
    run = harvest(feed)
    assert run.status == HarvestRun.Status.FAILED
    assert run.added == 1
    assert Resource.objects.count() == 1


def test_a_failure_while_storing_a_batch_leaves_nothing_of_it(harvest, monkeypatch):
    def broken_index(resource_ids):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(library_index, "index_resources", broken_index)
    run = harvest(Feed(pages={"": page([lom_record(1), lom_record(2)])}))
    assert run.status == HarvestRun.Status.FAILED
    assert not Resource.objects.exists()
    assert not ResourceVersion.objects.exists()


def test_a_record_with_the_identifier_of_a_material_shared_on_wattwijs_is_refused(harvest):
    from wattwijs.library.tests.factories import material

    own = material(title="Eigen materiaal")
    Resource.objects.filter(pk=own.resource_id).update(oai_identifier="oai:voorbeeld.nl:1")
    run = harvest(Feed(pages={"": page([lom_record(1), lom_record(2)])}))
    assert (run.added, run.failed) == (1, 1)
    assert run.errors.get().identifier == "oai:voorbeeld.nl:1"
    assert ResourceVersion.objects.get(resource=own.resource_id).title == "Eigen materiaal"


def test_a_record_with_the_identifier_of_another_publishers_material_is_refused(harvest):
    theirs = harvest(Feed(pages={"": page([lom_record(1)])}))
    mine = HarvestSourceFactory(set_spec="eigen")
    changed = lom_record(1, datestamp="2026-04-01T08:00:00Z", title="Overgenomen titel")
    run = harvest(Feed(pages={"": page([changed, lom_record(2)])}), source=mine)
    assert (run.added, run.updated, run.failed) == (1, 0, 1)
    assert run.errors.get().identifier == "oai:voorbeeld.nl:1"
    resource = Resource.objects.get(oai_identifier="oai:voorbeeld.nl:1")
    assert resource.publisher == theirs.source.organisation
    assert resource.current.title == "Zonnepanelen aansluiten deel 1"


def test_a_deleted_record_does_not_withdraw_another_publishers_material(harvest):
    harvest(Feed(pages={"": page([lom_record(1)])}))
    mine = HarvestSourceFactory(set_spec="eigen")
    run = harvest(Feed(pages={"": page([deleted_record("oai:voorbeeld.nl:1")])}), source=mine)
    assert (run.deleted, run.failed) == (0, 1)
    assert run.errors.get().identifier == "oai:voorbeeld.nl:1"
    resource = Resource.objects.get(oai_identifier="oai:voorbeeld.nl:1")
    assert resource.current.status == ResourceVersion.Status.PUBLISHED
    assert SearchDocument.objects.count() == 1


def test_the_command_harvests_and_prints_the_counts():
    publisher = OrganisationFactory(name="Voorbeeldbank", website="http://127.0.0.1/")
    feed = three_pages()
    feed.before = {}
    out, err = StringIO(), StringIO()
    with serve(feed) as url:
        call_command("harvest_oai", url, "--metadata-prefix", "lom", stdout=out, stderr=err)
    assert out.getvalue().strip() == "added=3 updated=0 unchanged=0 deleted=0 failed=1"
    assert "oai:voorbeeld.nl:kapot" in err.getvalue()
    assert Resource.objects.first().publisher == publisher


def test_the_command_asks_for_an_organisation_when_none_has_the_repository_as_website():
    with pytest.raises(CommandError, match="Geen organisatie heeft een website op 127.0.0.1"):
        call_command("harvest_oai", "http://127.0.0.1:9/oai")


def test_the_command_refuses_a_bad_from_date():
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("harvest_oai", "http://127.0.0.1:9/oai", "--from", "1 maart")


def test_a_queued_harvest_is_run_by_the_task(world):
    feed = Feed(pages={"": page([lom_record(1)])})
    with serve(feed) as url:
        source = HarvestSourceFactory(base_url=url, organisation=world.roc)
        run = services.harvest_enqueue(actor=world.alice, source=source)
        assert run.status == HarvestRun.Status.QUEUED
        assert tasks.harvest_run.call(run.pk) == 1
    run.refresh_from_db()
    assert (run.status, run.added) == (HarvestRun.Status.FINISHED, 1)


def test_only_coordinators_and_admins_of_the_organisation_start_a_harvest(world):
    source = HarvestSourceFactory(organisation=world.roc)
    with pytest.raises(PermissionDenied):
        services.harvest_enqueue(actor=world.bob, source=source)
    with pytest.raises(PermissionDenied):
        services.harvest_enqueue(actor=world.charlie, source=source)


def test_the_schedule_queues_harvests_of_due_active_sources_only(django_capture_on_commit_callbacks):
    due = HarvestSourceFactory(schedule=HarvestSource.Schedule.DAILY)
    HarvestSourceFactory(active=False)
    HarvestSourceFactory(schedule=HarvestSource.Schedule.MANUAL)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        runs = services.harvest_due()
    assert [(run.source, run.status) for run in runs] == [(due, HarvestRun.Status.QUEUED)]
    assert len(callbacks) == 1
    assert services.harvest_due() == []


def test_pages_read_ahead_in_a_second_process_give_the_same_harvest():
    feed = three_pages()
    feed.before = {}
    with serve(feed) as url:
        source = HarvestSourceFactory(base_url=url)
        run = services.harvest(source=source, client=Client(in_background=True, timeout=10))
    assert (run.status, run.added, run.failed) == (HarvestRun.Status.FINISHED, 3, 1)
    assert run.errors.get().identifier == "oai:voorbeeld.nl:kapot"


def test_a_failure_while_reading_ahead_stops_the_run_with_its_message():
    with serve(Feed(pages={"": page([lom_record(1)], "p2"), "p2": b"<html></html>"})) as url:
        source = HarvestSourceFactory(base_url=url)
        run = services.harvest(source=source, client=Client(in_background=True, timeout=10))
    assert (run.status, run.added) == (HarvestRun.Status.FAILED, 1)
    assert "OAI-PMH" in run.message


def test_the_source_facet_names_where_harvested_material_comes_from(harvest, client):
    source = HarvestSourceFactory(name="Wikiwijs", organisation=OrganisationFactory(name="Wikiwijs", slug="wikiwijs"))
    harvest(Feed(pages={"": page([lom_record(1), lom_record(2)])}), source=source)
    outcome = engine.search(engine.SearchParams(filters={"source": ("harvested:wikiwijs",)}))
    assert outcome.total == 2
    html = client.get("/leermiddelen/").content.decode()
    assert "Wikiwijs (geoogst)" in html
