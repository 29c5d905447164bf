/**
 * Jämförelsetal in the pane: import a saved file (read here, nothing sent), or fetch from Kolada's
 * open API after the pane has shown exactly what will be sent and the user has said yes. Either way
 * the rows go into the Jämförelsetal sheet through core's importBenchmarks, merged with what it holds.
 * Hosts without `fetchText` (Sheets) show the address to open in the browser instead.
 */
import { useRef, useState } from 'react';
import { Button, Field, Input, Link, MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, Problem } from '../../core/types';
import { t } from '../../core/i18n';
import { findOwned } from '../../core/report/create-once';
import { importBenchmarks, type BenchmarkFile } from '../../core/report/benchmark-import';
import { KoladaError, fetchKolada, koladaRequest, type KoladaRequest, type KoladaRequestError } from '../../core/report/kolada';
import { PLAN_VERSION } from '../../core/report/plan';
import { decodeText } from '../../core/table/text';
import type { Host } from '../host';
import { errorText, ownSheetNames, uniqueProblems } from '../logic';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  intro: { margin: 0 },
  action: { display: 'flex', flexDirection: 'column', gap: '2px', alignItems: 'flex-start' },
  button: { minWidth: '160px', justifyContent: 'flex-start' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalS, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  url: { wordBreak: 'break-all', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  status: { ':focus': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
});

export interface BenchmarksPanelProps {
  host: Host;
  lang: Lang;
  now: () => Date;
  /** A report is being made: no import meanwhile. */
  disabled: boolean;
  /** A sheet was written: the pane lists the sheets again. */
  onWritten: () => void;
}

type Outcome = { intent: 'success' | 'error' | 'warning'; text: string; problems: string[] };

/** How many of an import's problems are listed (they name the file; the rest are alike). */
const SHOWN_PROBLEMS = 5;

export function BenchmarksPanel({ host, lang, now, disabled, onWritten }: BenchmarksPanelProps) {
  const s = useStyles();
  const L = (k: string, p: Record<string, string | number> = {}) => t(lang, k, p);
  const fileRef = useRef<HTMLInputElement | null>(null);
  const statusRef = useRef<HTMLDivElement | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [form, setForm] = useState<{ kommun: string; years: string; group: string } | null>(null);
  const [fieldError, setFieldError] = useState<KoladaRequestError | null>(null);
  const [request, setRequest] = useState<KoladaRequest | null>(null);
  const busy = disabled || working !== null;

  const finish = (o: Outcome) => {
    setOutcome(o);
    setTimeout(() => statusRef.current?.focus(), 0);
  };
  const problemTexts = (ps: Problem[]) => uniqueProblems(ps).slice(0, SHOWN_PROBLEMS).map((p) => p.message);

  /** Merges the files into the workbook's Jämförelsetal (by marker, or by name) and writes it. */
  const write = async (files: BenchmarkFile[], label: string) => {
    const list = await host.listSheets();
    const own = findOwned('jamforelse', ownSheetNames('jamforelse', lang), list);
    const existing = own ? await host.read({ sheet: own }) : undefined;
    const r = importBenchmarks(existing, files, lang);
    if (!r.sheet) {
      finish({ intent: 'error', text: L('ui.bench.nothing', { file: label }), problems: problemTexts(r.problems) });
      return;
    }
    const applied = await host.applyPlan({ generator: 'skolanalys', version: PLAN_VERSION, sheets: [r.sheet] });
    onWritten();
    finish({ intent: r.problems.length ? 'warning' : 'success', text: L('ui.bench.done', { n: r.imported.length, file: label, sheet: applied.sheets[0] ?? r.sheet.name }), problems: problemTexts(r.problems) });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setOutcome(null);
    setWorking(L('ui.bench.importing', { file: file.name }));
    try {
      // Decoded as the CLI decodes text files: a PxWeb CSV in windows-1252 keeps its å ä ö.
      await write([{ name: file.name, text: decodeText(new Uint8Array(await file.arrayBuffer())).text }], file.name);
    } catch (e) {
      finish({ intent: 'error', text: L('ui.bench.error', { message: errorText(e) }), problems: [] });
    } finally {
      setWorking(null);
      // The same file may be chosen again after it was corrected.
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const openForm = () => {
    setOutcome(null);
    setRequest(null);
    setFieldError(null);
    const y = now().getFullYear();
    setForm((cur) => cur ?? { kommun: '', years: `${y - 4}-${y}`, group: '' });
  };

  const showRequest = () => {
    if (!form) return;
    const r = koladaRequest(form);
    if ('error' in r) {
      setFieldError(r.error);
      setRequest(null);
      return;
    }
    setFieldError(null);
    setRequest(r);
  };

  const cancel = () => {
    setRequest(null);
    setForm(null);
  };

  /** The only place the pane sends anything: after the user confirmed the request shown. */
  const confirmFetch = async () => {
    const req = request;
    const get = host.fetchText?.bind(host);
    if (!req || !get) return;
    setRequest(null);
    setForm(null);
    setWorking(L('ui.bench.fetching'));
    try {
      let text: string;
      try {
        text = await fetchKolada(req, get);
      } catch (e) {
        finish(e instanceof KoladaError
          ? { intent: 'error', text: L('ui.bench.fetchFailed', { status: e.status }), problems: [] }
          : { intent: 'error', text: L('ui.bench.networkFailed', { message: errorText(e) }), problems: [] });
        return;
      }
      const label = `${new URL(req.url).host} ${now().toISOString().slice(0, 10)}`;
      await write([{ name: label, text }], 'Kolada');
    } catch (e) {
      finish({ intent: 'error', text: L('ui.bench.error', { message: errorText(e) }), problems: [] });
    } finally {
      setWorking(null);
    }
  };

  const field = (k: 'kommun' | 'years' | 'group') => (
    <Field label={L(`ui.bench.${k}`)} size="small" validationMessage={fieldError === k ? L(`ui.bench.error.${k}`) : undefined} validationState={fieldError === k ? 'error' : 'none'}>
      <Input size="small" value={form?.[k] ?? ''} inputMode={k === 'group' ? 'text' : 'numeric'}
        onChange={(_, v) => { setRequest(null); setForm((cur) => (cur ? { ...cur, [k]: v.value } : cur)); }} />
    </Field>
  );

  return (
    <section aria-labelledby="bench-heading" className={s.section}>
      <h2 id="bench-heading" className={s.heading}>{L('ui.bench.heading')}</h2>
      <p className={s.intro}>{L('ui.bench.intro')}</p>
      <div className={s.action}>
        <input ref={fileRef} type="file" hidden accept=".json,.csv,.txt,application/json,text/csv,text/plain" aria-label={L('ui.bench.fileLabel')}
          onChange={(e) => void importFile(e.target.files?.[0])} />
        <Button className={s.button} disabled={busy} onClick={() => fileRef.current?.click()} aria-describedby="hint-bench-import">{L('ui.bench.import')}</Button>
        <span id="hint-bench-import" className={s.hint}>{L('ui.bench.importHint')}</span>
      </div>
      <div className={s.action}>
        <Button className={s.button} disabled={busy} onClick={openForm} aria-expanded={form !== null} aria-describedby="hint-bench-fetch">{L('ui.bench.fetch')}</Button>
        <span id="hint-bench-fetch" className={s.hint}>{L('ui.bench.fetchHint')}</span>
      </div>
      {form && (
        <fieldset className={s.form} aria-label={L('ui.bench.fetch')}>
          {!host.fetchText && <MessageBar intent="info" layout="multiline"><MessageBarBody>{L('ui.bench.sheets')}</MessageBarBody></MessageBar>}
          {field('kommun')}
          {field('years')}
          {field('group')}
          {!request && (
            <div className={s.actions}>
              <Button size="small" appearance="primary" onClick={showRequest}>{L('ui.bench.next')}</Button>
              <Button size="small" onClick={cancel}>{L('ui.bench.cancel')}</Button>
            </div>
          )}
          {request && (
            <MessageBar intent="warning" layout="multiline" data-testid="bench-disclosure">
              <MessageBarBody>
                <div>{L('ui.bench.disclosure', { origin: request.origin, kpis: request.kpis.join(', '), units: request.units.join(', '), years: request.years.join(', ') })}</div>
                <div className={s.url}>{L('ui.bench.address', { url: request.url })}</div>
                {!host.fetchText && <Link href={request.url} target="_blank" rel="noopener noreferrer">{L('ui.bench.openLink')}</Link>}
              </MessageBarBody>
              <MessageBarActions>
                <div className={s.actions}>
                  {host.fetchText && <Button size="small" appearance="primary" onClick={() => void confirmFetch()}>{L('ui.bench.confirm')}</Button>}
                  <Button size="small" onClick={cancel}>{L('ui.bench.cancel')}</Button>
                </div>
              </MessageBarActions>
            </MessageBar>
          )}
        </fieldset>
      )}
      <div aria-live="polite" data-testid="bench-status">
        {working && <Spinner size="tiny" label={working} />}
        <div ref={statusRef} tabIndex={-1} className={s.status} data-testid="bench-outcome">
          {outcome && (
            <MessageBar intent={outcome.intent} layout="multiline">
              <MessageBarBody>
                <div>{outcome.text}</div>
                {outcome.problems.map((p) => <div key={p}>{p}</div>)}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </div>
    </section>
  );
}
