"""Text rules every domain shares: Chinese script folding and conversion (no kbdesk imports)."""
