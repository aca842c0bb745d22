import { SPIN_LANGUAGES } from "./spin/types";
import { AGENT_STATES } from "./whatsapp/types";

/**
 * The closed sets of an agent, defined once: the schema's validators, the Convex views and the UI
 * are built from these arrays so a new value cannot be added in one place only. Pure.
 */

/** "created" until its WhatsApp instance first reports, then whatever the instance last reported. */
export const AGENT_STATUSES = ["created", ...AGENT_STATES] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** The language the bot answers in: the customer's own ("auto"), or always one the engine speaks. */
export const BOT_LANGUAGES = ["auto", ...SPIN_LANGUAGES] as const;
export type BotLanguage = (typeof BOT_LANGUAGES)[number];

/**
 * What a health check can find wrong with a connected agent: the gateway reports the number logged out
 * ("closed"), no longer knows its instance ("unknown_instance"), or could not be reached ("unreachable").
 */
export const AGENT_HEALTH_ERRORS = ["closed", "unknown_instance", "unreachable"] as const;
export type AgentHealthError = (typeof AGENT_HEALTH_ERRORS)[number];
