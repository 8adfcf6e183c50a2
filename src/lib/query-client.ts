import { QueryClient } from '@tanstack/react-query';

// API calls retry through the api layer's own policy (429/5xx honouring Retry-After, shown
// to the user), so react-query must not add blind retries of its own on top.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
