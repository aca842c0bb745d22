"use client";

import { useQuery } from "convex/react";
import type { FunctionReference, FunctionReturnType } from "convex/server";
import { useState } from "react";

/**
 * `useQuery` that keeps showing the last result while new arguments load, so a dashboard that moves
 * to the next day (or window) does not flash a loading state.
 */
export function useStableQuery<Query extends FunctionReference<"query">>(query: Query, args: Query["_args"]): FunctionReturnType<Query> | undefined {
  const result = useQuery(query, args);
  const [last, setLast] = useState<FunctionReturnType<Query> | undefined>(result);
  // React's "state from the previous render" pattern: adjust during render, no effect needed.
  if (result !== undefined && result !== last) setLast(result);
  return result ?? last;
}
