"use client";

import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { ContactPanel } from "@/components/inbox-tools/contact-panel";
import { Card } from "@/components/ui/card";
import { LoadingState } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";
import { AgentUnavailableBanner, agentUnavailability, ComposerGate } from "./agent-availability";
import { BotState } from "./bot-state";
import { Composer } from "./composer";
import { contactLabel } from "./contact";
import { ConversationHeader } from "./conversation-header";
import { ThreadProvider } from "./media/thread-context";
import { ThreadDropZone } from "./media/thread-drop-zone";
import { MessageThread } from "./message-thread";
import { StageTimeline } from "./stage-timeline";
import { useReadMarkAtOpen } from "@/components/inbox/new-messages-divider";
import { useMarkRead } from "./use-mark-read";

/** One conversation, live: header, thread and composer; beside them the bot's state and the SPIN timeline. */
export function ConversationView({ orgId, sessionId }: { orgId: string; sessionId: Id<"sessions"> }) {
  const t = useTranslations("conversations");
  const org = useQuery(api.organizations.current, { orgId });
  const session = useQuery(api.sessions.get, { orgId, sessionId });
  useMarkRead(orgId, sessionId, session?.unreadCount);
  const readMarkAtOpen = useReadMarkAtOpen(session?.readSeq);
  if (org === undefined || session === undefined) return <LoadingState label={t("thread.loading")} />;

  return (
    <div className="space-y-4 sm:space-y-6">
      <ConversationHeader orgId={orgId} session={session} />
      <AgentUnavailableBanner orgId={orgId} session={session} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card className="sm:overflow-hidden">
          <ThreadProvider orgId={orgId}>
            <ThreadDropZone disabled={agentUnavailability(session) !== null}>
              <MessageThread
                orgId={orgId}
                sessionId={sessionId}
                customerLabel={contactLabel(session)}
                timeZone={org.timezone}
                newAfterSeq={readMarkAtOpen}
              />
            </ThreadDropZone>
            <ComposerGate session={session}>
              <Composer orgId={orgId} sessionId={sessionId} optedOut={session.contactOptedOut} customerLabel={contactLabel(session)} />
            </ComposerGate>
          </ThreadProvider>
        </Card>
        <aside className="space-y-6" aria-label={t("sidePanel")}>
          <ContactPanel orgId={orgId} sessionId={sessionId} labels={session.labels} timeZone={org.timezone} />
          <BotState orgId={orgId} session={session} />
          <StageTimeline orgId={orgId} sessionId={sessionId} timeZone={org.timezone} />
        </aside>
      </div>
    </div>
  );
}
