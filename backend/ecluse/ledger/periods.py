"""Fiscal years: which open one holds a date."""

from __future__ import annotations

from datetime import date

from ecluse.ledger.models import FiscalYear


class OpenYears:
    def __init__(self, years: list[FiscalYear]) -> None:
        self.years = sorted(years, key=lambda y: y.start_date)
        self._cache: dict[date, FiscalYear | None] = {}

    @classmethod
    async def of(cls, company_id: int) -> OpenYears:
        return cls(await FiscalYear.filter(company_id=company_id, closed=False))

    def holding(self, day: date) -> FiscalYear | None:
        try:
            return self._cache[day]
        except KeyError:
            found = next((y for y in self.years if y.start_date <= day <= y.end_date), None)
            self._cache[day] = found
            return found
