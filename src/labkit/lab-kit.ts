/**
 * `lab-kit`: everything a tester needs to run the flows on a real chat deployment and check what
 * GIM recorded. For each scenario a Markdown checklist (<id>.md) with the settings its flow
 * depends on, an index (README.md), a manifest template listing every @id with an empty GUID to
 * fill in, and a copy of the harness's gim-config.yaml for the lab to record the options it ran
 * with. Templates never overwrite a filled-in file: they are written as *-template.yaml, to be
 * copied once.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { BUNDLED_GIM_CONFIG_FILE, DEFAULT_GIM_CONFIG_FILE } from "../gimconfig/gim-config-file";
import { claimOutputDir } from "../output/output-dir";
import { writeOutputFile } from "../output/output-path";
import { formatManifest } from "../sut/lab-manifest-format";
import { type LabScenario, readLabScenarios } from "./feature-scenarios";
import { GIM_CONFIG_TEMPLATE, MANIFEST_NAME, MANIFEST_TEMPLATE } from "./kit-file-names";
import { LAB_PREREQUISITES, prerequisitesOf } from "./prerequisites";
import { flowLabel, type KitFiles, scenarioMarkdown } from "./scenario-markdown";

export { GIM_CONFIG_TEMPLATE, MANIFEST_NAME, MANIFEST_TEMPLATE };

const KIT_FILES: KitFiles = {
  manifest: MANIFEST_NAME,
  gimConfig: DEFAULT_GIM_CONFIG_FILE,
  gimConfigTemplate: GIM_CONFIG_TEMPLATE,
};

export interface LabKit {
  scenarios: LabScenario[];
  files: string[];
}

export async function writeLabKit(featuresDir: string, outDir: string): Promise<LabKit> {
  const scenarios = await readLabScenarios(featuresDir);
  const names = new Set([
    ...scenarios.map((s) => `${s.id}.md`),
    GIM_CONFIG_TEMPLATE,
    "README.md",
    MANIFEST_TEMPLATE,
  ]);
  claimOutputDir(outDir, {
    kind: "lab-kit",
    option: "--out",
    // A kit from before folders were marked, or a folder where the kit replaces none of the user's files.
    recognised: (entries) => entries.includes(MANIFEST_TEMPLATE) || !entries.some((name) => names.has(name)),
  });
  const files: string[] = [];
  const write = async (name: string, text: string) => {
    const file = join(outDir, name);
    writeOutputFile(file, text, "--out");
    files.push(file);
  };
  for (const s of scenarios) await write(`${s.id}.md`, scenarioMarkdown(s, KIT_FILES));
  await write(GIM_CONFIG_TEMPLATE, await readFile(BUNDLED_GIM_CONFIG_FILE, "utf8"));
  await write("README.md", indexMarkdown(scenarios));
  await write(
    MANIFEST_TEMPLATE,
    formatManifest(
      scenarios.map((s) => ({
        id: s.id,
        guid: "",
        notes: "",
        comment: [
          `${flowLabel(s)}: ${s.name}${s.provisional ? " (provisional)" : ""}`,
          `checklist: ${s.id}.md`,
        ],
      })),
      [
        "gim-conformance lab manifest: the interaction GUID (MEDIA_SERVER_IXN_GUID) of each scenario run in the lab.",
        `Copy to ${MANIFEST_NAME}, fill in each guid after performing the scenario, then run`,
        `  gim-conformance run --sut postgres --db URL --manifest ${MANIFEST_NAME}`,
        `  gim-conformance run --sut export --export irf.csv --manifest ${MANIFEST_NAME}`,
        "Scenarios left without a guid are reported as not run, never as passed.",
      ],
    ),
  );
  return { scenarios, files };
}

function indexMarkdown(scenarios: readonly LabScenario[]): string {
  const rows = scenarios.map(
    (s) =>
      `| ${s.flow ?? ""} | [${s.name}](${s.id}.md) | \`${s.id}\` | ${s.provisional ? "provisional" : "verified"} |`,
  );
  return `${[
    "# Lab kit: the chat flows on a real Info Mart",
    "",
    "For each scenario below, perform the steps of its checklist on a chat deployment that reports to",
    `Genesys Info Mart, and write the interaction's GUID into \`${MANIFEST_NAME}\` (a copy of`,
    `\`${MANIFEST_TEMPLATE}\`). When GIM's ETL has processed the interactions, check what it recorded:`,
    "",
    "```sh",
    `gim-conformance run --sut postgres --db "$GIM_DATABASE_URL" --manifest ${MANIFEST_NAME}`,
    "# or, from an export made with sql/irf-descriptors.sql (Oracle, SQL Server, PostgreSQL):",
    `gim-conformance run --sut export --export irf.csv --manifest ${MANIFEST_NAME}`,
    "```",
    "",
    "The whole loop, and how to run the export query on each database: docs/real-info-mart.md.",
    "",
    ...settingsIndex(scenarios),
    "## Scenarios",
    "",
    "| flow | scenario | @id | evidence |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n")}\n`;
}

/** Which scenarios need which setting: the lab can configure once, then run them together. */
function settingsIndex(scenarios: readonly LabScenario[]): string[] {
  const rows = LAB_PREREQUISITES.map((p) => {
    const needing = scenarios.filter((s) => prerequisitesOf(s).includes(p)).map((s) => `\`${s.id}\``);
    return `| ${p.component} | ${p.setting.replace(/\|/g, "\\|")} | ${needing.join(", ") || "none"} | ${p.sources.join(" ")} |`;
  });
  return [
    "## Settings the flows depend on",
    "",
    "A flow run under another setting fails for the lab's configuration, not for a nonconformance of",
    "Info Mart. Each checklist lists its own, with why. Record the GIM and Chat Server options the lab",
    `ran with in \`${DEFAULT_GIM_CONFIG_FILE}\` (start from \`${GIM_CONFIG_TEMPLATE}\`).`,
    "",
    "| where | setting | scenarios | source |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ];
}
