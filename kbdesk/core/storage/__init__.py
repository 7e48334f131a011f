"""Storage of a library's versions: the git repository, history, the working tree, diffs and the
editors' drafts. It knows nothing of publishing rules, reading or sync."""
