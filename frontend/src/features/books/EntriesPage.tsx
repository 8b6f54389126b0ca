/** Comptabilité › Livres › Écritures: the posted entries by date, filtered by journal, period or import (the
 * filters live in the address), each with its lines and totals, the import it came from and its reversal. */
import { useEffect, useId, useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { Link, navigate, useLocation } from "../../app/router";
import type { Company } from "../../app/session";
import type { PostedEntriesQuery as EntriesResult } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { formatDay } from "../../lib/dates";
import { formatDecimal } from "../../lib/money";
import { detailPath } from "../imports/BatchLinks";
import { Breadcrumb } from "../imports/Breadcrumb";
import { RelatedBatchQuery } from "../imports/operations";
import { JournalsQuery, PostedEntriesQuery } from "./operations";
import { entriesPath, ledgerPath, type EntriesFilter } from "./paths";
import { useKeyset } from "./useKeyset";

type Entry = EntriesResult["postedEntries"]["nodes"][number];

export function EntriesPage({ company }: { company: Company }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const filter: EntriesFilter = {
    journal: search.get("journal") || null,
    from: search.get("from") || null,
    to: search.get("to") || null,
    batchId: search.get("batchId") || null,
  };
  const focus = search.get("entry");
  const key = JSON.stringify(filter);
  return (
    <section aria-labelledby="entries-title" className="books-entries">
      <Breadcrumb trail={[t.accounting, t.bk.books]} current={t.bk.entries} />
      <div className="page-head">
        <h1 id="entries-title">{t.bk.entriesTitle}</h1>
        <p className="muted">{t.bk.entriesIntro}</p>
      </div>
      <EntriesFilterForm key={key} company={company} filter={filter} />
      <EntryList company={company} filter={filter} focus={focus} />
    </section>
  );
}

function EntriesFilterForm({ company, filter }: { company: Company; filter: EntriesFilter }) {
  const { t } = useI18n();
  const id = useId();
  const [{ data }] = useQuery({ query: JournalsQuery, variables: { companyId: company.id } });
  const [journal, setJournal] = useState(filter.journal ?? "");
  const [from, setFrom] = useState(filter.from ?? "");
  const [to, setTo] = useState(filter.to ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(entriesPath(company.id, { journal, from, to, batchId: filter.batchId }), { replace: true });
  };
  return (
    <form className="card toolbar-form" aria-label={t.bk.filters} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-journal`}>{t.bk.journal}</label>
        <select id={`${id}-journal`} value={journal} onChange={(e) => setJournal(e.target.value)}>
          <option value="">{t.bk.allJournals}</option>
          {(data?.journals ?? []).map((j) => (
            <option key={j.id} value={j.code}>
              {j.code} — {j.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t.bk.from}</label>
        <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t.bk.to}</label>
        <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t.bk.show}
        </button>
      </div>
      {filter.batchId && <BatchFilter company={company} filter={filter} />}
    </form>
  );
}

/** « Entries of the import … », with a way back to every entry. */
function BatchFilter({ company, filter }: { company: Company; filter: EntriesFilter }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: RelatedBatchQuery, variables: { id: filter.batchId! } });
  const name = data?.importBatch.fileName;
  return (
    <p className="batch-filter" data-testid="batch-filter">
      {t.bk.ofImport} <Link to={detailPath(company.id, filter.batchId!)}>{name ? `« ${name} »` : t.importNumber(filter.batchId!)}</Link>{" "}
      <Link to={entriesPath(company.id, { ...filter, batchId: null })} className="btn btn-quiet">
        {t.bk.allImports}
      </Link>
    </p>
  );
}

function EntryList({ company, filter, focus }: { company: Company; filter: EntriesFilter; focus: string | null }) {
  const { t, locale } = useI18n();
  const variables = {
    companyId: company.id,
    filter: { journal: filter.journal ?? null, from: filter.from ?? null, to: filter.to ?? null, batchId: filter.batchId ?? null },
    after: null,
  };
  const list = useKeyset(PostedEntriesQuery, variables, (d) => d.postedEntries);
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const focused = focus !== null && list.rows.some((e) => e.id === focus);

  useEffect(() => {
    if (focused) document.querySelector(`[data-entry-id="${CSS.escape(focus!)}"]`)?.scrollIntoView({ block: "center" });
  }, [focused, focus]);

  return (
    <div aria-busy={list.loading || undefined} data-testid="entries">
      {list.error && (
        <p role="alert" className="form-error">
          {t.errorGeneric(list.error)}
        </p>
      )}
      {list.rows.length === 0 && !list.loading && <p className="empty">{t.bk.noEntries}</p>}
      {list.rows.map((entry) => (
        <EntryCard key={entry.id} company={company} entry={entry} batchFilter={filter.batchId ?? null} highlight={entry.id === focus} />
      ))}
      <p className="muted table-foot">
        {t.bk.entryCount(n(list.rows.length), n(list.total))}
        {list.hasMore && (
          <button type="button" className="btn btn-quiet" onClick={list.loadMore} disabled={list.loading}>
            {t.loadMore}
          </button>
        )}
      </p>
    </div>
  );
}

function EntryCard({ company, entry, batchFilter, highlight }: { company: Company; entry: Entry; batchFilter: string | null; highlight: boolean }) {
  const { t, locale } = useI18n();
  const amount = (v: string) => formatDecimal(v, locale);
  const date = formatDay(entry.date, locale);
  const title = t.bk.entryTitle(entry.journal, entry.number, date);
  // The reversal of an entry comes from the same import: shown among that import's entries.
  const other = (id: string) => entriesPath(company.id, { batchId: entry.batchId ?? batchFilter, entry: id });
  return (
    <article className={`card entry-card${highlight ? " highlight" : ""}`} aria-label={title} data-entry-id={entry.id} data-testid="entry">
      <header className="entry-head">
        <h2 className="entry-title">{title}</h2>
        <ul className="plain entry-links">
          {entry.batchId && (
            <li>
              <Link to={detailPath(company.id, entry.batchId)}>{t.bk.fromImport(entry.batchId)}</Link>
            </li>
          )}
          {entry.reversalOfId && (
            <li data-testid="reversal-of">
              <Link to={other(entry.reversalOfId)}>{t.bk.reverses}</Link>
            </li>
          )}
          {entry.reversedById && (
            <li data-testid="reversed-by">
              <Link to={other(entry.reversedById)}>{t.bk.reversedBy}</Link>
            </li>
          )}
        </ul>
      </header>
      <div className="table-scroll">
        <table className="grid-table entry-lines">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.bk.col.account}</th>
              <th scope="col">{t.bk.col.thirdParty}</th>
              <th scope="col">{t.bk.col.label}</th>
              <th scope="col">{t.bk.col.reference}</th>
              <th scope="col">{t.bk.col.lettering}</th>
              <th scope="col">{t.bk.col.analytic}</th>
              <th scope="col" className="num">
                {t.bk.col.debit}
              </th>
              <th scope="col" className="num">
                {t.bk.col.credit}
              </th>
            </tr>
          </thead>
          <tbody>
            {entry.lines.map((line) => (
              <tr key={line.id}>
                <td>
                  <Link to={ledgerPath(company.id, { account: line.account })} title={line.accountLabel}>
                    {line.account}
                  </Link>{" "}
                  <span className="muted">{line.accountLabel}</span>
                </td>
                <td>{line.thirdParty ? `${line.thirdParty}${line.thirdPartyName ? ` — ${line.thirdPartyName}` : ""}` : ""}</td>
                <td>{line.label}</td>
                <td>{line.reference}</td>
                <td>{line.lettering}</td>
                <td>{line.analytic}</td>
                <td className="num">{amount(line.debit)}</td>
                <td className="num">{amount(line.credit)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>
                {t.bk.entryTotal(new Intl.NumberFormat(locale).format(entry.lineCount))}
              </th>
              <td className="num" data-testid="entry-debit">
                {amount(entry.totalDebit)}
              </td>
              <td className="num" data-testid="entry-credit">
                {amount(entry.totalCredit)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </article>
  );
}
