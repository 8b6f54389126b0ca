/** Comptabilité › Livres › Grand livre: one account's posted lines for a period, in date order, with the
 * balance after each line, the opening balance at the period's start and the closing balance at its end. */
import { useId, useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { Link, navigate, useLocation } from "../../app/router";
import type { Company } from "../../app/session";
import { useI18n } from "../../i18n/I18n";
import { formatDay } from "../../lib/dates";
import { formatDecimal, formatMoney } from "../../lib/money";
import { detailPath } from "../imports/BatchLinks";
import { Breadcrumb } from "../imports/Breadcrumb";
import { AccountLedgerQuery, AccountsQuery } from "./operations";
import { entriesPath, ledgerPath } from "./paths";
import { useKeyset } from "./useKeyset";

const PAGE = 100;

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
      {account ? <Ledger company={company} account={account} from={from} to={to} /> : <p className="muted">{t.bk.pickAccount}</p>}
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

function Ledger({ company, account, from, to }: { company: Company; account: string; from: string | null; to: string | null }) {
  const { t, locale } = useI18n();
  const variables = { companyId: company.id, account, from, to, first: PAGE, after: null };
  const list = useKeyset(AccountLedgerQuery, variables, (d) => d.accountLedger?.lines);
  const ledger = list.data?.accountLedger;
  const amount = (v: string) => formatDecimal(v, locale);
  const money = (v: string) => formatMoney(v, ledger?.currency ?? company.currency, locale);
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  if (list.error && !ledger) {
    return (
      <p role="alert" className="form-error">
        {t.errorGeneric(list.error)}
      </p>
    );
  }
  if (list.data && !ledger) return <p role="status">{t.bk.unknownAccount(account)}</p>;
  if (!ledger) return <p className="muted">{t.loading}</p>;
  return (
    <section className="ledger" aria-labelledby="ledger-account" data-testid="ledger">
      <h2 id="ledger-account">{t.bk.ledgerOf(ledger.account, ledger.label)}</h2>
      <dl className="facts ledger-facts">
        <div>
          <dt>{from ? t.bk.openingAt(formatDay(from, locale)) : t.bk.opening}</dt>
          <dd className="num" data-testid="opening-balance">
            {money(ledger.openingBalance)}
          </dd>
        </div>
        <div>
          <dt>{t.bk.totalDebit}</dt>
          <dd className="num" data-testid="ledger-debit">
            {money(ledger.totalDebit)}
          </dd>
        </div>
        <div>
          <dt>{t.bk.totalCredit}</dt>
          <dd className="num" data-testid="ledger-credit">
            {money(ledger.totalCredit)}
          </dd>
        </div>
        <div>
          <dt>{to ? t.bk.closingAt(formatDay(to, locale)) : t.bk.closing}</dt>
          <dd className="num" data-testid="closing-balance">
            {money(ledger.closingBalance)}
          </dd>
        </div>
      </dl>
      {list.error && (
        <p role="alert" className="form-error">
          {t.errorGeneric(list.error)}
        </p>
      )}
      <div className="table-scroll">
        <table className="grid-table ledger-lines" aria-busy={list.loading || undefined} data-testid="ledger-lines">
          <caption className="sr-only">{t.bk.ledgerOf(ledger.account, ledger.label)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.bk.col.date}</th>
              <th scope="col">{t.bk.col.journal}</th>
              <th scope="col">{t.bk.col.number}</th>
              <th scope="col">{t.bk.col.thirdParty}</th>
              <th scope="col">{t.bk.col.label}</th>
              <th scope="col">{t.bk.col.reference}</th>
              <th scope="col">{t.bk.col.lettering}</th>
              <th scope="col" className="num">
                {t.bk.col.debit}
              </th>
              <th scope="col" className="num">
                {t.bk.col.credit}
              </th>
              <th scope="col" className="num">
                {t.bk.col.balance}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 && !list.loading && (
              <tr>
                <td colSpan={10} className="empty">
                  {t.bk.noLines}
                </td>
              </tr>
            )}
            {list.rows.map((row) => (
              <tr key={row.line.id} data-entry-id={row.entryId}>
                <td>{formatDay(row.date, locale)}</td>
                <td>{row.journal}</td>
                <td>
                  <Link to={entriesPath(company.id, { journal: row.journal, from: row.date, to: row.date, entry: row.entryId })}>{row.number}</Link>
                  {row.batchId && (
                    <>
                      {" "}
                      <Link to={detailPath(company.id, row.batchId)} className="muted" aria-label={t.bk.fromImport(row.batchId)}>
                        ↗
                      </Link>
                    </>
                  )}
                </td>
                <td>{row.line.thirdParty ? `${row.line.thirdParty}${row.line.thirdPartyName ? ` — ${row.line.thirdPartyName}` : ""}` : ""}</td>
                <td>{row.line.label}</td>
                <td>{row.line.reference}</td>
                <td data-testid="lettering">{row.line.lettering}</td>
                <td className="num">{amount(row.line.debit)}</td>
                <td className="num">{amount(row.line.credit)}</td>
                <td className="num" data-testid="running-balance">
                  {amount(row.balance)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted table-foot">
        {t.bk.lineCount(n(list.rows.length), n(list.total))}
        {list.hasMore && (
          <button type="button" className="btn btn-quiet" onClick={list.loadMore} disabled={list.loading}>
            {t.loadMore}
          </button>
        )}
      </p>
    </section>
  );
}
