"""Argument types shared by the CLI's command modules (dates are read by the core's parser)."""

from __future__ import annotations

import argparse
import datetime as dt

from kbdesk.core import parse_iso_date


def iso_day(value: str) -> dt.date:
    """An argparse type: a day written ``YYYY-MM-DD``."""
    day = parse_iso_date(value)
    if day is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD")
    return day
