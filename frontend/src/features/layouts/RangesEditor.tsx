/** The company's account number ranges (G general, D customer, C supplier): replaced as a whole on save;
 * the server refuses overlapping ranges with one error per problem, said here from its code and the ranges it
 * names. Read-only for roles that may not change settings. */
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { useAnnouncer } from "../../components/Announcer";
import type { RangeMatch } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { errorMessages } from "../../lib/errors";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { AccountRangesQuery, SetAccountRangesMutation } from "./operations";

export const RANGE_KINDS = ["G", "D", "C"] as const;
export const RANGE_MATCHES: readonly RangeMatch[] = ["PREFIX", "NUMBER"];

export interface RangeRow {
  kind: string;
  from: string;
  to: string;
}

export function RangesEditor({ companyId, canEdit }: { companyId: string; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const id = useId();
  const [{ data, error, fetching }] = useQuery({ query: AccountRangesQuery, variables: { companyId }, requestPolicy: "network-only" });
  // null: not edited yet, the server's ranges are shown.
  const [edited, setEdited] = useState<RangeRow[] | null>(null);
  // How every range compares (one choice for the set); null: the server's.
  const [matchEdited, setMatchEdited] = useState<RangeMatch | null>(null);
  const [refused, setRefused] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, save] = useMutation(SetAccountRangesMutation);
  const rows: RangeRow[] = edited ?? (data?.accountRanges ?? []).map((r) => ({ kind: r.kind, from: r.from, to: r.to }));
  const match: RangeMatch = matchEdited ?? data?.accountRanges[0]?.match ?? "PREFIX";

  const edit = (next: RangeRow[]) => {
    setEdited(next);
    setSaved(false);
  };
  const setRow = (i: number, patch: Partial<RangeRow>) => edit(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canEdit) return;
    const ranges = rows.map((r) => ({ kind: r.kind, from: r.from.trim(), to: r.to.trim(), match }));
    const result = await save({ companyId, ranges });
    const payload = result.data?.setAccountRanges;
    const messages = [...(payload?.errors ?? []).map((e) => userErrorText(t, locale, e)), ...(result.error ? [requestErrorText(t, result.error)] : [])];
    if (messages.length || !payload) {
      setRefused(messages.length ? messages : [t.actionFailed]);
      return;
    }
    setRefused(null);
    setEdited(payload.ranges.map((r) => ({ kind: r.kind, from: r.from, to: r.to })));
    setMatchEdited(payload.ranges[0]?.match ?? match);
    setSaved(true);
    toast(t.lay.rangesSaved, "success");
  };

  return (
    <section className="ranges card" aria-labelledby={`${id}-title`} aria-busy={fetching || undefined}>
      <h2 id={`${id}-title`}>{t.lay.ranges}</h2>
      <p className="muted">{t.lay.rangesIntro}</p>
      {error && (
        <p role="alert" className="form-error">
          {t.errorGeneric(errorMessages(error).join(" ; "))}
        </p>
      )}
      <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
        {rows.length === 0 ? (
          <p className="muted">{t.lay.rangesNone}</p>
        ) : (
          <table className="grid-table ranges-table" data-testid="ranges">
            <caption className="sr-only">{t.lay.rangesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.lay.rangeKind}</th>
                <th scope="col">{t.lay.rangeFrom}</th>
                <th scope="col">{t.lay.rangeTo}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="sr-only">{t.lay.actions}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) =>
                canEdit ? (
                  <tr key={i}>
                    <td>
                      <select aria-label={t.lay.rangeKindOf(i + 1)} value={row.kind} onChange={(e) => setRow(i, { kind: e.target.value })}>
                        {RANGE_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {k} — {t.lay.rangeKindName[k]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input aria-label={t.lay.rangeFromOf(i + 1)} size={10} value={row.from} onChange={(e) => setRow(i, { from: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={t.lay.rangeToOf(i + 1)} size={10} value={row.to} onChange={(e) => setRow(i, { to: e.target.value })} />
                    </td>
                    <td>
                      <button type="button" className="btn btn-quiet" aria-label={t.lay.rangeRemove(i + 1)} onClick={() => edit(rows.filter((_, j) => j !== i))}>
                        ×
                      </button>
                    </td>
                  </tr>
                ) : (
                  <tr key={i}>
                    <td>
                      {row.kind} — {t.lay.rangeKindName[row.kind] ?? row.kind}
                    </td>
                    <td>{row.from}</td>
                    <td>{row.to}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
        <fieldset className="range-match" disabled={!canEdit}>
          <legend>{t.lay.rangeMatch}</legend>
          {RANGE_MATCHES.map((m) => (
            <label key={m} className="check">
              <input
                type="radio"
                name={`${id}-match`}
                value={m}
                checked={match === m}
                aria-describedby={`${id}-match-${m}`}
                onChange={() => {
                  setMatchEdited(m);
                  setSaved(false);
                }}
              />
              {t.lay.rangeMatchName[m]}
              <span id={`${id}-match-${m}`} className="muted lay-hint">
                {t.lay.rangeMatchHelp[m]}
              </span>
            </label>
          ))}
        </fieldset>
        {refused && (
          <div role="alert" className="form-error" data-testid="ranges-error">
            <p>{t.lay.rangesRefused}</p>
            <ul>
              {refused.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        {canEdit && (
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => edit([...rows, { kind: "G", from: "", to: "" }])}>
              {t.lay.rangeAdd}
            </button>
            <button type="submit" className="btn btn-primary" disabled={saving.fetching}>
              {t.lay.rangesSave}
            </button>
            <span role="status" className="ok-text">
              {saved ? t.lay.rangesSaved : ""}
            </span>
          </div>
        )}
      </form>
    </section>
  );
}
