/**
 * One import layout: its definition's form beside a live preview of a sample file. Collaborators and admins
 * save and delete; the other roles see the definition read-only (clients may still preview it).
 */
import { useMemo, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { Link, navigate } from "../../app/router";
import type { Company } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { ConfirmDialog } from "../../components/Dialog";
import { FileDrop } from "../../components/FileDrop";
import type { LayoutFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { errorMessages } from "../../lib/errors";
import { formatBytes } from "../../lib/upload";
import { Breadcrumb } from "../imports/Breadcrumb";
import { payloadErrorText } from "../imports/errorText";
import { canChangeSettings, canSubmit } from "../imports/rules";
import { defaultForm, fromDefinition, toDefinition, type LayoutForm, type Problem } from "./definition";
import { layoutProblems, optionLabel } from "./problems";
import { LayoutFields } from "./LayoutFields";
import { LayoutPreview } from "./LayoutPreview";
import { CreateLayoutMutation, DeleteLayoutMutation, ImportLayoutsQuery, UpdateLayoutMutation } from "./operations";
import { lastResult, usePreview, type Sample, type UserError } from "./usePreview";

/** Layout lists are refetched when a layout is created (an empty list names no type for urql's cache). */
export const LAYOUTS_CONTEXT = { additionalTypenames: ["ImportLayout"] };

export function layoutsPath(companyId: string): string {
  return `/c/${encodeURIComponent(companyId)}/settings/layouts`;
}

export function LayoutEditorPage({ company, layoutId }: { company: Company; layoutId: string }) {
  const { t } = useI18n();
  // A layout just created keeps its editor (and its sample file) when the URL takes its new id.
  const [created, setCreated] = useState<string | null>(null);
  const isNew = layoutId === "new" || layoutId === created;
  const [{ data, error, fetching }] = useQuery({
    query: ImportLayoutsQuery,
    variables: { companyId: company.id },
    requestPolicy: "network-only",
    context: LAYOUTS_CONTEXT,
    pause: isNew,
  });
  const list = layoutsPath(company.id);
  const layout = data?.importLayouts.find((l) => l.id === layoutId) ?? null;

  if (!isNew && !layout) {
    return (
      <section className="layout-editor" aria-labelledby="layout-title" aria-busy={fetching || undefined}>
        <Breadcrumb trail={[t.accounting, t.imports, t.importLayouts]} current="…" />
        <h1 id="layout-title">{t.importLayouts}</h1>
        {fetching || (!data && !error) ? (
          <p>{t.loading}</p>
        ) : (
          <p role="alert" className="form-error">
            {error ? t.errorGeneric(errorMessages(error).join(" ; ")) : t.lay.notFound}
          </p>
        )}
        <Link to={list}>{t.lay.back}</Link>
      </section>
    );
  }
  return (
    <LayoutEditor
      key={isNew ? "new" : layoutId}
      company={company}
      initial={isNew && layoutId === "new" ? null : layout}
      onCreated={(id) => {
        setCreated(id);
        navigate(`${list}/${encodeURIComponent(id)}`, { replace: true });
      }}
    />
  );
}

interface Saved {
  /** The name and definition saved: the message stays until either changes. */
  key: string;
  name: string;
}

interface Refused {
  key: string;
  errors: UserError[];
}

function LayoutEditor({ company, initial, onCreated }: { company: Company; initial: LayoutFieldsFragment | null; onCreated: (id: string) => void }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const canEdit = canChangeSettings(company.role);
  const canPreview = canSubmit(company.role);
  const [id, setId] = useState<string | null>(initial?.id ?? null);
  const [name, setName] = useState(initial?.name ?? "");
  const [form, setForm] = useState<LayoutForm>(() => (initial ? fromDefinition(initial.definition) : defaultForm()));
  const [sample, setSample] = useState<Sample | null>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [creation, create] = useMutation(CreateLayoutMutation);
  const [update, change] = useMutation(UpdateLayoutMutation);
  const [removal, remove] = useMutation(DeleteLayoutMutation);
  const summary = useRef<HTMLDivElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const picks = useRef(0);

  const definition = useMemo(() => toDefinition(form), [form]);
  const json = JSON.stringify(definition);
  const key = `${name}|${json}`;
  const preview = usePreview(company.id, sample, definition, canPreview);

  // The server's problems: those of the last save (while nothing changed), and the live preview's.
  const errors: UserError[] = [];
  if (refused && refused.key === key) errors.push(...refused.errors);
  const last = lastResult(preview.state);
  if (last?.kind === "refused") errors.push(...last.errors.filter((e) => !errors.some((x) => x.message === e.message)));
  const problems: Problem[] = layoutProblems(t, errors);
  const nameErrors = errors.filter((e) => e.field === "name").map((e) => payloadErrorText(t, locale, e));
  if (nameMissing && !name.trim()) nameErrors.unshift(t.lay.nameRequired);
  const others = errors.filter((e) => e.code !== "BAD_LAYOUT" && e.field !== "name" && e.field !== "file");
  const count = problems.length + others.length + nameErrors.length;
  const saving = creation.fetching || update.fetching;
  const title = initial || id ? t.lay.editorTitle(saved?.name ?? initial?.name ?? name) : t.lay.editorNew;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canEdit || saving) return;
    if (!name.trim()) {
      setNameMissing(true);
      nameInput.current?.focus();
      return;
    }
    const result = id ? await change({ id, name, definition }) : await create({ companyId: company.id, name, definition });
    const payload = result.data && ("createImportLayout" in result.data ? result.data.createImportLayout : result.data.updateImportLayout);
    const failures: UserError[] = [...(payload?.errors ?? [])];
    if (result.error) failures.push(...errorMessages(result.error).map((message) => ({ code: "ERROR", message, field: null })));
    if (failures.length || !payload?.layout) {
      setSaved(null);
      setRefused({ key, errors: failures.length ? failures : [{ code: "ERROR", message: t.actionFailed, field: null }] });
      window.setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setRefused(null);
    setNameMissing(false);
    setSaved({ key, name: payload.layout.name });
    toast(t.lay.saved(payload.layout.name), "success");
    if (!id) {
      setId(payload.layout.id);
      onCreated(payload.layout.id);
    }
  };

  const doDelete = async () => {
    if (!id) return;
    const result = await remove({ id });
    setConfirmDelete(false);
    const failures = [...(result.data?.deleteImportLayout.errors ?? []).map((e) => e.message), ...(result.error ? errorMessages(result.error) : [])];
    if (failures.length || !result.data?.deleteImportLayout.deleted) {
      setRefused({ key, errors: failures.map((message) => ({ code: "ERROR", message, field: null })) });
      return;
    }
    toast(t.lay.removed(saved?.name ?? initial?.name ?? name), "success");
    navigate(layoutsPath(company.id));
  };

  return (
    <section className="layout-editor" aria-labelledby="layout-title">
      <Breadcrumb trail={[t.accounting, t.imports, t.importLayouts]} current={title} />
      <div className="page-head page-head-row">
        <h1 id="layout-title">{title}</h1>
        <Link to={layoutsPath(company.id)} className="btn">
          {t.lay.back}
        </Link>
      </div>
      {!canEdit && <p className="note">{t.lay.readOnly}</p>}
      <div className="editor-grid">
        <form className="layout-form" aria-label={t.lay.formLabel} onSubmit={submit} noValidate>
          <div className="field layout-name">
            <label htmlFor="layout-name">{t.lay.name}</label>
            <input
              id="layout-name"
              ref={nameInput}
              value={name}
              maxLength={100}
              readOnly={!canEdit}
              aria-invalid={nameErrors.length > 0 || undefined}
              aria-describedby={nameErrors.length ? "layout-name-error" : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            {nameErrors.length > 0 && (
              <span id="layout-name-error" className="form-error">
                {nameErrors.join(" ; ")}
              </span>
            )}
          </div>
          <div ref={summary} tabIndex={-1} className="problems-wrap" aria-live="polite" data-testid="layout-problems">
            {count > 0 && (
              <div className="problems">
                <h2 className="section-title">{t.lay.problemsTitle(count)}</h2>
                <ul>
                  {nameErrors.map((text, i) => (
                    <li key={`n${i}`}>
                      <code>name</code> : {text}
                    </li>
                  ))}
                  {problems.map((p, i) => (
                    <li key={`p${i}`}>{t.lay.problemAt(p.field ? (t.lay.field[p.field] ?? p.field) : optionLabel(t, p.option), p.text)}</li>
                  ))}
                  {others.map((e, i) => (
                    <li key={`o${i}`}>{payloadErrorText(t, locale, e)}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <LayoutFields form={form} onChange={setForm} problems={problems} readOnly={!canEdit} />
          <details className="lay-json">
            <summary>{t.lay.json}</summary>
            <pre data-testid="definition-json">{JSON.stringify(definition, null, 2)}</pre>
          </details>
          {canEdit && (
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={saving}>
                {saving ? t.lay.saving : t.lay.save}
              </button>
              {id && (
                <button type="button" className="btn" onClick={() => setConfirmDelete(true)}>
                  {t.lay.remove}
                </button>
              )}
              <span role="status" className="ok-text">
                {saved && saved.key === key ? t.lay.saved(saved.name) : ""}
              </span>
            </div>
          )}
        </form>

        <section className="preview-pane" aria-labelledby="preview-title">
          <h2 id="preview-title" className="section-title">
            {t.lay.preview}
          </h2>
          <p className="preview-note">
            <strong>{t.lay.previewNothingSaved}</strong>
          </p>
          {canPreview ? (
            <>
              <p className="field-label">{t.lay.sample}</p>
              <FileDrop
                onFile={(file) => {
                  picks.current += 1;
                  setSample({ file, id: picks.current });
                }}
                dropText={t.lay.sampleDrop}
                pickText={t.lay.samplePick}
              >
                {sample && (
                  <span className="chosen" data-testid="sample-file">
                    {t.lay.sampleChosen(sample.file.name, formatBytes(sample.file.size, locale))}
                  </span>
                )}
              </FileDrop>
              <LayoutPreview state={preview.state} stale={preview.stale} />
            </>
          ) : (
            <p className="muted">{t.lay.previewForbidden}</p>
          )}
        </section>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title={t.lay.removeTitle}
        body={t.lay.removeBody(saved?.name ?? initial?.name ?? name)}
        yes={t.yes}
        no={t.no}
        busy={removal.fetching}
        onYes={() => void doDelete()}
        onNo={() => setConfirmDelete(false)}
        testId="confirm-delete-layout"
      />
    </section>
  );
}
