"""Who may see and do what in matching. Scores use a candidate's competences, so they follow the full file.

- A candidate's matches: whoever sees the candidate's whole file (pathways ``Access.FULL``).
- A place's candidates: only candidates the user coaches or whose chain they coordinate.
- Weights, decisions and cohort rounds: the chain's coordinators.
"""

from __future__ import annotations

from wattwijs.core.permissions import AnyUser
from wattwijs.pathways import permissions as pathways
from wattwijs.pathways.models import Candidate, Chain


def can_see_matches(user: AnyUser, candidate: Candidate) -> bool:
    return pathways.candidate_access(user, candidate) == pathways.Access.FULL


def can_decide(user: AnyUser, chain: Chain) -> bool:
    return pathways.can_coordinate(user, chain)
