"""Readers for accounting import formats (FEC first): bytes in, immutable entries and findings out."""
