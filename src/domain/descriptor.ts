/**
 * A technical descriptor: the role a resource played and the technical result of its attempt,
 * written the User's Guide's way, `Role/Result [Reason]` (the reason omitted when Unspecified).
 */
export interface Descriptor {
  role: string;
  result: string;
  reason: string;
  roleReason: string;
}

export const UNSPECIFIED = "Unspecified";

export function formatDescriptor(d: Pick<Descriptor, "role" | "result" | "reason">): string {
  const base = `${d.role}/${d.result}`;
  return d.reason === UNSPECIFIED || d.reason === "" ? base : `${base} [${d.reason}]`;
}

const DESCRIPTOR_TEXT = /^\s*([A-Za-z]+)\s*\/\s*([A-Za-z]+)\s*(?:\[\s*([A-Za-z]+)\s*\])?\s*$/;

/** Parses `RoutedTo/Redirected [Revoked]`; returns undefined when the text is not a descriptor. */
export function parseDescriptor(text: string): Omit<Descriptor, "roleReason"> | undefined {
  const m = DESCRIPTOR_TEXT.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  return { role: m[1], result: m[2], reason: m[3] ?? UNSPECIFIED };
}
