/**
 * The one request Skolanalys may make to Kolada's open API, shared by the CLI's `benchmark` and the
 * pane's "Hämta från Kolada": what it sends (KPI ids, municipality codes, years; nothing about pupils),
 * the URL, and how its pages are followed. No network here: the caller passes its own `get`.
 *
 * Kolada retired API v2 when v3 came (2025; v2 answers 410 Gone); v3 keeps v2's data format and its
 * data route, and pages with `next_url` (v2: `next_page`). Documentation: api.kolada.se/v3/docs.
 */
import { KOLADA_KPIS, RIKET } from './benchmarks';

/** Kolada's open API; asked only after the user said yes to what is sent. */
export const KOLADA_API = 'https://api.kolada.se';

/** Pages followed at most (a KPI × unit × year answer is a few dozen records; one page in practice). */
export const KOLADA_MAX_PAGES = 20;

/**
 * Years from `2021-2025` or `2021,2023`: at most 20, each 1990–2100; null when the text is not that.
 * @example yearsOf('2021-2025') // [2021, 2022, 2023, 2024, 2025]
 */
export function yearsOf(text: string): number[] | null {
  const range = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(text);
  const years = range
    ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i)
    : text.split(',').map((s) => (/^\s*\d{4}\s*$/.test(s) ? Number(s) : NaN));
  if (!years.length || years.length > 20 || years.some((y) => !(y >= 1990 && y <= 2100))) return null;
  return years;
}

/** Everything that leaves the machine, to show before asking and to build the URL from. */
export interface KoladaRequest {
  kpis: string[];
  /** The municipality, riket (`0000`) and a group of liknande kommuner when given. */
  units: string[];
  years: number[];
  /** The first page; further pages come from Kolada's own `next_url` on the same host. */
  url: string;
  /** `https://api.kolada.se`, for the message. */
  origin: string;
}

/** Why a request cannot be made: which field, so the CLI and the pane can say it their way. */
export type KoladaRequestError = 'kommun' | 'years' | 'group';

/**
 * The request for a municipality code (4 digits), years (`2021-2025`) and an optional Kolada group
 * (`G…`), or the field that is wrong. Nothing is sent by this function.
 * @example (koladaRequest({ kommun: '1280', years: '2024-2025' }) as KoladaRequest).url // 'https://api.kolada.se/v3/data/kpi/N15436,N15505,N15419/municipality/1280,0000/year/2024,2025'
 * @example koladaRequest({ kommun: '12', years: '2025' }) // { error: 'kommun' }
 */
export function koladaRequest(o: { kommun: string; years: string; group?: string; base?: string }): KoladaRequest | { error: KoladaRequestError } {
  const kommun = o.kommun.trim();
  if (!/^\d{4}$/.test(kommun) || kommun === RIKET) return { error: 'kommun' };
  const years = yearsOf(o.years);
  if (!years) return { error: 'years' };
  const group = o.group?.trim() || undefined;
  if (group !== undefined && !/^G\w{1,12}$/.test(group)) return { error: 'group' };
  const kpis = Object.keys(KOLADA_KPIS);
  const units = [kommun, RIKET, ...(group ? [group] : [])];
  const base = (o.base ?? KOLADA_API).replace(/\/+$/, '');
  return { kpis, units, years, url: `${base}/v3/data/kpi/${kpis.join(',')}/municipality/${units.join(',')}/year/${years.join(',')}`, origin: new URL(base).origin };
}

/** What a `get` answers: the HTTP status and the body as text. */
export interface KoladaAnswer {
  status: number;
  text: string;
}

/** A failed fetch: an HTTP status other than 200, or an answer that is not Kolada's JSON. */
export class KoladaError extends Error {
  constructor(readonly status: number | 'JSON', readonly url: string) {
    super(`Kolada ${status} ${url}`);
  }
}

/**
 * GETs the request's pages with the caller's `get` (Node's fetch, the pane's host) and returns one
 * saved response `{ count, values }` as `parseKoladaJson` reads it. Follows `next_url` / `next_page`
 * only on the first page's host: a link elsewhere would send the request to someone else.
 * @example JSON.parse(await fetchKolada(request, get)).values.length
 */
export async function fetchKolada(request: KoladaRequest, get: (url: string) => Promise<KoladaAnswer>): Promise<string> {
  const host = new URL(request.url).host;
  const values: unknown[] = [];
  let url: string | undefined = request.url;
  for (let page = 0; url && page < KOLADA_MAX_PAGES; page++) {
    const answer = await get(url);
    if (answer.status !== 200) throw new KoladaError(answer.status, url);
    let body: { values?: unknown; next_url?: unknown; next_page?: unknown };
    try {
      body = JSON.parse(answer.text.replace(/^\uFEFF/, ''));
    } catch {
      throw new KoladaError('JSON', url);
    }
    if (!Array.isArray(body?.values)) throw new KoladaError('JSON', url);
    values.push(...body.values);
    const next = typeof body.next_url === 'string' ? body.next_url : typeof body.next_page === 'string' ? body.next_page : undefined;
    url = undefined;
    if (next) {
      try {
        const u = new URL(next, request.url);
        if (u.host === host) url = u.href;
      } catch {
        // A next link that is no URL ends the paging.
      }
    }
  }
  return JSON.stringify({ count: values.length, values }, null, 1);
}
