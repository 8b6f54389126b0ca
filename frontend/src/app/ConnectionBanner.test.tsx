import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n/I18n";
import type { Lang } from "../i18n/messages";
import { LiveStatus, type Api } from "./client";
import { ConnectionBanner } from "./ConnectionBanner";
import { ApiContext } from "./session";

function setup(lang: Lang = "fr") {
  const live = new LiveStatus();
  render(
    <ApiContext.Provider value={{ live } as unknown as Api}>
      <I18nProvider lang={lang}>
        <ConnectionBanner />
      </I18nProvider>
    </ApiContext.Provider>,
  );
  return { live, region: screen.getByRole("status") };
}

describe("ConnectionBanner", () => {
  it("says the connection is lost while it is, in a status region that stays", () => {
    const { live, region } = setup();
    const ended = live.opened();
    act(() => live.connected());
    expect(region.textContent).toBe("");
    act(() => live.closed());
    expect(region.textContent).toBe("Connexion perdue, nouvelle tentative…");
    act(() => live.connected());
    expect(region.textContent).toBe("");
    expect(screen.getByRole("status")).toBe(region);
    ended();
  });

  it("speaks the user's language", () => {
    const { live, region } = setup("en");
    live.opened();
    act(() => live.closed());
    expect(region.textContent).toBe("Connection lost, retrying…");
  });
});
