"""The computation against small cases worked out by hand."""

import numpy as np
import pytest

from wattwijs.capacity import model
from wattwijs.capacity.model import Inputs, Parameters


def _inputs(**changes):
    """One region, one theme with one unit, one occupation, three years."""
    values = {
        "drivers": np.array([[[100.0, 100.0, 100.0]]]),  # 100 heat pumps a year
        "unit_theme": np.array([0]),
        "intensity": np.array([[15.0]]),  # 15 hours per heat pump
        "savings": np.zeros((0, 1, 1)),
        "adoption": np.zeros((0, 3)),
        "workforce": np.array([[1.0]]),
        "outflow_rate": np.array([[0.0]]),
        "other_inflow": np.array([[0.0]]),
        "places": np.zeros((1, 1)),
        "switchers": np.zeros((1, 1)),
        "themes": 1,
    }
    values.update(changes)
    return Inputs(**values)


def test_demand_is_drivers_times_hours_per_unit_divided_by_hours_per_fte():
    # 100 units × 15 hours = 1500 hours = 1 FTE at 1500 hours.
    demand = model.demand(_inputs(), Parameters(hours_per_fte=1500))
    assert demand.shape == (1, 1, 1, 3)
    assert demand[0, 0, 0].tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_an_innovation_lowers_demand_by_hours_saved_times_adoption():
    # Saves 6 of the 15 hours; adopted 0%, 50%, 100%: 15, 12 and 9 hours per unit.
    inputs = _inputs(savings=np.array([[[6.0]]]), adoption=np.array([[0.0, 0.5, 1.0]]))
    demand = model.demand(inputs, Parameters(hours_per_fte=1500, innovation_factor=1.0))
    assert demand[0, 0, 0].tolist() == pytest.approx([1.0, 0.8, 0.6])


def test_an_innovation_counts_only_in_scenarios_that_include_it():
    inputs = _inputs(savings=np.array([[[6.0]]]), adoption=np.array([[0.0, 0.5, 1.0]]))
    demand = model.demand(inputs, Parameters(hours_per_fte=1500, innovation_factor=0.0))
    assert demand[0, 0, 0].tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_savings_never_make_hours_negative():
    inputs = _inputs(savings=np.array([[[20.0]]]), adoption=np.array([[1.0, 1.0, 1.0]]))
    demand = model.demand(inputs, Parameters(innovation_factor=1.0))
    assert demand.min() == 0.0


def test_supply_loses_outflow_and_gains_inflow_each_year():
    # 100 FTE, 5% retirement + 5% leaving, 5 FTE other inflow: 100, 95, 90.5.
    inputs = _inputs(workforce=np.array([[100.0]]), outflow_rate=np.array([[0.10]]), other_inflow=np.array([[5.0]]))
    supply = model.supply(inputs, Parameters())
    assert supply[0, 0].tolist() == pytest.approx([100.0, 95.0, 90.5])


def test_school_leavers_are_places_times_completion_rate():
    # 20 places, 50% complete: 10 FTE a year on top of a workforce of 0.
    inputs = _inputs(workforce=np.array([[0.0]]), places=np.array([[20.0]]))
    supply = model.supply(inputs, Parameters(completion_rate=50, training_factor=1.0))
    assert supply[0, 0].tolist() == pytest.approx([0.0, 10.0, 20.0])


def test_more_training_and_switchers_scale_their_inflow():
    inputs = _inputs(workforce=np.array([[0.0]]), places=np.array([[20.0]]), switchers=np.array([[4.0]]))
    supply = model.supply(inputs, Parameters(completion_rate=50, training_factor=2.0, switcher_factor=0.5))
    # 20 × 2 × 50% + 4 × 0.5 = 22 a year.
    assert supply[0, 0, 1] == pytest.approx(22.0)


def test_inflow_of_a_theme_goes_to_its_occupations_by_their_share_of_hours():
    # Two occupations: 15 and 5 hours per unit, so 75% and 25% of the theme's school leavers.
    inputs = _inputs(
        intensity=np.array([[15.0, 5.0]]),
        workforce=np.zeros((1, 2)),
        outflow_rate=np.zeros((1, 2)),
        other_inflow=np.zeros((1, 2)),
        places=np.array([[40.0]]),
    )
    supply = model.supply(inputs, Parameters(completion_rate=100))
    assert supply[0, :, 1].tolist() == pytest.approx([30.0, 10.0])


def test_gap_is_demand_minus_supply_with_innovation_and_outflow():
    # Demand 1.0, 0.8, 0.6 FTE (innovation); supply 1.0, 0.5, 0.25 FTE (50% outflow): gap 0, 0.3, 0.35.
    inputs = _inputs(
        savings=np.array([[[6.0]]]),
        adoption=np.array([[0.0, 0.5, 1.0]]),
        outflow_rate=np.array([[0.5]]),
    )
    result = model.compute(inputs, Parameters(hours_per_fte=1500, innovation_factor=1.0))
    assert result.gap[0, 0, 0].tolist() == pytest.approx([0.0, 0.3, 0.35])


def test_supply_is_allotted_to_themes_by_their_demand_so_gaps_add_up():
    # Two themes ask 2 and 1 FTE of the same occupation; 1.5 FTE supply splits 1.0 and 0.5.
    inputs = _inputs(
        drivers=np.array([[[200.0], [100.0]]]),
        unit_theme=np.array([0, 1]),
        intensity=np.array([[15.0], [15.0]]),
        adoption=np.zeros((0, 1)),
        savings=np.zeros((0, 2, 1)),
        workforce=np.array([[1.5]]),
        places=np.zeros((1, 2)),
        switchers=np.zeros((1, 2)),
        themes=2,
    )
    result = model.compute(inputs, Parameters())
    assert result.supply[0, :, 0, 0].tolist() == pytest.approx([1.0, 0.5])
    assert result.gap.sum() == pytest.approx(3.0 - 1.5)


def test_sensitivity_puts_the_parameter_that_moves_the_gap_most_first():
    # Gap in the last year: 1 FTE demand − (0.5 + 2 × 0.5 places × 70%) = −0.2. Hours per FTE ±10% moves
    # demand to 1/0.9 and 1/1.1 (swing 0.202), more than the work volume (0.2) or completion (0.07).
    inputs = _inputs(workforce=np.array([[0.5]]), places=np.array([[0.5]]))
    rows = model.sensitivity(inputs, Parameters(), step=0.1)
    assert rows[0].parameter == "hours_per_fte"
    assert rows[0].base == pytest.approx(-0.2)
    demand_row = next(row for row in rows if row.parameter == "demand_factor")
    # Demand in the last year is 1 FTE: ±10% moves the gap by ∓0.1.
    assert demand_row.high - demand_row.base == pytest.approx(0.1)
    assert demand_row.low - demand_row.base == pytest.approx(-0.1)
    innovation = next(row for row in rows if row.parameter == "innovation_factor")
    assert innovation.swing == 0


def test_a_full_size_scenario_has_the_expected_shape():
    inputs = model.synthetic(regions=35, themes=17, occupations=20, years=10)
    result = model.compute(inputs, Parameters(innovation_factor=1.0))
    assert result.gap.shape == (35, 17, 20, 10)
    assert np.allclose(result.supply.sum(axis=1), result.supply_by_occupation)
