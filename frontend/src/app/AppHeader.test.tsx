import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Provider } from "urql";
import { describe, expect, it, vi } from "vitest";
import { AnnouncerProvider } from "../components/Announcer";
import { I18nProvider } from "../i18n/I18n";
import type { Lang } from "../i18n/messages";
import { company } from "../test/fixtures";
import { mockClient, operationName } from "../test/mockClient";
import { AppHeader } from "./AppHeader";
import { LiveStatus, type Api } from "./client";
import { SessionContext, type Company, type Session } from "./session";

const LONG = "Société Civile Immobilière des Grands Tilleuls de la Vallée";

function setup({ lang = "fr", current = company(), firmAdmin = true }: { lang?: Lang; current?: Company | null; firmAdmin?: boolean } = {}) {
  const client = mockClient((op) => {
    if (op.kind === "subscription") return {};
    if (operationName(op) === "Logout") return { data: { logout: true } };
    return { data: { notifications: { nodes: [] }, unread: { totalCount: 0 } } };
  });
  const session = {
    me: { name: "Alice Admin", user: { id: "1", email: "admin@demo.ecluse.fr", name: "Alice Admin", locale: "fr" }, companies: [], firmAdmin },
    api: { client, live: new LiveStatus() } as unknown as Api,
    restart: vi.fn(),
  } as unknown as Session;
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <AnnouncerProvider closeLabel="x">
          <SessionContext.Provider value={session}>
            <AppHeader company={current} />
          </SessionContext.Provider>
        </AnnouncerProvider>
      </I18nProvider>
    </Provider>,
  );
  return { client, session, header: screen.getByRole("banner") };
}

describe("AppHeader", () => {
  it("gives the company's full name as the title of its (possibly shortened) name", () => {
    const { header } = setup({ current: company({ name: LONG }) });
    const name = within(header).getByTestId("current-company");
    expect(name.textContent).toBe(LONG);
    expect(name.getAttribute("title")).toBe(LONG);
    expect(name.classList.contains("company-name")).toBe(true);
  });

  it("keeps where one is on the left and every tool in the group that wraps to a second row", () => {
    const { header } = setup();
    const main = header.querySelector(".topbar-main")!;
    const tools = header.querySelector(".topbar-tools")!;
    expect(main.classList.contains("topbar-main-company")).toBe(true);
    expect(within(main as HTMLElement).getByRole("link", { name: "Écluse" })).toBeTruthy();
    expect(within(main as HTMLElement).getByRole("navigation", { name: "Menu principal" })).toBeTruthy();
    const t = within(tools as HTMLElement);
    expect(t.getByRole("link", { name: "Administration" })).toBeTruthy();
    expect(t.getByTestId("notifications-button")).toBeTruthy();
    expect(t.getByLabelText("Langue")).toBeTruthy();
    expect(t.getByRole("button", { name: "Compte de Alice Admin" }).querySelector(".user-name-text")?.textContent).toBe("Alice Admin");
    expect(t.getByRole("button", { name: "Se déconnecter" })).toBeTruthy();
  });

  it("has no company part outside a company, its tools all there, in English too", () => {
    const { header } = setup({ lang: "en", current: null, firmAdmin: false });
    expect(within(header).queryByTestId("current-company")).toBeNull();
    expect(within(header).queryByRole("navigation", { name: "Main menu" })).toBeNull();
    expect(header.querySelector(".topbar-main")?.classList.contains("topbar-main-company")).toBe(false);
    expect(within(header).queryByRole("link", { name: "Administration" })).toBeNull();
    const tools = within(header.querySelector(".topbar-tools") as HTMLElement);
    expect(tools.getByLabelText("Language")).toBeTruthy();
    expect(tools.getByRole("button", { name: "Sign out" })).toBeTruthy();
  });

  it("signs out from the tools", async () => {
    const { client, session } = setup();
    fireEvent.click(screen.getByRole("button", { name: "Se déconnecter" }));
    await waitFor(() => expect(session.restart).toHaveBeenCalledOnce());
    expect(client.operations.some((op) => operationName(op) === "Logout")).toBe(true);
  });
});
