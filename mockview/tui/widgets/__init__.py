"""Widgets of the mockview app."""
