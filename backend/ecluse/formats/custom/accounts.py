"""Which accounts a custom-layout line goes to: the account and third-party columns (one to three, G/D/C
kinds from a kind column or the company's account ranges), and the VAT and contra lines a line may
generate; the `_Accounts` mixin of `CustomFile`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ecluse.formats.custom.values import _CACHE_LIMIT, _I, _Values
from ecluse.formats.layout import AccountRange, kind_of, rate_key
from ecluse.formats.limits import FIELD_MAX, check_amount, shown
from ecluse.formats.records import ParseError
from ecluse.money import AMOUNT_MAX, decimal_of

_HUNDRED = Decimal(100)


def _half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _rate_value(rate: Decimal) -> Decimal:
    """20.00 → 20, 5.50 → 5.5 (never 2E+1: the message writes it as text)."""
    return Decimal(format(rate.normalize(), "f"))


class _Accounts(_Values):
    """Accounts, third parties, VAT and contra lines (a mixin: the state is CustomFile's)."""

    _kind_codes: dict[str, str]
    _kinds: dict[str, str | None]
    _ranges: list[AccountRange]
    _vat_by_code: dict[str, str]
    _vat_by_rate: dict[str, str]

    # --- accounts -----------------------------------------------------------------------------------

    def _account(self, account: str, kind_s: str, third: str, customer: str, supplier: str, line_no: int, probs: list[ParseError]) -> tuple[str, str, str, str]:  # fmt: skip
        """(account number, third party code, its label, its nature) — label "" here, filled by the caller."""
        lay = self._layout
        mode = lay.account_mode
        if mode == "kindColumn" or mode == "ranges":
            if not account:
                self._missing("account", line_no, probs)
                return "", "", "", ""
            kind = (
                self._kind_column(kind_s, line_no, probs)
                if mode == "kindColumn"
                else self._range_kind(account, "account", line_no, probs)
            )
            if kind == "D":
                return lay.customer_account, account, "", "customer"
            if kind == "C":
                return lay.supplier_account, account, "", "supplier"
            return account, "", "", ""
        if mode == "threeColumns":
            if customer and supplier:
                probs.append(
                    ParseError.of(
                        line_no,
                        None,
                        "TWO_THIRD_PARTIES",
                        customer_field=self._names["customer"],
                        customer=shown(customer),
                        supplier_field=self._names["supplier"],
                        supplier=shown(supplier),
                    )
                )
                return "", "", "", ""
            if customer:
                return account or lay.customer_account, customer, "", "customer"
            if supplier:
                return account or lay.supplier_account, supplier, "", "supplier"
            if not account:
                self._missing("account", line_no, probs)
            return account, "", "", ""
        # twoColumns: account = general account, thirdParty = customer or supplier code
        kind = ""
        if "kind" in lay.columns and (kind_s or third):
            kind = self._kind_column(kind_s, line_no, probs)
            if kind == "G" and third:
                name = self._names["kind"]
                probs.append(
                    ParseError.of(
                        line_no,
                        name,
                        "KIND_MISMATCH",
                        field=name,
                        value=shown(kind_s),
                        third_party=shown(third),
                    )
                )
            elif kind in ("D", "C") and not third:
                name = self._names["thirdParty"]
                probs.append(
                    ParseError.of(
                        line_no,
                        name,
                        "MISSING_VALUE",
                        field=name,
                        kind_field=self._names["kind"],
                        kind=shown(kind_s),
                    )
                )
        if not third:
            if not account:
                self._missing("account", line_no, probs)
            return account, "", "", ""
        if not kind and self._ranges:
            kind = self._range_kind(third, "thirdParty", line_no, probs)
            if kind == "G":
                name = self._names["thirdParty"]
                probs.append(
                    ParseError.of(line_no, name, "KIND_MISMATCH", field=name, third_party=shown(third))
                )
        if kind == "D":
            return account or lay.customer_account, third, "", "customer"
        if kind == "C":
            return account or lay.supplier_account, third, "", "supplier"
        if not account:
            name = self._names["account"]
            probs.append(ParseError.of(line_no, name, "MISSING_VALUE", field=name, third_party=shown(third)))
            return "", "", "", ""
        if account.startswith(("411", "413")):
            return account, third, "", "customer"
        if account.startswith(("401", "403")):
            return account, third, "", "supplier"
        return account, third, "", "other"

    def _kind_column(self, code: str, line_no: int, probs: list[ParseError]) -> str:
        kind = self._kind_codes.get(code.upper())
        if kind is None:
            name = self._names["kind"]
            codes = self._layout.kind_codes
            probs.append(
                ParseError.of(
                    line_no,
                    name,
                    "BAD_KIND_CODE",
                    field=name,
                    value=shown(code),
                    general_code=codes.general,
                    customer_code=codes.customer,
                    supplier_code=codes.supplier,
                )
            )
            return ""
        return kind

    def _range_kind(self, number: str, field: str, line_no: int, probs: list[ParseError]) -> str:
        kind = self._kinds.get(number, "")
        if kind == "":
            if len(self._kinds) > _CACHE_LIMIT:
                self._kinds.clear()
            kind = kind_of(number, self._ranges)
            if len(number) <= FIELD_MAX["account_number"]:  # longer ones are refused: not kept (memory)
                self._kinds[number] = kind
        if kind is None:
            name = self._names[field]
            ranges = ", ".join(r.describe() for r in self._ranges[:6]) + (
                "…" if len(self._ranges) > 6 else ""
            )
            probs.append(
                ParseError.of(
                    line_no, name, "ACCOUNT_OUT_OF_RANGES", field=name, account=shown(number), ranges=ranges
                )
            )
            return ""
        return kind

    def _is_third_party(self, v: tuple[str, ...]) -> bool:
        """Whether the line is a customer or supplier line (thirdPartyStartsEntry); no errors reported."""
        mode = self._layout.account_mode
        if mode == "kindColumn":
            return self._kind_codes.get(v[_I["kind"]].upper()) in ("D", "C")
        if mode == "ranges":
            account = v[_I["account"]]
            return bool(account) and self._range_kind(account, "account", 0, []) in ("D", "C")
        if mode == "threeColumns":
            return bool(v[_I["customer"]] or v[_I["supplier"]])
        return bool(v[_I["thirdParty"]])

    # --- VAT and contra account on the same line ----------------------------------------------------

    def _generated(self, debit: int, credit: int, vat_s: str, vat_code: str, vat_rate_s: str, contra: str, line_no: int, probs: list[ParseError]) -> list[tuple[str, int, int, bool]] | None:  # fmt: skip
        """The VAT and contra lines a line generates: (account, debit, credit, carries the analytic)."""
        if probs and any(p.severity == "error" for p in probs):
            return None
        vat = None
        if vat_s:
            dec, (a, b) = self._dec, self._cut
            if vat_s[a:b] == dec and (t := vat_s.replace(dec, "", 1)).isdecimal() and len(t) < 16:
                vat = int(t)
            else:
                vat = abs(self._amount(vat_s, "vatAmount", line_no, probs))
                if probs and probs[-1].code == "BAD_AMOUNT":
                    return None
        rate: Decimal | None = None
        key = None
        if vat_rate_s:
            key = rate_key(vat_rate_s)
            if key is None:
                name = self._names["vatRate"]
                probs.append(
                    ParseError.of(line_no, name, "BAD_VAT_RATE", field=name, value=shown(vat_rate_s))
                )
                return None
            rate = Decimal(key)
        if (debit and credit) or not (debit or credit):
            if not (vat or debit):  # a zero line: nothing to generate
                return None
            reason = "both_sides" if debit else "zero"
            probs.append(ParseError.of(line_no, None, "AMBIGUOUS_SIDE", reason=reason))
            return None
        amount, on_debit = (debit, True) if debit else (credit, False)
        if rate is not None:
            base = Decimal(amount) * rate
            computed = _half_up(base / (_HUNDRED + rate) if contra else base / _HUNDRED)
            if vat is None:
                vat = computed
            elif abs(vat - computed) > 1:
                name, places = self._names["vatAmount"], self._places
                probs.append(
                    ParseError.of(
                        line_no,
                        name,
                        "VAT_ROUNDING",
                        "finding",
                        field=name,
                        vat=decimal_of(vat, places),
                        rate=_rate_value(rate),
                        basis="gross" if contra else "net",
                        amount=decimal_of(amount, places),
                        computed=decimal_of(computed, places),
                        tolerance=decimal_of(1, places),
                    )
                )
        if vat is not None and vat > AMOUNT_MAX:  # (a rate computes at most 10 times the line)
            column = self._names["vatAmount" if "vatAmount" in self._layout.columns else "vatRate"]
            check_amount(vat, column, line_no, probs, places=self._places)
            return None
        out: list[tuple[str, int, int, bool]] = []
        net = amount
        if vat:
            account = self._vat_account(vat_code, key, line_no, probs)
            if account is None:
                return None
            if contra:
                if vat > amount:
                    name = self._names["vatAmount"]
                    vat_, amount_ = decimal_of(vat, self._places), decimal_of(amount, self._places)
                    probs.append(
                        ParseError.of(
                            line_no, name, "VAT_EXCEEDS_AMOUNT", field=name, vat=vat_, amount=amount_
                        )
                    )
                    return None
                net = amount - vat
            vat_on_debit = on_debit != bool(contra)  # the contra side when there is a contra account
            out.append((account, vat if vat_on_debit else 0, 0 if vat_on_debit else vat, False))
        if contra and net:
            out.insert(0, (contra, 0 if on_debit else net, net if on_debit else 0, True))
        return out

    def _vat_account(self, code: str, rate: str | None, line_no: int, probs: list[ParseError]) -> str | None:  # fmt: skip
        """The VAT account: by code, else by rate, else the fixed one."""
        found = (code and self._vat_by_code.get(code.upper())) or (rate and self._vat_by_rate.get(rate))
        if found:
            return found
        if self._layout.vat_account:
            return self._layout.vat_account
        said: dict[str, str | Decimal] = {}
        if code:
            said["vat_code"] = shown(code)
        if rate is not None:
            said["rate"] = Decimal(rate)
        column = self._names["vatCode" if code else "vatRate"]
        probs.append(ParseError.of(line_no, column, "VAT_ACCOUNT_UNKNOWN", **said))
        return None
