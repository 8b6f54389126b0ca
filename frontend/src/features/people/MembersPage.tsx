/** Comptabilité › Paramètres › Membres du dossier: who has access to the company and their role, for its
 * admin (or a firm administrator), who changes a role, takes it away or gives one to someone by email. */
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery, type CombinedError } from "urql";
import { useRefetch } from "../../app/catchUp";
import { useSession, type Company } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { ConfirmDialog } from "../../components/Dialog";
import { QueryState } from "../../components/QueryState";
import type { Role, UserAccountFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { Breadcrumb } from "../imports/Breadcrumb";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { RemoveMembershipMutation, SetMembershipMutation, UsersQuery } from "./operations";
import { PERSON_ROLES } from "./UserForm";
import { USERS_CONTEXT } from "./UsersAdminPage";
import { EmptyRow } from "../../components/EmptyRow";

type User = UserAccountFieldsFragment;
interface PayloadError {
  code: string;
  field?: string | null;
  params?: unknown;
}

export function MembersPage({ company }: { company: Company }) {
  const { t } = useI18n();
  const { me } = useSession();
  const allowed = company.role === "ADMIN" || me.firmAdmin;
  return (
    <section aria-labelledby="members-title" className="members">
      <Breadcrumb trail={[t.accounting, t.settings]} current={t.members} />
      <div className="page-head">
        <h1 id="members-title">{t.mbr.title}</h1>
        <p className="muted">{t.mbr.intro}</p>
      </div>
      {allowed ? (
        <Members company={company} />
      ) : (
        <p role="alert" className="note">
          {t.mbr.reserved}
        </p>
      )}
    </section>
  );
}

function Members({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: UsersQuery, variables: { companyId: company.id }, context: USERS_CONTEXT });
  const refetch = useRefetch(reexecute);
  const [removing, setRemoving] = useState<User | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [, setMembership] = useMutation(SetMembershipMutation);
  const [removal, remove] = useMutation(RemoveMembershipMutation);
  const members = (data?.users ?? []).filter((u) => roleOf(u, company.id));

  const report = (error: CombinedError | undefined, payload: { user?: User | null; errors: PayloadError[] } | undefined): boolean => {
    if (error || !payload?.user) {
      const why = error ? requestErrorText(t, error) : (payload?.errors ?? []).map((e) => userErrorText(t, locale, e)).join(" ");
      setFailure(why || t.actionFailed);
      return false;
    }
    setFailure(null);
    return true;
  };
  const changeRole = async (user: User, role: Role) => {
    const result = await setMembership({ companyId: company.id, role, userId: user.id });
    if (report(result.error, result.data?.setMembership)) toast(t.mbr.roleSet(user.name || user.email, t.role[role]), "success");
  };
  const confirmRemove = async () => {
    if (!removing) return;
    const result = await remove({ companyId: company.id, userId: removing.id });
    setRemoving(null);
    if (report(result.error, result.data?.removeMembership)) toast(t.mbr.removed(removing.name || removing.email), "success");
  };

  return (
    <>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <QueryState fetching={fetching} error={error} hasData={data !== undefined} onRetry={refetch}>
        <div className="table-scroll layouts-scroll">
          <table className="grid-table" aria-busy={fetching || undefined} data-testid="members">
            <caption className="sr-only">{t.mbr.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.mbr.col.name}</th>
                <th scope="col">{t.mbr.col.email}</th>
                <th scope="col">{t.mbr.col.role}</th>
                <th scope="col">{t.mbr.col.actions}</th>
              </tr>
            </thead>
            <tbody>
              {members.length === 0 && <EmptyRow columns={4}>{t.mbr.none}</EmptyRow>}
              {members.map((user) => {
                const name = user.name || user.email;
                return (
                  <tr key={user.id} data-user-id={user.id} className={user.active ? undefined : "row-archived"}>
                    <th scope="row" className="layout-name-cell">
                      {name} {!user.active && <span className="muted">{t.mbr.deactivated}</span>}
                    </th>
                    <td>{user.email}</td>
                    <td>
                      <select aria-label={t.mbr.roleOf(name)} value={roleOf(user, company.id) ?? ""} onChange={(e) => void changeRole(user, e.target.value as Role)}>
                        {PERSON_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t.role[role]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="row-actions">
                      <button type="button" className="btn" aria-label={t.mbr.removeNamed(name)} onClick={() => setRemoving(user)}>
                        {t.mbr.remove}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </QueryState>
      <AddMember company={company} />
      <ConfirmDialog
        open={removing !== null}
        title={t.mbr.removeTitle}
        body={removing ? t.mbr.removeBody(removing.name || removing.email, company.name) : ""}
        yes={t.mbr.remove}
        no={t.cancel}
        focusNo
        busy={removal.fetching}
        onYes={() => void confirmRemove()}
        onNo={() => setRemoving(null)}
        testId="confirm-remove-member"
      />
    </>
  );
}

/** "Add someone": a person who has an account, by email, with a role. */
function AddMember({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const id = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("VIEWER");
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, setMembership] = useMutation(SetMembershipMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await setMembership({ companyId: company.id, role, email: email.trim() });
    const payload = result.data?.setMembership;
    setErrors(payload?.errors ?? []);
    setFailure(result.error ? requestErrorText(t, result.error) : null);
    if (payload?.user) {
      toast(t.mbr.added(payload.user.name || payload.user.email, t.role[role]), "success");
      setEmail("");
    }
  };
  const emailError = errors.find((e) => e.field === "email");
  const other = errors.filter((e) => e !== emailError);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.mbr.add}</h2>
      <p className="muted">{t.mbr.addHelp}</p>
      <form className="company-form-row add-member" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t.mbr.email}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? `${id}-email-err` : undefined}
          />
          {emailError && (
            <span id={`${id}-email-err`} className="form-error field-error">
              {userErrorText(t, locale, emailError)}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t.mbr.role}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {PERSON_ROLES.map((r) => (
              <option key={r} value={r}>
                {t.role[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={fetching || !email.trim()}>
            {t.mbr.addButton}
          </button>
        </div>
      </form>
      {(failure || other.length > 0) && (
        <p role="alert" className="form-error">
          {[failure, ...other.map((e) => userErrorText(t, locale, e))].filter(Boolean).join(" ")}
        </p>
      )}
    </section>
  );
}

function roleOf(user: User, companyId: string): Role | null {
  return user.roles.find((r) => r.companyId === companyId)?.role ?? null;
}
