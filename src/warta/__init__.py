"""warta: Indonesian-first news understanding."""

__version__ = "0.1.0"
