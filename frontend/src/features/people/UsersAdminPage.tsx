/** Administration › Utilisateurs: the firm's users, for a firm administrator, who creates them (with a role
 * per company), edits, deactivates and reactivates them, and resets their password. A new user's link, or a
 * reset's, is shown once: the token it carries is never given again. */
import { useRef, useState } from "react";
import { useMutation, useQuery, type CombinedError } from "urql";
import { useRefetch } from "../../app/catchUp";
import { useSession } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { ConfirmDialog } from "../../components/Dialog";
import { QueryState } from "../../components/QueryState";
import type { UserAccountFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { FirmCompaniesQuery } from "../admin/operations";
import { Breadcrumb } from "../imports/Breadcrumb";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { OneTimeSecret, passwordLink } from "./OneTimeSecret";
import { DeactivateUserMutation, ReactivateUserMutation, ResetPasswordMutation, UsersQuery } from "./operations";
import { UserForm } from "./UserForm";
import { EmptyRow } from "../../components/EmptyRow";

type User = UserAccountFieldsFragment;
interface UserPayload {
  user?: User | null;
  errors: { code: string; params?: unknown }[];
}

/** Refetched after any change to a user, even from an empty list. */
export const USERS_CONTEXT = { additionalTypenames: ["UserAccount"] };
const COMPANIES_CONTEXT = { additionalTypenames: ["Company"] };
const ALL_USERS = {};
const ACTIVE_COMPANIES = { includeArchived: false };

export function UsersAdminPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { toast } = useAnnouncer();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: UsersQuery, variables: ALL_USERS, context: USERS_CONTEXT, pause: !me.firmAdmin });
  const refetch = useRefetch(reexecute, !me.firmAdmin);
  const [{ data: firm }] = useQuery({ query: FirmCompaniesQuery, variables: ACTIVE_COMPANIES, context: COMPANIES_CONTEXT, pause: !me.firmAdmin });
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [link, setLink] = useState<{ name: string; token: string } | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [deactivation, deactivate] = useMutation(DeactivateUserMutation);
  const [, reactivate] = useMutation(ReactivateUserMutation);
  const [, reset] = useMutation(ResetPasswordMutation);
  const newButton = useRef<HTMLButtonElement>(null);

  if (!me.firmAdmin) {
    return (
      <p role="alert" className="note">
        {t.usr.forbidden}
      </p>
    );
  }
  const users = data?.users ?? [];
  const companies = firm?.firmCompanies ?? [];

  const closeForm = () => {
    setEditing(null);
    newButton.current?.focus();
  };
  const saved = (user: User, token: string | null) => {
    toast(editing === "new" ? t.usr.created(user.name || user.email) : t.usr.saved(user.name || user.email), "success");
    setEditing(null);
    if (token) setLink({ name: user.name || user.email, token });
    else newButton.current?.focus();
  };

  /** After an action on a row: true when done, else why not (in the user's language). */
  const report = (error: CombinedError | undefined, payload: UserPayload | undefined): boolean => {
    if (error || !payload?.user) {
      const why = error ? requestErrorText(t, error) : (payload?.errors ?? []).map((e) => userErrorText(t, locale, e)).join(" ");
      setFailure(why || t.actionFailed);
      return false;
    }
    setFailure(null);
    return true;
  };
  const confirmDeactivate = async () => {
    if (!deactivating) return;
    const result = await deactivate({ id: deactivating.id });
    setDeactivating(null);
    if (report(result.error, result.data?.deactivateUser)) toast(t.usr.deactivatedDone(deactivating.name || deactivating.email), "success");
  };
  const reactivateOne = async (user: User) => {
    const result = await reactivate({ id: user.id });
    if (report(result.error, result.data?.reactivateUser)) toast(t.usr.reactivatedDone(user.name || user.email), "success");
  };
  const resetOne = async (user: User) => {
    const result = await reset({ id: user.id });
    const token = result.data?.resetPassword.passwordToken;
    if (report(result.error, result.data?.resetPassword) && token) setLink({ name: user.name || user.email, token });
  };

  return (
    <section aria-labelledby="admin-users-title" className="admin-users">
      <Breadcrumb trail={[t.administration]} current={t.usr.title} />
      <div className="page-head page-head-row">
        <div>
          <h1 id="admin-users-title">{t.usr.title}</h1>
          <p className="muted">{t.usr.intro}</p>
        </div>
        <button ref={newButton} type="button" className="btn btn-primary" onClick={() => setEditing("new")} disabled={editing === "new"}>
          {t.usr.newUser}
        </button>
      </div>

      {editing && (
        <section className="card company-form-card" aria-labelledby="user-form-title">
          <h2 id="user-form-title">{editing === "new" ? t.usr.formNew : t.usr.formEdit(editing.name || editing.email)}</h2>
          <UserForm key={editing === "new" ? "new" : editing.id} user={editing === "new" ? null : editing} companies={companies} onSaved={saved} onCancel={closeForm} />
        </section>
      )}
      {link && (
        <OneTimeSecret
          title={t.usr.linkTitle(link.name)}
          label={t.usr.linkLabel}
          note={t.usr.linkNote}
          value={passwordLink(link.token)}
          onDone={() => {
            setLink(null);
            newButton.current?.focus();
          }}
          testId="password-link"
        />
      )}

      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <QueryState fetching={fetching} error={error} hasData={data !== undefined} onRetry={refetch}>
        <div className="table-scroll layouts-scroll">
          <table className="grid-table" aria-busy={fetching || undefined} data-testid="users">
            <caption className="sr-only">{t.usr.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.usr.col.name}</th>
                <th scope="col">{t.usr.col.email}</th>
                <th scope="col">{t.usr.col.status}</th>
                <th scope="col">{t.usr.col.firmAdmin}</th>
                <th scope="col">{t.usr.col.roles}</th>
                <th scope="col">{t.usr.col.actions}</th>
              </tr>
            </thead>
            <tbody>
              {users.length === 0 && <EmptyRow columns={6}>{t.usr.none}</EmptyRow>}
              {users.map((user) => {
                const name = user.name || user.email;
                return (
                  <tr key={user.id} data-user-id={user.id} className={user.active ? undefined : "row-archived"}>
                    <th scope="row" className="layout-name-cell">
                      {name}
                    </th>
                    <td>{user.email}</td>
                    <td data-testid="status">{user.active ? t.usr.active : t.usr.deactivated}</td>
                    <td>{user.firmAdmin ? t.usr.yes : t.usr.no}</td>
                    <td>
                      {user.roles.length === 0 ? (
                        <span className="muted">{t.usr.noRoles}</span>
                      ) : (
                        <ul className="chips" data-testid="roles">
                          {user.roles.map((r) => (
                            <li key={r.companyId} className="chip">
                              {t.usr.roleChip(r.companyName, t.role[r.role])}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="row-actions">
                      <button type="button" className="btn" aria-label={t.usr.editNamed(name)} onClick={() => setEditing(user)}>
                        {t.usr.edit}
                      </button>
                      {user.active && (
                        <button type="button" className="btn" aria-label={t.usr.resetNamed(name)} onClick={() => void resetOne(user)}>
                          {t.usr.reset}
                        </button>
                      )}
                      {user.active ? (
                        <button type="button" className="btn" aria-label={t.usr.deactivateNamed(name)} onClick={() => setDeactivating(user)}>
                          {t.usr.deactivate}
                        </button>
                      ) : (
                        <button type="button" className="btn" aria-label={t.usr.reactivateNamed(name)} onClick={() => void reactivateOne(user)}>
                          {t.usr.reactivate}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </QueryState>

      <ConfirmDialog
        open={deactivating !== null}
        title={t.usr.deactivateTitle}
        body={deactivating ? t.usr.deactivateBody(deactivating.name || deactivating.email, deactivating.email) : ""}
        yes={t.usr.deactivate}
        no={t.cancel}
        focusNo
        busy={deactivation.fetching}
        onYes={() => void confirmDeactivate()}
        onNo={() => setDeactivating(null)}
        testId="confirm-deactivate-user"
      />
    </section>
  );
}
