"""Hypothesis budgets for the property tests.

Profiles:
  ci   loaded when CI=true: a fixed number of examples, derandomized (the same
       examples on every run, so a red CI run is reproducible), no example database.
  dev  the default: the same budget, random examples, failures remembered in .hypothesis/.

GT_HYPOTHESIS_EXAMPLES=N raises (or lowers) the number of examples per test for a deep
local run, e.g.  GT_HYPOTHESIS_EXAMPLES=1000 .venv/bin/python -m pytest tests/properties
GT_HYPOTHESIS_PROFILE=ci|dev picks a profile explicitly.

test_huge_inputs.py and test_regressions.py hold fixed examples and run the same in
every profile.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Each example builds a small repository and validates it: a few milliseconds. The
# deadline is generous because the machine may be busy (2 cores, other jobs running)
# and a stalled example would fail as flaky; harness.run_validate bounds each validation
# the same way (harness.SECONDS) and its watchdog interrupts one that never returns.
DEADLINE_MS = 15_000
EXAMPLES = 100
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile("ci", max_examples=EXAMPLES, deadline=DEADLINE_MS, derandomize=True,
                          database=None, print_blob=True, suppress_health_check=_SLOW_OK)
settings.register_profile("dev", max_examples=EXAMPLES, deadline=DEADLINE_MS, print_blob=True,
                          suppress_health_check=_SLOW_OK)

_profile = os.environ.get("GT_HYPOTHESIS_PROFILE") or (
    "ci" if os.environ.get("CI", "").lower() == "true" else "dev")
_examples = os.environ.get("GT_HYPOTHESIS_EXAMPLES", "").strip()
if _examples:
    settings.register_profile("deep", settings.get_profile(_profile), max_examples=int(_examples))
    _profile = "deep"
settings.load_profile(_profile)
