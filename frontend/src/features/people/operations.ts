import { graphql } from "../../gql";

/** A person as the people screens show them: their roles are every company's for a firm administrator, the
 * one company's for its admin. */
export const UserAccountFields = graphql(`
  fragment UserAccountFields on UserAccount {
    id
    email
    name
    locale
    active
    firmAdmin
    roles {
      companyId
      companyName
      role
    }
  }
`);

export const UsersQuery = graphql(`
  query Users($companyId: ID) {
    users(companyId: $companyId) {
      ...UserAccountFields
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: UserInput!, $roles: [RoleInput!]) {
    createUser(input: $input, roles: $roles) {
      user {
        ...UserAccountFields
      }
      passwordToken
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UserInput!) {
    updateUser(id: $id, input: $input) {
      user {
        ...UserAccountFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      user {
        ...UserAccountFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      user {
        ...UserAccountFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($id: ID!) {
    resetPassword(id: $id) {
      user {
        ...UserAccountFields
      }
      passwordToken
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetPasswordMutation = graphql(`
  mutation SetPassword($token: String!, $password: String!) {
    setPassword(token: $token, password: $password) {
      ok
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      ok
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetMembershipMutation = graphql(`
  mutation SetMembership($companyId: ID!, $role: Role!, $userId: ID, $email: String) {
    setMembership(companyId: $companyId, role: $role, userId: $userId, email: $email) {
      user {
        ...UserAccountFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveMembershipMutation = graphql(`
  mutation RemoveMembership($companyId: ID!, $userId: ID!) {
    removeMembership(companyId: $companyId, userId: $userId) {
      user {
        ...UserAccountFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ApiKeyFields = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    prefix
    createdAt
    revoked
    revokedAt
    lastUsedAt
  }
`);

export const ApiKeysQuery = graphql(`
  query ApiKeys($companyId: ID!) {
    apiKeys(companyId: $companyId) {
      ...ApiKeyFields
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($companyId: ID!, $name: String!) {
    createApiKey(companyId: $companyId, name: $name) {
      apiKey {
        ...ApiKeyFields
      }
      key
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      apiKey {
        ...ApiKeyFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);
