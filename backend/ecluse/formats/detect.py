"""Sniffing a file's format from its first bytes (FORMATS.md § format sniffing)."""

from __future__ import annotations

import re

_XML_NS = re.compile(rb"urn:iso:std:iso:20022:tech:xsd:camt\.05([234])")


def detect_format(head: bytes) -> str | None:
    """The format name (as in ImportFormat) of a file starting with `head`, or None when unsure."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip(b"\x01")
    first_line = text.split(b"\n", 1)[0]
    if b"journalcode" in first_line.lower() or (
        b"montant" in first_line.lower() and b"sens" in first_line.lower()
    ):
        return "FEC"
    if text.startswith(b"***"):
        return "TRA"
    if text.startswith((b":20:", b"{1:", b":940:", b"0000 01")):
        return "MT940"
    match = _XML_NS.search(text)
    if match:
        return {b"3": "CAMT053", b"4": "CAMT054"}.get(match.group(1))
    if text.startswith(b"01,"):
        return "BAI2"
    if text.startswith((b"OFXHEADER:", b"<?OFX", b"<OFX>")):
        return "OFX"
    if text.startswith((b"!Type:", b"!Account", b"!Option:")):
        return "QIF"
    if len(first_line.rstrip(b"\r")) == 120 and first_line[:2] in (b"01", b"04", b"05", b"07"):
        return "CFONB120"
    if text.lstrip().startswith((b"{", b"[")):
        return "JSON"
    return None
