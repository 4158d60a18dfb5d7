/**
 * Turns the spec book's citations into links a reviewer can follow: a feature's `Source:` line to
 * the User's Guide page it names, any URL in a narrative to itself, and "domain.md §N" to the
 * repository's own domain notes (a relative link, so it opens from disk and on a code host alike).
 * Works on already-escaped HTML text, so a feature still cannot inject markup.
 */
import { readFileSync } from "node:fs";

/**
 * The User's Guide pages the bundled features cite by title. "Chat Interactions" is the page the
 * flows come from (https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow-Chat);
 * "Multimedia interactions" the page of the multimedia options such as stop-ixn-queues
 * (https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow), both as docs/domain.md cites them.
 */
export const GUIDE_PAGES: readonly { title: RegExp; url: string }[] = [
  {
    title: /&quot;Chat Interactions&quot;/,
    url: "https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow-Chat",
  },
  {
    title: /&quot;Multimedia interactions&quot;/i,
    url: "https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow",
  },
];

/** An http(s) URL in escaped text, without the sentence's closing punctuation. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+?(?=[.,;:)]*(?:\s|$|&lt;|&quot;))/g;

/** Every URL in escaped text as a link opening in place (the page has no scripts; a plain href). */
export function linkUrls(escaped: string): string {
  return escaped.replace(URL_IN_TEXT, (url) => `<a class="guide-link" href="${url}">${url}</a>`);
}

/**
 * A `Source:` line, escaped, with each cited Guide page title linked to the page, and its URLs
 * linked. Returns the links found too, so the page can say when a citation links nowhere.
 */
export function linkCitation(escaped: string): { html: string; urls: string[] } {
  let html = linkUrls(escaped);
  for (const page of GUIDE_PAGES) {
    html = html.replace(page.title, (title) => `<a class="guide-link" href="${page.url}">${title}</a>`);
  }
  const urls = [...html.matchAll(/<a class="guide-link" href="([^"]+)"/g)].map((m) => m[1] ?? "");
  return { html, urls: [...new Set(urls)] };
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .replace(/`/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** Section number → anchor, from the `## N. Title` headings of domain.md; empty if it cannot be read. */
export function domainSections(file: string): Map<string, string> {
  const sections = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return sections;
  }
  for (const m of text.matchAll(/^##\s+(\d+)\.\s+(.+?)\s*$/gm)) {
    sections.set(m[1] ?? "", headingSlug(`${m[1]}. ${m[2]}`));
  }
  return sections;
}

/**
 * "domain.md §5" (and "domain.md §6–7") as a link to `href` at that section's heading. Without
 * an href (the notes are not where the page is written from) the text stays as it is.
 */
export function linkDomainRefs(
  escaped: string,
  domain: { href: string; sections: ReadonlyMap<string, string> } | undefined,
): string {
  if (domain === undefined) return escaped;
  return escaped.replace(
    /domain\.md(\s*§\s?(\d+)(?:[–-]\d+)?)?/g,
    (whole, _section, n: string | undefined) => {
      const anchor = n === undefined ? undefined : domain.sections.get(n);
      return `<a class="doc-link" href="${domain.href}${anchor === undefined ? "" : `#${anchor}`}">${whole}</a>`;
    },
  );
}
