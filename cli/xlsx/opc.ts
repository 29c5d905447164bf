/**
 * Open Packaging Conventions, as far as a workbook needs them: content types, relationships
 * resolved by the OPC rules (relative to the source part, or absolute with a leading `/`), and
 * a small scanner for the tags of index parts that works whatever namespace prefix a producer
 * chose (`<sheet>`, `<x:sheet>`, …). Edits made with it are insertions and removals of whole
 * elements in the original text, so everything else in a part stays as it was, byte for byte.
 */

/** One start, end or empty tag of an XML text, with its place. */
export interface Tag {
  /** Local name, prefix dropped (`x:sheet` → `sheet`). */
  name: string;
  /** The prefix as written (`x:`), or ''. */
  prefix: string;
  start: number;
  end: number;
  closing: boolean;
  selfClosing: boolean;
  text: string;
}

// Attribute values may hold `>` (number formats like `[>=100]0`), so quoted runs are skipped whole.
const TAG_RE = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Every element tag of `xml` in order (declarations, comments and processing instructions skipped). */
export function tags(xml: string, from = 0, to = xml.length): Tag[] {
  const out: Tag[] = [];
  TAG_RE.lastIndex = from;
  for (let m = TAG_RE.exec(xml); m && m.index < to; m = TAG_RE.exec(xml)) {
    out.push({ name: m[3], prefix: m[2] ?? '', start: m.index, end: m.index + m[0].length, closing: m[1] === '/', selfClosing: m[5] === '/', text: m[0] });
  }
  return out;
}

/** The attributes of a start tag, by qualified name as written (`r:id`, `name`), values unescaped. */
export function attrs(tagText: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagText.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ''));
  return out;
}

/** An attribute by local name, whatever its prefix (`r:id` and `x:id` both answer `id` when `ns` prefix matches). */
export function attr(tagText: string, name: string): string | undefined {
  return attrs(tagText).get(name);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text or attribute value → string (named and numeric character references). */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]);
}

/** Text for XML content or a double-quoted attribute. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The end of the element whose start tag is `tags[i]`: the index of its end tag (or `i` when empty). */
export function elementEnd(ts: Tag[], i: number): number {
  if (ts[i].selfClosing) return i;
  let depth = 0;
  for (let k = i; k < ts.length; k++) {
    const t = ts[k];
    if (t.selfClosing) continue;
    if (t.closing) {
      if (--depth === 0) return k;
    } else depth++;
  }
  return ts.length - 1;
}

/** Our XML written without a prefix, given the prefix the user's part uses for the same namespace. */
export function prefixed(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(?![\w.-]+:)([A-Za-z_])/g, `<$1${prefix}$2`) : xml;
}

/** The prefix bound to namespace `uri` on the root element (`r:` for relationships), or null. */
export function prefixFor(xml: string, ...uris: string[]): string | null {
  const root = tags(xml, 0, Math.min(xml.length, 4096)).find((t) => !t.closing);
  if (!root) return null;
  for (const [k, v] of attrs(root.text)) {
    if (!uris.includes(v)) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return `${k.slice(6)}:`;
  }
  return null;
}

export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Strict Open XML (ISO 29500 strict) names the same things under other URIs. */
export const NS_R_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** A relationship of a part. */
export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's is `_rels/.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Relationships in a .rels text. */
export function parseRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return tags(xml)
    .filter((t) => t.name === 'Relationship' && !t.closing)
    .map((t) => {
      const a = attrs(t.text);
      return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '', external: a.get('TargetMode') === 'External' };
    });
}

/** Whether a relationship type is `kind` (`worksheet`, `styles`, …) in transitional or strict OOXML. */
export function relIs(rel: Rel, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

/**
 * The part a relationship points at, by the OPC rules: `/xl/x.xml` is absolute, anything else is
 * relative to the source part's folder (`..` allowed); percent-escapes decoded. No leading `/`.
 */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // A stray % is taken literally.
  }
  t = t.split('#')[0];
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** The shortest relative target from `sourcePart` to `part`, as Office writes them (`worksheets/sheet3.xml`, `../charts/chart1.xml`). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = part.split('/');
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...Array(from.length - k).fill('..'), ...to.slice(k)].join('/');
}

/** `[Content_Types].xml`: defaults by extension and overrides by part name. */
export class ContentTypes {
  readonly defaults = new Map<string, string>();
  readonly overrides = new Map<string, string>();

  constructor(readonly xml: string) {
    for (const t of tags(xml)) {
      if (t.closing) continue;
      const a = attrs(t.text);
      if (t.name === 'Default') this.defaults.set((a.get('Extension') ?? '').toLowerCase(), a.get('ContentType') ?? '');
      else if (t.name === 'Override') this.overrides.set((a.get('PartName') ?? '').replace(/^\//, '').toLowerCase(), a.get('ContentType') ?? '');
    }
  }

  /** The content type of a part (no leading `/`). */
  of(part: string): string | undefined {
    const o = this.overrides.get(part.toLowerCase());
    if (o !== undefined) return o;
    const dot = part.lastIndexOf('.');
    return dot < 0 ? undefined : this.defaults.get(part.slice(dot + 1).toLowerCase());
  }
}

/** Content types of the parts this tool writes. */
export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  customProperty: 'application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty',
};

/** Relationship types of the parts this tool writes. */
export const REL = {
  worksheet: `${NS_R}/worksheet`,
  table: `${NS_R}/table`,
  drawing: `${NS_R}/drawing`,
  chart: `${NS_R}/chart`,
  customProperty: `${NS_R}/customProperty`,
};
