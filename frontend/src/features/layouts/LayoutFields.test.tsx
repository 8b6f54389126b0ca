import { fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../i18n/I18n";
import { MESSAGES } from "../../i18n/messages";
import { defaultForm, toDefinition, type LayoutForm, type Problem } from "./definition";
import { layoutProblems } from "./problems";
import { LayoutFields } from "./LayoutFields";

/** The form with its state, and the definition it would send (read from the page, as the editor shows it). */
function Harness({ problems = [], readOnly = false, initial = defaultForm() }: { problems?: Problem[]; readOnly?: boolean; initial?: LayoutForm }) {
  const [form, setForm] = useState(initial);
  return (
    <I18nProvider lang="fr">
      <LayoutFields form={form} onChange={setForm} problems={problems} readOnly={readOnly} />
      <pre data-testid="json">{JSON.stringify(toDefinition(form))}</pre>
    </I18nProvider>
  );
}

const sent = () => JSON.parse(screen.getByTestId("json").textContent ?? "{}") as Record<string, unknown>;
/** A text input by its label (getByLabelText: much quicker than getByRole on a form this size). */
const textbox = (name: string) => screen.getByLabelText(name, { selector: 'input:not([type="checkbox"]):not([type="radio"])' });
const type = (name: string, value: string) => fireEvent.change(textbox(name), { target: { value } });

describe("LayoutFields", () => {
  it("maps the columns typed in the form, and the file options chosen", () => {
    render(<Harness />);
    type("Date de l'écriture", "2");
    type("Compte", "4");
    type("Débit", "6");
    type("Crédit", "7");
    fireEvent.change(screen.getByLabelText("Séparateur"), { target: { value: "\t" } });
    fireEvent.change(screen.getByLabelText("Encodage"), { target: { value: "iso-8859-15" } });
    fireEvent.change(screen.getByLabelText("Séparateur décimal"), { target: { value: "." } });
    fireEvent.change(screen.getByLabelText("Séparateur de milliers"), { target: { value: "," } });
    type("Format des dates", "aaaammjj");
    type("Lignes d'en-tête à ignorer", "0");
    expect(sent()).toMatchObject({
      separator: "\t",
      encoding: "iso-8859-15",
      decimalSeparator: ".",
      thousandsSeparator: ",",
      dateFormat: "%Y%m%d",
      skipLines: 0,
      columns: { date: 2, account: 4, debit: 6, credit: 7 },
      groupBy: ["date"],
    });
  });

  it("takes any one-character separator under « Autre »", () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText("Séparateur"), { target: { value: "other" } });
    type("Autre séparateur (un caractère)", "#");
    expect(sent().separator).toBe("#");
  });

  it("shows the sign column and its codes in signColumn mode only", () => {
    render(<Harness />);
    expect(screen.queryByLabelText("Sens")).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "Un montant et une colonne de sens" }));
    expect(screen.queryByLabelText("Débit")).toBeNull();
    type("Montant", "5");
    type("Sens", "6");
    type("Code du débit", "+");
    type("Code du crédit", "-");
    expect(sent()).toMatchObject({ amountMode: "signColumn", columns: { amount: 5, sign: 6 }, signCodes: { debit: "+", credit: "-" } });
  });

  it("shows each account mode's columns, the kind codes when a kind column is read, and the collective accounts", () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole("radio", { name: "Un compte et une colonne de type (G/D/C)" }));
    expect(screen.queryByLabelText("Compte de tiers")).toBeNull();
    type("Type de compte", "3");
    type("Code « client »", "C");
    type("Code « fournisseur »", "F");
    type("Compte collectif clients", "411100");
    type("Compte collectif fournisseurs", "401100");
    expect(sent()).toMatchObject({
      accountMode: "kindColumn",
      columns: { kind: 3 },
      kindCodes: { general: "G", customer: "C", supplier: "F" },
      customerAccount: "411100",
      supplierAccount: "401100",
    });
    fireEvent.click(screen.getByRole("radio", { name: "Trois colonnes : compte général, client, fournisseur" }));
    type("Compte client", "8");
    type("Compte fournisseur", "9");
    expect(sent()).toMatchObject({ accountMode: "threeColumns", columns: { customer: 8, supplier: 9 } });
    expect(sent()).not.toHaveProperty("kindCodes");
    fireEvent.click(screen.getByRole("radio", { name: "Un compte, son type donné par les plages de comptes" }));
    expect(screen.getByText(/vient des plages de comptes du dossier/)).toBeTruthy();
    expect(sent()).toMatchObject({ accountMode: "ranges", columns: {} });
  });

  it("reads VAT with its columns, fixed account and code/rate map", () => {
    render(<Harness />);
    expect(screen.queryByLabelText("Montant de TVA")).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: /Les lignes portent leur TVA/ }));
    type("Montant de TVA", "9");
    type("Taux de TVA", "10");
    type("Code TVA", "11");
    type("Compte de TVA fixe", "445710");
    fireEvent.click(screen.getByRole("button", { name: "Ajouter un code ou un taux" }));
    fireEvent.click(screen.getByRole("button", { name: "Ajouter un code ou un taux" }));
    type("Code ou taux 1", "5,5");
    type("Compte de TVA 1", "445711");
    type("Code ou taux 2", "X");
    type("Compte de TVA 2", "445799");
    fireEvent.click(screen.getByRole("button", { name: "Retirer la correspondance 2" }));
    expect(sent()).toMatchObject({ columns: { vatAmount: 9, vatRate: 10, vatCode: 11 }, vatAccount: "445710", vatAccounts: { "5,5": "445711" } });
  });

  it("takes the contra account from a column or a fixed account, the fixed journal, and the grouping", () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole("radio", { name: "Lu dans une colonne" }));
    type("Compte de contrepartie", "12");
    expect(sent()).toMatchObject({ columns: { contraAccount: 12 } });
    fireEvent.click(screen.getByRole("radio", { name: "Compte fixe (équilibre l'écriture)" }));
    type("Compte de contrepartie fixe", "512000");
    expect(sent().columns).toEqual({});
    expect(sent().contraAccountFixed).toBe("512000");

    type("Journal fixe (quand la colonne est absente ou vide)", "BQ");
    type("Libellé du journal fixe", "Banque");
    expect(sent()).toMatchObject({ journal: "BQ", journalLabel: "Banque" });

    const grouping = screen.getByRole("group", { name: "Une nouvelle écriture commence quand change :" });
    const pieceBox = within(grouping).getByRole("checkbox", { name: /Référence de pièce/ });
    expect((pieceBox as HTMLInputElement).disabled).toBe(true); // its column is not given
    type("Référence de pièce", "4");
    type("Date de l'écriture", "1");
    expect(sent().groupBy).toEqual(["date", "pieceRef"]);
    fireEvent.click(within(grouping).getByRole("checkbox", { name: "Date de l'écriture" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /Une ligne de tiers/ }));
    expect(sent()).toMatchObject({ groupBy: ["pieceRef"], thirdPartyStartsEntry: true });
  });

  it("sends the entries to the company's default journal of a chosen kind, in place of the journal column and code", () => {
    render(<Harness />);
    type("Code journal", "3");
    type("Journal fixe (quand la colonne est absente ou vide)", "OD");
    fireEvent.click(screen.getByRole("radio", { name: "Journal par défaut du dossier pour un type" }));
    expect(screen.queryByLabelText("Code journal")).toBeNull();
    expect(screen.queryByLabelText("Journal fixe (quand la colonne est absente ou vide)")).toBeNull();
    const kind = screen.getByLabelText("Type du journal par défaut");
    expect([...kind.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["Ventes", "Achats", "Banque", "Caisse", "Opérations diverses", "Autre"]);
    expect(kind.getAttribute("aria-describedby") && document.getElementById(kind.getAttribute("aria-describedby")!)!.textContent).toContain("l'import échoue");
    fireEvent.change(kind, { target: { value: "bank" } });
    expect(sent()).toMatchObject({ journalKind: "bank", columns: {} });
    expect(sent()).not.toHaveProperty("journal");
    // Back to the file's journal: the column and the code typed come back, the kind is not sent.
    fireEvent.click(screen.getByRole("radio", { name: "Lu dans le fichier, ou journal fixe" }));
    expect(sent()).toMatchObject({ journal: "OD", columns: { journal: 3 } });
    expect(sent()).not.toHaveProperty("journalKind");
  });

  it("asks for start and length in a fixed-width file", () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole("radio", { name: "Largeur fixe (positions)" }));
    expect(screen.queryByLabelText("Séparateur")).toBeNull();
    type("Date de l'écriture : position de début", "1");
    type("Date de l'écriture : longueur", "8");
    expect(sent()).toMatchObject({ kind: "fixed", columns: { date: { start: 1, length: 8 } } });
    expect(sent()).not.toHaveProperty("separator");
  });

  it("shows the server's problems at the column and in the section they name", () => {
    const problems = layoutProblems(MESSAGES.fr, [
      { code: "BAD_LAYOUT", message: "columns: the 'date' column is required", field: "definition.columns", params: { reason: "COLUMN_REQUIRED", column: "date" } },
      {
        code: "BAD_LAYOUT",
        message: "separator: must be one character (\\t for TAB), not a quote or a line break",
        field: "definition.separator",
        params: { reason: "INVALID_OPTION", option: "separator", error: "separator" },
      },
      {
        code: "BAD_LAYOUT",
        message: "amountMode: 'signed' does not read the debit, credit column(s)",
        field: "definition.amountMode",
        params: { reason: "MODE_UNUSED_COLUMNS", mode: "signed", columns: "debit, credit" },
      },
    ]);
    render(<Harness problems={problems} />);
    const date = textbox("Date de l'écriture");
    expect(date.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(date.getAttribute("aria-describedby")!)!.textContent).toBe("colonne obligatoire");
    expect(screen.getByTestId("problems-file").textContent).toContain("Séparateur : un seul caractère (tabulation comprise)");
    expect(screen.getByTestId("problems-amounts").textContent).toBe(
      "Lecture des montants : « Un montant signé (négatif = crédit) » ne lit pas : Débit, Crédit (retirez ces colonnes ou changez de mode)",
    );
  });

  it("is read-only for who may not change settings", () => {
    render(<Harness readOnly />);
    expect((textbox("Date de l'écriture") as HTMLInputElement).matches(":disabled")).toBe(true);
    expect((screen.getByRole("radio", { name: "Un montant signé (négatif = crédit)" }) as HTMLInputElement).matches(":disabled")).toBe(true);
  });
});
