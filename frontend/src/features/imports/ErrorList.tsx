import { useCallback, useEffect, useRef, useState } from "react";
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
  const [error, setError] = useState<string | null>(null);
  const cursor = useRef<string | null>(null);
  const [hasNext, setHasNext] = useState(true);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const data = await gqlFetch(ErrorsDoc, { id: batchId, first: 500, after: cursor.current });
      const page = data.importBatch.errors;
      cursor.current = page.pageInfo.endCursor ?? null;
      setIssues((list) => [...list, ...page.nodes]);
      setTotal(page.totalCount);
      setHasNext(page.pageInfo.hasNextPage);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, [batchId]);

  useEffect(() => {
    // Fetch on mount (and on reconnection); the loader sets its own loading state.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  if (error)
    return (
      <p role="alert" className="form-error">
        {t.errorGeneric(error)}
      </p>
    );
  if (total === 0) return <p>{t.noErrors}</p>;
  return (
    <div className="table-scroll errors-scroll">
      <table className="grid-table errors-table" aria-busy={loading || undefined}>
        <caption className="sr-only">{`${t.errorsTab(total ?? 0)} — ${fileName}`}</caption>
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
  );
}
