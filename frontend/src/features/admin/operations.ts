import { graphql } from "../../gql";

/** A company as the administration screens show and edit it (also each of `me.companies`). */
export const CompanyDetailsFields = graphql(`
  fragment CompanyDetails on Company {
    id
    name
    siren
    code
    currency
    country
    address
    archived
    role
    fecSirenMustMatch
    findings {
      code
      field
      params
    }
  }
`);

export const FirmCompaniesQuery = graphql(`
  query FirmCompanies($includeArchived: Boolean!) {
    firmCompanies(includeArchived: $includeArchived) {
      ...CompanyDetails
    }
  }
`);

export const CreateCompanyMutation = graphql(`
  mutation CreateCompany($input: CompanyInput!) {
    createCompany(input: $input) {
      company {
        ...CompanyDetails
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateCompanyMutation = graphql(`
  mutation UpdateCompany($id: ID!, $input: CompanyInput!) {
    updateCompany(id: $id, input: $input) {
      company {
        ...CompanyDetails
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ArchiveCompanyMutation = graphql(`
  mutation ArchiveCompany($id: ID!) {
    archiveCompany(id: $id) {
      company {
        ...CompanyDetails
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const RestoreCompanyMutation = graphql(`
  mutation RestoreCompany($id: ID!) {
    restoreCompany(id: $id) {
      company {
        ...CompanyDetails
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);
