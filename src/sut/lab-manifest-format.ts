/**
 * Writing a lab manifest (YAML): the template `lab-kit` writes and the filled-in one `seed-db`
 * writes. Comments carry what a tester needs beside each entry (the scenario's name, its flow);
 * LabManifest.parse reads the result back.
 */
import { MANIFEST_VERSION } from "./lab-manifest";

export interface ManifestLine {
  id: string;
  guid: string;
  notes?: string;
  /** Comment lines written above the entry, e.g. the scenario's name and flow. */
  comment?: readonly string[];
}

/** Strings are written as JSON strings, which YAML reads as double-quoted scalars. */
export function formatManifest(lines: readonly ManifestLine[], header: readonly string[]): string {
  const out = [...header.map((h) => `# ${h}`.trimEnd()), `version: ${MANIFEST_VERSION}`];
  out.push(
    "# resources: the lab's names for the features' resources, if they differ, e.g.",
    "#   Agent1: jsmith",
    "#   Chat_Inbound: CHAT_IN_Q",
  );
  if (lines.length === 0) {
    out.push("scenarios: {}");
    return `${out.join("\n")}\n`;
  }
  out.push("scenarios:");
  for (const line of lines) {
    for (const c of line.comment ?? []) out.push(`  # ${c}`.trimEnd());
    out.push(`  ${line.id}:`, `    guid: ${JSON.stringify(line.guid)}`);
    if (line.notes !== undefined) out.push(`    notes: ${JSON.stringify(line.notes)}`);
  }
  return `${out.join("\n")}\n`;
}
