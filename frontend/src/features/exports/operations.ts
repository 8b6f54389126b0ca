import { graphql } from "../../gql";

export const ExportYearsQuery = graphql(`
  query ExportYears($companyId: ID!) {
    fiscalYears(companyId: $companyId) {
      id
      name
      startDate
      endDate
      closed
    }
  }
`);

export const FecExportQuery = graphql(`
  query FecExport($companyId: ID!, $fiscalYearId: ID!, $keepNumbers: Boolean!) {
    fecExport(companyId: $companyId, fiscalYearId: $fiscalYearId, keepNumbers: $keepNumbers) {
      fileName
      url
      entryCount
      lineCount
      totalDebit
      totalCredit
      currency
    }
  }
`);
