/**
 * Escaping for the report renderers. Resource names are user input (agent and queue names come
 * from event logs and feature tables), so every renderer passes them through one of these.
 */

/** Text safe inside XML/HTML element content and double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;")
      // Control characters other than tab/newline are not allowed in XML 1.0 at all.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD")
  );
}

/**
 * One printable line: control characters (a newline in a name would break a table row or a
 * one-line assertion message) are shown as escapes, and an empty value as `""` so it stays visible.
 * C1 controls (U+0080-U+009F) count too: U+009B is a one-character CSI that some terminals obey
 * like ESC [, so an event log holding it could still move the cursor or recolour the screen.
 */
export function printable(text: string): string {
  if (text === "") return '""';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: making them visible is the point
  return text.replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
