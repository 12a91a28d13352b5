"""Screens of the mockview app, one per file."""
