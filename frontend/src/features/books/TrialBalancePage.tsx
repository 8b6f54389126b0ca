/** Comptabilité › Livres › Balance: the posted movements per general account for a period, a total per
 * class (first digit of the account) and a grand total, exported as CSV in the user's language. */
import { useId, useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { useRefetch } from "../../app/catchUp";
import { Link, navigate, useLocation } from "../../app/router";
import type { Company } from "../../app/session";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18n";
import { formatDay } from "../../lib/dates";
import { formatDecimal } from "../../lib/money";
import { Breadcrumb } from "../imports/Breadcrumb";
import { CompanyYearsQuery, TrialBalanceQuery } from "./operations";
import { balancePath, ledgerPath } from "./paths";
import { downloadText, groupByClass, totalsOf, trialBalanceCsv, type ClassGroup } from "./trialBalance";

export function TrialBalancePage({ company }: { company: Company }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const from = search.get("from") || null;
  const to = search.get("to") || null;
  return (
    <section aria-labelledby="balance-title" className="books-balance">
      <Breadcrumb trail={[t.accounting, t.bk.books]} current={t.bk.balance} />
      <div className="page-head">
        <h1 id="balance-title">{t.bk.balanceTitle}</h1>
        <p className="muted">{t.bk.balanceIntro}</p>
      </div>
      <PeriodForm key={`${from}|${to}`} company={company} from={from ?? ""} to={to ?? ""} />
      <Balance company={company} from={from} to={to} />
    </section>
  );
}

function PeriodForm({ company, from, to }: { company: Company; from: string; to: string }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [{ data }] = useQuery({ query: CompanyYearsQuery, variables: { companyId: company.id } });
  const [start, setStart] = useState(from);
  const [end, setEnd] = useState(to);
  const years = [...(data?.fiscalYears ?? [])].sort((a, b) => (a.startDate < b.startDate ? 1 : -1));
  const year = years.find((y) => y.startDate === start && y.endDate === end)?.id ?? "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(balancePath(company.id, { from: start, to: end }), { replace: true });
  };
  return (
    <form className="card toolbar-form" aria-label={t.bk.filters} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t.bk.year}</label>
        <select
          id={`${id}-year`}
          value={year}
          onChange={(e) => {
            const picked = years.find((y) => y.id === e.target.value);
            setStart(picked?.startDate ?? "");
            setEnd(picked?.endDate ?? "");
          }}
        >
          <option value="">{t.bk.anyPeriod}</option>
          {years.map((y) => (
            <option key={y.id} value={y.id}>
              {y.name} ({formatDay(y.startDate, locale)} → {formatDay(y.endDate, locale)})
            </option>
          ))}
        </select>
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
        <button type="submit" className="btn btn-primary">
          {t.bk.show}
        </button>
      </div>
    </form>
  );
}

function Balance({ company, from, to }: { company: Company; from: string | null; to: string | null }) {
  const { t, locale } = useI18n();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: TrialBalanceQuery, variables: { companyId: company.id, from, to }, requestPolicy: "cache-and-network" });
  const refetch = useRefetch(reexecute);
  const balance = data?.trialBalance;
  const groups = balance ? groupByClass(balance.lines) : [];
  const total = totalsOf(groups);
  const exportCsv = () => {
    const name = `${t.bk.csvName}-${company.code || company.siren || company.id}${from ? `-${from}` : ""}${to ? `-${to}` : ""}.csv`;
    downloadText(name, trialBalanceCsv(t, locale, groups));
  };
  return (
    <div aria-busy={fetching || undefined}>
      <div className="toolbar-row">
        <span className="muted">{balance ? t.bk.inCurrency(balance.currency) : ""}</span>
        <span className="spacer" />
        <button type="button" className="btn" onClick={exportCsv} disabled={!balance}>
          {t.bk.exportCsv}
        </button>
      </div>
      <QueryState fetching={fetching} error={error} hasData={data !== undefined} onRetry={refetch}>
        <BalanceTable company={company} groups={groups} total={total} from={from} to={to} empty={balance?.lines.length === 0} />
      </QueryState>
    </div>
  );
}

export function BalanceTable({
  company,
  groups,
  total,
  from,
  to,
  empty,
}: {
  company: Company;
  groups: readonly ClassGroup[];
  total: { debit: string; credit: string; balance: string };
  from: string | null;
  to: string | null;
  empty: boolean;
}) {
  const { t, locale } = useI18n();
  const amount = (v: string) => formatDecimal(v, locale);
  return (
    <div className="table-scroll">
      <table className="grid-table balance-table" data-testid="trial-balance">
        <caption className="sr-only">{t.bk.balanceTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.bk.col.account}</th>
            <th scope="col">{t.bk.col.accountLabel}</th>
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
        {empty && (
          <tbody>
            <tr>
              <td colSpan={5} className="empty">
                {t.bk.noBalance}
              </td>
            </tr>
          </tbody>
        )}
        {groups.map((group) => (
          <tbody key={group.key} data-class={group.key}>
            {group.lines.map((line) => (
              <tr key={line.account} data-account={line.account}>
                <td>
                  <Link to={ledgerPath(company.id, { account: line.account, from, to })}>{line.account}</Link>
                </td>
                <td>{line.accountLabel}</td>
                <td className="num">{amount(line.debit)}</td>
                <td className="num">{amount(line.credit)}</td>
                <td className="num">{amount(line.balance)}</td>
              </tr>
            ))}
            <tr className="subtotal" data-testid={`class-${group.key}`}>
              <th scope="row" colSpan={2}>
                {t.bk.classTotal(group.key)}
              </th>
              <td className="num">{amount(group.debit)}</td>
              <td className="num">{amount(group.credit)}</td>
              <td className="num">{amount(group.balance)}</td>
            </tr>
          </tbody>
        ))}
        <tfoot>
          <tr className="grand-total" data-testid="grand-total">
            <th scope="row" colSpan={2}>
              {t.bk.grandTotal}
            </th>
            <td className="num" data-testid="total-debit">
              {amount(total.debit)}
            </td>
            <td className="num" data-testid="total-credit">
              {amount(total.credit)}
            </td>
            <td className="num" data-testid="total-balance">
              {amount(total.balance)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
