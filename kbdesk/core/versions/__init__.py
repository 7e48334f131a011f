"""Versions kept in git: the repository, history, publishing, effective dates, drafts, receipts,
sync with a remote and character-level diffs."""
