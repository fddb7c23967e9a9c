import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, toApiError } from '../providers/apiError';
import { graphqlRequest } from '../providers/session';

/** The cache key of a `useApiQuery` read, to find what it last read. */
export function apiQueryKey(name: string, variables: Record<string, unknown> = {}) {
  return ['placewise', name, variables];
}

/**
 * A screen's own GraphQL read (an aggregate, a workspace), through react-admin's query client:
 * react-admin's refresh button and `useRefresh()` read it again, like every other record on screen.
 */
export function useApiQuery<T>(name: string, query: string, variables: Record<string, unknown> = {}, enabled = true) {
  return useQuery<T, ApiError>({
    queryKey: apiQueryKey(name, variables),
    queryFn: () => graphqlRequest<T>(query, variables).catch((error) => Promise.reject(toApiError(error))),
    enabled,
    retry: false,
  });
}

/** A mutation sent as written; on success every query on screen (the record, its lists, aggregates) is read again. */
export function useApiMutation<T, V extends Record<string, unknown> = Record<string, unknown>>(mutation: string) {
  const queryClient = useQueryClient();
  return useMutation<T, ApiError, V>({
    mutationFn: (variables: V) => graphqlRequest<T>(mutation, variables).catch((error) => Promise.reject(toApiError(error))),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Today in the API's terms (the server's `todayIso`: the UTC date). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
