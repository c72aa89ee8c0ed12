"""Workforce capacity: a full-size scenario (35 regions × 17 themes × 20 occupations × 10 years) computed,
and the overview pages rendered from stored results."""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench

RUNS = 10
SHAPE = {"regions": 35, "themes": 17, "occupations": 20, "years": 10}


def run(bench: Bench) -> None:
    from django.db import transaction

    from wattwijs.capacity import model, results
    from wattwijs.capacity.models import YEARS, Occupation, Scenario, ScenarioResult
    from wattwijs.core.models import Region, Theme

    inputs = model.synthetic(**SHAPE)
    parameters = model.Parameters(training_factor=1.5, switcher_factor=2.0, innovation_factor=1.0)
    note = "35 regions × 17 themes × 20 occupations × 10 years, synthetic arrays, seed 11"
    for name, action in (
        ("capacity scenario compute", lambda: model.compute(inputs, parameters)),
        ("capacity sensitivity, 7 parameters ± 10%", lambda: model.sensitivity(inputs, parameters)),
    ):
        seconds = []
        for _ in range(RUNS):
            started = time.perf_counter()
            action()
            seconds.append(time.perf_counter() - started)
        bench.report(
            name, f"median {statistics.median(seconds):.3f} s, max {max(seconds):.3f} s", f"{note}, {RUNS} runs"
        )

    demo_note = f"example scenarios over {Region.objects.count()} regions, {Occupation.objects.count()} occupations"
    bench.page("capacity national overview", "/arbeidscapaciteit/", note=demo_note)
    bench.page("capacity regional overview", "/arbeidscapaciteit/regios/AMR12/", note=demo_note)
    bench.page("capacity scenario list", "/arbeidscapaciteit/scenarios/", note=demo_note)

    # A stored result of the full size, rolled back afterwards.
    with transaction.atomic():
        for index in range(Occupation.objects.count(), SHAPE["occupations"]):
            Occupation.objects.create(code=f"meetberoep-{index}", name=f"Meetberoep {index}", position=100 + index)
        computed = model.compute(inputs, parameters)
        scenario = Scenario.objects.create(name="Meting volle omvang", slug="meting-volle-omvang", is_example=True)
        ScenarioResult.objects.create(
            scenario=scenario,
            axes={
                "regions": list(Region.objects.order_by("code").values_list("pk", flat=True)[: SHAPE["regions"]]),
                "themes": list(Theme.objects.order_by("position").values_list("pk", flat=True)[: SHAPE["themes"]]),
                "occupations": list(
                    Occupation.objects.order_by("position").values_list("pk", flat=True)[: SHAPE["occupations"]]
                ),
                "years": list(YEARS),
            },
            data=results.pack(computed),
            sensitivity=[row.as_dict() for row in model.sensitivity(inputs, parameters)],
            sources=["Meting"],
            uses_examples=True,
        )
        bench.page(
            "capacity national overview, full-size result",
            "/arbeidscapaciteit/?scenario=meting-volle-omvang",
            note=note,
        )
        bench.page(
            "capacity scenario page with tornado, full-size result",
            "/arbeidscapaciteit/scenarios/meting-volle-omvang/",
            note=note,
        )
        transaction.set_rollback(True)
