import { formatPhone } from "@/components/agents/types";
import type { SessionItem } from "./types";

/** The name WhatsApp gave us, else the number. */
export function contactLabel(session: Pick<SessionItem, "contactName" | "contactNumber">): string {
  return session.contactName?.trim() || formatPhone(session.contactNumber);
}
