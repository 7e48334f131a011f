"""Sync with the shared library: pull, push, conflicts, and the checks on what comes in."""
