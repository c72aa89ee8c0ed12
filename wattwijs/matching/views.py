from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wattwijs.core.forms import add_service_errors
from wattwijs.framework import selectors as framework_selectors
from wattwijs.matching import permissions, selectors, services
from wattwijs.matching.assignment import Objective
from wattwijs.matching.forms import CandidateRouteForm, CohortForm, DecisionForm, RouteForm, WeightsForm
from wattwijs.matching.models import Decision, MatchWeights
from wattwijs.pathways import permissions as pathways_permissions
from wattwijs.pathways import selectors as pathways_selectors
from wattwijs.pathways import services as pathways_services
from wattwijs.pathways.models import Candidate


def _candidate_for_matches(request: HttpRequest, pk: int) -> Candidate:
    candidate, _access = pathways_selectors.candidate_get(user=request.user, pk=pk)
    if not permissions.can_see_matches(request.user, candidate):
        raise PermissionDenied
    return candidate


def _render_candidate(request: HttpRequest, candidate: Candidate, form: DecisionForm | None = None) -> HttpResponse:
    pathways_services.candidate_view_record(actor=request.user, candidate=candidate, what="matches")
    can_decide = permissions.can_decide(request.user, candidate.chain)
    return render(
        request,
        "matching/candidate_matches.html",
        {
            "candidate": candidate,
            "matches": selectors.top_places(candidate=candidate),
            "decisions": selectors.decisions_for(candidate=candidate),
            "can_decide": can_decide,
            "form": form,
            "today": timezone.localdate(),
        },
        status=400 if form is not None else 200,
    )


@login_required
@require_GET
def candidate_matches(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_candidate(request, _candidate_for_matches(request, pk))


@login_required
@require_POST
def candidate_decide(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _candidate_for_matches(request, pk)
    if not permissions.can_decide(request.user, candidate.chain):
        raise PermissionDenied
    form = DecisionForm(request.POST, places=pathways_selectors.learning_place_list(chain=candidate.chain))
    if not form.is_valid():
        return _render_candidate(request, candidate, form)
    data = form.cleaned_data
    # The same function scores the proposals, so the decision records the score the coordinator saw.
    score = selectors.pair_score(candidate=candidate, place=data["learning_place"])
    try:
        if data["decision"] == Decision.CONFIRMED:
            services.decision_confirm(
                actor=request.user,
                candidate=candidate,
                place=data["learning_place"],
                reason=data["reason"],
                start_date=data["start_date"],
                score=score,
            )
            messages.success(request, _("The match is confirmed and the candidate is placed."))
        else:
            services.decision_reject(
                actor=request.user,
                candidate=candidate,
                place=data["learning_place"],
                reason=data["reason"],
                score=score,
            )
            messages.success(request, _("The proposal is rejected; the reason is recorded."))
    except ValidationError as error:
        add_service_errors(form, error)
        return _render_candidate(request, candidate, form)
    return redirect("matching:candidate_matches", pk=candidate.pk)


@login_required
@require_GET
def place_matches(request: HttpRequest, pk: int) -> HttpResponse:
    place = pathways_selectors.learning_place_get(pk=pk)
    matches = selectors.top_candidates(user=request.user, place=place)
    pathways_services.candidate_list_view_record(
        actor=request.user, candidates=[match.candidate for match in matches], where="matching.place_matches"
    )
    return render(
        request,
        "matching/place_matches.html",
        {"place": place, "matches": matches, "can_decide": permissions.can_decide(request.user, place.chain)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def weights_edit(request: HttpRequest, slug: str) -> HttpResponse:
    chain = pathways_selectors.chain_get(slug=slug)
    if not permissions.can_decide(request.user, chain):
        raise PermissionDenied
    current = selectors.weights_for(chain=chain)
    form = WeightsForm(
        request.POST or None, instance=MatchWeights(**{p: getattr(current, p) for p in MatchWeights.PARTS})
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.weights_update(
                actor=request.user, chain=chain, weights={p: form.cleaned_data[p] for p in MatchWeights.PARTS}
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The weights are saved."))
            return redirect("matching:weights_edit", slug=chain.slug)
    return render(
        request,
        "matching/weights_form.html",
        {"chain": chain, "form": form, "weights": current},
        status=400 if request.method == "POST" else 200,
    )


def _totals(cohort: selectors.Cohort, chosen: dict[int, int | None]) -> dict[str, object]:
    scores = [row.score_of(chosen.get(row.candidate.pk)) for row in cohort.rows if chosen.get(row.candidate.pk)]
    known = [score for score in scores if score is not None]
    return {
        "placed": len(scores),
        "average": round(100 * sum(known) / len(known)) if known else None,
    }


@login_required
@require_http_methods(["GET", "POST"])
def cohort(request: HttpRequest, slug: str) -> HttpResponse:
    """An intake round: the optimal proposal as a table the coordinator edits, then confirms at once."""
    chain = pathways_selectors.chain_get(slug=slug)
    if not permissions.can_decide(request.user, chain):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    objective = Objective.MAX_PLACED if source.get("objective") == Objective.MAX_PLACED else Objective.MAX_SCORE
    proposal = selectors.cohort_proposal(chain=chain, objective=objective)
    proposed = {row.candidate.pk: row.proposed for row in proposal.rows}
    initial: dict[str, object] = {f"candidate-{pk}": place for pk, place in proposed.items()}
    initial.update({"start_date": timezone.localdate(), "reason": _("Intake round")})
    form = CohortForm(request.POST if request.method == "POST" else None, cohort=proposal, initial=initial)
    chosen = proposed
    status = 200
    if request.method == "POST":
        if form.is_valid():
            chosen = form.choices()
            if request.POST.get("action") == "confirm":
                by_pk = {row.candidate.pk: row for row in proposal.rows}
                pairs = [
                    (by_pk[pk].candidate, proposal.places[place], by_pk[pk].score_of(place))
                    for pk, place in chosen.items()
                    if place is not None
                ]
                try:
                    services.cohort_confirm(
                        actor=request.user,
                        chain=chain,
                        pairs=pairs,
                        start_date=form.cleaned_data["start_date"],
                        reason=form.cleaned_data["reason"],
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                    status = 400
                else:
                    messages.success(
                        request,
                        ngettext("%(count)s candidate is placed.", "%(count)s candidates are placed.", len(pairs))
                        % {"count": len(pairs)},
                    )
                    return redirect(chain.get_absolute_url())
        else:
            status = 400
    pathways_services.candidate_list_view_record(
        actor=request.user, candidates=[row.candidate for row in proposal.rows], where="matching.cohort"
    )
    rows = [
        {"row": row, "field": form[f"candidate-{row.candidate.pk}"], "proposed": proposal.places.get(row.proposed or 0)}
        for row in proposal.rows
    ]
    return render(
        request,
        "matching/cohort.html",
        {
            "chain": chain,
            "form": form,
            "rows": rows,
            "objective": objective,
            "proposal_totals": _totals(proposal, proposed),
            "current_totals": _totals(proposal, chosen),
            "seats": sum(proposal.free.values()),
        },
        status=status,
    )


@require_GET
def route_advice(request: HttpRequest) -> HttpResponse:
    """Public: from what you can to a goal, with the cheapest training route near you. Nothing is stored."""
    form = RouteForm(request.GET or None, version=framework_selectors.current_version())
    advice = None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        label, goal = selectors.goal_work_processes(
            qualification=data["qualification"], unit=data["unit"], certificate=data["certificate"]
        )
        advice = selectors.route_advice(
            goal_label=label,
            goal=goal,
            mastered=[wp.pk for wp in data["competences"]],
            certificates=data["certificates"],
            region=data["region"],
        )
    return render(
        request,
        "matching/route_advice.html",
        {"form": form, "advice": advice, "nearby_km": round(selectors.NEARBY_KM)},
        status=400 if request.GET and not form.is_valid() else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def candidate_route(request: HttpRequest, pk: int) -> HttpResponse:
    """Route advice from the candidate's own competences and region; it can be saved to their file."""
    candidate = _candidate_for_matches(request, pk)
    source = request.POST if request.method == "POST" else request.GET
    form = CandidateRouteForm(
        source or None,
        version=framework_selectors.current_version(),
        places=pathways_selectors.learning_place_list(chain=candidate.chain),
    )
    advice = None
    if source and form.is_valid():
        data = form.cleaned_data
        label, goal = selectors.goal_work_processes(
            qualification=data["qualification"],
            unit=data["unit"],
            certificate=data["certificate"],
            place=data["learning_place"],
        )
        profile = selectors.profiles(candidates=[candidate])[candidate.pk]
        advice = selectors.route_advice(
            goal_label=label, goal=goal, mastered=profile.work_processes, certificates=[], region=candidate.region
        )
        if request.method == "POST":
            services.route_advice_save(actor=request.user, candidate=candidate, advice=advice)
            messages.success(request, _("The route advice is saved to the file."))
            return redirect("matching:candidate_route", pk=candidate.pk)
    pathways_services.candidate_view_record(actor=request.user, candidate=candidate, what="route_advice")
    return render(
        request,
        "matching/candidate_route.html",
        {
            "candidate": candidate,
            "form": form,
            "advice": advice,
            "nearby_km": round(selectors.NEARBY_KM),
            "saved": candidate.route_advice.select_related("saved_by"),
            "can_save": pathways_permissions.can_edit_candidate(request.user, candidate),
        },
        status=400 if source and not form.is_valid() else 200,
    )
