import { graphql } from "../../gql";

export const BatchFields = graphql(`
  fragment BatchFields on ImportBatch {
    id
    companyId
    partner
    fileName
    format
    origin
    status
    progress
    errorSummary
    errorCodes {
      code
      count
    }
    failure {
      code
      params
    }
    entryCount
    lineCount
    rejectedEntryCount
    errorCount
    findingCount
    currency
    totalDebit
    totalCredit
    createdAt
    updatedAt
    firstMovement
    lastMovement
    duplicateOfId
    referencePeriod {
      id
      name
    }
  }
`);

export const ConsoleBatchesQuery = graphql(`
  query ConsoleBatches($companyId: ID!, $filter: ImportBatchFilter, $sort: ImportSort, $first: Int, $after: String) {
    importBatches(companyId: $companyId, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...BatchFields
      }
    }
  }
`);

export const HistoryBatchesQuery = graphql(`
  query HistoryBatches($companyId: ID!, $filter: ImportBatchFilter, $sort: ImportSort, $first: Int, $after: String) {
    importHistory(companyId: $companyId, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...BatchFields
      }
    }
  }
`);

export const BatchChangedSubscription = graphql(`
  subscription BatchChanged($companyId: ID!) {
    importBatchChanged(companyId: $companyId) {
      ...BatchFields
    }
  }
`);

export const ImportPartnersQuery = graphql(`
  query ImportPartners($companyId: ID!) {
    importPartners(companyId: $companyId)
  }
`);

export const PendingCountQuery = graphql(`
  query PendingCount($companyId: ID!) {
    pendingImportsCount(companyId: $companyId)
  }
`);

export const ValidateMutation = graphql(`
  mutation ValidateImport($id: ID!) {
    validateImport(id: $id) {
      batch {
        ...BatchFields
      }
      errors {
        code
        message
        field
      }
    }
  }
`);

export const RejectMutation = graphql(`
  mutation RejectImport($id: ID!) {
    rejectImport(id: $id) {
      batch {
        ...BatchFields
      }
      errors {
        code
        message
        field
      }
    }
  }
`);

export const UploadMutation = graphql(`
  mutation UploadImport($companyId: ID!, $file: Upload!, $format: ImportFormat!, $layoutId: ID) {
    uploadImport(companyId: $companyId, file: $file, format: $format, layoutId: $layoutId) {
      batch {
        ...BatchFields
      }
      errors {
        code
        message
        field
      }
    }
  }
`);

export const BatchDetailQuery = graphql(`
  query BatchDetail($id: ID!) {
    importBatch(id: $id) {
      ...BatchFields
      stagedLineCount
      refusedLineCount
      reversedAt
      reversalDate
      layoutId
      resentOfId
      parentBatchId
      siren
      errorsCsvUrl
      rejectedLinesUrl
      file {
        name
        size
        encoding
        downloadUrl
      }
    }
  }
`);

/** A page of the entry grid: rows of values in declared columns, refused lines in place (few fields per page). */
export const BatchGridQuery = graphql(`
  query BatchGrid(
    $id: ID!
    $first: Int!
    $after: String
    $fromLine: Int
    $withCount: Boolean!
    $withPosition: Boolean! = false
    $filter: GridFilter
  ) {
    importBatch(id: $id) {
      id
      grid(first: $first, after: $after, fromLine: $fromLine, filter: $filter) {
        totalCount @include(if: $withCount)
        refusedCount @include(if: $withCount)
        position @include(if: $withPosition)
        pageInfo {
          hasNextPage
          endCursor
        }
        columns
        rows
        refused {
          line
          text
          errors {
            code
          }
        }
      }
    }
  }
`);

export const BatchErrorsQuery = graphql(`
  query BatchErrors($id: ID!, $first: Int!, $after: String) {
    importBatch(id: $id) {
      id
      errors(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          line
          column
          code
          message
          severity
          params
          entryFirstLine
          entryLastLine
        }
      }
    }
  }
`);

/** Another import a batch points to (the one it re-sends, the one that fed it): may be out of reach. */
export const RelatedBatchQuery = graphql(`
  query RelatedBatch($id: ID!) {
    importBatch(id: $id) {
      id
      companyId
      fileName
    }
  }
`);
