"""The Textual app: one client of the session engine, the store and the analysis."""
