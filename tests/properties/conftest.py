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

# The profiles are registered and loaded in tests/conftest.py, so that every test module, not
# only these, is collected under them (a module's own @settings inherit the profile loaded
# when it is imported).
