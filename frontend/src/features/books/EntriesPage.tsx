/** Comptabilité › Livres › Écritures: the posted entries by date, filtered by journal, period or import (the
 * filters live in the address), each with its lines and totals, the import it came from and its reversal: in
 * a virtual grid, an entry's heading row then a row per line. */
import { useCallback, useId, useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { Link, navigate, useLocation } from "../../app/router";
import type { Company } from "../../app/session";
import type { PostedEntriesQuery as EntriesResult } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import type { Messages } from "../../i18n/messages";
import { formatDay } from "../../lib/dates";
import { gqlFetch } from "../../lib/gql";
import { formatDecimal } from "../../lib/money";
import { detailPath } from "../imports/BatchLinks";
import { Breadcrumb } from "../imports/Breadcrumb";
import { RelatedBatchQuery } from "../imports/operations";
import { KeysetGrid, type FetchPage, type GridCell, type GridColumn } from "./KeysetGrid";
import { JournalsQuery, PostedEntriesQuery } from "./operations";
import { entriesPath, ledgerPath, type EntriesFilter } from "./paths";

type Entry = EntriesResult["postedEntries"]["nodes"][number];
type Line = Entry["lines"][number];

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

/** An entry's rows in the grid: its heading (title, links, totals), then its lines. */
type EntryRow = { entry: Entry; line: null } | { entry: Entry; line: Line };

const entryRows = (entry: Entry): EntryRow[] => [{ entry, line: null }, ...entry.lines.map((line) => ({ entry, line }))];

function EntryList({ company, filter, focus }: { company: Company; filter: EntriesFilter; focus: string | null }) {
  const { t, locale } = useI18n();
  const { journal = null, from = null, to = null, batchId = null } = filter;
  const fetchPage = useCallback<FetchPage<Entry>>(
    // The page size is the document's (each entry carries its lines).
    async (after, _first, signal) =>
      (await gqlFetch(PostedEntriesQuery, { companyId: company.id, filter: { journal, from, to, batchId }, after }, signal)).postedEntries,
    [company.id, journal, from, to, batchId],
  );
  const amount = (v: string) => formatDecimal(v, locale);
  const party = ({ line }: EntryRow) => (line?.thirdParty ? `${line.thirdParty}${line.thirdPartyName ? ` — ${line.thirdPartyName}` : ""}` : "");
  const text = (pick: (line: Line) => string | null) => (row: EntryRow) => (row.line ? (pick(row.line) ?? "") : "");
  const columns: GridColumn<EntryRow>[] = [
    {
      key: "account",
      header: t.bk.col.account,
      width: 250,
      title: (row) => row.line?.accountLabel,
      cell: ({ line }) =>
        line && (
          <>
            <Link to={ledgerPath(company.id, { account: line.account })}>{line.account}</Link> <span className="muted">{line.accountLabel}</span>
          </>
        ),
    },
    { key: "thirdParty", header: t.bk.col.thirdParty, width: 170, title: party, cell: party },
    { key: "label", header: t.bk.col.label, width: 250, title: text((l) => l.label), cell: text((l) => l.label) },
    { key: "reference", header: t.bk.col.reference, width: 100, title: text((l) => l.reference), cell: text((l) => l.reference) },
    { key: "lettering", header: t.bk.col.lettering, width: 80, cell: text((l) => l.lettering) },
    { key: "analytic", header: t.bk.col.analytic, width: 100, title: text((l) => l.analytic), cell: text((l) => l.analytic) },
    { key: "debit", header: t.bk.col.debit, width: 120, num: true, cell: text((l) => amount(l.debit)) },
    { key: "credit", header: t.bk.col.credit, width: 120, num: true, cell: text((l) => amount(l.credit)) },
  ];
  return (
    <div data-testid="entries">
      <KeysetGrid
        // Another entry to bring into view starts over (it may be pages away).
        key={`${journal}|${from}|${to}|${batchId}|${focus}`}
        label={t.bk.entriesTitle}
        columns={columns}
        fetchPage={fetchPage}
        toRows={entryRows}
        cells={(row) => (row.line ? null : entryHeading(t, locale, company, batchId, row.entry))}
        rowAttributes={(row) => ({
          className: `${row.line ? "kg-line" : "kg-entry"}${row.entry.id === focus ? " highlight" : ""}`,
          "aria-label": row.line ? undefined : t.bk.entryTitle(row.entry.journal, row.entry.number, formatDay(row.entry.date, locale)),
          "data-entry-id": row.entry.id,
          "data-kind": row.line ? "line" : "entry",
          "data-testid": row.line ? undefined : "entry",
        })}
        count={t.bk.entryCount}
        empty={t.bk.noEntries}
        scrollTo={focus ? (row) => !row.line && row.entry.id === focus : undefined}
        testId="entries-grid"
      />
    </div>
  );
}

/** An entry's heading across its lines' columns: its title, the import it came from, its reversal, and its
 * totals under the debit and credit of its lines. */
function entryHeading(t: Messages, locale: string, company: Company, batchFilter: string | null, entry: Entry): GridCell[] {
  const amount = (v: string) => formatDecimal(v, locale);
  const title = t.bk.entryTitle(entry.journal, entry.number, formatDay(entry.date, locale));
  // The reversal of an entry comes from the same import: shown among that import's entries.
  const other = (id: string) => entriesPath(company.id, { batchId: entry.batchId ?? batchFilter, entry: id });
  return [
    {
      span: 6,
      className: "kg-entry-head",
      title,
      content: (
        <>
          <span className="kg-entry-title">{title}</span>
          {entry.batchId && <Link to={detailPath(company.id, entry.batchId)}>{t.bk.fromImport(entry.batchId)}</Link>}
          {entry.reversalOfId && (
            <Link to={other(entry.reversalOfId)} data-testid="reversal-of">
              {t.bk.reverses}
            </Link>
          )}
          {entry.reversedById && (
            <Link to={other(entry.reversedById)} data-testid="reversed-by">
              {t.bk.reversedBy}
            </Link>
          )}
          <span className="muted">{t.bk.entryTotal(locale, entry.lineCount)}</span>
        </>
      ),
    },
    { content: amount(entry.totalDebit), className: "num", testId: "entry-debit" },
    { content: amount(entry.totalCredit), className: "num", testId: "entry-credit" },
  ];
}
