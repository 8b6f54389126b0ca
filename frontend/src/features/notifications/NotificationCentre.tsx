/**
 * The notification centre: unread count on the bell, the latest notifications in a panel, new ones pushed
 * by the `notifications` subscription (and shown as a toast, which screen readers hear).
 */
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Link } from "../../app/router";
import { useClient } from "urql";
import { useSession } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import type { NotificationFieldsFragment } from "../../gql/graphql";
import { formatDateTime } from "../../lib/dates";
import { useOutsideClick } from "../../lib/useOutsideClick";
import { useI18n } from "../../i18n/I18n";
import type { Messages, NoteWords } from "../../i18n/messages";
import { detailPath } from "../imports/BatchLinks";
import { userErrorText } from "../imports/errorText";
import { useLiveEpoch } from "../imports/live";
import { MarkReadMutation, NotificationAddedSubscription, NotificationsQuery } from "./operations";

type Note = NotificationFieldsFragment;

/** Said in the user's language from the kind and the params as of the change: file, dossier, counts, and why
 * a file could not be read (the backend's `message` is English). Older notifications have the file name only. */
export function noteText(t: Messages, locale: string, note: Pick<Note, "kind" | "fileName"> & { params?: unknown }): string {
  const p = (note.params && typeof note.params === "object" ? note.params : {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  const count = new Intl.NumberFormat(locale);
  const entries = num(p.entries);
  const rejected = num(p.rejected);
  let reason: string | null = null;
  if (typeof p.code === "string") {
    // The first error's own params travel as error_<name>.
    const params = Object.fromEntries(Object.entries(p).filter(([k]) => k.startsWith("error_")).map(([k, v]) => [k.slice(6), v]));
    reason = userErrorText(t, locale, { code: p.code, params });
  }
  const words: NoteWords = {
    name: note.fileName ?? (typeof p.file === "string" ? p.file : null),
    company: typeof p.company === "string" ? p.company : null,
    entries,
    rejected,
    entriesText: entries === null ? "" : count.format(entries),
    rejectedText: rejected === null ? "" : count.format(rejected),
    reason,
  };
  switch (note.kind) {
    case "PARSE_DONE":
      return t.note.PARSE_DONE(words);
    case "PARSE_DONE_WITH_ERRORS":
      return t.note.PARSE_DONE_WITH_ERRORS(words);
    case "PARSE_FAILED":
      return t.note.PARSE_FAILED(words);
    case "VALIDATED":
      return t.note.VALIDATED(words);
    case "REJECTED":
      return t.note.REJECTED(words);
    default:
      return t.note.other(words);
  }
}

/** Where a notification leads: its import, in the console's detail (the dossier it belongs to). */
export function notePath(note: Pick<Note, "companyId" | "batchId">): string | null {
  return note.batchId ? detailPath(note.companyId, note.batchId) : null;
}

export function NotificationCentre() {
  const { t, locale } = useI18n();
  const client = useClient();
  const { api } = useSession();
  const epoch = useLiveEpoch(api);
  const { toast } = useAnnouncer();
  const [notes, setNotes] = useState<Note[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    const result = await client.query(NotificationsQuery, { first: 30 }, { requestPolicy: "network-only" }).toPromise();
    if (result.data) {
      setNotes(result.data.notifications.nodes);
      setUnread(result.data.unread.totalCount);
    }
  }, [client]);

  useEffect(() => {
    // Fetch on mount (and on reconnection); the loader sets its own loading state.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load, epoch]);

  useEffect(() => {
    const sub = client.subscription(NotificationAddedSubscription, {}).subscribe((result) => {
      const note = result.data?.notifications;
      if (!note) return;
      setNotes((list) => (list.some((n) => n.id === note.id) ? list : [note, ...list].slice(0, 50)));
      if (!note.read) setUnread((n) => n + 1);
      toast(noteText(t, locale, note), note.kind === "PARSE_FAILED" ? "error" : "info");
    });
    return () => sub.unsubscribe();
  }, [client, toast, t, locale]);

  const close = useCallback(() => setOpen(false), [setOpen]);
  useOutsideClick(root, open, close);

  const markAll = async () => {
    const ids = notes.filter((n) => !n.read).map((n) => n.id);
    if (ids.length) await client.mutation(MarkReadMutation, { ids }).toPromise();
    setNotes((list) => list.map((n) => ({ ...n, read: true })));
    setUnread(0);
  };

  return (
    <div
      className="notif"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="btn btn-quiet notif-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t.notificationsUnread(locale, unread)}
        onClick={() => setOpen((o) => !o)}
        data-testid="notifications-button"
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="badge" data-testid="unread-count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      <div id={id} className="notif-panel" hidden={!open} role="region" aria-label={t.notifications}>
        <div className="notif-head">
          <h2 className="section-title">{t.notifications}</h2>
          <button type="button" className="btn btn-quiet" onClick={markAll} disabled={unread === 0}>
            {t.markAllRead}
          </button>
        </div>
        {notes.length === 0 ? (
          <p className="muted">{t.noNotifications}</p>
        ) : (
          <ul className="notif-list">
            {notes.map((note) => (
              <li key={note.id} className={note.read ? "" : "unread"}>
                {notePath(note) ? (
                  <Link to={notePath(note) ?? ""} onClick={() => setOpen(false)}>
                    {noteText(t, locale, note)}
                  </Link>
                ) : (
                  <span>{noteText(t, locale, note)}</span>
                )}
                <time dateTime={note.createdAt} className="muted">
                  {formatDateTime(note.createdAt, locale)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
