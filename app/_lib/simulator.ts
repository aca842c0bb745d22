import "server-only";

/**
 * The WhatsApp simulator's address when the app runs on the offline stack (`npm run dev` and the
 * browser tests set WHATSAPP_SIM_URL); null in production, where a real phone sends the test.
 */
export function simulatorUrl(): string | null {
  const url = process.env.WHATSAPP_SIM_URL?.trim().replace(/\/+$/, "") ?? "";
  return /^https?:\/\/[^\s/?#]+$/.test(url) ? url : null;
}
