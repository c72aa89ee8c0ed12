"""A task for the scheduler tests: module level, as django-tasks requires."""

from django_tasks import task


@task()
def tick() -> str:
    return "tick"
