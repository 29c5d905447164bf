/**
 * The shared panel: Data (read and detect), Reports (build and apply a plan), Functions and
 * Settings. It talks only to `Host` and to core through core/app; every user choice lives here,
 * so an error in one step never loses the others.
 *
 * It cannot hurt the workbook: a report whose inputs cannot give it is refused before anything is
 * written (core's checkReportInputs); a generated sheet is not replaced by one with fewer figures
 * unless the user confirms; Infoga writes only into an empty cell (the host checks).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MessageBar, MessageBarActions, MessageBarBody, Button, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { buildReport, detect } from '../core/app';
import type { Detection, ReportKind, SheetData } from '../core/app';
import { checkReportInputs } from '../core/report/readiness';
import { findOwned, sheetsToWrite } from '../core/report/create-once';
import { findPeriod, periodLabel } from '../core/report/period';
import type { ReportPlan } from '../core/report/plan';
import { FUNCTIONS } from '../core/functions/catalog';
import type { ColumnInfo, ColumnMappingOverride, Lang, Problem, Settings } from '../core/types';
import { t } from '../core/i18n';
import type { Host, SheetInfo } from './host';
import {
  SOURCE_ROLES, errorText, figureCount, inputSheets, mergeSettings, ownSheetNames, readRange, reportInputs, settingsToForm, uniqueProblems, withOverride,
  type SettingsForm, type SourceRole,
} from './logic';
import { DataPanel, SELECTION } from './components/DataPanel';
import { ProblemList } from './components/ProblemList';
import { ReportsPanel, type Busy, type EarlierOption, type Sources } from './components/ReportsPanel';
import { BenchmarksPanel } from './components/BenchmarksPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { FunctionCatalog, type InsertOffer } from './components/FunctionCatalog';
import { About } from './components/About';

type TabId = 'data' | 'reports' | 'functions' | 'settings';
const TABS: readonly TabId[] = ['data', 'reports', 'functions', 'settings'];

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalS, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1, maxWidth: '640px', boxSizing: 'border-box', minWidth: 0, overflowWrap: 'break-word' },
  title: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase500 },
  // Four tabs on one row down to 300 px (measured with DejaVu Sans, wider than Segoe UI: the row
  // ends at 275 px): 12 px text, regular weight also when selected (the bar shows which), 3 px padding.
  tabs: { marginBottom: tokens.spacingVerticalM, flexWrap: 'nowrap' },
  tab: {
    paddingLeft: '3px', paddingRight: '3px', minWidth: 0,
    '& .fui-Tab__content, & .fui-Tab__content--reserved-space': { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
  },
  alert: { ':focus': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
});

export interface AppProps {
  host: Host;
  lang?: Lang;
  now?: () => Date;
}

/** Lets React paint a spinner before a synchronous core call blocks the thread. */
const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

type FocusTarget = 'detection' | 'outcome' | 'function' | 'alert';

/** A plan waiting for the user's yes: it would replace generated sheets that hold more figures. */
interface Pending {
  plan: ReportPlan;
  problems: Problem[];
  existing: Map<string, string>;
  sheets: string[];
}

export function App({ host, lang: hostLang, now = () => new Date() }: AppProps) {
  const s = useStyles();
  const [settings, setSettings] = useState<Settings>(() => mergeSettings(null, hostLang));
  const [form, setForm] = useState<SettingsForm>(() => settingsToForm(mergeSettings(null, hostLang)));
  const lang = settings.lang;
  const [tab, setTab] = useState<TabId>('data');
  const [sheetInfos, setSheetInfos] = useState<SheetInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  // Data
  const [source, setSource] = useState('');
  /** The user picked a sheet: the preselection must not override it. */
  const chosen = useRef(false);
  const [reading, setReading] = useState(false);
  const [data, setData] = useState<SheetData | null>(null);
  const [selectionRange, setSelectionRange] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMappingOverride>({});
  const [detection, setDetection] = useState<Detection | null>(null);

  // Reports
  const [sources, setSources] = useState<Sources>({ attendance: '', tests: '', survey: '' });
  /** Earlier grade sheets added for the Historik and Progression, in workbook order. */
  const [earlier, setEarlier] = useState<string[]>([]);
  /** What reading an added sheet told: its term and where it came from, or why it is not used. */
  const [earlierNotes, setEarlierNotes] = useState<Record<string, string>>({});
  const [period, setPeriod] = useState('');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [reportError, setReportError] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<string[] | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirmText, setConfirmText] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, setResult] = useState<{ sheets: string[]; problems: Problem[] } | null>(null);

  // Functions
  const [fnStatus, setFnStatus] = useState<string | null>(null);
  const [offer, setOffer] = useState<(InsertOffer & { formula: string }) | null>(null);

  // Focus moves to the outcome of each action (after React has rendered it).
  const detectionRef = useRef<HTMLHeadingElement | null>(null);
  const outcomeRef = useRef<HTMLDivElement | null>(null);
  const functionRef = useRef<HTMLDivElement | null>(null);
  const alertRef = useRef<HTMLDivElement | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ target: FocusTarget; n: number } | null>(null);
  const focusOn = (target: FocusTarget) => setFocusRequest((cur) => ({ target, n: (cur?.n ?? 0) + 1 }));
  useEffect(() => {
    if (!focusRequest) return;
    const refs = { detection: detectionRef, outcome: outcomeRef, function: functionRef, alert: alertRef };
    (refs[focusRequest.target].current ?? alertRef.current)?.focus();
  }, [focusRequest]);

  const sheets = useMemo(() => inputSheets(sheetInfos), [sheetInfos]);

  /** Reads an added sheet once to show its term as the report will see it (name, else SCB's Datum). */
  const describeEarlier = async (sheet: string) => {
    setEarlierNotes((n) => ({ ...n, [sheet]: t(lang, 'ui.earlier.reading') }));
    let note: string;
    try {
      const d = await host.read({ sheet });
      await nextFrame();
      if (detect(d, { settings, now: now() }).kind !== 'grades') note = t(lang, 'ui.earlier.notGrades');
      else {
        const p = findPeriod({ sheet: d.sheet, values: d.values });
        note = p ? t(lang, p.from === 'datum' ? 'ui.earlier.periodFrom.datum' : 'ui.earlier.periodFrom.sheet', { period: periodLabel(p, lang) }) : t(lang, 'ui.earlier.noPeriod');
      }
    } catch (e) {
      note = t(lang, 'ui.earlier.readError', { message: errorText(e) });
    }
    setEarlierNotes((n) => ({ ...n, [sheet]: note }));
  };

  const toggleEarlier = (sheet: string, on: boolean) => {
    setEarlier((cur) => (on ? sheets.filter((x) => x === sheet || cur.includes(x)) : cur.filter((x) => x !== sheet)));
    if (on) void describeEarlier(sheet);
  };

  const gradesName = data?.sheet ?? null;
  const earlierOptions: EarlierOption[] = useMemo(() => sheets.filter((x) => x !== gradesName).map((sheet) => {
    const checked = earlier.includes(sheet);
    // Not added: the term its name gives, without reading it.
    const named = checked ? null : findPeriod({ sheet });
    return { sheet, checked, note: checked ? earlierNotes[sheet] ?? null : named ? t(lang, 'ui.earlier.periodFrom.sheet', { period: periodLabel(named, lang) }) : null };
  }), [sheets, gradesName, earlier, earlierNotes, lang]);

  /** The first sheet that detects as grade data, read in workbook order (stops at the first). */
  const preselect = useCallback(async (names: string[], st: Settings) => {
    for (const name of names) {
      if (chosen.current) return;
      try {
        const d = await host.read({ sheet: name });
        if (detect(d, { settings: st, now: now() }).kind === 'grades') {
          if (!chosen.current) setSource(name);
          return;
        }
      } catch {
        // A sheet that cannot be read is not preselected; the next one is tried.
      }
    }
    // `now` is stable for the pane's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const refreshSheets = useCallback(async (first = false) => {
    try {
      const list = await host.listSheets();
      setSheetInfos(list);
      const names = inputSheets(list);
      setSource((cur) => (cur && (cur === SELECTION || names.includes(cur)) ? cur : names[0] ?? SELECTION));
      return names;
    } catch (e) {
      setError(t(lang, 'ui.error.listSheets', { message: errorText(e) }));
      if (first) focusOn('alert');
      return null;
    }
  }, [host, lang]);

  useEffect(() => {
    void (async () => {
      let st = mergeSettings(null, hostLang);
      try {
        const saved = await host.loadSettings();
        if (saved) {
          st = mergeSettings(saved, hostLang);
          setSettings(st);
          setForm(settingsToForm(st));
        }
      } catch {
        // No saved settings is not an error: the defaults apply.
      }
      const names = await refreshSheets(true);
      if (names) await preselect(names, st);
    })();
    // Once per host.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const runDetect = (d: SheetData, m: ColumnMappingOverride, st: Settings, range: string | null) => {
    try {
      const found = detect(d, { mapping: m, settings: st, now: now() });
      // A selection core cannot recognise is the selection's fault, not the sheet's: say so.
      const problems = uniqueProblems(found.problems).map((p) =>
        range !== null && p.code === 'report.unknownKind' ? { ...p, message: t(st.lang, 'ui.data.selectionUnknown', { range }) } : p);
      setDetection({ ...found, problems });
    } catch (e) {
      setDetection(null);
      setError(t(st.lang, range !== null ? 'ui.error.selection' : 'ui.error.detect', { sheet: d.sheet, message: errorText(e) }));
      focusOn('alert');
      return false;
    }
    return true;
  };

  const read = async () => {
    setError(null);
    setReading(true);
    const fromSelection = source === SELECTION;
    try {
      const d = await host.read(fromSelection ? { selection: true } : { sheet: source });
      await nextFrame();
      setData(d);
      const range = fromSelection ? readRange(d) : null;
      setSelectionRange(range);
      // A new sheet starts from its own detection; overrides were for the previous one.
      const m = data && data.sheet === d.sheet ? mapping : {};
      setMapping(m);
      setResult(null);
      if (runDetect(d, m, settings, range)) focusOn('detection');
    } catch (e) {
      // The host's own text may be English (Office) or say nothing of the selection: ours does.
      setError(fromSelection ? t(lang, 'ui.error.selection') : t(lang, 'ui.error.read', { sheet: source, message: errorText(e) }));
      focusOn('alert');
    } finally {
      setReading(false);
      void refreshSheets();
    }
  };

  const remap = (column: ColumnInfo, value: string) => {
    if (!data) return;
    const m = withOverride(mapping, column, value);
    setMapping(m);
    runDetect(data, m, settings, selectionRange);
  };

  const resetMapping = () => {
    setMapping({});
    if (data) runDetect(data, {}, settings, selectionRange);
  };

  const selectCell = async (cell: string) => {
    try {
      await host.selectCell(cell);
    } catch (e) {
      setError(t(lang, 'ui.error.selectCell', { cell, message: errorText(e) }));
      focusOn('alert');
    }
  };

  const clearOutcome = () => {
    setReportError(null);
    setRefusals(null);
    setPending(null);
    setConfirmText(null);
    setNotice(null);
    setResult(null);
  };

  /** Writes a plan and says exactly which sheets were written new and which were replaced. */
  const apply = async (plan: ReportPlan, problems: Problem[], existing: Map<string, string>) => {
    const total = plan.sheets.length;
    setBusy({ text: t(lang, 'ui.reports.writingNoSheet', { done: 0, total }), value: 0 });
    const before = await host.listSheets();
    const applied = await host.applyPlan(plan, (p) =>
      setBusy({
        text: p.sheet ? t(lang, 'ui.reports.writing', { sheet: p.sheet, done: p.done, total: p.total }) : t(lang, 'ui.reports.writingNoSheet', { done: p.done, total: p.total }),
        value: p.total ? p.done / p.total : undefined,
      }),
    );
    // A create-once sheet the workbook has is not written: it is not named as written either.
    const written = sheetsToWrite(plan, before.map((x) => ({ name: x.name, key: x.key ?? null })));
    const labels = written.map((sp, i) => t(lang, existing.has(sp.key) ? 'ui.reports.sheetReplaced' : 'ui.reports.sheetNew', { sheet: applied.sheets[i] ?? sp.name }));
    setResult({ sheets: labels, problems: uniqueProblems(problems) });
    void refreshSheets();
  };

  const run = async (kind: ReportKind) => {
    clearOutcome();
    if (!data) { setReportError(t(lang, 'ui.reports.needGrades')); focusOn('outcome'); return; }
    if (kind === 'narvaro' && !sources.attendance) { setReportError(t(lang, 'ui.reports.needAttendance')); focusOn('outcome'); return; }
    // Only added sheets that still exist (a sheet may have been deleted or renamed since).
    const chosenEarlier = earlier.filter((x) => sheets.includes(x) && x !== data.sheet);
    if (kind === 'progression' && !chosenEarlier.length) { setReportError(t(lang, 'ui.reports.needPrevious')); focusOn('outcome'); return; }
    const name = t(lang, `ui.reports.kind.${kind}`);
    try {
      const extra: Partial<Record<SourceRole, SheetData>> = {};
      for (const role of SOURCE_ROLES) {
        const sheet = sources[role];
        if (!sheet) continue;
        setBusy({ text: t(lang, 'ui.reports.reading', { sheet }) });
        try {
          extra[role] = await host.read({ sheet });
        } catch (e) {
          setReportError(t(lang, 'ui.reports.readError', { sheet, message: errorText(e) }));
          return;
        }
      }
      const earlierData: SheetData[] = [];
      for (const sheet of chosenEarlier) {
        setBusy({ text: t(lang, 'ui.reports.reading', { sheet }) });
        try {
          earlierData.push(await host.read({ sheet }));
        } catch (e) {
          setReportError(t(lang, 'ui.reports.readError', { sheet, message: errorText(e) }));
          return;
        }
      }
      setBusy({ text: t(lang, 'ui.reports.checking') });
      await nextFrame();
      const inputs = reportInputs(data, mapping, extra, period, earlierData);
      const when = now();
      // Another year's pupils feed the Historik only (as the CLI): progression needs the same pupils,
      // so only the Progression report is refused for them.
      if (kind !== 'progression' && inputs.previous) {
        const unmatched = checkReportInputs(inputs, ['progression'], settings, when).filter((r) => r.input === 'previous');
        if (unmatched.length && unmatched.every((r) => r.found === 'grades')) delete inputs.previous;
      }
      if (checkReportInputs(inputs, [kind], settings, when).length > 0) {
        // Refused. Read the workbook's other sheets once, so the message can name one that fits.
        const used = new Set([data.sheet, ...Object.values(extra).map((d) => d.sheet), ...earlierData.map((d) => d.sheet)]);
        const others: SheetData[] = [];
        for (const sheet of sheets) {
          if (used.has(sheet)) continue;
          try { others.push(await host.read({ sheet })); } catch { /* an unreadable sheet is no suggestion */ }
        }
        setRefusals(checkReportInputs(inputs, [kind], settings, when, others).map((r) => r.message));
        return;
      }
      // Närvaro goes with the school's Närvaroplan: read when the workbook has one (by marker, or by
      // name), else made once with the default ladder (hosts never write it again).
      // The Nämndrapport goes with the Historik, Jämförelsetal and Mål as in the CLI: the workbook's own
      // (by marker, or by name in either language) are read back; Mål is made once, then the school's.
      // Progression also makes the Resultatdialog sheets of the same pupils (issue 15).
      const kinds: ReportKind[] = kind === 'narvaro' ? ['narvaro', 'narvaroplan'] : kind === 'namndrapport' ? ['namndrapport', 'historik', 'jamforelse', 'mal']
        : kind === 'progression' ? ['progression', 'resultatdialog'] : [kind];
      const have = await host.listSheets();
      const readOwn = async (key: string) => {
        const own = findOwned(key, ownSheetNames(key, lang), have);
        return own === undefined ? undefined : host.read({ sheet: own });
      };
      if (kind === 'narvaro') inputs.attendancePlan = await readOwn('narvaroplan');
      if (kind === 'namndrapport') {
        inputs.history = await readOwn('historik');
        inputs.targets = await readOwn('mal');
        inputs.benchmarks = await readOwn('jamforelse');
      }
      for (const k of ['attendancePlan', 'history', 'targets', 'benchmarks'] as const) if (!inputs[k]) delete inputs[k];
      setBusy({ text: t(lang, 'ui.reports.building', { report: name }) });
      await nextFrame();
      const built = buildReport(inputs, kinds, settings, when);
      // Generated sheets this plan would replace (by marker key), and how many figures each holds now.
      const list = await host.listSheets();
      setSheetInfos(list);
      const existing = new Map(list.filter((x) => x.generated && x.key).map((x) => [x.key!, x.name]));
      const fewer: { sheet: string; old: number; now: number }[] = [];
      for (const sp of built.plan.sheets) {
        const current = existing.get(sp.key);
        // A create-once sheet the workbook has is not replaced at all: nothing to weigh.
        if (!current || sp.createOnly) continue;
        const old = figureCount((await host.read({ sheet: current })).values);
        const fresh = figureCount(sp.blocks.flatMap((b) => b.values));
        if (fresh < old) fewer.push({ sheet: current, old, now: fresh });
      }
      if (fewer.length > 0) {
        setPending({ plan: built.plan, problems: built.problems, existing, sheets: fewer.map((f) => f.sheet) });
        setConfirmText(fewer.map((f) => t(lang, 'ui.reports.lessContent', { sheet: f.sheet, old: f.old, new: f.now })).join(' '));
        return;
      }
      await apply(built.plan, built.problems, existing);
    } catch (e) {
      setReportError(t(lang, 'ui.reports.error', { message: errorText(e) }));
    } finally {
      setBusy(null);
      focusOn('outcome');
    }
  };

  const confirmReplace = async () => {
    const p = pending;
    clearOutcome();
    if (!p) return;
    try {
      await apply(p.plan, p.problems, p.existing);
    } catch (e) {
      setReportError(t(lang, 'ui.reports.error', { message: errorText(e) }));
    } finally {
      setBusy(null);
      focusOn('outcome');
    }
  };

  const keepOld = () => {
    const p = pending;
    clearOutcome();
    if (p) setNotice(t(lang, 'ui.reports.kept', { sheets: p.sheets.join(', ') }));
    focusOn('outcome');
  };

  /** Applies and persists valid settings from the form. */
  const saveSettings = async (next: Settings) => {
    setSettings(next);
    setForm(settingsToForm(next));
    try {
      await host.saveSettings(next);
    } catch (e) {
      setError(t(lang, 'ui.error.settings', { message: errorText(e) }));
      focusOn('alert');
    }
    if (data) runDetect(data, mapping, next, selectionRange);
  };

  /** The language applies at once; typed but unsaved fields of the form stay as they are. */
  const changeLang = async (l: Lang) => {
    const next = { ...settings, lang: l };
    setSettings(next);
    if (data) runDetect(data, mapping, next, selectionRange);
    try {
      await host.saveSettings(next);
    } catch (e) {
      setError(t(l, 'ui.error.settings', { message: errorText(e) }));
      focusOn('alert');
    }
  };

  const insert = async (formula: string, cell?: string) => {
    setOffer(null);
    setFnStatus(null);
    try {
      const r = await host.insertFormula(formula, cell);
      if (r.written) setFnStatus(t(lang, 'ui.functions.inserted', { formula: r.formula, cell: r.cell }));
      else setOffer({ formula, next: r.next, text: r.next ? t(lang, 'ui.functions.occupied', { cell: r.cell, next: r.next }) : t(lang, 'ui.functions.occupiedNoNext', { cell: r.cell }) });
    } catch (e) {
      setFnStatus(t(lang, 'ui.error.insert', { message: errorText(e) }));
    }
    focusOn('function');
  };

  const overridden = useMemo(() => new Set(Object.keys(mapping)), [mapping]);
  const gradesSheet = data && detection ? (selectionRange ?? data.sheet) : null;

  return (
    <div className={s.root} lang={lang}>
      <h1 className={s.title}>{t(lang, 'ui.title')}</h1>
      <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => { setTab(d.value as TabId); void refreshSheets(); }} aria-label={t(lang, 'ui.tabs.label')} size="small">
        {TABS.map((id) => <Tab key={id} value={id} className={s.tab}>{t(lang, `ui.tab.${id}`)}</Tab>)}
      </TabList>
      {error && (
        <MessageBar intent="error" role="alert" ref={alertRef} tabIndex={-1} className={s.alert}>
          <MessageBarBody>{error}</MessageBarBody>
          <MessageBarActions><Button size="small" onClick={() => setError(null)}>{t(lang, 'ui.dismiss')}</Button></MessageBarActions>
        </MessageBar>
      )}
      <div role="tabpanel" aria-label={t(lang, `ui.tab.${tab}`)}>
        {tab === 'data' && (
          <>
            <DataPanel
              lang={lang} sheets={sheets} source={source} onSource={(v) => { chosen.current = true; setSource(v); }} onRead={read} busy={reading}
              detection={detection} overridden={overridden} onMap={remap} onReset={resetMapping} selection={selectionRange} resultRef={detectionRef}
            />
            {detection && (
              <ProblemList lang={lang} problems={detection.problems} heading={t(lang, 'ui.problems.heading', { n: detection.problems.length })} onSelect={selectCell} />
            )}
          </>
        )}
        {tab === 'reports' && (
          <>
            <ReportsPanel
              lang={lang} gradesSheet={gradesSheet} sheets={sheets} sources={sources} earlier={earlierOptions} onEarlier={toggleEarlier}
              onSource={(role, sheet) => setSources((cur) => ({ ...cur, [role]: sheet }))}
              period={period} onPeriod={setPeriod} onRun={run} busy={busy}
              result={result && { sheets: result.sheets, problems: result.problems.length }} error={reportError}
              notGrades={!!detection && detection.kind !== 'grades'} refusals={refusals}
              confirm={confirmText} onConfirm={() => void confirmReplace()} onCancel={keepOld} notice={notice} outcomeRef={outcomeRef}
            />
            {result && result.problems.length > 0 && (
              <ProblemList lang={lang} problems={result.problems} heading={t(lang, 'ui.problems.reportHeading', { n: result.problems.length })} onSelect={selectCell} />
            )}
            <BenchmarksPanel host={host} lang={lang} now={now} disabled={!!busy} onWritten={() => void refreshSheets()} />
          </>
        )}
        {tab === 'functions' && (
          <FunctionCatalog
            lang={lang} kind={host.kind} functions={FUNCTIONS} onInsert={(f) => void insert(f)} status={fnStatus}
            offer={offer} onInsertAt={(cell) => offer && void insert(offer.formula, cell)} onCancel={() => { setOffer(null); setFnStatus(t(lang, 'ui.functions.cancelled')); focusOn('function'); }}
            statusRef={functionRef}
          />
        )}
        {tab === 'settings' && (
          <SettingsPanel lang={lang} settings={settings} form={form} onForm={setForm} onLang={(l) => void changeLang(l)} onSave={saveSettings} />
        )}
      </div>
      <About lang={lang} kind={host.kind} fetches={!!host.fetchText} />
    </div>
  );
}
