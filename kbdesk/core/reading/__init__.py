"""Reading policy: the version each role reads, 已更新 marks, read receipts, the review list."""
