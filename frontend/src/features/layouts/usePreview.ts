/**
 * The layout editor's live preview: each change of the definition (debounced) sends the sample file with the
 * unsaved definition to `previewImport`, a dry run that saves nothing. A newer change aborts the request in
 * flight, so the preview shown is always the one of the latest definition.
 */
import { useEffect, useState } from "react";
import type { PreviewImportMutation } from "../../gql/graphql";
import { uploadFile, type UploadHandle } from "../../lib/upload";
import type { LayoutDefinition } from "./definition";
import { PreviewImportMutation as PreviewDoc } from "./operations";

export const PREVIEW_DELAY_MS = 400;
export const PREVIEW_LIMIT = 20;

type Payload = PreviewImportMutation["previewImport"];
export type Preview = NonNullable<Payload["preview"]>;
/** A payload error; `params` (for the text in the user's language) is absent from the errors the page makes. */
export type UserError = Omit<Payload["errors"][number], "params"> & { params?: unknown };

export type PreviewResult =
  | { kind: "ready"; preview: Preview }
  /** The server refused the definition or the file (BAD_LAYOUT, FILE_TOO_LARGE…): nothing was read. */
  | { kind: "refused"; errors: UserError[] }
  | { kind: "failed"; message: string };

export type PreviewState =
  | { kind: "idle" }
  | { kind: "loading"; last: PreviewResult | null }
  | PreviewResult;

export interface Sample {
  file: File;
  /** Bumped at every pick: the same file picked again is read again. */
  id: number;
}

interface Held {
  /** What the state is the answer to: the definition's JSON and the sample's id. */
  key: string;
  state: PreviewState;
}

const IDLE: PreviewState = { kind: "idle" };

function previewKey(json: string, sample: Sample | null): string {
  return `${sample?.id ?? 0}|${json}`;
}

/** The state of the preview, and whether it answers an older definition (a newer one is on its way). */
export function usePreview(
  companyId: string,
  sample: Sample | null,
  definition: LayoutDefinition,
  enabled: boolean,
): { state: PreviewState; stale: boolean } {
  const json = JSON.stringify(definition);
  const key = previewKey(json, sample);
  const [held, setHeld] = useState<Held>({ key: "", state: IDLE });

  useEffect(() => {
    if (!sample || !enabled) return;
    const asked = previewKey(json, sample);
    let handle: UploadHandle<PreviewImportMutation> | null = null;
    let done = false;
    const settle = (state: PreviewResult) => {
      if (!done) setHeld({ key: asked, state });
    };
    const timer = window.setTimeout(() => {
      setHeld((h) => ({ key: asked, state: { kind: "loading", last: lastResult(h.state) } }));
      const variables = { companyId, file: sample.file, definition: JSON.parse(json) as unknown, limit: PREVIEW_LIMIT };
      handle = uploadFile(PreviewDoc, variables, () => undefined);
      handle.promise.then(
        (result) => {
          const payload = result.data?.previewImport;
          if (result.errors.length) settle({ kind: "failed", message: result.errors.map((e) => e.message).join(" ; ") });
          else if (payload?.errors.length) settle({ kind: "refused", errors: payload.errors });
          else if (payload?.preview) settle({ kind: "ready", preview: payload.preview });
          else settle({ kind: "failed", message: `HTTP ${result.status}` });
        },
        (error: unknown) => {
          if (error instanceof DOMException && error.name === "AbortError") return;
          settle({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      done = true;
      window.clearTimeout(timer);
      handle?.abort();
    };
  }, [companyId, sample, json, enabled]);

  if (!sample || !enabled) return { state: IDLE, stale: false };
  const stale = held.key !== key || held.state.kind === "loading";
  return { state: held.state, stale };
}

export function lastResult(state: PreviewState): PreviewResult | null {
  if (state.kind === "idle") return null;
  if (state.kind === "loading") return state.last;
  return state;
}
