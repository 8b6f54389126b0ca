"""The TRA header line (`read_header`: product, origin, content, format) and the `***XXX` parameter records
(`_Records._record`: journals, accounts, third parties and sections become MasterRecords, the records
Écluse does not import are skipped with one finding), with the codes and natures Cegid writes in them.
"""

from __future__ import annotations

from ecluse.formats.records import MasterKind, MasterRecord, ParseError
from ecluse.formats.tra.closing import Output
from ecluse.formats.tra.fields import _shown

HEADER_WIDTH = 147

PRODUCTS = frozenset({"S1", "S3", "S5", "S7", "SI", "QU", "WS", "WT"})
ORIGINS = frozenset({"CLI", "EXP"})
CONTENTS = frozenset({"JRL", "DOS", "BAL", "SYN", "EXO"})
FORMATS = frozenset({"STD", "ETE"})
#: Cegid journal natures (J_NATUREJAL) → MasterRecord.nature; anything else not blank → "other".
JOURNAL_NATURES = {
    "ACH": "purchases", "VTE": "sales", "BQE": "bank", "CAI": "cash", "OD": "general", "REG": "general",
    "ECC": "general",
}  # fmt: skip
#: Cegid third-party natures (T_NATUREAUXI) → MasterRecord.nature; anything else → "other".
THIRD_PARTY_NATURES = {"CLI": "customer", "FOU": "supplier"}
#: Parameter records Cegid writes that Écluse does not import (skipped with one RECORD_SKIPPED finding).
SKIPPED_RECORDS = {
    "PS1": "general parameters", "PS2": "general parameters", "PS3": "general parameters",
    "PS4": "general parameters", "PS5": "general parameters", "EXO": "fiscal years",
    "SSA": "analytic structures", "ETB": "branches", "MDP": "payment modes", "MDR": "payment terms",
    "DEV": "currencies", "REG": "VAT regimes", "TVA": "VAT rates", "SOU": "number sequences",
    "PTL": "free table settings", "CRR": "correspondence accounts", "CRI": "correspondence accounts",
    "RUP": "break plans", "RIB": "bank details", "BQC": "banks", "BQE": "banks", "EXB": "bank statements",
    "EXL": "bank statement lines", "CON": "contacts", "FBG": "budget accounts", "FBJ": "budget journals",
    "FBS": "budget sections", "YTC": "third-party complements", "RRL": "reminders", "CHA": "exchange rates",
}  # fmt: skip

_RECORD_KINDS: dict[str, MasterKind] = {
    "JAL": "journal", "CGN": "account", "CAE": "third_party", "SAT": "section",
}  # fmt: skip


def read_header(line: str) -> tuple[tuple[str, ...] | None, list[ParseError], ParseError | None]:
    """(header fields: product, origin, content, format, version, company name; findings; fatal error)."""
    if not line.startswith("***"):
        return None, [], ParseError.of(1, None, "BAD_HEADER", start=_shown(line))
    p = line.ljust(HEADER_WIDTH)
    product, origin, content, fmt = p[3:5], p[5:8], p[8:11], p[11:14]
    if fmt not in FORMATS:
        return None, [], ParseError.of(1, None, "BAD_HEADER", format=_shown(fmt), start=_shown(line))
    findings = []
    for value, known, name in (
        (product, PRODUCTS, "product (positions 4-5)"),
        (origin, ORIGINS, "origin (positions 6-8)"),
        (content, CONTENTS, "content (positions 9-11)"),
    ):
        if value not in known:
            expected = ", ".join(sorted(known))
            findings.append(
                ParseError.of(
                    1, None, "HEADER_VALUE", "finding", part=name, value=_shown(value), expected=expected
                )
            )
    fields = (product, origin, content, fmt, p[33:36].strip(), p[88:123].strip())
    return fields, findings, None


class _Records:
    """The parameter records of `TraFile` (a mixin: the state is TraFile's)."""

    _labels: dict[str, str]
    _skipped: set[str]

    def _record(self, raw: str, line_no: int, out: list[Output]) -> None:
        code = raw[3:6]
        p = raw.ljust(80)
        kind = _RECORD_KINDS.get(code)
        if kind is None:
            if p[11:14] in FORMATS and p[5:8] in ORIGINS:
                out.append(ParseError.of(line_no, None, "EXTRA_HEADER", "finding", line=line_no))
            elif code not in self._skipped:
                self._skipped.add(code)
                what = SKIPPED_RECORDS.get(code) or ("free tables" if code.startswith("TL") else None)
                if what is None:
                    out.append(ParseError.of(line_no, None, "UNKNOWN_RECORD", "finding", record=_shown(code)))
                else:
                    out.append(
                        ParseError.of(line_no, None, "RECORD_SKIPPED", "finding", record=code, what=what)
                    )
            return
        if kind == "journal":
            value, label, nature = p[6:9].strip(), p[9:44].strip(), p[44:47].strip()
            nature = JOURNAL_NATURES.get(nature, "other") if nature else ""
        else:
            value, label, nature = p[6:23].strip(), p[23:58].strip(), p[58:61].strip()
            nature = THIRD_PARTY_NATURES.get(nature, "other") if kind == "third_party" else ""
        if not value:
            end = 9 if kind == "journal" else 23
            out.append(ParseError.of(line_no, "CODE", "BAD_RECORD", "finding", record=code, end=end))
            return
        if kind == "journal" and len(self._labels) < 10_000:
            self._labels[value] = label
        out.append(MasterRecord(kind, value, label, nature, "", line_no))
