/** Comptabilité › Livres › Grand livre: one account's posted lines for a period, in date order, with the
 * balance after each line, the opening balance at the period's start and the closing balance at its end. */
import { useCallback, useId, useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { Link, navigate, useLocation } from "../../app/router";
import type { Company } from "../../app/session";
import type { AccountLedgerQuery as AccountLedgerResult } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { formatDay } from "../../lib/dates";
import { gqlFetch } from "../../lib/gql";
import { formatDecimal, formatMoney } from "../../lib/money";
import { detailPath } from "../imports/BatchLinks";
import { Breadcrumb } from "../imports/Breadcrumb";
import { AccountLedgerQuery, AccountsQuery } from "./operations";
import { KeysetGrid, type FetchPage, type GridColumn } from "./KeysetGrid";
import { entriesPath, ledgerPath } from "./paths";

export function AccountLedgerPage({ company }: { company: Company }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const account = search.get("account") ?? "";
  const from = search.get("from") || null;
  const to = search.get("to") || null;
  return (
    <section aria-labelledby="ledger-title" className="books-ledger">
      <Breadcrumb trail={[t.accounting, t.bk.books]} current={t.bk.ledger} />
      <div className="page-head">
        <h1 id="ledger-title">{t.bk.ledgerTitle}</h1>
        <p className="muted">{t.bk.ledgerIntro}</p>
      </div>
      <LedgerForm key={`${account}|${from}|${to}`} company={company} account={account} from={from ?? ""} to={to ?? ""} />
      {account ? <Ledger key={`${account}|${from}|${to}`} company={company} account={account} from={from} to={to} /> : <p className="muted">{t.bk.pickAccount}</p>}
    </section>
  );
}

/** The account (typed, with the matching accounts offered as the user types) and the period. */
function LedgerForm({ company, account, from, to }: { company: Company; account: string; from: string; to: string }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(account);
  const [start, setStart] = useState(from);
  const [end, setEnd] = useState(to);
  const term = value.trim();
  const [{ data }] = useQuery({ query: AccountsQuery, variables: { companyId: company.id, search: term || null, first: 50 } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // "411000 — Clients" picked from the list: its number.
    const number = term.split(/\s+—\s+/)[0] ?? "";
    navigate(ledgerPath(company.id, { account: number, from: start, to: end }), { replace: true });
  };
  return (
    <form className="card toolbar-form" aria-label={t.bk.filters} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-account`}>{t.bk.account}</label>
        <input id={`${id}-account`} type="search" list={`${id}-accounts`} autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={`${id}-account-help`} />
        <span id={`${id}-account-help`} className="muted lay-hint">
          {t.bk.accountHelp}
        </span>
        <datalist id={`${id}-accounts`}>
          {(data?.accounts.nodes ?? []).map((a) => (
            <option key={a.id} value={a.code}>
              {a.label}
            </option>
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t.bk.from}</label>
        <input id={`${id}-from`} type="date" value={start} onChange={(e) => setStart(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t.bk.to}</label>
        <input id={`${id}-to`} type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!term}>
          {t.bk.show}
        </button>
      </div>
    </form>
  );
}

type LedgerResult = NonNullable<AccountLedgerResult["accountLedger"]>;
type LedgerRow = LedgerResult["lines"]["nodes"][number];
/** The ledger without its lines: what the first page says above the grid. */
type LedgerHead = Omit<LedgerResult, "lines">;

const EMPTY: LedgerResult["lines"] = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };

function Ledger({ company, account, from, to }: { company: Company; account: string; from: string | null; to: string | null }) {
  const { t, locale } = useI18n();
  /** undefined until the first page; null: no such account. */
  const [head, setHead] = useState<LedgerHead | null>();
  const fetchPage = useCallback<FetchPage<LedgerRow>>(
    async (after, first, signal) => {
      const data = await gqlFetch(AccountLedgerQuery, { companyId: company.id, account, from, to, first, after }, signal);
      // Each page repeats the balances (they are of the whole period): the first one's are shown.
      if (after === null) setHead(data.accountLedger ?? null);
      return data.accountLedger?.lines ?? EMPTY;
    },
    [company.id, account, from, to],
  );
  const columns = useLedgerColumns(company);
  const money = (v: string) => formatMoney(v, head?.currency ?? company.currency, locale);
  const title = head ? t.bk.ledgerOf(head.account, head.label) : t.bk.ledgerOf(account, "");
  return (
    <section className="ledger" aria-labelledby="ledger-account" data-testid="ledger">
      <h2 id="ledger-account">{title}</h2>
      {head === null && <p role="status">{t.bk.unknownAccount(account)}</p>}
      {head && (
        <dl className="facts ledger-facts">
          <div>
            <dt>{from ? t.bk.openingAt(formatDay(from, locale)) : t.bk.opening}</dt>
            <dd className="num" data-testid="opening-balance">
              {money(head.openingBalance)}
            </dd>
          </div>
          <div>
            <dt>{t.bk.totalDebit}</dt>
            <dd className="num" data-testid="ledger-debit">
              {money(head.totalDebit)}
            </dd>
          </div>
          <div>
            <dt>{t.bk.totalCredit}</dt>
            <dd className="num" data-testid="ledger-credit">
              {money(head.totalCredit)}
            </dd>
          </div>
          <div>
            <dt>{to ? t.bk.closingAt(formatDay(to, locale)) : t.bk.closing}</dt>
            <dd className="num" data-testid="closing-balance">
              {money(head.closingBalance)}
            </dd>
          </div>
        </dl>
      )}
      {/* The grid's first page says whether the account exists: hidden, not unmounted, when it does not. */}
      <div hidden={head === null}>
        <KeysetGrid
          label={title}
          columns={columns}
          fetchPage={fetchPage}
          rowAttributes={(row) => ({ "data-entry-id": row.entryId })}
          count={t.bk.lineCount}
          empty={t.bk.noLines}
          testId="ledger-lines"
        />
      </div>
    </section>
  );
}

function useLedgerColumns(company: Company): GridColumn<LedgerRow>[] {
  const { t, locale } = useI18n();
  const amount = (v: string) => formatDecimal(v, locale);
  const party = (row: LedgerRow) => (row.line.thirdParty ? `${row.line.thirdParty}${row.line.thirdPartyName ? ` — ${row.line.thirdPartyName}` : ""}` : "");
  return [
    { key: "date", header: t.bk.col.date, width: 96, cell: (row) => formatDay(row.date, locale) },
    { key: "journal", header: t.bk.col.journal, width: 72, cell: (row) => row.journal },
    {
      key: "number",
      header: t.bk.col.number,
      width: 150,
      title: (row) => row.number,
      cell: (row) => (
        <>
          <Link to={entriesPath(company.id, { journal: row.journal, from: row.date, to: row.date, entry: row.entryId })}>{row.number}</Link>
          {row.batchId && (
            <>
              {" "}
              <Link to={detailPath(company.id, row.batchId)} className="muted" aria-label={t.bk.fromImport(row.batchId)}>
                ↗
              </Link>
            </>
          )}
        </>
      ),
    },
    { key: "thirdParty", header: t.bk.col.thirdParty, width: 170, title: party, cell: party },
    { key: "label", header: t.bk.col.label, width: 240, title: (row) => row.line.label, cell: (row) => row.line.label },
    { key: "reference", header: t.bk.col.reference, width: 100, title: (row) => row.line.reference, cell: (row) => row.line.reference },
    { key: "lettering", header: t.bk.col.lettering, width: 80, testId: "lettering", cell: (row) => row.line.lettering },
    { key: "debit", header: t.bk.col.debit, width: 120, num: true, cell: (row) => amount(row.line.debit) },
    { key: "credit", header: t.bk.col.credit, width: 120, num: true, cell: (row) => amount(row.line.credit) },
    { key: "balance", header: t.bk.col.balance, width: 130, num: true, testId: "running-balance", cell: (row) => amount(row.balance) },
  ];
}
