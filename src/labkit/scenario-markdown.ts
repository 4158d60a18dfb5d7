/**
 * One scenario as a lab checklist (Markdown): what the tester does, in the feature's own words and
 * order, what to write down afterwards, and what Info Mart should then record. Plain words: the
 * steps' text with its first letter capitalised; the Gherkin keywords and quotes of the feature
 * stay out of the tester's way.
 */
import { type GimConfig, OPTION_NAMES, OPTION_OWNERS } from "../gimconfig/gim-config";
import type { LabScenario, LabStep } from "./feature-scenarios";
import { type LabPrerequisite, prerequisitesOf } from "./prerequisites";

/** The files of the kit a checklist points the tester to. */
export interface KitFiles {
  /** The manifest to fill in (a copy of the template). */
  manifest: string;
  /** Where the lab records the GIM and Chat Server options it ran with. */
  gimConfig: string;
  /** The kit's copy of the harness's own gim-config.yaml, showing the format. */
  gimConfigTemplate: string;
}

export function scenarioMarkdown(s: LabScenario, files: KitFiles): string {
  const manifestFile = files.manifest;
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
    ...settingsSection(prerequisitesOf(s), files),
    "## Do this in the lab",
    "",
    ...actions.flatMap((step, i) => checklistItem(step, i + 1)),
    "",
    "## Then write down",
    "",
    `- [ ] The customer's chat interaction id (MEDIA_SERVER_IXN_GUID, shown in the agent desktop or Interaction Server's log) in ${manifestFile}:`,
    "",
    "  ```yaml",
    `  ${s.id}:`,
    '    guid: "<the interaction id>"',
    '    notes: "<date and time; who played Agent1, Agent2; other interaction ids; anything unusual>"',
    "  ```",
    "",
    "- [ ] Every other interaction id you see while performing it, with what each was, in `notes`: in",
    "      particular the internal invitation interactions (InteractionSubtype InternalConferenceInvite)",
    "      that Interaction Server creates to consult or conference through a queue. Info Mart may record",
    "      IRFs under them rather than under the customer's chat.",
    "- [ ] For each IRF Info Mart recorded for these interactions, its TECHNICAL_DESCRIPTOR as stored,",
    "      ROLE_REASON and ROLE_REASON_CODE included: the User's Guide gives no role reasons, so what the",
    "      lab records is the only evidence of them.",
    "",
    ...descriptorSheet(outcomes).map((l) => `  ${l}`),
    "",
    `- [ ] The GIM and Chat Server options the Info Mart ran with, in \`${files.gimConfig}\` (the format of`,
    `      \`${files.gimConfigTemplate}\` in this kit: ${recordedOptions()}). \`gim-conformance run\``,
    `      reads ./${files.gimConfig}, or the file the GIM_CONFIG environment variable names.`,
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

/** The settings the flow depends on, each with why and its source, as checklist items. */
function settingsSection(prerequisites: readonly LabPrerequisite[], files: KitFiles): string[] {
  if (prerequisites.length === 0) return [];
  const out = ["### Settings this flow depends on", ""];
  for (const p of prerequisites) {
    const fallback = p.defaultValue === undefined ? "" : ` (default: ${p.defaultValue})`;
    out.push(`- [ ] **${p.component}**: ${p.setting}${fallback}.`);
    out.push(`      Why: ${p.why}`);
    if (p.recordedAs !== undefined) {
      const { option, assumed } = p.recordedAs;
      out.push(
        `      Record it in \`${files.gimConfig}\` as \`${optionPath(option)}\` (the shipped flows assume \`${assumed}\`).`,
      );
    }
    out.push(`      Source: ${p.sources.join(", ")}`);
  }
  out.push("");
  return out;
}

function optionPath(option: keyof GimConfig): string {
  return `${OPTION_OWNERS[option]}.${OPTION_NAMES[option]}`;
}

function recordedOptions(): string {
  return (Object.keys(OPTION_NAMES) as (keyof GimConfig)[]).map((o) => `\`${optionPath(o)}\``).join(", ");
}

/**
 * A sheet to fill in: one line per IRF the flow expects (its number and resource), and one for
 * any IRF Info Mart recorded beyond them.
 */
function descriptorSheet(outcomes: readonly LabStep[]): string[] {
  const header = [
    "IRF",
    "resource",
    "RESOURCE_ROLE",
    "TECHNICAL_RESULT",
    "RESULT_REASON",
    "ROLE_REASON",
    "ROLE_REASON_CODE",
  ];
  const expected = outcomes
    .map((step) => step.table)
    .find((t) => t?.[0]?.[0] === "IRF" && t[0].includes("resource"));
  const resourceAt = expected?.[0]?.indexOf("resource") ?? -1;
  const blanks = header.slice(2).map(() => "");
  const rows = (expected?.slice(1) ?? []).map((r) => [r[0] ?? "", r[resourceAt] ?? "", ...blanks]);
  rows.push(["(other)", "", ...blanks]);
  return markdownTable([header, ...rows]);
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
