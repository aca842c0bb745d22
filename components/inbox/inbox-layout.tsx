"use client";

import type { ReactNode } from "react";
import type { InboxView } from "@/lib/inbox/views";
import { AvailabilityToggle } from "./availability-toggle";
import { NotifyToggle } from "./notify-toggle";
import { ViewsNav } from "./views-nav";

type InboxLayoutProps = { orgId: string; view: InboxView; onView: (view: InboxView) => void; children: ReactNode };

/**
 * The views sidebar (and my availability and notification switches) beside the list from 768 px.
 * On a phone the views are a row of tabs above the list and the switches come after it.
 */
export function InboxLayout({ orgId, view, onView, children }: InboxLayoutProps) {
  return (
    <div className="md:grid md:grid-cols-[14rem_minmax(0,1fr)] md:grid-rows-[auto_1fr]">
      <div className="md:col-start-1 md:row-start-1 md:border-r md:border-slate-200">
        <ViewsNav orgId={orgId} active={view} onSelect={onView} />
      </div>
      <div className="min-w-0 md:col-start-2 md:row-span-2 md:row-start-1">{children}</div>
      <div className="border-t border-slate-200 md:col-start-1 md:row-start-2 md:border-r md:border-t-0">
        <AvailabilityToggle orgId={orgId} />
        <NotifyToggle />
      </div>
    </div>
  );
}
