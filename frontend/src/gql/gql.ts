/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      name\n      user {\n        id\n        email\n        name\n        locale\n      }\n      companies {\n        ...CompanyDetails\n      }\n      firmAdmin\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n      }\n      retryAfterSeconds\n      errors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query FiscalYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      id\n      name\n      startDate\n      endDate\n      closed\n    }\n    pendingImportsCount(companyId: $companyId)\n  }\n": typeof types.FiscalYearsDocument,
    "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n    params\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  query QueryStateJournals($companyId: ID!) {\n    journals(companyId: $companyId) {\n      id\n      code\n    }\n  }\n": typeof types.QueryStateJournalsDocument,
    "\n  fragment CompanyDetails on Company {\n    id\n    name\n    siren\n    code\n    currency\n    country\n    address\n    archived\n    role\n    fecSirenMustMatch\n    findings {\n      code\n      field\n      params\n    }\n  }\n": typeof types.CompanyDetailsFragmentDoc,
    "\n  query FirmCompanies($includeArchived: Boolean!) {\n    firmCompanies(includeArchived: $includeArchived) {\n      ...CompanyDetails\n    }\n  }\n": typeof types.FirmCompaniesDocument,
    "\n  mutation CreateCompany($input: CompanyInput!) {\n    createCompany(input: $input) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateCompanyDocument,
    "\n  mutation UpdateCompany($id: ID!, $input: CompanyInput!) {\n    updateCompany(id: $id, input: $input) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateCompanyDocument,
    "\n  mutation ArchiveCompany($id: ID!) {\n    archiveCompany(id: $id) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ArchiveCompanyDocument,
    "\n  mutation RestoreCompany($id: ID!) {\n    restoreCompany(id: $id) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RestoreCompanyDocument,
    "\n  fragment FiscalYearFields on FiscalYear {\n    id\n    name\n    startDate\n    endDate\n    closed\n    locked\n  }\n": typeof types.FiscalYearFieldsFragmentDoc,
    "\n  query CompanyYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      ...FiscalYearFields\n    }\n  }\n": typeof types.CompanyYearsDocument,
    "\n  mutation OpenFiscalYear($companyId: ID!, $startDate: Date!, $endDate: Date, $name: String) {\n    openFiscalYear(companyId: $companyId, startDate: $startDate, endDate: $endDate, name: $name) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": typeof types.OpenFiscalYearDocument,
    "\n  mutation LockFiscalYear($id: ID!) {\n    lockFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": typeof types.LockFiscalYearDocument,
    "\n  mutation UnlockFiscalYear($id: ID!) {\n    unlockFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": typeof types.UnlockFiscalYearDocument,
    "\n  mutation CloseFiscalYear($id: ID!) {\n    closeFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      nextYear {\n        ...FiscalYearFields\n      }\n      openingEntryId\n      openingLineCount\n      result\n      openingTotal\n      currency\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": typeof types.CloseFiscalYearDocument,
    "\n  fragment JournalFields on Journal {\n    id\n    code\n    label\n    kind\n    isDefault\n    used\n    createdByBatchId\n  }\n": typeof types.JournalFieldsFragmentDoc,
    "\n  query Journals($companyId: ID!) {\n    journals(companyId: $companyId) {\n      ...JournalFields\n    }\n  }\n": typeof types.JournalsDocument,
    "\n  mutation SetJournal($companyId: ID!, $code: String!, $label: String, $kind: String, $isDefault: Boolean) {\n    setJournal(companyId: $companyId, code: $code, label: $label, kind: $kind, isDefault: $isDefault) {\n      journal {\n        ...JournalFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": typeof types.SetJournalDocument,
    "\n  fragment PostedLineFields on PostedLine {\n    id\n    account\n    accountLabel\n    thirdParty\n    thirdPartyName\n    label\n    reference\n    debit\n    credit\n    lettering\n    analytic\n    dueDate\n  }\n": typeof types.PostedLineFieldsFragmentDoc,
    "\n  query PostedEntries($companyId: ID!, $filter: PostedEntryFilter, $after: String) {\n    # 40 entries with their lines: a page the request limits accept whole (a larger one costs too much).\n    postedEntries(companyId: $companyId, filter: $filter, first: 40, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        journal\n        number\n        date\n        batchId\n        reversalOfId\n        reversedById\n        totalDebit\n        totalCredit\n        lineCount\n        lines {\n          ...PostedLineFields\n        }\n      }\n    }\n  }\n": typeof types.PostedEntriesDocument,
    "\n  query AccountLedger($companyId: ID!, $account: String!, $from: Date, $to: Date, $first: Int, $after: String) {\n    accountLedger(companyId: $companyId, account: $account, from: $from, to: $to, first: $first, after: $after) {\n      account\n      label\n      currency\n      openingBalance\n      totalDebit\n      totalCredit\n      closingBalance\n      lines {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          entryId\n          journal\n          number\n          date\n          batchId\n          balance\n          line {\n            ...PostedLineFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.AccountLedgerDocument,
    "\n  query TrialBalance($companyId: ID!, $from: Date, $to: Date) {\n    trialBalance(companyId: $companyId, from: $from, to: $to) {\n      currency\n      totalDebit\n      totalCredit\n      lines {\n        account\n        accountLabel\n        debit\n        credit\n        balance\n      }\n    }\n  }\n": typeof types.TrialBalanceDocument,
    "\n  fragment MasterEntryFields on MasterEntryConnection {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      code\n      label\n      kind\n      createdByBatchId\n      used\n    }\n  }\n": typeof types.MasterEntryFieldsFragmentDoc,
    "\n  query Accounts($companyId: ID!, $search: String, $first: Int, $after: String) {\n    accounts(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n": typeof types.AccountsDocument,
    "\n  query ThirdParties($companyId: ID!, $search: String, $first: Int, $after: String) {\n    thirdParties(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n": typeof types.ThirdPartiesDocument,
    "\n  query AnalyticSections($companyId: ID!, $search: String, $first: Int, $after: String) {\n    analyticSections(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n": typeof types.AnalyticSectionsDocument,
    "\n  mutation ReverseImport($id: ID!, $date: Date!) {\n    reverseImport(id: $id, date: $date) {\n      batch {\n        ...BatchFields\n        reversedAt\n        reversalDate\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": typeof types.ReverseImportDocument,
    "\n  query BatchReversal($id: ID!) {\n    importBatch(id: $id) {\n      id\n      status\n      companyId\n      fileName\n      reversedAt\n      reversalDate\n    }\n  }\n": typeof types.BatchReversalDocument,
    "\n  query ExportYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      id\n      name\n      startDate\n      endDate\n      closed\n    }\n  }\n": typeof types.ExportYearsDocument,
    "\n  query FecExport($companyId: ID!, $fiscalYearId: ID!, $keepNumbers: Boolean!) {\n    fecExport(companyId: $companyId, fiscalYearId: $fiscalYearId, keepNumbers: $keepNumbers) {\n      fileName\n      url\n      entryCount\n      lineCount\n      totalDebit\n      totalCredit\n      currency\n    }\n  }\n": typeof types.FecExportDocument,
    "\n  fragment BatchFields on ImportBatch {\n    id\n    companyId\n    partner\n    fileName\n    format\n    origin\n    status\n    progress\n    errorSummary\n    errorCodes {\n      code\n      count\n    }\n    failure {\n      code\n      params\n    }\n    entryCount\n    lineCount\n    rejectedEntryCount\n    errorCount\n    findingCount\n    currency\n    totalDebit\n    totalCredit\n    createdAt\n    updatedAt\n    firstMovement\n    lastMovement\n    duplicateOfId\n    referencePeriod {\n      id\n      name\n    }\n  }\n": typeof types.BatchFieldsFragmentDoc,
    "\n  query ConsoleBatches($companyId: ID!, $filter: ImportBatchFilter, $sort: ImportSort, $first: Int, $after: String) {\n    importBatches(companyId: $companyId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BatchFields\n      }\n    }\n  }\n": typeof types.ConsoleBatchesDocument,
    "\n  query HistoryBatches($companyId: ID!, $filter: ImportBatchFilter, $sort: ImportSort, $first: Int, $after: String) {\n    importHistory(companyId: $companyId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BatchFields\n      }\n    }\n  }\n": typeof types.HistoryBatchesDocument,
    "\n  subscription BatchChanged($companyId: ID!) {\n    importBatchChanged(companyId: $companyId) {\n      ...BatchFields\n    }\n  }\n": typeof types.BatchChangedDocument,
    "\n  query ImportPartners($companyId: ID!) {\n    importPartners(companyId: $companyId)\n  }\n": typeof types.ImportPartnersDocument,
    "\n  query PendingCount($companyId: ID!) {\n    pendingImportsCount(companyId: $companyId)\n  }\n": typeof types.PendingCountDocument,
    "\n  mutation ValidateImport($id: ID!) {\n    validateImport(id: $id) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.ValidateImportDocument,
    "\n  mutation RejectImport($id: ID!) {\n    rejectImport(id: $id) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.RejectImportDocument,
    "\n  mutation UploadImport($companyId: ID!, $file: Upload!, $format: ImportFormat!, $layoutId: ID) {\n    uploadImport(companyId: $companyId, file: $file, format: $format, layoutId: $layoutId) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.UploadImportDocument,
    "\n  query BatchDetail($id: ID!) {\n    importBatch(id: $id) {\n      ...BatchFields\n      stagedLineCount\n      refusedLineCount\n      reversedAt\n      reversalDate\n      layoutId\n      resentOfId\n      parentBatchId\n      siren\n      errorsCsvUrl\n      rejectedLinesUrl\n      file {\n        name\n        size\n        encoding\n        downloadUrl\n      }\n    }\n  }\n": typeof types.BatchDetailDocument,
    "\n  query BatchGrid(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $fromLine: Int\n    $withCount: Boolean!\n    $withPosition: Boolean! = false\n    $filter: GridFilter\n  ) {\n    importBatch(id: $id) {\n      id\n      grid(first: $first, after: $after, fromLine: $fromLine, filter: $filter) {\n        totalCount @include(if: $withCount)\n        refusedCount @include(if: $withCount)\n        position @include(if: $withPosition)\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        columns\n        rows\n        refused {\n          line\n          text\n          errors {\n            code\n          }\n        }\n      }\n    }\n  }\n": typeof types.BatchGridDocument,
    "\n  query BatchErrors($id: ID!, $first: Int!, $after: String) {\n    importBatch(id: $id) {\n      id\n      errors(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          line\n          column\n          code\n          message\n          severity\n          params\n          entryFirstLine\n          entryLastLine\n        }\n      }\n    }\n  }\n": typeof types.BatchErrorsDocument,
    "\n  query RelatedBatch($id: ID!) {\n    importBatch(id: $id) {\n      id\n      companyId\n      fileName\n    }\n  }\n": typeof types.RelatedBatchDocument,
    "\n  fragment LayoutFields on ImportLayout {\n    id\n    companyId\n    name\n    definition\n    updatedAt\n  }\n": typeof types.LayoutFieldsFragmentDoc,
    "\n  query ImportLayouts($companyId: ID!) {\n    importLayouts(companyId: $companyId) {\n      ...LayoutFields\n    }\n  }\n": typeof types.ImportLayoutsDocument,
    "\n  mutation CreateImportLayout($companyId: ID!, $name: String!, $definition: JSON!) {\n    createImportLayout(companyId: $companyId, name: $name, definition: $definition) {\n      layout {\n        ...LayoutFields\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n": typeof types.CreateImportLayoutDocument,
    "\n  mutation UpdateImportLayout($id: ID!, $name: String!, $definition: JSON!) {\n    updateImportLayout(id: $id, name: $name, definition: $definition) {\n      layout {\n        ...LayoutFields\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n": typeof types.UpdateImportLayoutDocument,
    "\n  mutation DeleteImportLayout($id: ID!) {\n    deleteImportLayout(id: $id) {\n      deleted\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.DeleteImportLayoutDocument,
    "\n  query AccountRanges($companyId: ID!) {\n    accountRanges(companyId: $companyId) {\n      kind\n      from\n      to\n      match\n    }\n  }\n": typeof types.AccountRangesDocument,
    "\n  mutation SetAccountRanges($companyId: ID!, $ranges: [AccountRangeInput!]!) {\n    setAccountRanges(companyId: $companyId, ranges: $ranges) {\n      ranges {\n        kind\n        from\n        to\n        match\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n": typeof types.SetAccountRangesDocument,
    "\n  mutation PreviewImport($companyId: ID!, $file: Upload!, $definition: JSON, $limit: Int!) {\n    previewImport(companyId: $companyId, file: $file, definition: $definition, limit: $limit) {\n      preview {\n        format\n        encoding\n        fatal {\n          line\n          column\n          code\n          message\n          severity\n        }\n        entries {\n          company\n          journal\n          number\n          date\n          totalDebit\n          totalCredit\n          lines {\n            line\n            account\n            thirdParty\n            pieceRef\n            label\n            debit\n            credit\n            analytic\n          }\n        }\n        issues {\n          line\n          column\n          code\n          message\n          severity\n        }\n        entryCount\n        rejectedEntryCount\n        errorCount\n        findingCount\n        lineCount\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n": typeof types.PreviewImportDocument,
    "\n  mutation SetFecSirenMustMatch($companyId: ID!, $mustMatch: Boolean!) {\n    setFecSirenMustMatch(companyId: $companyId, mustMatch: $mustMatch) {\n      id\n      fecSirenMustMatch\n    }\n  }\n": typeof types.SetFecSirenMustMatchDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    message\n    params\n    fileName\n    companyId\n    batchId\n    createdAt\n    read\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      nodes {\n        ...NotificationFields\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  subscription NotificationAdded {\n    notifications {\n      ...NotificationFields\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      count\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  fragment UserAccountFields on UserAccount {\n    id\n    email\n    name\n    locale\n    active\n    firmAdmin\n    roles {\n      companyId\n      companyName\n      role\n    }\n  }\n": typeof types.UserAccountFieldsFragmentDoc,
    "\n  query Users($companyId: ID) {\n    users(companyId: $companyId) {\n      ...UserAccountFields\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: UserInput!, $roles: [RoleInput!]) {\n    createUser(input: $input, roles: $roles) {\n      user {\n        ...UserAccountFields\n      }\n      passwordToken\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      passwordToken\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      ok\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetPasswordDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ok\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SetMembership($companyId: ID!, $role: Role!, $userId: ID, $email: String) {\n    setMembership(companyId: $companyId, role: $role, userId: $userId, email: $email) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetMembershipDocument,
    "\n  mutation RemoveMembership($companyId: ID!, $userId: ID!) {\n    removeMembership(companyId: $companyId, userId: $userId) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RemoveMembershipDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    revoked\n    revokedAt\n    lastUsedAt\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys($companyId: ID!) {\n    apiKeys(companyId: $companyId) {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($companyId: ID!, $name: String!) {\n    createApiKey(companyId: $companyId, name: $name) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      key\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      name\n      user {\n        id\n        email\n        name\n        locale\n      }\n      companies {\n        ...CompanyDetails\n      }\n      firmAdmin\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n      }\n      retryAfterSeconds\n      errors {\n        code\n        message\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query FiscalYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      id\n      name\n      startDate\n      endDate\n      closed\n    }\n    pendingImportsCount(companyId: $companyId)\n  }\n": types.FiscalYearsDocument,
    "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n    params\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  query QueryStateJournals($companyId: ID!) {\n    journals(companyId: $companyId) {\n      id\n      code\n    }\n  }\n": types.QueryStateJournalsDocument,
    "\n  fragment CompanyDetails on Company {\n    id\n    name\n    siren\n    code\n    currency\n    country\n    address\n    archived\n    role\n    fecSirenMustMatch\n    findings {\n      code\n      field\n      params\n    }\n  }\n": types.CompanyDetailsFragmentDoc,
    "\n  query FirmCompanies($includeArchived: Boolean!) {\n    firmCompanies(includeArchived: $includeArchived) {\n      ...CompanyDetails\n    }\n  }\n": types.FirmCompaniesDocument,
    "\n  mutation CreateCompany($input: CompanyInput!) {\n    createCompany(input: $input) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateCompanyDocument,
    "\n  mutation UpdateCompany($id: ID!, $input: CompanyInput!) {\n    updateCompany(id: $id, input: $input) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateCompanyDocument,
    "\n  mutation ArchiveCompany($id: ID!) {\n    archiveCompany(id: $id) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ArchiveCompanyDocument,
    "\n  mutation RestoreCompany($id: ID!) {\n    restoreCompany(id: $id) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RestoreCompanyDocument,
    "\n  fragment FiscalYearFields on FiscalYear {\n    id\n    name\n    startDate\n    endDate\n    closed\n    locked\n  }\n": types.FiscalYearFieldsFragmentDoc,
    "\n  query CompanyYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      ...FiscalYearFields\n    }\n  }\n": types.CompanyYearsDocument,
    "\n  mutation OpenFiscalYear($companyId: ID!, $startDate: Date!, $endDate: Date, $name: String) {\n    openFiscalYear(companyId: $companyId, startDate: $startDate, endDate: $endDate, name: $name) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": types.OpenFiscalYearDocument,
    "\n  mutation LockFiscalYear($id: ID!) {\n    lockFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": types.LockFiscalYearDocument,
    "\n  mutation UnlockFiscalYear($id: ID!) {\n    unlockFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": types.UnlockFiscalYearDocument,
    "\n  mutation CloseFiscalYear($id: ID!) {\n    closeFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      nextYear {\n        ...FiscalYearFields\n      }\n      openingEntryId\n      openingLineCount\n      result\n      openingTotal\n      currency\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": types.CloseFiscalYearDocument,
    "\n  fragment JournalFields on Journal {\n    id\n    code\n    label\n    kind\n    isDefault\n    used\n    createdByBatchId\n  }\n": types.JournalFieldsFragmentDoc,
    "\n  query Journals($companyId: ID!) {\n    journals(companyId: $companyId) {\n      ...JournalFields\n    }\n  }\n": types.JournalsDocument,
    "\n  mutation SetJournal($companyId: ID!, $code: String!, $label: String, $kind: String, $isDefault: Boolean) {\n    setJournal(companyId: $companyId, code: $code, label: $label, kind: $kind, isDefault: $isDefault) {\n      journal {\n        ...JournalFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": types.SetJournalDocument,
    "\n  fragment PostedLineFields on PostedLine {\n    id\n    account\n    accountLabel\n    thirdParty\n    thirdPartyName\n    label\n    reference\n    debit\n    credit\n    lettering\n    analytic\n    dueDate\n  }\n": types.PostedLineFieldsFragmentDoc,
    "\n  query PostedEntries($companyId: ID!, $filter: PostedEntryFilter, $after: String) {\n    # 40 entries with their lines: a page the request limits accept whole (a larger one costs too much).\n    postedEntries(companyId: $companyId, filter: $filter, first: 40, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        journal\n        number\n        date\n        batchId\n        reversalOfId\n        reversedById\n        totalDebit\n        totalCredit\n        lineCount\n        lines {\n          ...PostedLineFields\n        }\n      }\n    }\n  }\n": types.PostedEntriesDocument,
    "\n  query AccountLedger($companyId: ID!, $account: String!, $from: Date, $to: Date, $first: Int, $after: String) {\n    accountLedger(companyId: $companyId, account: $account, from: $from, to: $to, first: $first, after: $after) {\n      account\n      label\n      currency\n      openingBalance\n      totalDebit\n      totalCredit\n      closingBalance\n      lines {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          entryId\n          journal\n          number\n          date\n          batchId\n          balance\n          line {\n            ...PostedLineFields\n          }\n        }\n      }\n    }\n  }\n": types.AccountLedgerDocument,
    "\n  query TrialBalance($companyId: ID!, $from: Date, $to: Date) {\n    trialBalance(companyId: $companyId, from: $from, to: $to) {\n      currency\n      totalDebit\n      totalCredit\n      lines {\n        account\n        accountLabel\n        debit\n        credit\n        balance\n      }\n    }\n  }\n": types.TrialBalanceDocument,
    "\n  fragment MasterEntryFields on MasterEntryConnection {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      code\n      label\n      kind\n      createdByBatchId\n      used\n    }\n  }\n": types.MasterEntryFieldsFragmentDoc,
    "\n  query Accounts($companyId: ID!, $search: String, $first: Int, $after: String) {\n    accounts(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n": types.AccountsDocument,
    "\n  query ThirdParties($companyId: ID!, $search: String, $first: Int, $after: String) {\n    thirdParties(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n": types.ThirdPartiesDocument,
    "\n  query AnalyticSections($companyId: ID!, $search: String, $first: Int, $after: String) {\n    analyticSections(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n": types.AnalyticSectionsDocument,
    "\n  mutation ReverseImport($id: ID!, $date: Date!) {\n    reverseImport(id: $id, date: $date) {\n      batch {\n        ...BatchFields\n        reversedAt\n        reversalDate\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n": types.ReverseImportDocument,
    "\n  query BatchReversal($id: ID!) {\n    importBatch(id: $id) {\n      id\n      status\n      companyId\n      fileName\n      reversedAt\n      reversalDate\n    }\n  }\n": types.BatchReversalDocument,
    "\n  query ExportYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      id\n      name\n      startDate\n      endDate\n      closed\n    }\n  }\n": types.ExportYearsDocument,
    "\n  query FecExport($companyId: ID!, $fiscalYearId: ID!, $keepNumbers: Boolean!) {\n    fecExport(companyId: $companyId, fiscalYearId: $fiscalYearId, keepNumbers: $keepNumbers) {\n      fileName\n      url\n      entryCount\n      lineCount\n      totalDebit\n      totalCredit\n      currency\n    }\n  }\n": types.FecExportDocument,
    "\n  fragment BatchFields on ImportBatch {\n    id\n    companyId\n    partner\n    fileName\n    format\n    origin\n    status\n    progress\n    errorSummary\n    errorCodes {\n      code\n      count\n    }\n    failure {\n      code\n      params\n    }\n    entryCount\n    lineCount\n    rejectedEntryCount\n    errorCount\n    findingCount\n    currency\n    totalDebit\n    totalCredit\n    createdAt\n    updatedAt\n    firstMovement\n    lastMovement\n    duplicateOfId\n    referencePeriod {\n      id\n      name\n    }\n  }\n": types.BatchFieldsFragmentDoc,
    "\n  query ConsoleBatches($companyId: ID!, $filter: ImportBatchFilter, $sort: ImportSort, $first: Int, $after: String) {\n    importBatches(companyId: $companyId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BatchFields\n      }\n    }\n  }\n": types.ConsoleBatchesDocument,
    "\n  query HistoryBatches($companyId: ID!, $filter: ImportBatchFilter, $sort: ImportSort, $first: Int, $after: String) {\n    importHistory(companyId: $companyId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BatchFields\n      }\n    }\n  }\n": types.HistoryBatchesDocument,
    "\n  subscription BatchChanged($companyId: ID!) {\n    importBatchChanged(companyId: $companyId) {\n      ...BatchFields\n    }\n  }\n": types.BatchChangedDocument,
    "\n  query ImportPartners($companyId: ID!) {\n    importPartners(companyId: $companyId)\n  }\n": types.ImportPartnersDocument,
    "\n  query PendingCount($companyId: ID!) {\n    pendingImportsCount(companyId: $companyId)\n  }\n": types.PendingCountDocument,
    "\n  mutation ValidateImport($id: ID!) {\n    validateImport(id: $id) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.ValidateImportDocument,
    "\n  mutation RejectImport($id: ID!) {\n    rejectImport(id: $id) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.RejectImportDocument,
    "\n  mutation UploadImport($companyId: ID!, $file: Upload!, $format: ImportFormat!, $layoutId: ID) {\n    uploadImport(companyId: $companyId, file: $file, format: $format, layoutId: $layoutId) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.UploadImportDocument,
    "\n  query BatchDetail($id: ID!) {\n    importBatch(id: $id) {\n      ...BatchFields\n      stagedLineCount\n      refusedLineCount\n      reversedAt\n      reversalDate\n      layoutId\n      resentOfId\n      parentBatchId\n      siren\n      errorsCsvUrl\n      rejectedLinesUrl\n      file {\n        name\n        size\n        encoding\n        downloadUrl\n      }\n    }\n  }\n": types.BatchDetailDocument,
    "\n  query BatchGrid(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $fromLine: Int\n    $withCount: Boolean!\n    $withPosition: Boolean! = false\n    $filter: GridFilter\n  ) {\n    importBatch(id: $id) {\n      id\n      grid(first: $first, after: $after, fromLine: $fromLine, filter: $filter) {\n        totalCount @include(if: $withCount)\n        refusedCount @include(if: $withCount)\n        position @include(if: $withPosition)\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        columns\n        rows\n        refused {\n          line\n          text\n          errors {\n            code\n          }\n        }\n      }\n    }\n  }\n": types.BatchGridDocument,
    "\n  query BatchErrors($id: ID!, $first: Int!, $after: String) {\n    importBatch(id: $id) {\n      id\n      errors(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          line\n          column\n          code\n          message\n          severity\n          params\n          entryFirstLine\n          entryLastLine\n        }\n      }\n    }\n  }\n": types.BatchErrorsDocument,
    "\n  query RelatedBatch($id: ID!) {\n    importBatch(id: $id) {\n      id\n      companyId\n      fileName\n    }\n  }\n": types.RelatedBatchDocument,
    "\n  fragment LayoutFields on ImportLayout {\n    id\n    companyId\n    name\n    definition\n    updatedAt\n  }\n": types.LayoutFieldsFragmentDoc,
    "\n  query ImportLayouts($companyId: ID!) {\n    importLayouts(companyId: $companyId) {\n      ...LayoutFields\n    }\n  }\n": types.ImportLayoutsDocument,
    "\n  mutation CreateImportLayout($companyId: ID!, $name: String!, $definition: JSON!) {\n    createImportLayout(companyId: $companyId, name: $name, definition: $definition) {\n      layout {\n        ...LayoutFields\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n": types.CreateImportLayoutDocument,
    "\n  mutation UpdateImportLayout($id: ID!, $name: String!, $definition: JSON!) {\n    updateImportLayout(id: $id, name: $name, definition: $definition) {\n      layout {\n        ...LayoutFields\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n": types.UpdateImportLayoutDocument,
    "\n  mutation DeleteImportLayout($id: ID!) {\n    deleteImportLayout(id: $id) {\n      deleted\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.DeleteImportLayoutDocument,
    "\n  query AccountRanges($companyId: ID!) {\n    accountRanges(companyId: $companyId) {\n      kind\n      from\n      to\n      match\n    }\n  }\n": types.AccountRangesDocument,
    "\n  mutation SetAccountRanges($companyId: ID!, $ranges: [AccountRangeInput!]!) {\n    setAccountRanges(companyId: $companyId, ranges: $ranges) {\n      ranges {\n        kind\n        from\n        to\n        match\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n": types.SetAccountRangesDocument,
    "\n  mutation PreviewImport($companyId: ID!, $file: Upload!, $definition: JSON, $limit: Int!) {\n    previewImport(companyId: $companyId, file: $file, definition: $definition, limit: $limit) {\n      preview {\n        format\n        encoding\n        fatal {\n          line\n          column\n          code\n          message\n          severity\n        }\n        entries {\n          company\n          journal\n          number\n          date\n          totalDebit\n          totalCredit\n          lines {\n            line\n            account\n            thirdParty\n            pieceRef\n            label\n            debit\n            credit\n            analytic\n          }\n        }\n        issues {\n          line\n          column\n          code\n          message\n          severity\n        }\n        entryCount\n        rejectedEntryCount\n        errorCount\n        findingCount\n        lineCount\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n": types.PreviewImportDocument,
    "\n  mutation SetFecSirenMustMatch($companyId: ID!, $mustMatch: Boolean!) {\n    setFecSirenMustMatch(companyId: $companyId, mustMatch: $mustMatch) {\n      id\n      fecSirenMustMatch\n    }\n  }\n": types.SetFecSirenMustMatchDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    message\n    params\n    fileName\n    companyId\n    batchId\n    createdAt\n    read\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      nodes {\n        ...NotificationFields\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n": types.NotificationsDocument,
    "\n  subscription NotificationAdded {\n    notifications {\n      ...NotificationFields\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      count\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  fragment UserAccountFields on UserAccount {\n    id\n    email\n    name\n    locale\n    active\n    firmAdmin\n    roles {\n      companyId\n      companyName\n      role\n    }\n  }\n": types.UserAccountFieldsFragmentDoc,
    "\n  query Users($companyId: ID) {\n    users(companyId: $companyId) {\n      ...UserAccountFields\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: UserInput!, $roles: [RoleInput!]) {\n    createUser(input: $input, roles: $roles) {\n      user {\n        ...UserAccountFields\n      }\n      passwordToken\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      passwordToken\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      ok\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetPasswordDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ok\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SetMembership($companyId: ID!, $role: Role!, $userId: ID, $email: String) {\n    setMembership(companyId: $companyId, role: $role, userId: $userId, email: $email) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetMembershipDocument,
    "\n  mutation RemoveMembership($companyId: ID!, $userId: ID!) {\n    removeMembership(companyId: $companyId, userId: $userId) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RemoveMembershipDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    revoked\n    revokedAt\n    lastUsedAt\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys($companyId: ID!) {\n    apiKeys(companyId: $companyId) {\n      ...ApiKeyFields\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($companyId: ID!, $name: String!) {\n    createApiKey(companyId: $companyId, name: $name) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      key\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RevokeApiKeyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      name\n      user {\n        id\n        email\n        name\n        locale\n      }\n      companies {\n        ...CompanyDetails\n      }\n      firmAdmin\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      name\n      user {\n        id\n        email\n        name\n        locale\n      }\n      companies {\n        ...CompanyDetails\n      }\n      firmAdmin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n      }\n      retryAfterSeconds\n      errors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n      }\n      retryAfterSeconds\n      errors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FiscalYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      id\n      name\n      startDate\n      endDate\n      closed\n    }\n    pendingImportsCount(companyId: $companyId)\n  }\n"): (typeof documents)["\n  query FiscalYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      id\n      name\n      startDate\n      endDate\n      closed\n    }\n    pendingImportsCount(companyId: $companyId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n    params\n  }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n    params\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryStateJournals($companyId: ID!) {\n    journals(companyId: $companyId) {\n      id\n      code\n    }\n  }\n"): (typeof documents)["\n  query QueryStateJournals($companyId: ID!) {\n    journals(companyId: $companyId) {\n      id\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CompanyDetails on Company {\n    id\n    name\n    siren\n    code\n    currency\n    country\n    address\n    archived\n    role\n    fecSirenMustMatch\n    findings {\n      code\n      field\n      params\n    }\n  }\n"): (typeof documents)["\n  fragment CompanyDetails on Company {\n    id\n    name\n    siren\n    code\n    currency\n    country\n    address\n    archived\n    role\n    fecSirenMustMatch\n    findings {\n      code\n      field\n      params\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirmCompanies($includeArchived: Boolean!) {\n    firmCompanies(includeArchived: $includeArchived) {\n      ...CompanyDetails\n    }\n  }\n"): (typeof documents)["\n  query FirmCompanies($includeArchived: Boolean!) {\n    firmCompanies(includeArchived: $includeArchived) {\n      ...CompanyDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCompany($input: CompanyInput!) {\n    createCompany(input: $input) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCompany($input: CompanyInput!) {\n    createCompany(input: $input) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCompany($id: ID!, $input: CompanyInput!) {\n    updateCompany(id: $id, input: $input) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCompany($id: ID!, $input: CompanyInput!) {\n    updateCompany(id: $id, input: $input) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveCompany($id: ID!) {\n    archiveCompany(id: $id) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveCompany($id: ID!) {\n    archiveCompany(id: $id) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreCompany($id: ID!) {\n    restoreCompany(id: $id) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreCompany($id: ID!) {\n    restoreCompany(id: $id) {\n      company {\n        ...CompanyDetails\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FiscalYearFields on FiscalYear {\n    id\n    name\n    startDate\n    endDate\n    closed\n    locked\n  }\n"): (typeof documents)["\n  fragment FiscalYearFields on FiscalYear {\n    id\n    name\n    startDate\n    endDate\n    closed\n    locked\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      ...FiscalYearFields\n    }\n  }\n"): (typeof documents)["\n  query CompanyYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      ...FiscalYearFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenFiscalYear($companyId: ID!, $startDate: Date!, $endDate: Date, $name: String) {\n    openFiscalYear(companyId: $companyId, startDate: $startDate, endDate: $endDate, name: $name) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenFiscalYear($companyId: ID!, $startDate: Date!, $endDate: Date, $name: String) {\n    openFiscalYear(companyId: $companyId, startDate: $startDate, endDate: $endDate, name: $name) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockFiscalYear($id: ID!) {\n    lockFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LockFiscalYear($id: ID!) {\n    lockFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockFiscalYear($id: ID!) {\n    unlockFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnlockFiscalYear($id: ID!) {\n    unlockFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseFiscalYear($id: ID!) {\n    closeFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      nextYear {\n        ...FiscalYearFields\n      }\n      openingEntryId\n      openingLineCount\n      result\n      openingTotal\n      currency\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CloseFiscalYear($id: ID!) {\n    closeFiscalYear(id: $id) {\n      fiscalYear {\n        ...FiscalYearFields\n      }\n      nextYear {\n        ...FiscalYearFields\n      }\n      openingEntryId\n      openingLineCount\n      result\n      openingTotal\n      currency\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JournalFields on Journal {\n    id\n    code\n    label\n    kind\n    isDefault\n    used\n    createdByBatchId\n  }\n"): (typeof documents)["\n  fragment JournalFields on Journal {\n    id\n    code\n    label\n    kind\n    isDefault\n    used\n    createdByBatchId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Journals($companyId: ID!) {\n    journals(companyId: $companyId) {\n      ...JournalFields\n    }\n  }\n"): (typeof documents)["\n  query Journals($companyId: ID!) {\n    journals(companyId: $companyId) {\n      ...JournalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetJournal($companyId: ID!, $code: String!, $label: String, $kind: String, $isDefault: Boolean) {\n    setJournal(companyId: $companyId, code: $code, label: $label, kind: $kind, isDefault: $isDefault) {\n      journal {\n        ...JournalFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetJournal($companyId: ID!, $code: String!, $label: String, $kind: String, $isDefault: Boolean) {\n    setJournal(companyId: $companyId, code: $code, label: $label, kind: $kind, isDefault: $isDefault) {\n      journal {\n        ...JournalFields\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostedLineFields on PostedLine {\n    id\n    account\n    accountLabel\n    thirdParty\n    thirdPartyName\n    label\n    reference\n    debit\n    credit\n    lettering\n    analytic\n    dueDate\n  }\n"): (typeof documents)["\n  fragment PostedLineFields on PostedLine {\n    id\n    account\n    accountLabel\n    thirdParty\n    thirdPartyName\n    label\n    reference\n    debit\n    credit\n    lettering\n    analytic\n    dueDate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostedEntries($companyId: ID!, $filter: PostedEntryFilter, $after: String) {\n    # 40 entries with their lines: a page the request limits accept whole (a larger one costs too much).\n    postedEntries(companyId: $companyId, filter: $filter, first: 40, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        journal\n        number\n        date\n        batchId\n        reversalOfId\n        reversedById\n        totalDebit\n        totalCredit\n        lineCount\n        lines {\n          ...PostedLineFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PostedEntries($companyId: ID!, $filter: PostedEntryFilter, $after: String) {\n    # 40 entries with their lines: a page the request limits accept whole (a larger one costs too much).\n    postedEntries(companyId: $companyId, filter: $filter, first: 40, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        journal\n        number\n        date\n        batchId\n        reversalOfId\n        reversedById\n        totalDebit\n        totalCredit\n        lineCount\n        lines {\n          ...PostedLineFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountLedger($companyId: ID!, $account: String!, $from: Date, $to: Date, $first: Int, $after: String) {\n    accountLedger(companyId: $companyId, account: $account, from: $from, to: $to, first: $first, after: $after) {\n      account\n      label\n      currency\n      openingBalance\n      totalDebit\n      totalCredit\n      closingBalance\n      lines {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          entryId\n          journal\n          number\n          date\n          batchId\n          balance\n          line {\n            ...PostedLineFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountLedger($companyId: ID!, $account: String!, $from: Date, $to: Date, $first: Int, $after: String) {\n    accountLedger(companyId: $companyId, account: $account, from: $from, to: $to, first: $first, after: $after) {\n      account\n      label\n      currency\n      openingBalance\n      totalDebit\n      totalCredit\n      closingBalance\n      lines {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          entryId\n          journal\n          number\n          date\n          batchId\n          balance\n          line {\n            ...PostedLineFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialBalance($companyId: ID!, $from: Date, $to: Date) {\n    trialBalance(companyId: $companyId, from: $from, to: $to) {\n      currency\n      totalDebit\n      totalCredit\n      lines {\n        account\n        accountLabel\n        debit\n        credit\n        balance\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrialBalance($companyId: ID!, $from: Date, $to: Date) {\n    trialBalance(companyId: $companyId, from: $from, to: $to) {\n      currency\n      totalDebit\n      totalCredit\n      lines {\n        account\n        accountLabel\n        debit\n        credit\n        balance\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MasterEntryFields on MasterEntryConnection {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      code\n      label\n      kind\n      createdByBatchId\n      used\n    }\n  }\n"): (typeof documents)["\n  fragment MasterEntryFields on MasterEntryConnection {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      code\n      label\n      kind\n      createdByBatchId\n      used\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Accounts($companyId: ID!, $search: String, $first: Int, $after: String) {\n    accounts(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n"): (typeof documents)["\n  query Accounts($companyId: ID!, $search: String, $first: Int, $after: String) {\n    accounts(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThirdParties($companyId: ID!, $search: String, $first: Int, $after: String) {\n    thirdParties(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n"): (typeof documents)["\n  query ThirdParties($companyId: ID!, $search: String, $first: Int, $after: String) {\n    thirdParties(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticSections($companyId: ID!, $search: String, $first: Int, $after: String) {\n    analyticSections(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n"): (typeof documents)["\n  query AnalyticSections($companyId: ID!, $search: String, $first: Int, $after: String) {\n    analyticSections(companyId: $companyId, search: $search, first: $first, after: $after) {\n      ...MasterEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReverseImport($id: ID!, $date: Date!) {\n    reverseImport(id: $id, date: $date) {\n      batch {\n        ...BatchFields\n        reversedAt\n        reversalDate\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReverseImport($id: ID!, $date: Date!) {\n    reverseImport(id: $id, date: $date) {\n      batch {\n        ...BatchFields\n        reversedAt\n        reversalDate\n      }\n      errors {\n        code\n        field\n        params\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchReversal($id: ID!) {\n    importBatch(id: $id) {\n      id\n      status\n      companyId\n      fileName\n      reversedAt\n      reversalDate\n    }\n  }\n"): (typeof documents)["\n  query BatchReversal($id: ID!) {\n    importBatch(id: $id) {\n      id\n      status\n      companyId\n      fileName\n      reversedAt\n      reversalDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      id\n      name\n      startDate\n      endDate\n      closed\n    }\n  }\n"): (typeof documents)["\n  query ExportYears($companyId: ID!) {\n    fiscalYears(companyId: $companyId) {\n      id\n      name\n      startDate\n      endDate\n      closed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FecExport($companyId: ID!, $fiscalYearId: ID!, $keepNumbers: Boolean!) {\n    fecExport(companyId: $companyId, fiscalYearId: $fiscalYearId, keepNumbers: $keepNumbers) {\n      fileName\n      url\n      entryCount\n      lineCount\n      totalDebit\n      totalCredit\n      currency\n    }\n  }\n"): (typeof documents)["\n  query FecExport($companyId: ID!, $fiscalYearId: ID!, $keepNumbers: Boolean!) {\n    fecExport(companyId: $companyId, fiscalYearId: $fiscalYearId, keepNumbers: $keepNumbers) {\n      fileName\n      url\n      entryCount\n      lineCount\n      totalDebit\n      totalCredit\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BatchFields on ImportBatch {\n    id\n    companyId\n    partner\n    fileName\n    format\n    origin\n    status\n    progress\n    errorSummary\n    errorCodes {\n      code\n      count\n    }\n    failure {\n      code\n      params\n    }\n    entryCount\n    lineCount\n    rejectedEntryCount\n    errorCount\n    findingCount\n    currency\n    totalDebit\n    totalCredit\n    createdAt\n    updatedAt\n    firstMovement\n    lastMovement\n    duplicateOfId\n    referencePeriod {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment BatchFields on ImportBatch {\n    id\n    companyId\n    partner\n    fileName\n    format\n    origin\n    status\n    progress\n    errorSummary\n    errorCodes {\n      code\n      count\n    }\n    failure {\n      code\n      params\n    }\n    entryCount\n    lineCount\n    rejectedEntryCount\n    errorCount\n    findingCount\n    currency\n    totalDebit\n    totalCredit\n    createdAt\n    updatedAt\n    firstMovement\n    lastMovement\n    duplicateOfId\n    referencePeriod {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleBatches($companyId: ID!, $filter: ImportBatchFilter, $sort: ImportSort, $first: Int, $after: String) {\n    importBatches(companyId: $companyId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BatchFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleBatches($companyId: ID!, $filter: ImportBatchFilter, $sort: ImportSort, $first: Int, $after: String) {\n    importBatches(companyId: $companyId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BatchFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HistoryBatches($companyId: ID!, $filter: ImportBatchFilter, $sort: ImportSort, $first: Int, $after: String) {\n    importHistory(companyId: $companyId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BatchFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query HistoryBatches($companyId: ID!, $filter: ImportBatchFilter, $sort: ImportSort, $first: Int, $after: String) {\n    importHistory(companyId: $companyId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BatchFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BatchChanged($companyId: ID!) {\n    importBatchChanged(companyId: $companyId) {\n      ...BatchFields\n    }\n  }\n"): (typeof documents)["\n  subscription BatchChanged($companyId: ID!) {\n    importBatchChanged(companyId: $companyId) {\n      ...BatchFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportPartners($companyId: ID!) {\n    importPartners(companyId: $companyId)\n  }\n"): (typeof documents)["\n  query ImportPartners($companyId: ID!) {\n    importPartners(companyId: $companyId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingCount($companyId: ID!) {\n    pendingImportsCount(companyId: $companyId)\n  }\n"): (typeof documents)["\n  query PendingCount($companyId: ID!) {\n    pendingImportsCount(companyId: $companyId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ValidateImport($id: ID!) {\n    validateImport(id: $id) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ValidateImport($id: ID!) {\n    validateImport(id: $id) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectImport($id: ID!) {\n    rejectImport(id: $id) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectImport($id: ID!) {\n    rejectImport(id: $id) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadImport($companyId: ID!, $file: Upload!, $format: ImportFormat!, $layoutId: ID) {\n    uploadImport(companyId: $companyId, file: $file, format: $format, layoutId: $layoutId) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UploadImport($companyId: ID!, $file: Upload!, $format: ImportFormat!, $layoutId: ID) {\n    uploadImport(companyId: $companyId, file: $file, format: $format, layoutId: $layoutId) {\n      batch {\n        ...BatchFields\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchDetail($id: ID!) {\n    importBatch(id: $id) {\n      ...BatchFields\n      stagedLineCount\n      refusedLineCount\n      reversedAt\n      reversalDate\n      layoutId\n      resentOfId\n      parentBatchId\n      siren\n      errorsCsvUrl\n      rejectedLinesUrl\n      file {\n        name\n        size\n        encoding\n        downloadUrl\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchDetail($id: ID!) {\n    importBatch(id: $id) {\n      ...BatchFields\n      stagedLineCount\n      refusedLineCount\n      reversedAt\n      reversalDate\n      layoutId\n      resentOfId\n      parentBatchId\n      siren\n      errorsCsvUrl\n      rejectedLinesUrl\n      file {\n        name\n        size\n        encoding\n        downloadUrl\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchGrid(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $fromLine: Int\n    $withCount: Boolean!\n    $withPosition: Boolean! = false\n    $filter: GridFilter\n  ) {\n    importBatch(id: $id) {\n      id\n      grid(first: $first, after: $after, fromLine: $fromLine, filter: $filter) {\n        totalCount @include(if: $withCount)\n        refusedCount @include(if: $withCount)\n        position @include(if: $withPosition)\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        columns\n        rows\n        refused {\n          line\n          text\n          errors {\n            code\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchGrid(\n    $id: ID!\n    $first: Int!\n    $after: String\n    $fromLine: Int\n    $withCount: Boolean!\n    $withPosition: Boolean! = false\n    $filter: GridFilter\n  ) {\n    importBatch(id: $id) {\n      id\n      grid(first: $first, after: $after, fromLine: $fromLine, filter: $filter) {\n        totalCount @include(if: $withCount)\n        refusedCount @include(if: $withCount)\n        position @include(if: $withPosition)\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        columns\n        rows\n        refused {\n          line\n          text\n          errors {\n            code\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchErrors($id: ID!, $first: Int!, $after: String) {\n    importBatch(id: $id) {\n      id\n      errors(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          line\n          column\n          code\n          message\n          severity\n          params\n          entryFirstLine\n          entryLastLine\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchErrors($id: ID!, $first: Int!, $after: String) {\n    importBatch(id: $id) {\n      id\n      errors(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          line\n          column\n          code\n          message\n          severity\n          params\n          entryFirstLine\n          entryLastLine\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RelatedBatch($id: ID!) {\n    importBatch(id: $id) {\n      id\n      companyId\n      fileName\n    }\n  }\n"): (typeof documents)["\n  query RelatedBatch($id: ID!) {\n    importBatch(id: $id) {\n      id\n      companyId\n      fileName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LayoutFields on ImportLayout {\n    id\n    companyId\n    name\n    definition\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment LayoutFields on ImportLayout {\n    id\n    companyId\n    name\n    definition\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportLayouts($companyId: ID!) {\n    importLayouts(companyId: $companyId) {\n      ...LayoutFields\n    }\n  }\n"): (typeof documents)["\n  query ImportLayouts($companyId: ID!) {\n    importLayouts(companyId: $companyId) {\n      ...LayoutFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateImportLayout($companyId: ID!, $name: String!, $definition: JSON!) {\n    createImportLayout(companyId: $companyId, name: $name, definition: $definition) {\n      layout {\n        ...LayoutFields\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateImportLayout($companyId: ID!, $name: String!, $definition: JSON!) {\n    createImportLayout(companyId: $companyId, name: $name, definition: $definition) {\n      layout {\n        ...LayoutFields\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateImportLayout($id: ID!, $name: String!, $definition: JSON!) {\n    updateImportLayout(id: $id, name: $name, definition: $definition) {\n      layout {\n        ...LayoutFields\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateImportLayout($id: ID!, $name: String!, $definition: JSON!) {\n    updateImportLayout(id: $id, name: $name, definition: $definition) {\n      layout {\n        ...LayoutFields\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteImportLayout($id: ID!) {\n    deleteImportLayout(id: $id) {\n      deleted\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteImportLayout($id: ID!) {\n    deleteImportLayout(id: $id) {\n      deleted\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountRanges($companyId: ID!) {\n    accountRanges(companyId: $companyId) {\n      kind\n      from\n      to\n      match\n    }\n  }\n"): (typeof documents)["\n  query AccountRanges($companyId: ID!) {\n    accountRanges(companyId: $companyId) {\n      kind\n      from\n      to\n      match\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAccountRanges($companyId: ID!, $ranges: [AccountRangeInput!]!) {\n    setAccountRanges(companyId: $companyId, ranges: $ranges) {\n      ranges {\n        kind\n        from\n        to\n        match\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetAccountRanges($companyId: ID!, $ranges: [AccountRangeInput!]!) {\n    setAccountRanges(companyId: $companyId, ranges: $ranges) {\n      ranges {\n        kind\n        from\n        to\n        match\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewImport($companyId: ID!, $file: Upload!, $definition: JSON, $limit: Int!) {\n    previewImport(companyId: $companyId, file: $file, definition: $definition, limit: $limit) {\n      preview {\n        format\n        encoding\n        fatal {\n          line\n          column\n          code\n          message\n          severity\n        }\n        entries {\n          company\n          journal\n          number\n          date\n          totalDebit\n          totalCredit\n          lines {\n            line\n            account\n            thirdParty\n            pieceRef\n            label\n            debit\n            credit\n            analytic\n          }\n        }\n        issues {\n          line\n          column\n          code\n          message\n          severity\n        }\n        entryCount\n        rejectedEntryCount\n        errorCount\n        findingCount\n        lineCount\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PreviewImport($companyId: ID!, $file: Upload!, $definition: JSON, $limit: Int!) {\n    previewImport(companyId: $companyId, file: $file, definition: $definition, limit: $limit) {\n      preview {\n        format\n        encoding\n        fatal {\n          line\n          column\n          code\n          message\n          severity\n        }\n        entries {\n          company\n          journal\n          number\n          date\n          totalDebit\n          totalCredit\n          lines {\n            line\n            account\n            thirdParty\n            pieceRef\n            label\n            debit\n            credit\n            analytic\n          }\n        }\n        issues {\n          line\n          column\n          code\n          message\n          severity\n        }\n        entryCount\n        rejectedEntryCount\n        errorCount\n        findingCount\n        lineCount\n      }\n      errors {\n        code\n        message\n        field\n        params\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFecSirenMustMatch($companyId: ID!, $mustMatch: Boolean!) {\n    setFecSirenMustMatch(companyId: $companyId, mustMatch: $mustMatch) {\n      id\n      fecSirenMustMatch\n    }\n  }\n"): (typeof documents)["\n  mutation SetFecSirenMustMatch($companyId: ID!, $mustMatch: Boolean!) {\n    setFecSirenMustMatch(companyId: $companyId, mustMatch: $mustMatch) {\n      id\n      fecSirenMustMatch\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    message\n    params\n    fileName\n    companyId\n    batchId\n    createdAt\n    read\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    kind\n    message\n    params\n    fileName\n    companyId\n    batchId\n    createdAt\n    read\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      nodes {\n        ...NotificationFields\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      nodes {\n        ...NotificationFields\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notifications {\n      ...NotificationFields\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notifications {\n      ...NotificationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      count\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserAccountFields on UserAccount {\n    id\n    email\n    name\n    locale\n    active\n    firmAdmin\n    roles {\n      companyId\n      companyName\n      role\n    }\n  }\n"): (typeof documents)["\n  fragment UserAccountFields on UserAccount {\n    id\n    email\n    name\n    locale\n    active\n    firmAdmin\n    roles {\n      companyId\n      companyName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($companyId: ID) {\n    users(companyId: $companyId) {\n      ...UserAccountFields\n    }\n  }\n"): (typeof documents)["\n  query Users($companyId: ID) {\n    users(companyId: $companyId) {\n      ...UserAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: UserInput!, $roles: [RoleInput!]) {\n    createUser(input: $input, roles: $roles) {\n      user {\n        ...UserAccountFields\n      }\n      passwordToken\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: UserInput!, $roles: [RoleInput!]) {\n    createUser(input: $input, roles: $roles) {\n      user {\n        ...UserAccountFields\n      }\n      passwordToken\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      passwordToken\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      user {\n        ...UserAccountFields\n      }\n      passwordToken\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      ok\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password) {\n      ok\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ok\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ok\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMembership($companyId: ID!, $role: Role!, $userId: ID, $email: String) {\n    setMembership(companyId: $companyId, role: $role, userId: $userId, email: $email) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetMembership($companyId: ID!, $role: Role!, $userId: ID, $email: String) {\n    setMembership(companyId: $companyId, role: $role, userId: $userId, email: $email) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMembership($companyId: ID!, $userId: ID!) {\n    removeMembership(companyId: $companyId, userId: $userId) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMembership($companyId: ID!, $userId: ID!) {\n    removeMembership(companyId: $companyId, userId: $userId) {\n      user {\n        ...UserAccountFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    revoked\n    revokedAt\n    lastUsedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    revoked\n    revokedAt\n    lastUsedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($companyId: ID!) {\n    apiKeys(companyId: $companyId) {\n      ...ApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($companyId: ID!) {\n    apiKeys(companyId: $companyId) {\n      ...ApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($companyId: ID!, $name: String!) {\n    createApiKey(companyId: $companyId, name: $name) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      key\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($companyId: ID!, $name: String!) {\n    createApiKey(companyId: $companyId, name: $name) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      key\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;