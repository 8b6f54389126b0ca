import { graphql } from "../gql";

export const MeQuery = graphql(`
  query Me {
    me {
      name
      user {
        id
        email
        name
        locale
      }
      companies {
        ...CompanyDetails
      }
      firmAdmin
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      user {
        id
      }
      retryAfterSeconds
      errors {
        code
        message
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const FiscalYearsQuery = graphql(`
  query FiscalYears($companyId: ID!) {
    fiscalYears(companyId: $companyId) {
      id
      name
      startDate
      endDate
      closed
    }
    pendingImportsCount(companyId: $companyId)
  }
`);

/** What every mutation's payload says went wrong: a code and its params (rendered in the user's language), the
 * field it is about, and the English message for logs. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    code
    message
    field
    params
  }
`);
