"""mockview: a terminal mock-interview trainer."""

__version__ = "0.1.0"
