import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { SiteHeader } from "./site-header";

type PageFrameProps = { context?: ReactNode; controls?: ReactNode; className?: string; children: ReactNode };

/** Header plus a centered main column, for pages outside an organization. */
export function PageFrame({ context, controls, className, children }: PageFrameProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader context={context} controls={controls} />
      <main id="main" className={cx("mx-auto w-full max-w-5xl flex-1 px-4 py-10", className)}>
        {children}
      </main>
    </div>
  );
}
