import { useCallback, useEffect, useRef, useState } from "react";
import { useCatchUp } from "../../app/catchUp";
import { QueryState } from "../../components/QueryState";
import type { BatchErrorsQuery } from "../../gql/graphql";
import { gqlFetch } from "../../lib/gql";
import { useI18n } from "../../i18n/I18n";
import { issueDetailText, issueLabel } from "./errorText";
import { BatchErrorsQuery as ErrorsDoc } from "./operations";

type Issue = BatchErrorsQuery["importBatch"]["errors"]["nodes"][number];

/** The batch's errors and findings: line, field, message (pages of 500). */
export function ErrorList({ batchId, fileName, onShowLine }: { batchId: string; fileName: string; onShowLine?: (line: number) => void }) {
  const { t, locale } = useI18n();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cursor = useRef<string | null>(null);
  const [hasNext, setHasNext] = useState(true);
  const [loading, setLoading] = useState(false);

  /** The next page (the first one at first): after a failure, Retry asks for the same page again. */
  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const data = await gqlFetch(ErrorsDoc, { id: batchId, first: 500, after: cursor.current });
      const page = data.importBatch.errors;
      cursor.current = page.pageInfo.endCursor ?? null;
      setIssues((list) => [...list, ...page.nodes]);
      setTotal(page.totalCount);
      setHasNext(page.pageInfo.hasNextPage);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [batchId]);

  useEffect(() => {
    // Fetch on mount; the loader sets its own loading state.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  // Back online (or reconnected) after a failure: the page that failed, again. The errors listed stay: a
  // batch's errors are written once, when its file is read.
  const retryFailed = useCallback(() => {
    if (error) void load();
  }, [error, load]);
  useCatchUp(retryFailed);

  return (
    <QueryState fetching={loading} error={error} hasData={total !== null} onRetry={() => void load()} isEmpty={total === 0} empty={<p>{t.noErrors}</p>}>
      {/* Focusable: a list with no line to tab to (a file's own errors) still scrolls from the keyboard. */}
      <div className="table-scroll errors-scroll" role="region" aria-label={t.errorsTab(locale, total ?? 0)} tabIndex={0}>
        <table className="grid-table errors-table" aria-busy={loading || undefined}>
          <caption className="sr-only">{`${t.errorsTab(locale, total ?? 0)} — ${fileName}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t.ierr.line}</th>
              <th scope="col">{t.ierr.field}</th>
              <th scope="col">{t.ierr.message}</th>
              <th scope="col">{t.ierr.code}</th>
              <th scope="col">{t.ierr.severity}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, i) => (
              <tr key={i} className={`issue-${issue.severity}`}>
                <td className="num">
                  {issue.line > 0 && onShowLine ? (
                    <button type="button" className="link-button" aria-label={t.showLine(issue.line)} title={t.showLine(issue.line)} onClick={() => onShowLine(issue.line)}>
                      {issue.line}
                    </button>
                  ) : issue.line > 0 ? (
                    issue.line
                  ) : (
                    t.fileLevel
                  )}
                  {issue.entryFirstLine != null && issue.entryLastLine != null && issue.entryLastLine > issue.entryFirstLine && (
                    // The refused entry's lines, all refused with it: a range under the error's own line.
                    <span className="issue-span" title={t.entrySpan(issue.entryFirstLine, issue.entryLastLine)}>
                      <span aria-hidden="true">{`${issue.entryFirstLine}–${issue.entryLastLine}`}</span>
                      <span className="sr-only">{t.entrySpan(issue.entryFirstLine, issue.entryLastLine)}</span>
                    </span>
                  )}
                </td>
                <td>{issue.column ?? ""}</td>
                <td>
                  {issueLabel(t, issue.code) && <span className="issue-label">{issueLabel(t, issue.code)}</span>}
                  <span className="issue-message">{issueDetailText(t, locale, issue)}</span>
                </td>
                <td>
                  <code>{issue.code}</code>
                </td>
                <td>{t.severity(issue.severity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {hasNext && total !== null && (
          <button type="button" className="btn btn-quiet" onClick={() => void load()} disabled={loading}>
            {t.loadMore}
          </button>
        )}
      </div>
    </QueryState>
  );
}
