/** Keyset pages of a connection: the first page by `useQuery` (refetched when a mutation touches its types),
 * the next ones appended by « Afficher plus ». Changing the variables starts again from the first page. */
import { useState } from "react";
import { useClient, useQuery, type AnyVariables, type TypedDocumentNode } from "urql";
import { useI18n } from "../../i18n/I18n";
import { requestErrorText } from "../imports/errorText";

export interface Connection<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: Node[];
}

export interface Keyset<Data, Node> {
  /** The first page's whole answer (what the query holds beside the connection). */
  data: Data | undefined;
  rows: Node[];
  total: number;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
}

export function useKeyset<Data, Vars extends AnyVariables, Node>(
  query: TypedDocumentNode<Data, Vars>,
  variables: Vars,
  select: (data: Data) => Connection<Node> | null | undefined,
  pause = false,
): Keyset<Data, Node> {
  const { t } = useI18n();
  const client = useClient();
  const [first] = useQuery<Data, Vars>({ query, variables, pause, requestPolicy: "cache-and-network" });
  const key = JSON.stringify(variables);
  const [more, setMore] = useState<{ key: string; pages: Connection<Node>[]; loading: boolean; error: string | null }>({
    key,
    pages: [],
    loading: false,
    error: null,
  });
  const extra = more.key === key ? more : { key, pages: [], loading: false, error: null };
  const head = first.data ? select(first.data) : null;
  const pages = head ? [head, ...extra.pages] : [];
  const last = pages[pages.length - 1];

  const loadMore = () => {
    const after = last?.pageInfo.endCursor;
    if (!last?.pageInfo.hasNextPage || !after || extra.loading) return;
    setMore({ ...extra, loading: true });
    void client
      .query(query, { ...variables, after } as Vars, { requestPolicy: "network-only" })
      .toPromise()
      .then((result) => {
        const page = result.data ? select(result.data) : null;
        // Stored under the variables it was asked with: ignored if they changed meanwhile.
        setMore(
          page
            ? { key, pages: [...extra.pages, page], loading: false, error: null }
            : { key, pages: extra.pages, loading: false, error: result.error ? requestErrorText(t, result.error) : t.actionFailed },
        );
      });
  };

  return {
    data: first.data,
    rows: pages.flatMap((p) => p.nodes),
    total: head?.totalCount ?? 0,
    hasMore: Boolean(last?.pageInfo.hasNextPage),
    loading: first.fetching || extra.loading,
    error: first.error ? requestErrorText(t, first.error) : extra.error,
    loadMore,
  };
}
