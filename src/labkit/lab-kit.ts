/**
 * `lab-kit`: everything a tester needs to run the flows on a real chat deployment and check what
 * GIM recorded. For each scenario a Markdown checklist (<id>.md), an index (README.md), and a
 * manifest template listing every @id with an empty GUID to fill in. The template never
 * overwrites a filled-in manifest: it is written as manifest-template.yaml, to be copied once.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { formatManifest } from "../sut/lab-manifest-format";
import { type LabScenario, readLabScenarios } from "./feature-scenarios";
import { flowLabel, scenarioMarkdown } from "./scenario-markdown";

export const MANIFEST_TEMPLATE = "manifest-template.yaml";
/** The name the checklists tell the tester to fill in (a copy of the template). */
export const MANIFEST_NAME = "manifest.yaml";

export interface LabKit {
  scenarios: LabScenario[];
  files: string[];
}

export async function writeLabKit(featuresDir: string, outDir: string): Promise<LabKit> {
  const scenarios = await readLabScenarios(featuresDir);
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const write = async (name: string, text: string) => {
    const file = join(outDir, name);
    await writeFile(file, text, "utf8");
    files.push(file);
  };
  for (const s of scenarios) await write(`${s.id}.md`, scenarioMarkdown(s, MANIFEST_NAME));
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
    "| flow | scenario | @id | evidence |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n")}\n`;
}
