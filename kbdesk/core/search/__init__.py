"""Chinese full-text search: folding, segmentation, pinyin, the Whoosh index, queries, ranking."""
