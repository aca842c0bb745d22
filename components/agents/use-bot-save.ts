"use client";

import { useMutation } from "convex/react";
import type { FunctionArgs } from "convex/server";
import { useState } from "react";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { api } from "@/convex/_generated/api";
import type { Id } from "@/convex/_generated/dataModel";

/** Everything `agents.updateBot` stores: the bot's settings are saved whole, never field by field. */
export type BotUpdate = Omit<FunctionArgs<typeof api.agents.updateBot>, "orgId" | "agentId">;

/**
 * Saving an agent's bot settings from a form (the agent page and the onboarding's bot step):
 * `pending` while it runs, `saved` until the next edit, a refusal in the viewer's words.
 */
export function useBotSave(orgId: string, agentId: Id<"agents">) {
  const errorMessage = useErrorMessage();
  const update = useMutation(api.agents.updateBot);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(settings: BotUpdate) {
    setPending(true);
    setSaved(false);
    setError(null);
    try {
      await update({ orgId, agentId, ...settings });
      setSaved(true);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return { save, pending, saved, error, markEdited: () => setSaved(false) };
}
