"""Écluse: the lock accounting data passes through before it reaches the books."""

__version__ = "0.1.0"
