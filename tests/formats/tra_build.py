"""Build Cegid TRA files from Python values: header, parameter records, standard and extended movement lines.

Positions are the ones `ecluse.formats.tra` reads (docs/formats/tra.md): every field is padded to its width,
and a value longer than its field raises ValueError, so a test can never shift a column by accident.
Used by tests/formats/test_tra.py, bench/gen_tra.py and to write docs/examples/EXEMPLE.TRA.
"""

from __future__ import annotations

from collections.abc import Iterable

LINE_WIDTH = 222
NO_DATE = "01011900"


def fit(value: str, width: int, *, right: bool = False, fill: str = " ") -> str:
    """`value` padded to `width` (left-aligned unless `right`); ValueError when it does not fit."""
    if len(value) > width:
        raise ValueError(f"{value!r} does not fit in {width} characters")
    return value.rjust(width, fill) if right else value.ljust(width, fill)


def amount_text(cents: int) -> str:
    """123456 → '1234,56' (a TRA amount: decimal comma, no sign)."""
    return f"{cents // 100},{cents % 100:02d}"


def header(
    *,
    product: str = "S5",
    origin: str = "CLI",
    content: str = "JRL",
    fmt: str = "STD",
    version: str = "007",
    firm_file: str = "00001",
    generated: str = "150120251200",
    user: str = "ecluse tests",
    company: str = "",
    file_number: str = "",
    sub_version: str = "001",
) -> str:
    """The `***` header line (147 characters)."""
    return "".join(
        [
            "***",
            fit(product, 2),
            fit(origin, 3),
            fit(content, 3),
            fit(fmt, 3),
            fit("", 3),  # closed-year code
            NO_DATE,  # euro switch date
            NO_DATE,  # periodic closing date
            fit(version, 3),
            fit(firm_file, 5),
            fit(generated, 12),
            fit(user, 35),
            fit(company, 35),
            fit("", 4),  # reprise flag
            fit(file_number, 6),
            fit("", 3),  # exchange frequency
            NO_DATE,  # purge start date
            fit(sub_version, 3),
        ]
    )


def record(code: str, body: str = "") -> str:
    """Any `***` parameter record: `***` + 3-character code + body."""
    return "***" + fit(code, 3) + body


def journal(code: str, label: str, nature: str = "OD", counterpart: str = "") -> str:
    """`***JAL`: code 7-9, label 10-44, nature 45-47, then numbering, counterpart account, axis, entry mode."""
    body = fit(code, 3) + fit(label, 35) + fit(nature, 3) + fit(code, 3) + fit("SIM", 3)
    return record("JAL", body + fit(counterpart, 17) + fit("", 3) + fit("-", 3))


def account(code: str, label: str, nature: str = "DIV") -> str:
    """`***CGN`: code 7-23, label 24-58, nature 59-61, lettering and reconciliation flags 62-63."""
    return record("CGN", fit(code, 17) + fit(label, 35) + fit(nature, 3) + "--" + "-----")


def third_party(code: str, label: str, nature: str = "CLI", collective: str = "") -> str:
    """`***CAE`: code 7-23, label 24-58, nature 59-61, letterable 62, collective account 63-79."""
    return record("CAE", fit(code, 17) + fit(label, 35) + fit(nature, 3) + "X" + fit(collective, 17))


def section(code: str, label: str, axis: str = "A1") -> str:
    """`***SAT`: code 7-23, label 24-58, axis 59-61."""
    return record("SAT", fit(code, 17) + fit(label, 35) + fit(axis, 3))


def movement(
    *,
    journal: str = "VT",
    date: str = "15012025",
    piece_type: str = "FC",
    general: str = "411000",
    account_type: str = " ",
    aux: str = "",
    ref: str = "",
    label: str = "",
    payment_mode: str = "",
    due: str = NO_DATE,
    sens: str = "D",
    amount: int | str = 10000,
    entry_type: str = "N",
    number: str = "1",
    currency: str = "EUR",
    rate: str = "",
    amount_code: str = "E--",
    amount2: str = "",
    amount3: str = "",
    branch: str = "",
    axis: str = "",
    instalment: str = "",
    extended: str | None = None,
) -> str:
    """One movement line (222 characters; plus `extended` for the ETE format). `amount` in cents is written
    zero-padded with a decimal comma, as Cegid does; a string is written as is (right-aligned)."""
    montant = (
        fit(amount_text(amount), 20, right=True, fill="0")
        if isinstance(amount, int)
        else fit(amount, 20, right=True)
    )
    line = "".join(
        [
            fit(journal, 3),
            fit(date, 8),
            fit(piece_type, 2),
            fit(general, 17),
            fit(account_type, 1),
            fit(aux, 17),
            fit(ref, 35),
            fit(label, 35),
            fit(payment_mode, 3),
            fit(due, 8),
            fit(sens, 1),
            montant,
            fit(entry_type, 1),
            fit(number, 8, right=True),
            fit(currency, 3),
            fit(rate, 10),
            fit(amount_code, 3),
            fit(amount2, 20, right=True),
            fit(amount3, 20, right=True),
            fit(branch, 3),
            fit(axis, 2),
            fit(instalment, 2, right=True),
        ]
    )
    assert len(line) == LINE_WIDTH
    return line if extended is None else line + extended


def sale(
    number: str,
    net: int,
    vat: int,
    *,
    customer: str = "C00001",
    label: str = "Facture",
    date: str = "15012025",
    journal: str = "VT",
    revenue: str = "706000",
    **fields: str,
) -> list[str]:
    """A balanced 3-line sales entry: customer (X line on 411000) debit, revenue and VAT credit."""
    common = {"journal": journal, "date": date, "piece_type": "FC", "number": number, "ref": f"F{number}",
              "label": label, **fields}  # fmt: skip
    return [
        movement(general="411000", account_type="X", aux=customer, sens="D", amount=net + vat, **common),
        movement(general=revenue, sens="C", amount=net, **common),
        movement(general="445710", sens="C", amount=vat, **common),
    ]


def tra_text(lines: Iterable[str], *, eol: str = "\r\n", trim: bool = False) -> str:
    """The lines joined with `eol` (and a final one); `trim` strips trailing spaces as transfer tools do."""
    return "".join((line.rstrip(" ") if trim else line) + eol for line in lines)


def tra_bytes(
    lines: Iterable[str], *, encoding: str = "cp1252", eol: str = "\r\n", trim: bool = False
) -> bytes:
    return tra_text(lines, eol=eol, trim=trim).encode(encoding)
