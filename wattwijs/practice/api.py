"""REST API of praktijkvoorbeelden: published practices with their approach and results, innovation projects,
the success-factor toolkit, themasessies and the klimaat- en energieagenda. Contact details stay on the pages."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from wattwijs.core.apikit import Out, PageLinks, PageQuery, Text, api_user, page_of
from wattwijs.practice import selectors, selectors_sessions
from wattwijs.practice.models import (
    Ambition,
    AmbitionLevel,
    ChainStep,
    InnovationProject,
    Practice,
    PracticeTargetGroup,
    Sector,
    SuccessFactor,
    ThemeSession,
)
from wattwijs.practice.selectors import PRACTICE_SORTS, PracticeFilters

router = Router(tags=["praktijkvoorbeelden"])


class Ref(Out):
    code: str
    name: str


class FactorOut(Out):
    code: str
    name: str
    chain_step: str
    explanation: str
    url: str


class ResultOut(Out):
    measured_on: date
    indicator: str
    value: int


class PracticeOut(Out):
    slug: str
    title: str
    summary: str
    region: Ref
    owner: Ref
    target_group: str
    themes: list[Ref]
    published_at: str | None
    is_fictitious: bool
    url: str


class PracticeList(PageLinks):
    results: list[PracticeOut]


class PartnerOut(Out):
    name: str
    organisation: str | None = Field(description="Slug of the organisation when it is on the platform.")
    role: str
    contribution: str


class ApproachOut(Out):
    recruitment: str = Field(description="Sanitised HTML, as on the page; likewise the other parts.")
    training_format: str
    coaching: str
    funding: str
    embedding: str


class PracticeDetail(PracticeOut):
    approach: ApproachOut
    partners: list[PartnerOut]
    results: list[ResultOut]
    success_factors: list[FactorOut]
    lessons: str
    resources: list[int] = Field(description="Ids of the learning materials it uses (see /resources/{id}).")
    training_offers: list[int] = Field(description="Ids of the training offers it uses (see /training-offers/{id}).")


class PracticeQuery(PageQuery):
    q: Text = Field("", max_length=200, description="Words in the title, summary, training format or lessons.")
    theme: Text = Field("", max_length=60, description="Theme code; a main theme includes its sub-themes.")
    region: Text = Field("", max_length=20, description="Region code.")
    target: Literal["", *PracticeTargetGroup.values] = ""  # type: ignore[valid-type]
    factor: Text = Field("", max_length=80, description="Code of a success factor.")
    sort: Literal["", *PRACTICE_SORTS] = ""  # type: ignore[valid-type]


class ProjectOut(Out):
    slug: str
    title: str
    region: Ref
    owner: Ref
    themes: list[Ref]
    learning_question: str
    period_start: date
    period_end: date | None
    student_count: int | None
    grew_into: str | None = Field(description="Slug of the practice the project grew into.")
    is_fictitious: bool
    url: str


class ProjectList(PageLinks):
    results: list[ProjectOut]


class ProjectQuery(PageQuery):
    q: Text = Field("", max_length=200, description="Words in the title or learning question.")
    theme: Text = Field("", max_length=60, description="Theme code.")


class SessionOut(Out):
    id: int
    theme: str
    date: date
    start_time: time
    end_time: time
    location: str
    organiser: Ref
    status: str
    is_fictitious: bool
    url: str


class SessionList(PageLinks):
    results: list[SessionOut]


class SessionQuery(PageQuery):
    since: date | None = Field(None, description="Sessions on or after this date; default today.")


class AmbitionOut(Out):
    id: int
    level: str
    school: Ref | None
    region: Ref | None
    sector: str
    goal: str
    indicator: str
    unit: str
    baseline: Decimal
    target_value: Decimal
    deadline: date
    latest_value: Decimal | None
    progress_percent: int | None = Field(description="How far the latest value has come towards the target, 0-100.")
    owner: Ref
    is_fictitious: bool
    url: str


class AmbitionList(PageLinks):
    results: list[AmbitionOut]


class AmbitionQuery(PageQuery):
    level: Literal["", *AmbitionLevel.values] = ""  # type: ignore[valid-type]
    region: Text = Field("", max_length=20, description="Region code.")
    sector: Literal["", *Sector.values] = ""  # type: ignore[valid-type]


class FactorQuery(Schema):
    chain_step: Literal["", *ChainStep.values] = ""  # type: ignore[valid-type]


def _ref(item: Any, code: str = "slug") -> dict[str, str]:
    return {"code": getattr(item, code), "name": item.name}


def _themes(item: Any) -> list[dict[str, str]]:
    return [{"code": t.code, "name": t.name} for t in item.themes.all()]


def _factor_out(request: HttpRequest, factor: SuccessFactor) -> dict[str, Any]:
    return {
        "code": factor.code,
        "name": factor.name,
        "chain_step": factor.chain_step,
        "explanation": factor.explanation,
        "url": request.build_absolute_uri(factor.get_absolute_url()),
    }


def _practice_out(request: HttpRequest, practice: Practice) -> dict[str, Any]:
    return {
        "slug": practice.slug,
        "title": practice.title,
        "summary": practice.summary,
        "region": _ref(practice.region, "code"),
        "owner": _ref(practice.owner),
        "target_group": practice.target_group,
        "themes": _themes(practice),
        "published_at": practice.published_at.isoformat() if practice.published_at else None,
        "is_fictitious": practice.is_fictitious,
        "url": request.build_absolute_uri(practice.get_absolute_url()),
    }


@router.get("/practices", response=PracticeList, summary="Praktijkvoorbeelden")
def practice_list(request: HttpRequest, query: Query[PracticeQuery]) -> dict[str, Any]:
    """Published practices with the filters of the practices page; with a token also its owner's drafts."""
    filters = PracticeFilters(
        q=query.q.strip(),
        theme=query.theme,
        region=query.region,
        target=query.target,
        factor=query.factor,
        sort=query.sort or "title",
    )
    rows, links = page_of(request, selectors.practice_list(user=api_user(request), filters=filters), query)
    return {**links, "results": [_practice_out(request, practice) for practice in rows]}


@router.get(
    "/practices/{slug:slug}", response=PracticeDetail, summary="One practice, told for those who want to copy it"
)
def practice_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    practice = selectors.practice_get(user=api_user(request), slug=slug)
    links = selectors.practice_links(practice)
    return {
        **_practice_out(request, practice),
        "approach": {
            "recruitment": practice.approach_recruitment,
            "training_format": practice.approach_training_format,
            "coaching": practice.approach_coaching,
            "funding": practice.approach_funding,
            "embedding": practice.approach_embedding,
        },
        "partners": [
            {
                "name": partner.display_name,
                "organisation": partner.organisation.slug if partner.organisation else None,
                "role": partner.role,
                "contribution": partner.contribution,
            }
            for partner in practice.partners.all()
        ],
        "results": [
            {"measured_on": result.measured_on, "indicator": result.indicator, "value": result.value}
            for result in practice.results.all()
        ],
        "success_factors": [_factor_out(request, factor) for factor in practice.success_factors.all()],
        "lessons": practice.lessons,
        "resources": [int(link.key) for link in links.resources],
        "training_offers": [int(link.key) for link in links.offers],
    }


@router.get("/success-factors", response=list[FactorOut], summary="The success factors of the toolkit")
def factor_list(request: HttpRequest, query: Query[FactorQuery]) -> list[dict[str, Any]]:
    factors = selectors.success_factors_for_choice()
    if query.chain_step:
        factors = factors.filter(chain_step=query.chain_step)
    return [_factor_out(request, factor) for factor in factors]


def _project_out(request: HttpRequest, project: InnovationProject) -> dict[str, Any]:
    return {
        "slug": project.slug,
        "title": project.title,
        "region": _ref(project.region, "code"),
        "owner": _ref(project.owner),
        "themes": _themes(project),
        "learning_question": project.learning_question,
        "period_start": project.period_start,
        "period_end": project.period_end,
        "student_count": project.student_count,
        "grew_into": project.grew_into.slug if project.grew_into and project.grew_into.is_published else None,
        "is_fictitious": project.is_fictitious,
        "url": request.build_absolute_uri(project.get_absolute_url()),
    }


@router.get("/innovation-projects", response=ProjectList, summary="Energy innovation projects")
def project_list(request: HttpRequest, query: Query[ProjectQuery]) -> dict[str, Any]:
    projects = selectors.project_list(user=api_user(request), q=query.q.strip(), theme=query.theme)
    rows, links = page_of(request, projects, query)
    return {**links, "results": [_project_out(request, project) for project in rows]}


@router.get("/innovation-projects/{slug:slug}", response=ProjectOut, summary="One innovation project")
def project_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _project_out(request, selectors.project_get(user=api_user(request), slug=slug))


def _session_out(request: HttpRequest, session: ThemeSession) -> dict[str, Any]:
    return {
        "id": session.pk,
        "theme": session.theme,
        "date": session.date,
        "start_time": session.start_time,
        "end_time": session.end_time,
        "location": session.location,
        "organiser": _ref(session.organiser),
        "status": session.status,
        "is_fictitious": session.is_fictitious,
        "url": request.build_absolute_uri(session.get_absolute_url()),
    }


@router.get("/theme-sessions", response=SessionList, summary="Themasessies")
def session_list(request: HttpRequest, query: Query[SessionQuery]) -> dict[str, Any]:
    """The themasessies from a date on (default today), cancelled ones included, in date order."""
    rows, links = page_of(request, selectors_sessions.sessions_since(query.since), query)
    return {**links, "results": [_session_out(request, session) for session in rows]}


def _ambition_out(request: HttpRequest, ambition: Ambition) -> dict[str, Any]:
    return {
        "id": ambition.pk,
        "level": ambition.level,
        "school": _ref(ambition.school) if ambition.school else None,
        "region": _ref(ambition.region, "code") if ambition.region else None,
        "sector": ambition.sector,
        "goal": ambition.goal,
        "indicator": ambition.indicator,
        "unit": ambition.unit,
        "baseline": ambition.baseline,
        "target_value": ambition.target_value,
        "deadline": ambition.deadline,
        "latest_value": ambition.latest_value,  # type: ignore[attr-defined]
        "progress_percent": ambition.progress,  # type: ignore[attr-defined]
        "owner": _ref(ambition.owner),
        "is_fictitious": ambition.is_fictitious,
        "url": request.build_absolute_uri(ambition.get_absolute_url()),
    }


@router.get("/ambitions", response=AmbitionList, summary="The klimaat- en energieagenda: ambitions and progress")
def ambition_list(request: HttpRequest, query: Query[AmbitionQuery]) -> dict[str, Any]:
    filters = selectors_sessions.AmbitionFilters(level=query.level, region=query.region, sector=query.sector)
    rows, links = page_of(request, selectors_sessions.ambition_list(filters), query)
    return {**links, "results": [_ambition_out(request, ambition) for ambition in rows]}
