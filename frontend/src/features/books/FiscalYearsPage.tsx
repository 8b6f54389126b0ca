/** Comptabilité › Paramètres › Exercices: the company's fiscal years and their state (open, locked, closed).
 * A settings role opens the next one; the company's admin locks, unlocks and closes one (for good: the
 * closing's confirmation says so, Cancel has the focus), then sees its result and the opening entry. */
import { cloneElement, useId, useState, type FormEvent, type ReactElement } from "react";
import { useMutation, useQuery } from "urql";
import { useRefetch } from "../../app/catchUp";
import { Link } from "../../app/router";
import type { Company } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { ConfirmDialog } from "../../components/Dialog";
import { QueryState } from "../../components/QueryState";
import type { CloseFiscalYearMutation as CloseResult, FiscalYearFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { formatDay } from "../../lib/dates";
import { compareDecimal, formatMoney } from "../../lib/money";
import { Breadcrumb } from "../imports/Breadcrumb";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { canChangeSettings } from "../imports/rules";
import { CloseFiscalYearMutation, CompanyYearsQuery, LockFiscalYearMutation, OpenFiscalYearMutation, UnlockFiscalYearMutation } from "./operations";
import { entriesPath } from "./paths";
import { EmptyRow } from "../../components/EmptyRow";

type Year = FiscalYearFieldsFragment;
type Closing = CloseResult["closeFiscalYear"];
interface PayloadError {
  code: string;
  field?: string | null;
  params?: unknown;
}

const YEARS_CONTEXT = { additionalTypenames: ["FiscalYear"] };

/** The day after `iso` (YYYY-MM-DD), as a calendar day. */
export function dayAfter(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
  return next.toISOString().slice(0, 10);
}

export function FiscalYearsPage({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const isAdmin = company.role === "ADMIN";
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CompanyYearsQuery, variables: { companyId: company.id }, context: YEARS_CONTEXT, requestPolicy: "cache-and-network" });
  const refetch = useRefetch(reexecute);
  const years = [...(data?.fiscalYears ?? [])].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  const [closing, setClosing] = useState<Year | null>(null);
  const [closed, setClosed] = useState<Closing | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [, lock] = useMutation(LockFiscalYearMutation);
  const [, unlock] = useMutation(UnlockFiscalYearMutation);
  const [closure, close] = useMutation(CloseFiscalYearMutation);

  const setLocked = async (year: Year, locked: boolean) => {
    const result = locked ? await lock({ id: year.id }) : await unlock({ id: year.id });
    const payload = result.data && ("lockFiscalYear" in result.data ? result.data.lockFiscalYear : result.data.unlockFiscalYear);
    if (result.error || !payload?.fiscalYear) {
      setFailure(result.error ? requestErrorText(t, result.error) : (payload?.errors ?? []).map((e) => userErrorText(t, locale, e)).join(" ") || t.actionFailed);
      return;
    }
    setFailure(null);
    toast(locked ? t.fy.lockedDone(year.name) : t.fy.unlockedDone(year.name), "success");
  };

  const confirmClose = async () => {
    if (!closing) return;
    const result = await close({ id: closing.id });
    setClosing(null);
    const payload = result.data?.closeFiscalYear;
    if (result.error || !payload?.fiscalYear) {
      setClosed(null);
      setFailure(result.error ? requestErrorText(t, result.error) : (payload?.errors ?? []).map((e) => userErrorText(t, locale, e)).join(" ") || t.actionFailed);
      return;
    }
    setFailure(null);
    setClosed(payload);
    toast(t.fy.closedDone(payload.fiscalYear.name), "success");
  };

  return (
    <section aria-labelledby="years-title" className="fiscal-years">
      <Breadcrumb trail={[t.accounting, t.settings]} current={t.fiscalYears} />
      <div className="page-head">
        <h1 id="years-title">{t.fy.title}</h1>
        <p className="muted">{t.fy.intro}</p>
      </div>
      {failure && (
        <p role="alert" className="form-error" data-testid="years-error">
          {failure}
        </p>
      )}
      {closed && <ClosingResult companyId={company.id} closing={closed} currency={company.currency} />}
      <QueryState fetching={fetching} error={error} hasData={data !== undefined} onRetry={refetch}>
        <div className="table-scroll layouts-scroll">
          <table className="grid-table" aria-busy={fetching || undefined} data-testid="years">
            <caption className="sr-only">{t.fy.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.fy.col.name}</th>
                <th scope="col">{t.fy.col.start}</th>
                <th scope="col">{t.fy.col.end}</th>
                <th scope="col">{t.fy.col.status}</th>
                {isAdmin && <th scope="col">{t.fy.col.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {years.length === 0 && <EmptyRow columns={5}>{t.fy.none}</EmptyRow>}
              {years.map((year) => (
                <tr key={year.id} data-year-id={year.id}>
                  <th scope="row">{year.name}</th>
                  <td>{formatDay(year.startDate, locale)}</td>
                  <td>{formatDay(year.endDate, locale)}</td>
                  <td data-testid="status">{year.closed ? t.fy.closed : year.locked ? t.fy.locked : t.fy.open}</td>
                  {isAdmin && (
                    <td className="row-actions">
                      {!year.closed && (
                        <>
                          <button type="button" className="btn" aria-label={year.locked ? t.fy.unlockNamed(year.name) : t.fy.lockNamed(year.name)} onClick={() => void setLocked(year, !year.locked)}>
                            {year.locked ? t.fy.unlock : t.fy.lock}
                          </button>
                          <button type="button" className="btn" aria-label={t.fy.closeNamed(year.name)} onClick={() => setClosing(year)}>
                            {t.fy.close}
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      {canChangeSettings(company.role) ? <OpenYearForm companyId={company.id} years={years} /> : <p className="note">{t.fy.readOnly}</p>}
      <ConfirmDialog
        open={closing !== null}
        title={t.fy.closeTitle}
        body={closing ? t.fy.closeBody(closing.name, formatDay(closing.startDate, locale), formatDay(closing.endDate, locale)) : ""}
        yes={t.fy.closeYes}
        no={t.cancel}
        focusNo
        busy={closure.fetching}
        onYes={() => void confirmClose()}
        onNo={() => setClosing(null)}
        testId="confirm-close-year"
      />
    </section>
  );
}

/** What a closing did: the year's result (a profit to 120, a loss to 129) and the next year's opening entry. */
export function ClosingResult({ companyId, closing, currency }: { companyId: string; closing: Closing; currency: string }) {
  const { t, locale } = useI18n();
  const money = (v: string) => formatMoney(v, closing.currency ?? currency, locale);
  const result = closing.result ?? "0";
  const sign = compareDecimal(result, "0");
  const next = closing.nextYear;
  return (
    <section className="card closing-result" aria-labelledby="closing-title" data-testid="closing-result">
      <h2 id="closing-title">{t.fy.closedTitle(closing.fiscalYear?.name ?? "")}</h2>
      <dl className="facts">
        <div>
          <dt>{t.fy.result}</dt>
          <dd data-testid="closing-amount">{sign > 0 ? t.fy.profit(money(result)) : sign < 0 ? t.fy.loss(money(result.replace(/^-/, ""))) : t.fy.nil}</dd>
        </div>
        <div>
          <dt>{t.fy.opening}</dt>
          <dd data-testid="closing-opening">
            {closing.openingEntryId ? t.fy.openingLines(locale, closing.openingLineCount, next?.name ?? "") : t.fy.noOpening}
          </dd>
        </div>
        {closing.openingTotal && (
          <div>
            <dt>{t.fy.openingTotal}</dt>
            <dd className="num">{money(closing.openingTotal)}</dd>
          </div>
        )}
      </dl>
      {closing.openingEntryId && next && (
        <p>
          <Link to={entriesPath(companyId, { journal: "AN", from: next.startDate, to: next.startDate, entry: closing.openingEntryId })}>{t.fy.seeOpening}</Link>
        </p>
      )}
    </section>
  );
}

function OpenYearForm({ companyId, years }: { companyId: string; years: readonly Year[] }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const id = useId();
  const latest = years[years.length - 1];
  const [start, setStart] = useState<string | null>(null);
  const [end, setEnd] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, open] = useMutation(OpenFiscalYearMutation);
  const startDate = start ?? (latest ? dayAfter(latest.endDate) : "");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await open({ companyId, startDate, endDate: end || null, name: name.trim() || null }, YEARS_CONTEXT);
    const payload = result.data?.openFiscalYear;
    setErrors(payload?.errors ?? []);
    setFailure(result.error ? requestErrorText(t, result.error) : null);
    if (payload?.fiscalYear) {
      toast(t.fy.opened(payload.fiscalYear.name), "success");
      setStart(null);
      setEnd("");
      setName("");
    }
  };
  const fieldError = (field: string) => errors.find((e) => e.field === field);
  const general = errors.filter((e) => !["startDate", "endDate", "name"].includes(e.field ?? ""));
  const field = (key: "startDate" | "endDate" | "name", label: string, input: ReactElement<Record<string, unknown>>, help?: string) => {
    const error = fieldError(key);
    const described = [help ? `${id}-${key}-help` : "", error ? `${id}-${key}-err` : ""].filter(Boolean).join(" ") || undefined;
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        {cloneElement(input, { id: `${id}-${key}`, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
        {help && (
          <span id={`${id}-${key}-help`} className="muted lay-hint">
            {help}
          </span>
        )}
        {error && (
          <span id={`${id}-${key}-err`} className="form-error field-error">
            {userErrorText(t, locale, error)}
          </span>
        )}
      </div>
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.fy.openTitle}</h2>
      <form className="company-form-row open-year" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
        {field("startDate", t.fy.start, <input type="date" required value={startDate} onChange={(e) => setStart(e.target.value)} />)}
        {field("endDate", t.fy.end, <input type="date" value={end} onChange={(e) => setEnd(e.target.value)} />, t.fy.endHelp)}
        {field("name", t.fy.name, <input value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />, t.fy.nameHelp)}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={fetching || !startDate}>
            {t.fy.openButton}
          </button>
        </div>
      </form>
      {(failure || general.length > 0) && (
        <p role="alert" className="form-error">
          {[failure, ...general.map((e) => userErrorText(t, locale, e))].filter(Boolean).join(" ")}
        </p>
      )}
    </section>
  );
}
