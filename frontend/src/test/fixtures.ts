import type { Company } from "../app/session";
import type { Batch } from "../features/imports/model";

/** A company as `me.companies` gives it. */
export function company(over: Partial<Company> = {}): Company {
  return {
    id: "3",
    name: "Boulangerie Martin SARL",
    siren: "123456782",
    code: null,
    currency: "EUR",
    country: "FR",
    address: "",
    archived: false,
    role: "ADMIN",
    fecSirenMustMatch: false,
    findings: [],
    ...over,
  };
}

export function batch(over: Partial<Batch> = {}): Batch {
  return {
    id: "1",
    companyId: "1",
    partner: "Application partenaire",
    fileName: "123456782FEC20241231.txt",
    format: "FEC",
    origin: "PARTNER_API",
    status: "PENDING_VALIDATION",
    progress: 100,
    errorSummary: "",
    errorCodes: [],
    failure: null,
    entryCount: 97,
    lineCount: 291,
    rejectedEntryCount: 0,
    errorCount: 0,
    findingCount: 0,
    currency: "EUR",
    totalDebit: "1138.50",
    totalCredit: "1138.50",
    createdAt: "2024-05-01T10:00:00+00:00",
    updatedAt: "2024-05-01T10:00:00+00:00",
    firstMovement: "2024-01-01",
    lastMovement: "2024-12-31",
    duplicateOfId: null,
    referencePeriod: { id: "1", name: "Exercice 2024" },
    ...over,
  };
}
