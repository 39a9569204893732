"""The suite's Hypothesis profiles.

The property tests run under ``fixed``: each test draws the same examples on every run
(``derandomize``, seeded by the test itself), so the suite passes or fails the same way for
the same code and the same Hypothesis, on a fresh clone as in CI. A run of the suite once drew
an input that no earlier run had, and failed on a bug older than the change under test.

To search for new failures, draw new examples with ``explore`` (and a seed to repeat a run):

    python -m pytest --hypothesis-profile=explore --hypothesis-seed=7 tests/test_hostile.py

``fuzz/`` searches longer, guided by coverage.
"""

from hypothesis import settings

settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("fixed")
