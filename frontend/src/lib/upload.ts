/**
 * A GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec) over
 * XMLHttpRequest, for its upload progress events (fetch has none). Same-origin cookie + CSRF header.
 */
import { stringifyDocument } from "@urql/core";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

export interface UploadResult<T> {
  data: T | null;
  errors: { message: string; extensions?: { code?: string } }[];
  status: number;
}

export interface UploadHandle<T> {
  promise: Promise<UploadResult<T>>;
  abort: () => void;
}

/** `variables` must name the file's variable `file`; it is sent as the multipart part "0". */
export function uploadFile<T, V extends { file: File }>(
  document: TypedDocumentNode<T, V>,
  variables: V,
  onProgress: (loaded: number, total: number) => void,
  url = "/graphql",
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResult<T>>((resolve, reject) => {
    const body = new FormData();
    body.append("operations", JSON.stringify({ query: stringifyDocument(document), variables: { ...variables, file: null } }));
    body.append("map", JSON.stringify({ "0": ["variables.file"] }));
    body.append("0", variables.file, variables.file.name);
    xhr.open("POST", url);
    xhr.withCredentials = false; // same origin: the cookie goes anyway
    xhr.setRequestHeader("X-Ecluse-CSRF", "1");
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      let parsed: { data?: T | null; errors?: UploadResult<T>["errors"]; error?: string } = {};
      try {
        parsed = JSON.parse(xhr.responseText || "{}") as typeof parsed;
      } catch {
        parsed = { errors: [{ message: `HTTP ${xhr.status}` }] };
      }
      const errors = parsed.errors ?? (xhr.status >= 400 ? [{ message: parsed.error ?? `HTTP ${xhr.status}` }] : []);
      resolve({ data: parsed.data ?? null, errors, status: xhr.status });
    };
    xhr.onerror = () => reject(new Error("network error"));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    xhr.send(body);
  });
  return { promise, abort: () => xhr.abort() };
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ["o", "Ko", "Mo", "Go"];
  const unitsEn = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: i === 0 ? 0 : 1 });
  return `${fmt.format(value)} ${(locale.startsWith("fr") ? units : unitsEn)[i]}`;
}
