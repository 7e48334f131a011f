"""The editorial workflow: publishing, versioning rules, effective dates and the versions
service (history, in force, what changed)."""
