import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/** JSON state of the local issuer on disk: written atomically, private to the user running the app. */

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}

/** The parsed file, or null when it does not exist yet. */
export async function readJsonFile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

async function writeTemp(file: string, value: unknown): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  return temp;
}

/** Replaces the file in one step: readers see the old or the new content, never half of it. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const temp = await writeTemp(file, value);
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Creates the file only if nobody did first (a hard link fails on an existing name), so two
 * processes racing to create it agree on one content. Returns what the file holds afterwards.
 */
export async function createJsonOnce(file: string, value: unknown): Promise<unknown> {
  const temp = await writeTemp(file, value);
  try {
    await link(temp, file);
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code !== "EEXIST") throw error;
    return readJsonFile(file);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
