"use client";

import { useFormatter, useNow } from "next-intl";

type RelativeTimeProps = { at: number; timeZone: string; className?: string };

/** "5 minutes ago", re-rendered every minute; the exact time is in the tooltip. */
export function RelativeTime({ at, timeZone, className }: RelativeTimeProps) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const exact = format.dateTime(at, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <time dateTime={new Date(at).toISOString()} title={exact} className={className}>
      {format.relativeTime(Math.min(at, now.getTime()), now)}
    </time>
  );
}
