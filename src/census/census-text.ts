/**
 * The terminal summary of a census: where and when it was taken, the flow mix, every undocumented
 * pattern with its samples (and near miss), and the invariant breaks. Patterns and GUIDs come from
 * the user's database, so every value passes through printable().
 */
import { printable } from "../report/text-escape";
import type { Census } from "./census-types";

const share = (n: number, total: number) => (total === 0 ? "0.0%" : `${((100 * n) / total).toFixed(1)}%`);
const pad = (text: string, width: number) => text.padStart(width);

export function windowText(census: Pick<Census, "window">): string {
  const { from, to } = census.window;
  if (from === null && to === null) return "all chat interactions";
  if (to === null) return `chat interactions starting from ${from}`;
  if (from === null) return `chat interactions starting before ${to}`;
  return `chat interactions starting from ${from} to before ${to}`;
}

export function renderCensusText(census: Census): string {
  const lines: string[] = [];
  const total = census.interactions;
  const undocumented = census.patterns.filter((p) => p.flow === null);
  lines.push(
    `Census of ${printable(census.source.name)} (GIM ${printable(census.gimVersion ?? "version unknown")}), ${windowText(census)}: ` +
      `${total} interactions, ${census.irfs} IRFs, ${census.patterns.length} distinct patterns`,
  );
  lines.push("");
  lines.push("Flow mix");
  const width = Math.max(12, String(total).length);
  lines.push(`${pad("Interactions", width)}   Share  Flow`);
  const counted = census.flows
    .filter((f) => f.interactions > 0)
    .sort((a, b) => b.interactions - a.interactions);
  for (const f of counted) {
    lines.push(
      `${pad(String(f.interactions), width)}  ${pad(share(f.interactions, total), 6)}  ${printable(f.flow)}${f.provisional ? " (provisional)" : ""}`,
    );
  }
  const undocumentedCount = undocumented.reduce((n, p) => n + p.interactions, 0);
  lines.push(
    `${pad(String(undocumentedCount), width)}  ${pad(share(undocumentedCount, total), 6)}  undocumented`,
  );
  const idle = census.flows.filter((f) => f.interactions === 0).map((f) => printable(f.flow));
  if (idle.length > 0) lines.push(`No interactions: ${idle.join(", ")}`);
  lines.push("");
  if (undocumented.length === 0) {
    lines.push("Undocumented patterns: none");
  } else {
    lines.push(`Undocumented patterns: ${undocumented.length} (${undocumentedCount} interactions)`);
    for (const p of undocumented) {
      lines.push(`  ${p.interactions} × ${printable(p.signature)}`);
      lines.push(`      samples: ${p.samples.map(printable).join(" ")}`);
      if (p.nearMiss !== undefined) {
        lines.push(`      near miss: @id:${printable(p.nearMiss.flow)}: ${printable(p.nearMiss.difference)}`);
      }
    }
  }
  const tied = census.patterns.filter((p) => p.ties !== undefined);
  for (const p of tied) {
    lines.push(
      `Tie: ${printable(p.signature)} is also stated by ${(p.ties ?? []).map((t) => `@id:${printable(t)}`).join(", ")}; counted for @id:${printable(p.flow ?? "")}`,
    );
  }
  lines.push("");
  if (census.invariantBreaks.length === 0) {
    lines.push("Invariant breaks: none");
  } else {
    lines.push("Invariant breaks (docs/census.md):");
    for (const b of census.invariantBreaks) {
      lines.push(`  ${b.interactions} × ${b.invariant}: ${b.description}`);
      lines.push(`      samples: ${b.samples.map(printable).join(" ")}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
