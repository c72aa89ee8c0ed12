"""Every write of harvesting: harvest sources, and the harvests that turn OAI-PMH records into materials.

A harvest reads the repository page by page (following resumption tokens) and writes the materials in
batches through ``library.services.harvested_upsert`` and ``harvested_withdraw``, each batch in one
transaction together with the search index. Only materials published for the source's organisation are
ever updated or withdrawn: a record whose identifier belongs to a material of another publisher (or to one
shared on WattWijs itself) is refused. A record that cannot be used is reported on the run with
the reason in words and skipped; the harvest goes on. When the repository cannot be reached, or a page
cannot be read at all, the run stops with a message; what earlier pages brought in stays, whole.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wattwijs.core.models import Organisation
from wattwijs.core.permissions import AnyUser
from wattwijs.core.services import audit_log_write
from wattwijs.interop import permissions
from wattwijs.interop.client import Client, HarvestFailed
from wattwijs.interop.dates import format_datestamp
from wattwijs.interop.models import HarvestError, HarvestRun, HarvestSource
from wattwijs.library import services as library_services
from wattwijs.library.services import HarvestedMaterial

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
# A run keeps the first this many record errors; the count of failed records includes all of them.
MAX_STORED_ERRORS = 1000
SOURCE_FIELDS = ("name", "base_url", "metadata_prefix", "set_spec", "organisation", "active", "schedule")
# Checked import files wait here (under a random name their uploader's session knows) for the user's choice.
PENDING_IMPORT_DIRECTORY = "interop/imports"
# A run in one of these states holds its source: no other harvest of it starts.
ACTIVE_STATUSES = (HarvestRun.Status.QUEUED, HarvestRun.Status.RUNNING)
# What the worker and ``harvest_fail_stale`` change of a run; reloaded after a change in the database.
RUN_STATE_FIELDS = ["status", "message", "started_at", "finished_at", "heartbeat_at"]
SCHEDULE_INTERVALS: dict[str, timedelta] = {
    HarvestSource.Schedule.DAILY: timedelta(days=1),
    HarvestSource.Schedule.WEEKLY: timedelta(days=7),
}


def _check_organisation(actor: AnyUser, organisation: Organisation) -> None:
    if not permissions.harvest_organisations(actor).filter(pk=organisation.pk).exists():
        raise PermissionDenied


def _save_source(source: HarvestSource, data: dict[str, Any]) -> None:
    for name in SOURCE_FIELDS:
        if name in data:
            setattr(source, name, data[name])
    source.full_clean()
    source.save()


def harvest_source_create(*, actor: AnyUser, data: dict[str, Any]) -> HarvestSource:
    _check_organisation(actor, data["organisation"])
    with transaction.atomic():
        source = HarvestSource()
        _save_source(source, data)
        audit_log_write(
            actor=actor, action="interop.harvest_source_create", obj=source, organisation=source.organisation
        )
    return source


def harvest_source_update(*, actor: AnyUser, source: HarvestSource, data: dict[str, Any]) -> HarvestSource:
    if not permissions.can_manage_source(actor, source):
        raise PermissionDenied
    if "organisation" in data:
        _check_organisation(actor, data["organisation"])
    with transaction.atomic():
        _save_source(source, data)
        audit_log_write(
            actor=actor, action="interop.harvest_source_update", obj=source, organisation=source.organisation
        )
    return source


def harvest_source_for_url(
    *, base_url: str, metadata_prefix: str, set_spec: str = "", organisation: Organisation | None = None
) -> HarvestSource:
    """The source of a harvest started from the command line, made on first use.

    Without an organisation, its materials are published for the organisation whose website is on the
    repository's host; when there is none, the caller has to name one.
    """
    source = HarvestSource.objects.filter(base_url=base_url, metadata_prefix=metadata_prefix, set_spec=set_spec).first()
    if source is not None:
        return source
    host = urlsplit(base_url).hostname or base_url
    if organisation is None:
        organisation = (
            Organisation.objects.filter(website__iregex=rf"^https?://(www\.)?{re.escape(host)}([:/]|$)")
            .order_by("pk")
            .first()
        )
    if organisation is None:
        raise ValidationError(
            _("No organisation has a website on %(host)s: name the organisation to publish the materials for.")
            % {"host": host}
        )
    with transaction.atomic():
        source = HarvestSource(
            name=f"{host} ({metadata_prefix}{', ' + set_spec if set_spec else ''})"[:120],
            base_url=base_url,
            metadata_prefix=metadata_prefix,
            set_spec=set_spec,
            organisation=organisation,
            schedule=HarvestSource.Schedule.MANUAL,
        )
        source.full_clean()
        source.save()
        audit_log_write(actor=None, action="interop.harvest_source_create", obj=source, organisation=organisation)
    return source


def stale_after() -> timedelta:
    """How long a queued or running run may go without a sign of progress (its heartbeat, or its start when it
    has none) before it counts as abandoned (its worker stopped)."""
    return timedelta(seconds=int(getattr(settings, "HARVEST_STALE_AFTER_SECONDS", 3 * 3600)))


def harvest_fail_stale(*, source: HarvestSource | None = None, now: datetime | None = None) -> int:
    """Mark the runs queued or running without a sign of progress for longer than ``stale_after()`` as failed,
    with the reason; returns how many. A worker that stopped in the middle of a harvest leaves such a run
    behind, and it would block every later harvest of its source. A harvest that is still going on shows
    progress on every page it reads, however long it takes; should it be marked failed all the same, it stops
    before it stores anything more."""
    now = now or timezone.now()
    limit = stale_after()
    cutoff = now - limit
    runs = HarvestRun.objects.filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff),
        status__in=ACTIVE_STATUSES,
        **({"source": source} if source else {}),
    )
    with translation.override(settings.LANGUAGE_CODE):
        message = _(
            "Stopped: the harvest was queued or running for more than %(hours)s hours without any sign of progress."
        ) % {"hours": f"{limit.total_seconds() / 3600:g}"}
    return runs.update(status=HarvestRun.Status.FAILED, message=message, finished_at=now)


def _start_run(
    source: HarvestSource, *, harvest_from: datetime | None, now: datetime | None = None, incremental: bool = False
) -> HarvestRun:
    """A new queued run of ``source``; a ValidationError when a run of it is queued or running already.

    The source row is locked for the check and the insert, so two requests at the same moment cannot both
    start a run. Runs left behind by a stopped worker are failed first (see ``harvest_fail_stale``).
    """
    now = now or timezone.now()
    with transaction.atomic():
        HarvestSource.objects.select_for_update().filter(pk=source.pk).first()
        harvest_fail_stale(source=source, now=now)
        if source.runs.filter(status__in=ACTIVE_STATUSES).exists():
            raise ValidationError(
                _("A harvest of this source is already queued or running. Wait until it has finished."),
                code="harvest_running",
            )
        if incremental:
            harvest_from = _incremental_from(source)
        return HarvestRun.objects.create(source=source, harvest_from=harvest_from, started_at=now, heartbeat_at=now)


def harvest_enqueue(*, actor: AnyUser, source: HarvestSource) -> HarvestRun:
    """Put a harvest of ``source`` on the task queue ("harvest now"); the page shows it as queued.

    Refused with a ValidationError while a harvest of the source is queued or running.
    """
    if not permissions.can_manage_source(actor, source):
        raise PermissionDenied
    from wattwijs.interop import tasks

    with transaction.atomic():
        run = _start_run(source, harvest_from=None, incremental=True)
        audit_log_write(actor=actor, action="interop.harvest_enqueue", obj=source, organisation=source.organisation)
        transaction.on_commit(partial(tasks.harvest_run.enqueue, run.pk))
    return run


def _incremental_from(source: HarvestSource) -> datetime | None:
    """Harvest what changed since the day the last finished harvest started (a day's overlap is harmless)."""
    last = source.runs.filter(status=HarvestRun.Status.FINISHED).order_by("-started_at").first()
    if last is None:
        return None
    return last.started_at.replace(hour=0, minute=0, second=0, microsecond=0)


def harvest_due(*, now: datetime | None = None) -> list[HarvestRun]:
    """Queue a harvest of every active source whose schedule says it is due (run by the periodic task)."""
    from wattwijs.interop import tasks

    now = now or timezone.now()
    runs = []
    for source in HarvestSource.objects.filter(active=True).exclude(schedule=HarvestSource.Schedule.MANUAL):
        last = source.runs.order_by("-started_at").first()
        if last is not None and last.started_at > now - SCHEDULE_INTERVALS[source.schedule] + timedelta(minutes=5):
            continue
        try:
            with transaction.atomic():
                run = _start_run(source, harvest_from=None, now=now, incremental=True)
                transaction.on_commit(partial(tasks.harvest_run.enqueue, run.pk))
        except ValidationError:
            continue
        runs.append(run)
    return runs


def harvest(
    *,
    source: HarvestSource,
    harvest_from: datetime | None = None,
    run: HarvestRun | None = None,
    client: Client | None = None,
    batch_size: int = BATCH_SIZE,
) -> HarvestRun:
    """Harvest ``source`` now; returns the finished (or stopped) run with its counts and errors.

    Without a ``run`` (one queued by ``harvest_enqueue``), a new one is started: a ValidationError when a
    harvest of the source is queued or running already.
    """
    if run is None:
        run = _start_run(source, harvest_from=harvest_from)
    now = timezone.now()
    started = HarvestRun.objects.filter(pk=run.pk, status__in=ACTIVE_STATUSES).update(
        status=HarvestRun.Status.RUNNING, started_at=now, heartbeat_at=now
    )
    run.refresh_from_db(fields=RUN_STATE_FIELDS)
    if not started:
        # Marked failed (as abandoned) while it waited in the queue: it keeps that state.
        return run
    # Messages are stored in the site's language, which is what the source page shows.
    with translation.override(settings.LANGUAGE_CODE):
        _Harvest(run, client or Client(in_background=True), batch_size).run()
    return run


def _from_argument(moment: datetime | None) -> str:
    """``from`` at day granularity when that says it all (every repository supports it), else in seconds."""
    if moment is None:
        return ""
    stamp = format_datestamp(moment)
    return stamp[:10] if stamp.endswith("T00:00:00Z") else stamp


class _RunFailedMeanwhile(Exception):
    """The run was marked failed (as abandoned) while the harvest was going on: it stores nothing more."""


class _Harvest:
    def __init__(self, run: HarvestRun, client: Client, batch_size: int) -> None:
        self.run_row = run
        self.source = run.source
        self.client = client
        self.batch_size = batch_size
        self.materials: dict[str, HarvestedMaterial] = {}
        self.deletions: set[str] = set()
        self.errors: list[tuple[str, str]] = []
        self.stored_errors = 0

    def run(self) -> None:
        run = self.run_row
        try:
            pages = self.client.pages_ahead(
                self.source.base_url,
                metadata_prefix=self.source.metadata_prefix,
                set_spec=self.source.set_spec,
                harvest_from=_from_argument(run.harvest_from),
            )
            for page in pages:
                for record in page.records:
                    if record.error:
                        self.errors.append((record.identifier, record.error))
                    elif record.deleted:
                        self.materials.pop(record.identifier, None)
                        self.deletions.add(record.identifier)
                    elif record.material is not None:
                        self.deletions.discard(record.identifier)
                        self.materials[record.identifier] = record.material
                if len(self.materials) + len(self.deletions) >= self.batch_size:
                    self.flush()
                else:
                    self._beat()
            self.flush()
        except _RunFailedMeanwhile:
            run.refresh_from_db(fields=RUN_STATE_FIELDS)
            return
        except HarvestFailed as error:
            self._stop(str(error))
            return
        except Exception:
            logger.exception("Harvest %s of source %s stopped", run.pk, self.source.pk)
            self._stop(_("The harvest stopped because of an unexpected error."))
            return
        self._end(HarvestRun.Status.FINISHED, "")

    def _stop(self, message: str) -> None:
        """End the run with ``message``, keeping the complete records read before the problem."""
        run = self.run_row
        try:
            self.flush()
        except _RunFailedMeanwhile:
            run.refresh_from_db(fields=RUN_STATE_FIELDS)
            return
        except Exception:
            logger.exception("Harvest %s could not store its last batch", run.pk)
        self._end(HarvestRun.Status.FAILED, message)

    def _end(self, status: str, message: str) -> None:
        """Give the run its final ``status``, unless it was marked failed meanwhile: then it keeps that."""
        run = self.run_row
        ended = HarvestRun.objects.filter(pk=run.pk, status=HarvestRun.Status.RUNNING).update(
            status=status, message=message, finished_at=timezone.now()
        )
        if not ended:
            logger.warning("Harvest %s was marked failed while it was going on", run.pk)
        run.refresh_from_db(fields=RUN_STATE_FIELDS)

    def _beat(self) -> None:
        """Record a sign of progress; ``_RunFailedMeanwhile`` when the run is no longer running.

        Inside a transaction, the update keeps the run's row locked until the commit, so the run cannot be
        marked failed while a batch is being stored.
        """
        run = self.run_row
        now = timezone.now()
        if not HarvestRun.objects.filter(pk=run.pk, status=HarvestRun.Status.RUNNING).update(heartbeat_at=now):
            logger.warning("Harvest %s was marked failed while it was going on; it stops", run.pk)
            raise _RunFailedMeanwhile
        run.heartbeat_at = now

    def flush(self) -> None:
        run = self.run_row
        materials = list(self.materials.values())
        deletions = sorted(self.deletions)
        self.materials, self.deletions = {}, set()
        errors, self.errors = self.errors, []
        with transaction.atomic():
            self._beat()
            if materials:
                outcome = library_services.harvested_upsert(
                    actor=None, publisher=self.source.organisation, materials=materials
                )
                run.added += outcome.added
                run.updated += outcome.updated
                run.unchanged += outcome.unchanged
                errors += list(outcome.refused.items())
            if deletions:
                withdrawal = library_services.harvested_withdraw(
                    actor=None, publisher=self.source.organisation, oai_identifiers=deletions
                )
                run.deleted += withdrawal.withdrawn
                errors += list(withdrawal.refused.items())
            self._record_errors(errors)
            run.save(update_fields=["added", "updated", "unchanged", "deleted", "failed"])

    def _record_errors(self, errors: Sequence[tuple[str, str]]) -> None:
        self.run_row.failed += len(errors)
        room = max(MAX_STORED_ERRORS - self.stored_errors, 0)
        kept = errors[:room]
        HarvestError.objects.bulk_create(
            HarvestError(run=self.run_row, identifier=identifier[:300], message=message) for identifier, message in kept
        )
        self.stored_errors += len(kept)


def pending_import_max_age() -> timedelta:
    """How long an uploaded import file waits for the user's choice before it is removed."""
    return timedelta(seconds=int(getattr(settings, "INTEROP_IMPORT_PENDING_MAX_AGE_SECONDS", 24 * 3600)))


def pending_imports_purge(*, now: datetime | None = None) -> int:
    """Remove the checked import files that were never confirmed and are older than ``pending_import_max_age()``
    (the user left after the check); returns how many. Confirming one of them then asks to upload it again."""
    cutoff = (now or timezone.now()) - pending_import_max_age()
    try:
        _directories, names = default_storage.listdir(PENDING_IMPORT_DIRECTORY)
    except FileNotFoundError:
        return 0
    removed = 0
    for name in names:
        path = f"{PENDING_IMPORT_DIRECTORY}/{name}"
        try:
            if default_storage.get_modified_time(path) >= cutoff:
                continue
            default_storage.delete(path)
        except FileNotFoundError:
            continue
        removed += 1
    return removed


def validate_from(value: str) -> datetime:
    """A ``--from`` value as a moment in UTC; a ValidationError in words when it is no OAI-PMH datestamp."""
    from wattwijs.interop.dates import parse_datestamp

    parsed = parse_datestamp(value)
    if parsed is None:
        raise ValidationError(_("Give the date as YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ."))
    return parsed.start
