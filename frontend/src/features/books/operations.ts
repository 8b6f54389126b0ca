import { graphql } from "../../gql";

export const FiscalYearFields = graphql(`
  fragment FiscalYearFields on FiscalYear {
    id
    name
    startDate
    endDate
    closed
    locked
  }
`);

export const CompanyYearsQuery = graphql(`
  query CompanyYears($companyId: ID!) {
    fiscalYears(companyId: $companyId) {
      ...FiscalYearFields
    }
  }
`);

export const OpenFiscalYearMutation = graphql(`
  mutation OpenFiscalYear($companyId: ID!, $startDate: Date!, $endDate: Date, $name: String) {
    openFiscalYear(companyId: $companyId, startDate: $startDate, endDate: $endDate, name: $name) {
      fiscalYear {
        ...FiscalYearFields
      }
      errors {
        code
        field
        params
      }
    }
  }
`);

export const LockFiscalYearMutation = graphql(`
  mutation LockFiscalYear($id: ID!) {
    lockFiscalYear(id: $id) {
      fiscalYear {
        ...FiscalYearFields
      }
      errors {
        code
        field
        params
      }
    }
  }
`);

export const UnlockFiscalYearMutation = graphql(`
  mutation UnlockFiscalYear($id: ID!) {
    unlockFiscalYear(id: $id) {
      fiscalYear {
        ...FiscalYearFields
      }
      errors {
        code
        field
        params
      }
    }
  }
`);

export const CloseFiscalYearMutation = graphql(`
  mutation CloseFiscalYear($id: ID!) {
    closeFiscalYear(id: $id) {
      fiscalYear {
        ...FiscalYearFields
      }
      nextYear {
        ...FiscalYearFields
      }
      openingEntryId
      openingLineCount
      result
      openingTotal
      currency
      errors {
        code
        field
        params
      }
    }
  }
`);

export const JournalFields = graphql(`
  fragment JournalFields on Journal {
    id
    code
    label
    kind
    isDefault
    used
    createdByBatchId
  }
`);

export const JournalsQuery = graphql(`
  query Journals($companyId: ID!) {
    journals(companyId: $companyId) {
      ...JournalFields
    }
  }
`);

export const SetJournalMutation = graphql(`
  mutation SetJournal($companyId: ID!, $code: String!, $label: String, $kind: String, $isDefault: Boolean) {
    setJournal(companyId: $companyId, code: $code, label: $label, kind: $kind, isDefault: $isDefault) {
      journal {
        ...JournalFields
      }
      errors {
        code
        field
        params
      }
    }
  }
`);

export const PostedLineFields = graphql(`
  fragment PostedLineFields on PostedLine {
    id
    account
    accountLabel
    thirdParty
    thirdPartyName
    label
    reference
    debit
    credit
    lettering
    analytic
    dueDate
  }
`);

export const PostedEntriesQuery = graphql(`
  query PostedEntries($companyId: ID!, $filter: PostedEntryFilter, $after: String) {
    # 40 entries with their lines: a page the request limits accept whole (a larger one costs too much).
    postedEntries(companyId: $companyId, filter: $filter, first: 40, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        journal
        number
        date
        batchId
        reversalOfId
        reversedById
        totalDebit
        totalCredit
        lineCount
        lines {
          ...PostedLineFields
        }
      }
    }
  }
`);

export const AccountLedgerQuery = graphql(`
  query AccountLedger($companyId: ID!, $account: String!, $from: Date, $to: Date, $first: Int, $after: String) {
    accountLedger(companyId: $companyId, account: $account, from: $from, to: $to, first: $first, after: $after) {
      account
      label
      currency
      openingBalance
      totalDebit
      totalCredit
      closingBalance
      lines {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          entryId
          journal
          number
          date
          batchId
          balance
          line {
            ...PostedLineFields
          }
        }
      }
    }
  }
`);

export const TrialBalanceQuery = graphql(`
  query TrialBalance($companyId: ID!, $from: Date, $to: Date) {
    trialBalance(companyId: $companyId, from: $from, to: $to) {
      currency
      totalDebit
      totalCredit
      lines {
        account
        accountLabel
        debit
        credit
        balance
      }
    }
  }
`);

export const MasterEntryFields = graphql(`
  fragment MasterEntryFields on MasterEntryConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      code
      label
      kind
      createdByBatchId
      used
    }
  }
`);

export const AccountsQuery = graphql(`
  query Accounts($companyId: ID!, $search: String, $first: Int, $after: String) {
    accounts(companyId: $companyId, search: $search, first: $first, after: $after) {
      ...MasterEntryFields
    }
  }
`);

export const ThirdPartiesQuery = graphql(`
  query ThirdParties($companyId: ID!, $search: String, $first: Int, $after: String) {
    thirdParties(companyId: $companyId, search: $search, first: $first, after: $after) {
      ...MasterEntryFields
    }
  }
`);

export const AnalyticSectionsQuery = graphql(`
  query AnalyticSections($companyId: ID!, $search: String, $first: Int, $after: String) {
    analyticSections(companyId: $companyId, search: $search, first: $first, after: $after) {
      ...MasterEntryFields
    }
  }
`);

export const ReverseImportMutation = graphql(`
  mutation ReverseImport($id: ID!, $date: Date!) {
    reverseImport(id: $id, date: $date) {
      batch {
        ...BatchFields
        reversedAt
        reversalDate
      }
      errors {
        code
        field
        params
      }
    }
  }
`);

/** Whether and when an import was reversed (the history and detail pages). */
export const BatchReversalQuery = graphql(`
  query BatchReversal($id: ID!) {
    importBatch(id: $id) {
      id
      status
      companyId
      fileName
      reversedAt
      reversalDate
    }
  }
`);
