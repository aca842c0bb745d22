"use client";

import { Component, type ReactNode } from "react";
import { toAppErrorData, type AppErrorData } from "@/lib/errors";
import { AppErrorState } from "./app-error-state";

type Props = { children: ReactNode };
type State = { error: AppErrorData | null };

/**
 * Convex's `useQuery` throws a failed query during render; this catches it and shows the refusal
 * by its code. "Try again" remounts the children, which subscribes to the query afresh.
 */
export class QueryBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: toAppErrorData(error) };
  }

  private reset = () => this.setState({ error: null });

  render() {
    if (this.state.error) return <AppErrorState error={this.state.error} onRetry={this.reset} />;
    return this.props.children;
  }
}
