import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ChatEntry, Customer } from "./chat";
import type { Instance } from "./instances";
import type { StoredMedia } from "./media";
import type { WebhookConfig } from "./webhooks";
import type { MessageRaw } from "./wa";

/** One instance as it is written to disk: everything but timers and the QR of a pairing in progress. */
interface SavedInstance {
  instanceName: string;
  instanceId: string;
  hash: string;
  state: Instance["state"];
  pairingNumber: string | null;
  number: string | null;
  profileName: string;
  webhook: WebhookConfig | null;
  customers: Customer[];
  chat: ChatEntry[];
  outbox: MessageRaw[];
  createdAt: string;
}

const STATE_FILE = "instances.json";
const VERSION = 1;

/** Writes `file` whole or not at all: a crash mid-write leaves the previous version in place. */
function writeAtomically(file: string, data: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

function toSaved(instance: Instance): SavedInstance {
  return {
    instanceName: instance.instanceName,
    instanceId: instance.instanceId,
    hash: instance.hash,
    state: instance.state,
    pairingNumber: instance.pairingNumber,
    number: instance.number,
    profileName: instance.profileName,
    webhook: instance.webhook,
    customers: [...instance.customers.values()],
    chat: instance.chat,
    outbox: instance.outbox,
    createdAt: instance.createdAt,
  };
}

/**
 * The simulator's memory across restarts of the dev stack: instances, chats and files in a data
 * directory. The instance list is one JSON file rewritten atomically (temp file + rename) a moment
 * after each change; each file is written once under `media/`, named by its id.
 */
export class SimulatorStore {
  private readonly mediaDir: string;
  private pending: NodeJS.Timeout | null = null;

  constructor(
    private readonly dir: string,
    private readonly list: () => Instance[],
    private readonly log: (line: string) => void,
    private readonly debounceMs = 100,
  ) {
    this.mediaDir = path.join(dir, "media");
    mkdirSync(this.mediaDir, { recursive: true });
  }

  /** The saved instances, with their files; an unreadable state file is reported and skipped, never fatal. */
  load(): Instance[] {
    const file = path.join(this.dir, STATE_FILE);
    if (!existsSync(file)) return [];
    try {
      const saved = JSON.parse(readFileSync(file, "utf8")) as { version: number; instances: SavedInstance[] };
      if (saved.version !== VERSION) throw new Error(`unknown version ${saved.version}`);
      return saved.instances.map((instance) => this.revive(instance));
    } catch (error) {
      this.log(`could not read ${file}, starting empty: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  /** Saves soon: a burst of changes becomes one write. */
  changed(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.saveNow();
    }, this.debounceMs);
    this.pending.unref();
  }

  saveNow(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    const instances = this.list();
    writeAtomically(path.join(this.dir, STATE_FILE), JSON.stringify({ version: VERSION, instances: instances.map(toSaved) }));
    this.writeMedia(instances);
  }

  /** New files are written; files no chat refers to any more are removed. */
  private writeMedia(instances: Instance[]): void {
    const live = new Set<string>();
    for (const instance of instances) {
      for (const media of instance.media.values()) {
        live.add(media.id);
        const file = path.join(this.mediaDir, `${media.id}.json`);
        if (!existsSync(file)) writeAtomically(file, JSON.stringify(media));
      }
    }
    for (const name of readdirSync(this.mediaDir)) {
      if (name.endsWith(".json") && !live.has(name.slice(0, -".json".length))) rmSync(path.join(this.mediaDir, name), { force: true });
    }
  }

  private revive(saved: SavedInstance): Instance {
    const media = new Map<string, StoredMedia>();
    for (const entry of saved.chat) {
      if (!entry.media) continue;
      const file = path.join(this.mediaDir, `${entry.media.id}.json`);
      if (existsSync(file)) media.set(entry.media.id, JSON.parse(readFileSync(file, "utf8")) as StoredMedia);
    }
    return {
      ...saved,
      integration: "WHATSAPP-BAILEYS",
      qr: null,
      qrCount: 0,
      session: 0,
      customers: new Map(saved.customers.map((customer) => [customer.number, customer])),
      media,
      timer: null,
    };
  }
}
