"""Import batch statuses and which transitions each action may take (ARCHITECTURE.md § Statuses)."""

from __future__ import annotations

from enum import StrEnum

from ecluse.formats.registry import FORMATS, READABLE


class BatchStatus(StrEnum):
    RECEIVED = "RECEIVED"
    PARSING = "PARSING"
    PENDING_VALIDATION = "PENDING_VALIDATION"
    FINISHED_WITH_ERROR = "FINISHED_WITH_ERROR"
    FAILED = "FAILED"
    VALIDATING = "VALIDATING"
    SUCCEEDED = "SUCCEEDED"
    REJECTED = "REJECTED"


class Origin(StrEnum):
    PARTNER_API = "PARTNER_API"
    UPLOAD = "UPLOAD"
    CLI = "CLI"


class ImportFormat(StrEnum):
    AUTO = "AUTO"
    FEC = "FEC"
    TRA = "TRA"
    JSON = "JSON"
    CUSTOM = "CUSTOM"
    MT940 = "MT940"
    CAMT053 = "CAMT053"
    CAMT054 = "CAMT054"
    BAI2 = "BAI2"
    CFONB120 = "CFONB120"
    OFX = "OFX"
    QIF = "QIF"
    CSV = "CSV"


#: Formats this version can stage (those with a parser in the registry); the others are refused at receive.
SUPPORTED_FORMATS = frozenset(ImportFormat(name) for name in READABLE)

CAN_VALIDATE_FROM = frozenset({BatchStatus.PENDING_VALIDATION, BatchStatus.FINISHED_WITH_ERROR})
#: A FAILED batch holds nothing to post but must be cleared from the console: it can be rejected.
CAN_REJECT_FROM = frozenset(
    {BatchStatus.PENDING_VALIDATION, BatchStatus.FINISHED_WITH_ERROR, BatchStatus.FAILED}
)
#: What the partner-imports console lists; SUCCEEDED batches live in the import history.
CONSOLE_STATUSES = frozenset(BatchStatus) - {BatchStatus.SUCCEEDED}

if {each.name for each in FORMATS} != set(ImportFormat) - {ImportFormat.AUTO}:
    raise RuntimeError("ImportFormat and the format registry (formats/registry.py) name different formats")

#: How many of the codes that refused a batch's entries it keeps (ImportBatch.error_codes).
MAX_ERROR_CODES = 5
