import { graphql } from "../../gql";

export const LayoutFields = graphql(`
  fragment LayoutFields on ImportLayout {
    id
    companyId
    name
    definition
    updatedAt
  }
`);

export const ImportLayoutsQuery = graphql(`
  query ImportLayouts($companyId: ID!) {
    importLayouts(companyId: $companyId) {
      ...LayoutFields
    }
  }
`);

export const CreateLayoutMutation = graphql(`
  mutation CreateImportLayout($companyId: ID!, $name: String!, $definition: JSON!) {
    createImportLayout(companyId: $companyId, name: $name, definition: $definition) {
      layout {
        ...LayoutFields
      }
      errors {
        code
        message
        field
        params
      }
    }
  }
`);

export const UpdateLayoutMutation = graphql(`
  mutation UpdateImportLayout($id: ID!, $name: String!, $definition: JSON!) {
    updateImportLayout(id: $id, name: $name, definition: $definition) {
      layout {
        ...LayoutFields
      }
      errors {
        code
        message
        field
        params
      }
    }
  }
`);

export const DeleteLayoutMutation = graphql(`
  mutation DeleteImportLayout($id: ID!) {
    deleteImportLayout(id: $id) {
      deleted
      errors {
        code
        message
        field
      }
    }
  }
`);

export const AccountRangesQuery = graphql(`
  query AccountRanges($companyId: ID!) {
    accountRanges(companyId: $companyId) {
      kind
      from
      to
      match
    }
  }
`);

export const SetAccountRangesMutation = graphql(`
  mutation SetAccountRanges($companyId: ID!, $ranges: [AccountRangeInput!]!) {
    setAccountRanges(companyId: $companyId, ranges: $ranges) {
      ranges {
        kind
        from
        to
        match
      }
      errors {
        code
        message
        field
        params
      }
    }
  }
`);

/** The layout editor's live preview: an unsaved definition applied to a sample file (multipart upload). */
export const PreviewImportMutation = graphql(`
  mutation PreviewImport($companyId: ID!, $file: Upload!, $definition: JSON, $limit: Int!) {
    previewImport(companyId: $companyId, file: $file, definition: $definition, limit: $limit) {
      preview {
        format
        encoding
        fatal {
          line
          column
          code
          message
          severity
        }
        entries {
          company
          journal
          number
          date
          totalDebit
          totalCredit
          lines {
            line
            account
            thirdParty
            pieceRef
            label
            debit
            credit
            analytic
          }
        }
        issues {
          line
          column
          code
          message
          severity
        }
        entryCount
        rejectedEntryCount
        errorCount
        findingCount
        lineCount
      }
      errors {
        code
        message
        field
        params
      }
    }
  }
`);

export const SetFecSirenMustMatchMutation = graphql(`
  mutation SetFecSirenMustMatch($companyId: ID!, $mustMatch: Boolean!) {
    setFecSirenMustMatch(companyId: $companyId, mustMatch: $mustMatch) {
      id
      fecSirenMustMatch
    }
  }
`);
