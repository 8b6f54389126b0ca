import { describe, expect, it } from "vitest";
import type { ImportStatus, Role } from "../../gql/graphql";
import { actionStates } from "./rules";

const rows = (...statuses: ImportStatus[]) => statuses.map((status) => ({ status }));
const ALL_ROLES: Role[] = ["VIEWER", "PARTNER", "CLIENT", "COLLABORATOR", "ADMIN"];

describe("Visualiser", () => {
  it("needs a selection", () => {
    expect(actionStates([], "ADMIN").view).toEqual({ enabled: false, reason: "noSelection" });
  });

  it("works when every selected row is pending, finished with error or failed, for every role", () => {
    for (const role of ALL_ROLES) {
      expect(actionStates(rows("PENDING_VALIDATION"), role).view.enabled).toBe(true);
      expect(actionStates(rows("PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"), role).view.enabled).toBe(true);
    }
  });

  it("is disabled as soon as one selected row is anything else", () => {
    for (const other of ["REJECTED", "PARSING", "RECEIVED", "VALIDATING", "SUCCEEDED"] as ImportStatus[]) {
      expect(actionStates(rows("PENDING_VALIDATION", other), "ADMIN").view).toEqual({ enabled: false, reason: "viewStatus" });
    }
  });
});

describe("Valider and Rejeter", () => {
  it("work on exactly one pending or finished-with-error row, for the roles that decide", () => {
    for (const role of ["CLIENT", "COLLABORATOR", "ADMIN"] as Role[]) {
      for (const status of ["PENDING_VALIDATION", "FINISHED_WITH_ERROR"] as ImportStatus[]) {
        const states = actionStates(rows(status), role);
        expect(states.validate.enabled).toBe(true);
        expect(states.reject.enabled).toBe(true);
      }
    }
  });

  it("are never for multi-select", () => {
    const states = actionStates(rows("PENDING_VALIDATION", "PENDING_VALIDATION"), "ADMIN");
    expect(states.validate).toEqual({ enabled: false, reason: "single" });
    expect(states.reject).toEqual({ enabled: false, reason: "single" });
    expect(states.view.enabled).toBe(true);
  });

  it("are disabled for viewers and partner applications, whatever the selection, with the role as reason", () => {
    for (const role of ["VIEWER", "PARTNER", null] as (Role | null)[]) {
      for (const selection of [rows(), rows("PENDING_VALIDATION"), rows("PENDING_VALIDATION", "FAILED")]) {
        const states = actionStates(selection, role);
        expect(states.validate).toEqual({ enabled: false, reason: "role" });
        expect(states.reject).toEqual({ enabled: false, reason: "role" });
      }
    }
  });

  it("follow the status: rejected or in-progress rows cannot be decided; a failed row can only be rejected (and read)", () => {
    for (const status of ["REJECTED", "PARSING", "RECEIVED", "VALIDATING", "SUCCEEDED"] as ImportStatus[]) {
      const states = actionStates(rows(status), "COLLABORATOR");
      expect(states.validate).toEqual({ enabled: false, reason: "validateStatus" });
      expect(states.reject).toEqual({ enabled: false, reason: "rejectStatus" });
    }
    const failed = actionStates(rows("FAILED"), "CLIENT");
    expect(failed.validate).toEqual({ enabled: false, reason: "validateStatus" });
    expect(failed.reject.enabled).toBe(true);
    expect(failed.view.enabled).toBe(true);
  });

  it("need a selection", () => {
    expect(actionStates([], "ADMIN").validate).toEqual({ enabled: false, reason: "noSelection" });
  });
});
