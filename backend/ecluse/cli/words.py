"""What the `ecluse` command says, in French or English.

The language is `--lang`, else ECLUSE_LANG, else the system locale's (LC_ALL, LC_MESSAGES, LANG: `fr…` is
French), else English. Numbers, amounts and dates are written as that language writes them (Babel: « 1 234,50 »,
« 31/12/2026 »); an error is its code's label in that language (the web app's, cli/issue_labels.py) with the
code and its parameters, so that a script can still read it.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from datetime import date
from decimal import Decimal
from typing import Literal

from babel.dates import format_date
from babel.numbers import format_decimal

from ecluse.cli.issue_labels import LABELS

Lang = Literal["fr", "en"]
LOCALES: dict[Lang, str] = {"fr": "fr_FR", "en": "en_GB"}

_lang: ContextVar[Lang | None] = ContextVar("cli_lang", default=None)


def set_lang(lang: str | None) -> None:
    """The language chosen on the command line (None: from the environment)."""
    _lang.set("fr" if lang == "fr" else "en" if lang == "en" else None)


def lang() -> Lang:
    chosen = _lang.get()
    if chosen is not None:
        return chosen
    for name in ("ECLUSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").lower()
        if value:
            return "fr" if value.startswith("fr") else "en"
    return "en"


def number(n: int | Decimal) -> str:
    return format_decimal(n, locale=LOCALES[lang()])


def amount(value: Decimal, currency: str) -> str:
    """An amount with all its decimals (2 for EUR) and its currency: « 1 234,50 EUR »."""
    places = max(0, -int(value.as_tuple().exponent))
    return f"{format_decimal(value, format='#,##0.' + '0' * places if places else '#,##0', locale=LOCALES[lang()])} {currency}"


def day(value: date) -> str:
    return format_date(value, format="short" if lang() == "fr" else "dd/MM/yyyy", locale=LOCALES[lang()])


def count(n: int, fr: tuple[str, str], en: tuple[str, str]) -> str:
    """« 1 écriture », « 1 234 écritures »; "1 entry", "1,234 entries" (French singular for 0 and 1)."""
    one, other = fr if lang() == "fr" else en
    single = n in (0, 1) if lang() == "fr" else n == 1
    return f"{number(n)} {one if single else other}"


def say(fr: str, en: str, **values: object) -> str:
    """The sentence in the command's language, with its values."""
    return (fr if lang() == "fr" else en).format(**values)


def error_line(code: str, message: str, params: dict[str, str | int] | None = None) -> str:
    """An error as the command prints it: its label in the user's language, its code (for scripts), and in
    French its parameters (the English message is for logs and for the English command)."""
    label = LABELS[lang()].get(code)
    if lang() == "en":
        return f"error: {code}: {message}"
    given = ", ".join(f"{k} = {v}" for k, v in (params or {}).items())
    return f"erreur : {label or code} [{code}]" + (f" ({given})" if given else "")


def error(fr: str, en: str, **values: object) -> str:
    return say(f"erreur : {fr}", f"error: {en}", **values)
