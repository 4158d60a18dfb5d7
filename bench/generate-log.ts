/**
 * Writes a large mixed event log: interactions of every documented flow, started half a second
 * apart and interleaved in batches, as a contact centre's Interaction Server would report them.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { FLOW_TEMPLATES } from "./flow-templates";

export interface GeneratedLog {
  events: number;
  interactions: number;
  bytes: number;
}

/** Interactions open at once; also the size of each interleaved batch. */
const BATCH = 200;

export async function generateLog(file: string, interactions: number): Promise<GeneratedLog> {
  const out = createWriteStream(file);
  const t0 = Date.parse("2026-03-02T08:00:00.000Z");
  let events = 0;
  let bytes = 0;
  for (let first = 0; first < interactions; first += BATCH) {
    const batch: { time: number; line: string }[] = [];
    for (let i = first; i < Math.min(first + BATCH, interactions); i++) {
      const template = FLOW_TEMPLATES[i % FLOW_TEMPLATES.length] ?? [];
      const begin = t0 + i * 500;
      const interaction = `ixn-${i.toString(36).padStart(8, "0")}`;
      for (const [offset, fields] of template) {
        const time = begin + offset * 1000;
        batch.push({
          time,
          line: JSON.stringify({ ts: new Date(time).toISOString(), interaction, ...fields }),
        });
      }
    }
    // A stable sort keeps each interaction's events in order at equal times.
    batch.sort((a, b) => a.time - b.time);
    const chunk = `${batch.map((b) => b.line).join("\n")}\n`;
    events += batch.length;
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return { events, interactions, bytes };
}
