/**
 * A progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise (a CI log
 * should not fill with carriage returns).
 */
import type { Writable } from "node:stream";

export interface ProgressBar {
  update: (done: number, total: number) => void;
  done: () => void;
}

export function progressBar(stream: Writable, label: string, width = 30): ProgressBar {
  const tty = (stream as Writable & { isTTY?: boolean }).isTTY === true;
  const t0 = Date.now();
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total) {
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(share * width);
      const rate = done / Math.max(0.001, (Date.now() - t0) / 1000);
      const text = `${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} (${Math.round(rate).toLocaleString("en-US")}/s)`;
      if (tty) {
        stream.write(`\r${text}`);
        drawn = true;
      } else {
        const tenth = Math.floor(share * 10);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          stream.write(`${text}\n`);
        }
      }
    },
    done() {
      if (drawn) stream.write("\n");
    },
  };
}
