/**
 * « Export FEC »: pick a fiscal year (and whether entries keep their own numbers), let the API check and count
 * the export, then download the file from its URL (a same-origin GET: the session cookie goes with it).
 */
import { useId, useState, type FormEvent } from "react";
import { useClient, useQuery } from "urql";
import { useRefetch } from "../../app/catchUp";
import type { Company } from "../../app/session";
import { QueryState } from "../../components/QueryState";
import type { FecExportQuery as FecExportResult, ExportYearsQuery as Years } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { formatDay } from "../../lib/dates";
import { errorExtensions, errorMessages } from "../../lib/errors";
import { formatDecimal } from "../../lib/money";
import { Breadcrumb } from "../imports/Breadcrumb";
import { ExportYearsQuery, FecExportQuery } from "./operations";

type Year = Years["fiscalYears"][number];
type Export = FecExportResult["fecExport"];

type State = { kind: "idle" } | { kind: "loading" } | { kind: "ready"; result: Export } | { kind: "failed"; reason: string | null; messages: string[] };

/** The fiscal year holding `today`, else the latest one. */
export function defaultYear(years: readonly Year[], today: string): Year | null {
  return years.find((y) => y.startDate <= today && today <= y.endDate) ?? [...years].sort((a, b) => (a.endDate < b.endDate ? 1 : -1))[0] ?? null;
}

function isoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function FecExportPage({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const id = useId();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ExportYearsQuery, variables: { companyId: company.id }, requestPolicy: "network-only" });
  const refetch = useRefetch(reexecute);
  const years = [...(data?.fiscalYears ?? [])].sort((a, b) => (a.startDate < b.startDate ? 1 : -1));
  const [chosen, setChosen] = useState<string>("");
  const [keepNumbers, setKeepNumbers] = useState(false);
  const [state, setState] = useState<State>({ kind: "idle" });
  const yearId = chosen || defaultYear(years, isoToday())?.id || "";

  const prepare = async (event: FormEvent) => {
    event.preventDefault();
    if (!yearId) return;
    setState({ kind: "loading" });
    const result = await client.query(FecExportQuery, { companyId: company.id, fiscalYearId: yearId, keepNumbers }, { requestPolicy: "network-only" }).toPromise();
    if (result.data?.fecExport) setState({ kind: "ready", result: result.data.fecExport });
    else if (result.error) {
      const reason = errorExtensions(result.error).reason;
      setState({ kind: "failed", reason: typeof reason === "string" ? reason : null, messages: errorMessages(result.error) });
    } else setState({ kind: "failed", reason: null, messages: [t.actionFailed] });
  };
  const changed = (apply: () => void) => {
    apply();
    setState({ kind: "idle" });
  };

  return (
    <section aria-labelledby="fec-title" className="fec-export">
      <Breadcrumb trail={[t.accounting, t.exports]} current={t.fecExport} />
      <div className="page-head">
        <h1 id="fec-title">{t.fec.title}</h1>
        <p className="muted">{t.fec.intro}</p>
      </div>
      {!company.siren && <p className="note">{t.fec.noSiren}</p>}
      <QueryState
        fetching={fetching}
        error={error}
        hasData={data !== undefined}
        onRetry={refetch}
        isEmpty={years.length === 0}
        empty={<p className="card">{t.fec.noYears}</p>}
      >
        <form className="card fec-form" onSubmit={prepare} aria-labelledby="fec-title" aria-busy={fetching || undefined}>
          <div className="field">
            <label htmlFor={`${id}-year`}>{t.fec.year}</label>
            <select id={`${id}-year`} value={yearId} onChange={(e) => changed(() => setChosen(e.target.value))}>
              {years.map((y) => (
                <option key={y.id} value={y.id}>
                  {y.name} ({formatDay(y.startDate, locale)} → {formatDay(y.endDate, locale)}, {y.closed ? t.fiscalYearClosed : t.fiscalYearOpen})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="check">
              <input type="checkbox" checked={keepNumbers} aria-describedby={`${id}-keep-help`} onChange={(e) => changed(() => setKeepNumbers(e.target.checked))} />
              {t.fec.keepNumbers}
            </label>
            <span id={`${id}-keep-help`} className="muted lay-hint">
              {t.fec.keepNumbersHelp}
            </span>
          </div>
          <button type="submit" className="btn btn-primary" disabled={!yearId || state.kind === "loading"}>
            {state.kind === "loading" ? t.fec.preparing : t.fec.prepare}
          </button>
        </form>
      </QueryState>
      <div aria-live="polite" className="fec-outcome">
        {state.kind === "failed" && (
          <div role="alert" className="form-error" data-testid="fec-error">
            {state.reason === "SIREN_REQUIRED" && <p>{t.fec.sirenRequired}</p>}
            {state.reason === "UNBALANCED_LEDGER" && <p>{t.fec.unbalanced}</p>}
            <p>{t.fec.failed(state.messages.join(" ; "))}</p>
          </div>
        )}
        {state.kind === "ready" && <FecResult result={state.result} />}
      </div>
    </section>
  );
}

export function FecResult({ result }: { result: Export }) {
  const { t, locale } = useI18n();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  return (
    <section className="card fec-result" aria-labelledby="fec-ready" data-testid="fec-result">
      <h2 id="fec-ready">{t.fec.ready}</h2>
      <dl className="facts">
        <div>
          <dt>{t.fec.fileName}</dt>
          <dd data-testid="fec-file-name">{result.fileName}</dd>
        </div>
        <div>
          <dt>{t.fec.entries}</dt>
          <dd className="num" data-testid="fec-entries">
            {n(result.entryCount)}
          </dd>
        </div>
        <div>
          <dt>{t.fec.lines}</dt>
          <dd className="num">{n(result.lineCount)}</dd>
        </div>
        <div>
          <dt>{t.fec.totalDebit}</dt>
          <dd className="num" data-testid="fec-total-debit">
            {formatDecimal(result.totalDebit, locale)} {result.currency}
          </dd>
        </div>
        <div>
          <dt>{t.fec.totalCredit}</dt>
          <dd className="num" data-testid="fec-total-credit">
            {formatDecimal(result.totalCredit, locale)} {result.currency}
          </dd>
        </div>
      </dl>
      <a className="btn btn-primary" href={result.url} download={result.fileName}>
        {t.fec.download(result.fileName)}
      </a>
    </section>
  );
}
