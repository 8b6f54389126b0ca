import { useId, useRef, useState } from "react";
import { useQuery } from "urql";
import { Link } from "../../app/router";
import type { ImportFormat, UploadImportMutation } from "../../gql/graphql";
import { FileDrop } from "../../components/FileDrop";
import { useAnnouncer } from "../../components/Announcer";
import { useI18n } from "../../i18n/I18n";
import { formatBytes, uploadFile, type UploadHandle } from "../../lib/upload";
import { LAYOUTS_CONTEXT, layoutsPath } from "../layouts/LayoutEditorPage";
import { ImportLayoutsQuery } from "../layouts/operations";
import { useBatchStore } from "./live";
import { UPLOAD_FORMATS } from "./model";
import { UploadMutation } from "./operations";
import { tick } from "./store";

type Phase = { kind: "idle" } | { kind: "sending"; pct: number } | { kind: "done"; name: string } | { kind: "failed"; messages: string[] };

export function UploadPanel({ companyId, allowed }: { companyId: string; allowed: boolean }) {
  const { t, locale } = useI18n();
  const store = useBatchStore();
  const { announce } = useAnnouncer();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>("AUTO");
  const [chosenLayout, setChosenLayout] = useState("");
  const custom = format === "CUSTOM";
  const [layouts] = useQuery({
    query: ImportLayoutsQuery,
    variables: { companyId },
    pause: !custom || !allowed,
    requestPolicy: "cache-and-network",
    context: LAYOUTS_CONTEXT,
  });
  const layoutList = layouts.data?.importLayouts ?? [];
  // The layout chosen, while it still exists (a layout deleted meanwhile is not sent).
  const layoutId = custom && layoutList.some((l) => l.id === chosenLayout) ? chosenLayout : "";
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const handle = useRef<UploadHandle<UploadImportMutation> | null>(null);
  const id = useId();

  const send = async () => {
    if (!file || (custom && !layoutId)) return;
    setPhase({ kind: "sending", pct: 0 });
    const seen = tick();
    const upload = uploadFile(UploadMutation, { companyId, file, format, layoutId: layoutId || null }, (loaded, total) =>
      setPhase({ kind: "sending", pct: total ? Math.floor((loaded * 100) / total) : 0 }),
    );
    handle.current = upload;
    try {
      const result = await upload.promise;
      const payload = result.data?.uploadImport;
      const messages = [...result.errors.map((e) => e.message), ...(payload?.errors.map((e) => e.message) ?? [])];
      if (!payload?.batch || messages.length) {
        setPhase({ kind: "failed", messages: messages.length ? messages : [`HTTP ${result.status}`] });
        return;
      }
      store.put(payload.batch, seen, true);
      setPhase({ kind: "done", name: payload.batch.fileName });
      announce(t.uploadDone(payload.batch.fileName));
      setFile(null);
    } catch (error) {
      setPhase({ kind: "failed", messages: [error instanceof Error ? error.message : String(error)] });
    } finally {
      handle.current = null;
    }
  };

  if (!allowed) return null;
  const sending = phase.kind === "sending";
  return (
    <section className="upload" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t.uploadTitle}
      </h2>
      <div className="upload-row">
        <FileDrop
          onFile={(f) => {
            setFile(f);
            setPhase({ kind: "idle" });
          }}
          dropText={t.uploadDrop}
          pickText={t.uploadPick}
          disabled={sending}
        >
          {file && (
            <span className="chosen" data-testid="chosen-file">
              {t.uploadChosen(file.name, formatBytes(file.size, locale))}
            </span>
          )}
        </FileDrop>
        <div className="field field-inline">
          <label htmlFor={`${id}-format`}>{t.uploadFormat}</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)} disabled={sending}>
            {UPLOAD_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === "AUTO" ? t.formatAuto : f === "CUSTOM" ? t.uploadCustom : t.format[f]}
              </option>
            ))}
          </select>
        </div>
        {custom &&
          (layoutList.length > 0 ? (
            <div className="field field-inline">
              <label htmlFor={`${id}-layout`}>{t.uploadLayout}</label>
              <select id={`${id}-layout`} value={layoutId} onChange={(e) => setChosenLayout(e.target.value)} disabled={sending}>
                <option value="">{t.uploadChooseLayout}</option>
                {layoutList.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <span className="muted" data-testid="no-layouts">
              {layouts.error ? (
                t.errorGeneric(layouts.error.message)
              ) : layouts.fetching || !layouts.data ? (
                t.uploadLayoutsLoading
              ) : (
                <>
                  {t.uploadNoLayouts} <Link to={layoutsPath(companyId)}>{t.uploadCreateLayout}</Link>
                </>
              )}
            </span>
          ))}
        <button type="button" className="btn btn-primary" onClick={send} disabled={!file || sending || (custom && !layoutId)}>
          {t.uploadSend}
        </button>
      </div>
      <div className="upload-status" aria-live="polite">
        {sending && (
          <span className="progress-wrap">
            <progress max={100} value={phase.pct} aria-label={t.uploadProgress(phase.pct)} data-testid="upload-progress" />
            <span>{t.uploadProgress(phase.pct)}</span>
          </span>
        )}
        {phase.kind === "done" && <span className="ok-text">{t.uploadDone(phase.name)}</span>}
        {phase.kind === "failed" && (
          <span role="alert" className="form-error">
            {t.uploadFailed(phase.messages.join(" ; "))}
          </span>
        )}
      </div>
    </section>
  );
}
