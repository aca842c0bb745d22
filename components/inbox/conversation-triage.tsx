"use client";

import { useState } from "react";
import type { SessionItem } from "@/components/conversations/types";
import { InlineError } from "@/components/ui/field";
import { AssignSelect } from "./assign-select";
import { StatusControls } from "./status-controls";

/** The conversation header's owner and status controls, with one place for their errors. */
export function ConversationTriage({ orgId, session }: { orgId: string; session: SessionItem }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="w-full space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <AssignSelect orgId={orgId} session={session} onError={setError} />
        <StatusControls orgId={orgId} session={session} onError={setError} />
      </div>
      {error ? <InlineError>{error}</InlineError> : null}
    </div>
  );
}
