"use client";

import { useTranslations } from "next-intl";
import type { AgentView } from "@/components/agents/types";
import { formatPhone } from "@/components/agents/types";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { orgPath } from "@/lib/auth/routes";
import { simulatorPhoneUrl } from "@/lib/onboarding";
import { ChatPair } from "./bot-preview";
import type { OnboardingStatus } from "./types";

type TestStepProps = { orgId: string; agent: AgentView | null; test: OnboardingStatus["test"]; simulatorUrl: string | null };

/**
 * Offline, a button opens the simulator's phone with the message typed; in production, the number
 * to write to. Either way the customer's message and the bot's reply appear here live.
 */
export function TestStep({ orgId, agent, test, simulatorUrl }: TestStepProps) {
  const t = useTranslations("onboarding.test");
  if (agent === null) return <p className="text-sm text-slate-600">{t("needsAgent")}</p>;
  if (test?.customerText) {
    return (
      <div className="space-y-3">
        <p role="status" className="text-sm font-medium text-emerald-800">
          {t("received")}
        </p>
        <ChatPair
          customer={test.customerText}
          reply={
            test.botReply ??
            (agent.aiEnabled ? (
              <span className="inline-flex items-center gap-2 text-slate-600">
                <Spinner className="size-4" />
                {t("botWriting")}
              </span>
            ) : (
              <span className="text-slate-700">{t("botOff")}</span>
            ))
          }
        />
        <ButtonLink href={orgPath(orgId, "/conversations")} variant="secondary" size="sm">
          {t("openInbox")}
        </ButtonLink>
      </div>
    );
  }
  if (agent.status !== "open") return <p className="text-sm text-slate-600">{t("needsConnection")}</p>;
  const message = t("message");

  return (
    <div className="space-y-3">
      {simulatorUrl ? (
        <div className="space-y-1">
          <a
            href={simulatorPhoneUrl(simulatorUrl, agent.instanceName, { name: t("customerName"), text: message })}
            target="_blank"
            rel="noopener noreferrer"
            aria-describedby="test-phone-hint"
            className={buttonClasses("primary")}
          >
            {t("openPhone")}
          </a>
          <p id="test-phone-hint" className="text-xs text-slate-600">
            {t("openPhoneHint")}
          </p>
        </div>
      ) : (
        <div className="space-y-1 text-sm text-slate-800">
          <p>{t("sendFromPhone", { phone: agent.phoneNumber ? formatPhone(agent.phoneNumber) : agent.name })}</p>
          <p className="w-fit rounded-lg bg-slate-100 px-3 py-2 font-medium">{message}</p>
        </div>
      )}
      <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
        {/* A pulse, not a spinner: nothing is loading, the page is listening for the message. */}
        <span aria-hidden="true" className="size-2.5 animate-pulse rounded-full bg-amber-500" />
        {t("waiting")}
      </p>
    </div>
  );
}
