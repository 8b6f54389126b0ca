import { graphql } from "../../gql";

export const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    message
    params
    fileName
    companyId
    batchId
    createdAt
    read
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int) {
    notifications(first: $first) {
      nodes {
        ...NotificationFields
      }
    }
    unread: notifications(first: 1, unreadOnly: true) {
      totalCount
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notifications {
      ...NotificationFields
    }
  }
`);

export const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      count
    }
  }
`);
