"""Managers' view of the call log: queries, summaries, CSV export, the weekly digest, charts."""
