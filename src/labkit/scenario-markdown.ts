/**
 * One scenario as a lab checklist (Markdown): what the tester does, in the feature's own words and
 * order, what to write down afterwards, and what Info Mart should then record. Plain words: the
 * steps' text with its first letter capitalised; the Gherkin keywords and quotes of the feature
 * stay out of the tester's way.
 */
import type { LabScenario, LabStep } from "./feature-scenarios";

export function scenarioMarkdown(s: LabScenario, manifestFile: string): string {
  const actions = s.steps.filter((step) => step.kind === "action");
  const outcomes = s.steps.filter((step) => step.kind === "outcome");
  const out: string[] = [
    `# ${flowLabel(s)}: ${s.name}`,
    "",
    `- Scenario: \`@id:${s.id}\` (${s.uri}${s.line === undefined ? "" : `:${s.line}`})`,
    `- Flow: ${s.feature}`,
    s.provisional
      ? "- Evidence: **provisional**: the expected IRFs are a hypothesis the User's Guide does not confirm; a lab run is how to settle it"
      : "- Evidence: verified: the expected IRFs are the User's Guide's",
  ];
  if (s.citation !== undefined) out.push(`- ${s.citation}`);
  out.push(
    "",
    "## Before you start",
    "",
    "- [ ] A chat deployment whose Interaction Server reports to this Info Mart (ICON, GIM ETL running).",
    "- [ ] The agents, queues and strategies named below exist, or the lab's names for them are written under",
    `      \`resources:\` in ${manifestFile} (e.g. \`Agent1: jsmith\`).`,
    "",
    "## Do this in the lab",
    "",
    ...actions.flatMap((step, i) => checklistItem(step, i + 1)),
    "",
    "## Then write down",
    "",
    `- [ ] The interaction's id (MEDIA_SERVER_IXN_GUID, shown in the agent desktop or Interaction Server's log) in ${manifestFile}:`,
    "",
    "  ```yaml",
    `  ${s.id}:`,
    '    guid: "<the interaction id>"',
    '    notes: "<date and time, who played Agent1, Agent2, anything unusual>"',
    "  ```",
    "",
    "## What Info Mart should record",
    "",
    "After the ETL has processed the interaction (`gim-conformance run --sut export|postgres` checks it):",
    "",
  );
  for (const step of outcomes) {
    out.push(`${capitalised(step.text)}`, "");
    if (step.table !== undefined) out.push(...markdownTable(step.table), "");
  }
  if (outcomes.some((step) => step.table?.[0]?.includes("reason"))) {
    out.push("A blank reason is recorded by GIM as Unspecified.", "");
  }
  if (s.description !== "") out.push("## The flow, as the User's Guide tells it", "", s.description, "");
  return `${out.join("\n").trimEnd()}\n`;
}

export function flowLabel(s: Pick<LabScenario, "flow">): string {
  return s.flow === undefined ? "Flow" : `Flow ${s.flow}`;
}

function checklistItem(step: LabStep, n: number): string[] {
  const lines = [`${n}. [ ] ${capitalised(step.text)}`];
  if (step.table !== undefined) lines.push("", ...markdownTable(step.table).map((l) => `   ${l}`), "");
  return lines;
}

function capitalised(text: string): string {
  const plain = text.replace(/:$/, "");
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

function markdownTable(rows: readonly (readonly string[])[]): string[] {
  const [header, ...body] = rows;
  if (header === undefined) return [];
  const cell = (v: string) => (v === "" ? " " : v.replace(/\|/g, "\\|"));
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...body.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
}
