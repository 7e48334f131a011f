"""Hypothesis profiles for the fuzz suite.

``make test`` runs each fuzz test with a fixed seed (``derandomize``) and a small number of
examples, so a run is repeatable; ``make fuzz`` (``KBDESK_FUZZ=long``) runs many more, with a
random seed. Every case is also held to a memory and time budget by the tests themselves.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "kbdesk-ci",
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
settings.register_profile(
    "kbdesk-long",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
settings.load_profile("kbdesk-long" if os.environ.get("KBDESK_FUZZ") == "long" else "kbdesk-ci")
