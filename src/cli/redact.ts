/**
 * Secrets never reach the terminal or a report: database URLs keep their user, host and database
 * but lose the password, in any text that might quote one (an error message from a driver, say).
 */

/** postgres://user:secret@host/db → postgres://user:***@host/db; a URL without a password is unchanged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === "") return url;
    parsed.password = "***";
    return parsed.toString().replace("%2A%2A%2A", "***");
  } catch {
    return redactSecrets(url);
  }
}

/** Masks passwords in URLs (`scheme://user:pw@`) and key/value strings (`password=pw`) inside any text. */
export function redactSecrets(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s@/]*@/gi, "$1:***@")
    .replace(/(\bpassword\s*=\s*)('[^']*'|"[^"]*"|[^\s;&]+)/gi, "$1***");
}
