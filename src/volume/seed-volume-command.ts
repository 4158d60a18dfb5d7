/**
 * The `seed-db --volume` action: parses the volume options, loads, draws the progress bar on
 * stderr and prints what was loaded. Apart from seed-db.ts so the command file stays light.
 */
import type { CliContext } from "../cli/context";
import { InputError } from "../errors";
import type { DatabaseTarget } from "../gimdb/database-target";
import { progressBar } from "./progress-bar";
import { seedVolume } from "./seed-volume";

export interface VolumeFlags {
  volume?: string;
  days?: string;
  seed?: string;
  from?: string;
}

function positive(text: string | undefined, option: string, integer: boolean): number {
  const value = Number(text);
  if (
    text === undefined ||
    text.trim() === "" ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isInteger(value))
  )
    throw new InputError(
      option,
      undefined,
      undefined,
      `must be ${integer ? "a whole number" : "a number"} above 0, not "${text ?? ""}"`,
    );
  return value;
}

export async function seedVolumeCommand(
  target: DatabaseTarget,
  flags: VolumeFlags,
  context: CliContext,
): Promise<void> {
  const volume = positive(flags.volume, "--volume", true);
  const days = positive(flags.days ?? "7", "--days", false);
  const seed = flags.seed ?? "1";
  const bar = progressBar(context.stderr, "seed-db --volume");
  const t0 = process.hrtime.bigint();
  const result = await seedVolume(target, {
    volume,
    days,
    seed,
    ...(flags.from === undefined ? {} : { from: flags.from }),
    onProgress: bar.update,
  });
  bar.done();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const fmt = (n: number) => n.toLocaleString("en-US");
  context.stdout.write(
    `Seeded ${fmt(result.interactions)} synthetic chat interactions (${fmt(result.irfs)} IRFs, ${fmt(result.msfs)} MSFs; ` +
      `seed ${seed}) starting ${result.window.from} to ${result.window.to} into ${target.label} in ${seconds.toFixed(1)} s\n`,
  );
}
