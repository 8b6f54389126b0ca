import { useMemo, useState } from "react";
import { useMutation } from "urql";
import { navigate } from "../../app/router";
import type { Company } from "../../app/session";
import { ConfirmDialog, Dialog } from "../../components/Dialog";
import { useI18n } from "../../i18n/I18n";
import { ActionBar } from "./ActionBar";
import { BatchTable } from "./BatchTable";
import { Breadcrumb } from "./Breadcrumb";
import { FilterPanel } from "./FilterPanel";
import { useBatchStore } from "./live";
import { DEFAULT_SORT, EMPTY_FILTER, FILTER_STATUSES, type Batch, type Column, type Filter, type Sort } from "./model";
import { RejectMutation, ValidateMutation } from "./operations";
import { canSubmit } from "./rules";
import { tick } from "./store";
import { UploadPanel } from "./UploadPanel";
import { useBatchList } from "./useBatchList";

const COLUMNS: Column[] = [
  "partner",
  "fileName",
  "format",
  "status",
  "error",
  "detail",
  "createdAt",
  "updatedAt",
  "firstMovement",
  "lastMovement",
  "referencePeriod",
];

type Pending = { kind: "validate" | "reject"; batch: Batch } | null;

export function ConsolePage({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const store = useBatchStore();
  const [filter, setFilter] = useState<Filter>(EMPTY_FILTER);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Pending>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const list = useBatchList("console", company.id, filter, sort);
  const [validation, validate] = useMutation(ValidateMutation);
  const [rejection, reject] = useMutation(RejectMutation);
  const base = `/c/${encodeURIComponent(company.id)}`;

  // Selected rows that are still listed, in table order.
  const selected = useMemo(() => list.rows.filter((r) => selection.has(r.id)), [list.rows, selection]);

  const confirm = async () => {
    if (!pending) return;
    const { kind, batch } = pending;
    const seen = tick();
    const result = kind === "validate" ? await validate({ id: batch.id }) : await reject({ id: batch.id });
    setPending(null);
    const payload = result.data && ("validateImport" in result.data ? result.data.validateImport : result.data.rejectImport);
    const errors = payload?.errors.map((e) => e.message) ?? [];
    if (result.error) errors.push(result.error.message);
    if (errors.length || !payload?.batch) {
      setFailure(errors.join(" ; ") || t.actionFailed);
      return;
    }
    store.put(payload.batch, seen, true);
    if (kind === "validate") {
      navigate(`${base}/history?highlight=${encodeURIComponent(batch.id)}`);
    } else {
      setSelection(new Set());
      setDone(batch.fileName);
    }
  };

  return (
    <section aria-labelledby="console-title" className="console">
      <Breadcrumb trail={[t.accounting, t.imports]} current={t.partnerImports} />
      <div className="page-head">
        <h1 id="console-title">{t.consoleTitle}</h1>
        <p className="muted">{t.consoleIntro}</p>
      </div>

      <div className="toolbar-row">
        <ActionBar
          selected={selected}
          role={company.role}
          onView={() => navigate(`${base}/imports/detail?ids=${selected.map((b) => encodeURIComponent(b.id)).join(",")}`)}
          onValidate={() => selected[0] && setPending({ kind: "validate", batch: selected[0] })}
          onReject={() => selected[0] && setPending({ kind: "reject", batch: selected[0] })}
        />
        <span className="muted selection-count" aria-live="polite">
          {t.selectedCount(selected.length)}
        </span>
        <span className="spacer" />
        <FilterPanel value={filter} onApply={setFilter} statuses={FILTER_STATUSES} />
        <button type="button" className="btn" onClick={list.reload}>
          {t.refresh}
        </button>
      </div>

      <UploadPanel companyId={company.id} allowed={canSubmit(company.role)} />

      {list.error && (
        <p role="alert" className="form-error">
          {t.errorGeneric(list.error)}
        </p>
      )}
      <BatchTable
        caption={t.consoleTitle}
        columns={COLUMNS}
        rows={list.rows}
        sort={sort}
        onSort={setSort}
        selection={selection}
        onSelect={setSelection}
        empty={t.noImports}
        busy={list.loading}
      />
      <p className="muted table-foot">
        {t.rowCount(locale, list.rows.length, list.total)}
        {list.hasMore && (
          <button type="button" className="btn btn-quiet" onClick={list.loadMore}>
            {t.loadMore}
          </button>
        )}
      </p>

      <ConfirmDialog
        open={pending?.kind === "reject"}
        title={t.rejectConfirmTitle}
        body={
          pending
            ? t.rejectConfirmBody(pending.batch.fileName, new Intl.NumberFormat(locale).format(pending.batch.entryCount), pending.batch.entryCount)
            : ""
        }
        yes={t.yes}
        no={t.no}
        busy={rejection.fetching}
        onYes={confirm}
        onNo={() => setPending(null)}
        testId="confirm-reject"
        focusNo
      />
      <ConfirmDialog
        open={pending?.kind === "validate"}
        title={t.validateConfirmTitle}
        body={pending ? t.validateConfirmBody(pending.batch.fileName) : ""}
        yes={t.yes}
        no={t.no}
        busy={validation.fetching}
        onYes={confirm}
        onNo={() => setPending(null)}
        testId="confirm-validate"
      />
      <Dialog
        open={done !== null}
        title={t.rejectDoneTitle}
        onClose={() => setDone(null)}
        testId="reject-done"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setDone(null)}>
            {t.ok}
          </button>
        }
      >
        <p>{done ? t.rejectDoneBody(done) : ""}</p>
      </Dialog>
      <Dialog
        open={failure !== null}
        title={t.actionFailed}
        onClose={() => setFailure(null)}
        role="alertdialog"
        testId="action-failed"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setFailure(null)}>
            {t.ok}
          </button>
        }
      >
        <p>{failure}</p>
      </Dialog>
    </section>
  );
}
