"""A search within a batch's lines (the entry grid's filter): conditions that all hold, as SQL on
`entry_lines` with `$n` placeholders, added to the page's own conditions (its batch is `$1`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The longest text a condition may hold (a journal code, an account number, a search): bounded before SQL.
MAX_TEXT = 100


def _like(text: str) -> str:
    """`text` as a LIKE pattern that matches it literally (`\\` escapes % and _)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True, slots=True)
class LineFilter:
    """Lines of one journal (its code), of accounts whose number starts so, of one third party (its code), of
    one amount on either side (minor units), whose label or reference contains a text (whatever the case)."""

    company_id: int
    journal: str | None = None
    account: str | None = None
    third_party: str | None = None
    amount: int | None = None
    text: str | None = None

    @property
    def active(self) -> bool:
        return any(
            v not in (None, "")
            for v in (self.journal, self.account, self.third_party, self.amount, self.text)
        )

    def sql(self, args: list[Any]) -> str:
        """' AND …' for the conditions given, their values appended to `args` (placeholders numbered on)."""

        def arg(value: Any) -> str:
            args.append(value)
            return f"${len(args)}"

        out = []
        if self.journal:
            out.append(
                "entry_id IN (SELECT e.id FROM entries e JOIN journals j ON j.id = e.journal_id "
                f"WHERE e.batch_id = $1 AND j.code = {arg(self.journal)})"
            )
        if self.account:
            company = arg(self.company_id)
            out.append(
                f"account_id IN (SELECT id FROM accounts WHERE company_id = {company} "
                f"AND number LIKE {arg(_like(self.account) + '%')} ESCAPE '\\')"
            )
        if self.third_party:
            company = arg(self.company_id)
            out.append(
                f"third_party_id IN (SELECT id FROM third_parties WHERE company_id = {company} "
                f"AND code = {arg(self.third_party)})"
            )
        if self.amount is not None:
            out.append(f"(debit = {arg(self.amount)} OR credit = {arg(self.amount)})")
        if self.text:
            # LOWER on both sides: PostgreSQL's LIKE minds the case, SQLite's only beyond ASCII.
            pattern = "%" + _like(self.text.lower()) + "%"
            out.append(
                f"(LOWER(label) LIKE {arg(pattern)} ESCAPE '\\' OR LOWER(piece_ref) LIKE {arg(pattern)} ESCAPE '\\')"
            )
        return "".join(f" AND {condition}" for condition in out)
