/**
 * `lab-kit`: writes, for every scenario, the tester's checklist for a GIM lab and a manifest
 * template with every @id and an empty GUID (src/labkit/lab-kit.ts).
 */
import path from "node:path";
import type { Command } from "commander";
import { GIM_CONFIG_TEMPLATE, MANIFEST_TEMPLATE } from "../../labkit/kit-file-names";
import type { CliContext } from "../context";
import { PACKAGE_ROOT } from "../package-info";

export function registerLabKit(program: Command, context: CliContext): void {
  program
    .command("lab-kit")
    .description("write a lab checklist per scenario and a manifest template to fill with interaction GUIDs")
    .option("--features <dir>", "folder of .feature files (default: the bundled features/)")
    .option("--out <dir>", "where to write the kit", "lab-kit")
    .addHelpText(
      "after",
      `\nWrites <id>.md per scenario, README.md, and ${MANIFEST_TEMPLATE} (copy it to manifest.yaml and fill in\n` +
        "each guid). Then: gim-conformance run --sut postgres|export --manifest manifest.yaml ...",
    )
    .action(async (flags: { features?: string; out: string }) => {
      const cwd = process.cwd();
      const features = path.resolve(cwd, flags.features ?? path.join(PACKAGE_ROOT, "features"));
      const out = path.resolve(cwd, flags.out);
      const { writeLabKit } = await import("../../labkit/lab-kit");
      const kit = await writeLabKit(features, out);
      const shown = path.relative(cwd, out) || ".";
      context.stdout.write(
        `Wrote ${kit.scenarios.length} scenario checklists, README.md, ${MANIFEST_TEMPLATE} and ${GIM_CONFIG_TEMPLATE} to ${shown}\n`,
      );
    });
}
