/** What the preview shows: the sample's first entries as they would be staged, and every issue. */
import { formatDay } from "../../lib/dates";
import { compareDecimal, formatDecimal } from "../../lib/money";
import { useI18n } from "../../i18n/I18n";
import { issueLabel, payloadErrorText } from "../imports/errorText";
import { lastResult, type Preview, type PreviewState } from "./usePreview";

export function LayoutPreview({ state, stale }: { state: PreviewState; stale: boolean }) {
  const { t, locale } = useI18n();
  if (state.kind === "idle") return <p className="muted">{t.lay.sampleHint}</p>;
  const shown = lastResult(state);
  return (
    <div className="preview-body" aria-busy={stale || undefined} data-testid="preview" data-state={stale ? "loading" : (shown?.kind ?? "loading")}>
      <p className="muted preview-status" role="status">
        {stale ? (shown ? t.lay.previewStale : t.lay.previewLoading) : ""}
      </p>
      {shown?.kind === "failed" && (
        <p role="alert" className="form-error">
          {t.lay.previewFailed(shown.message)}
        </p>
      )}
      {shown?.kind === "refused" && (
        <div role="alert" className="form-error">
          {shown.errors.some((e) => e.code === "BAD_LAYOUT") && <p>{t.lay.previewRefused}</p>}
          {shown.errors
            .filter((e) => e.code !== "BAD_LAYOUT")
            .map((e, i) => (
              <p key={i}>{payloadErrorText(t, locale, e)}</p>
            ))}
        </div>
      )}
      {shown?.kind === "ready" && <PreviewResultView preview={shown.preview} />}
    </div>
  );
}

export function PreviewResultView({ preview }: { preview: Preview }) {
  const { t, locale } = useI18n();
  const amount = (v: string) => formatDecimal(v, locale);
  return (
    <>
      <p className="preview-counts" data-testid="preview-counts">
        {t.lay.previewCounts(locale, preview.lineCount, preview.entryCount, preview.rejectedEntryCount, preview.errorCount, preview.findingCount)}
        {preview.encoding && <span className="muted"> · {t.lay.previewEncoding(preview.encoding)}</span>}
      </p>
      {preview.fatal && (
        <p role="alert" className="form-error" data-testid="preview-fatal">
          {t.lay.previewFatal} {issueLabel(t, preview.fatal.code) ?? preview.fatal.code} — {preview.fatal.message}
        </p>
      )}
      <h3 className="preview-title">{t.lay.previewEntries(locale, preview.entries.length, preview.entryCount)}</h3>
      {preview.entries.length === 0 ? (
        <p className="muted">{t.lay.previewNoEntries}</p>
      ) : (
        <div className="table-scroll preview-scroll">
          <table className="grid-table preview-table" data-testid="preview-entries">
            <caption className="sr-only">{t.lay.previewEntries(locale, preview.entries.length, preview.entryCount)}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t.lay.pcol.line}
                </th>
                <th scope="col">{t.lay.pcol.account}</th>
                <th scope="col">{t.lay.pcol.thirdParty}</th>
                <th scope="col">{t.lay.pcol.pieceRef}</th>
                <th scope="col">{t.lay.pcol.label}</th>
                <th scope="col" className="num">
                  {t.lay.pcol.debit}
                </th>
                <th scope="col" className="num">
                  {t.lay.pcol.credit}
                </th>
                <th scope="col">{t.lay.pcol.analytic}</th>
              </tr>
            </thead>
            {preview.entries.map((entry, i) => {
              const balanced = compareDecimal(entry.totalDebit, entry.totalCredit) === 0;
              return (
                <tbody key={i} className="preview-entry" data-testid="preview-entry">
                  <tr className="preview-entry-head">
                    <th scope="rowgroup" colSpan={8}>
                      {t.lay.previewEntryHead(entry.journal, entry.number, formatDay(entry.date, locale), entry.company)}
                    </th>
                  </tr>
                  {entry.lines.map((line, j) => (
                    <tr key={j}>
                      <td className="num muted">{line.line}</td>
                      <td>{line.account}</td>
                      <td>{line.thirdParty}</td>
                      <td>{line.pieceRef}</td>
                      <td className="preview-label">{line.label}</td>
                      <td className="num">{compareDecimal(line.debit, "0") === 0 ? "" : amount(line.debit)}</td>
                      <td className="num">{compareDecimal(line.credit, "0") === 0 ? "" : amount(line.credit)}</td>
                      <td>{line.analytic}</td>
                    </tr>
                  ))}
                  <tr className="preview-entry-total">
                    <th scope="row" colSpan={5}>
                      {t.lay.total}
                      {!balanced && <span className="form-error"> · {t.lay.unbalanced}</span>}
                    </th>
                    <td className="num">{amount(entry.totalDebit)}</td>
                    <td className="num">{amount(entry.totalCredit)}</td>
                    <td />
                  </tr>
                </tbody>
              );
            })}
          </table>
        </div>
      )}
      <h3 className="preview-title">{t.lay.previewIssues(locale, preview.issues.length)}</h3>
      {preview.issues.length === 0 ? (
        <p className="muted">{t.lay.previewNoIssues}</p>
      ) : (
        <div className="table-scroll preview-scroll">
          <table className="grid-table errors-table" data-testid="preview-issues">
            <caption className="sr-only">{t.lay.previewIssues(locale, preview.issues.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.ierr.line}</th>
                <th scope="col">{t.ierr.field}</th>
                <th scope="col">{t.ierr.code}</th>
                <th scope="col">{t.ierr.message}</th>
                <th scope="col">{t.ierr.severity}</th>
              </tr>
            </thead>
            <tbody>
              {preview.issues.map((issue, i) => (
                <tr key={i} className={`issue-${issue.severity}`}>
                    <td className="num">{issue.line > 0 ? issue.line : t.fileLevel}</td>
                    <td>{issue.column ?? ""}</td>
                    <td>
                      <code>{issue.code}</code>
                    </td>
                    <td>
                      {issueLabel(t, issue.code) && <span className="issue-label">{issueLabel(t, issue.code)}</span>}
                      <span className="issue-message">{issue.message}</span>
                    </td>
                  <td>{t.severity(issue.severity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
