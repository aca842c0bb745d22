"use client";

import type { ReactNode } from "react";
import type { InboxView } from "@/lib/inbox/views";
import { AvailabilityToggle } from "./availability-toggle";
import { NotifyToggle } from "./notify-toggle";
import { ViewsNav } from "./views-nav";

type InboxLayoutProps = { orgId: string; view: InboxView; onView: (view: InboxView) => void; children: ReactNode };

/** The views sidebar (and my availability) beside the list from 768 px; above it on a phone. */
export function InboxLayout({ orgId, view, onView, children }: InboxLayoutProps) {
  return (
    <div className="md:grid md:grid-cols-[14rem_minmax(0,1fr)]">
      <div className="md:border-r md:border-slate-200">
        <ViewsNav orgId={orgId} active={view} onSelect={onView} />
        <div className="border-b border-slate-200 md:border-b-0">
          <AvailabilityToggle orgId={orgId} />
          <NotifyToggle />
        </div>
      </div>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
