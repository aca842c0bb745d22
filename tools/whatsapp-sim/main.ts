// CLI: `npx tsx tools/whatsapp-sim/main.ts` — the WhatsApp side of the offline development stack.
import { maskPhones } from "../../lib/phone-masking";
import { startWhatsAppSimulator } from "./index";

function envInt(name: string, fallback?: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a non-negative integer, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

const simulator = await startWhatsAppSimulator({
  port: envInt("WHATSAPP_SIM_PORT", 8080),
  host: process.env.WHATSAPP_SIM_HOST || undefined,
  apiKey: process.env.EVOLUTION_API_KEY || undefined,
  publicUrl: process.env.WHATSAPP_SIM_PUBLIC_URL || undefined,
  qrRefreshMs: envInt("WHATSAPP_SIM_QR_REFRESH_MS"),
  qrLimit: envInt("WHATSAPP_SIM_QR_LIMIT"),
  dataDir: process.env.WHATSAPP_SIM_DATA_DIR || undefined,
  // Log lines can quote request bodies and errors: phone numbers are masked as everywhere else.
  log: (line) => console.log(maskPhones(line)),
});

console.log(`whatsapp simulator ready on ${simulator.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void simulator.stop().then(() => process.exit(0));
  });
}
