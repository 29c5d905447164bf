/**
 * The shared panel: Data (read and detect), Reports (build and apply a plan), Functions and
 * Settings. It talks only to `Host` and to core through core/app; every user choice lives here,
 * so an error in one step never loses the others.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { MessageBar, MessageBarActions, MessageBarBody, Button, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { buildReport, detect } from '../core/app';
import type { Detection, ReportKind, SheetData } from '../core/app';
import { FUNCTIONS } from '../core/functions/catalog';
import type { ColumnInfo, ColumnMappingOverride, Lang, Problem, Settings } from '../core/types';
import { t } from '../core/i18n';
import type { Host, SheetInfo } from './host';
import { SOURCE_ROLES, errorText, inputSheets, mergeSettings, reportInputs, withOverride, type SourceRole } from './logic';
import { DataPanel, SELECTION } from './components/DataPanel';
import { ProblemList } from './components/ProblemList';
import { ReportsPanel, type Busy, type Sources } from './components/ReportsPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { FunctionCatalog } from './components/FunctionCatalog';

type TabId = 'data' | 'reports' | 'functions' | 'settings';
const TABS: readonly TabId[] = ['data', 'reports', 'functions', 'settings'];

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1, maxWidth: '640px' },
  title: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase500 },
  tabs: { marginBottom: tokens.spacingVerticalM, flexWrap: 'wrap' },
});

export interface AppProps {
  host: Host;
  lang?: Lang;
  now?: () => Date;
}

/** Lets React paint a spinner before a synchronous core call blocks the thread. */
const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

export function App({ host, lang: hostLang, now = () => new Date() }: AppProps) {
  const s = useStyles();
  const [settings, setSettings] = useState<Settings>(() => mergeSettings(null, hostLang));
  const lang = settings.lang;
  const [tab, setTab] = useState<TabId>('data');
  const [sheetInfos, setSheetInfos] = useState<SheetInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  // Data
  const [source, setSource] = useState('');
  const [reading, setReading] = useState(false);
  const [data, setData] = useState<SheetData | null>(null);
  const [mapping, setMapping] = useState<ColumnMappingOverride>({});
  const [detection, setDetection] = useState<Detection | null>(null);

  // Reports
  const [sources, setSources] = useState<Sources>({ previous: '', attendance: '', tests: '', survey: '' });
  const [period, setPeriod] = useState('');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [reportError, setReportError] = useState<string | null>(null);
  const [result, setResult] = useState<{ sheets: string[]; problems: Problem[] } | null>(null);
  const [fnStatus, setFnStatus] = useState<string | null>(null);

  const sheets = useMemo(() => inputSheets(sheetInfos), [sheetInfos]);

  const refreshSheets = useCallback(async () => {
    try {
      const list = await host.listSheets();
      setSheetInfos(list);
      const names = inputSheets(list);
      setSource((cur) => (cur && (cur === SELECTION || names.includes(cur)) ? cur : names[0] ?? SELECTION));
    } catch (e) {
      setError(t(lang, 'ui.error.listSheets', { message: errorText(e) }));
    }
  }, [host, lang]);

  useEffect(() => {
    void refreshSheets();
    host.loadSettings().then(
      (saved) => { if (saved) setSettings(mergeSettings(saved, hostLang)); },
      () => undefined, // No saved settings is not an error: the defaults apply.
    );
    // Once per host.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const runDetect = (d: SheetData, m: ColumnMappingOverride, st: Settings) => {
    try {
      setDetection(detect(d, { mapping: m, settings: st, now: now() }));
    } catch (e) {
      setDetection(null);
      setError(t(lang, 'ui.error.detect', { sheet: d.sheet, message: errorText(e) }));
    }
  };

  const read = async () => {
    setError(null);
    setReading(true);
    const label = source === SELECTION ? t(lang, 'ui.data.selection') : source;
    try {
      const d = await host.read(source === SELECTION ? { selection: true } : { sheet: source });
      await nextFrame();
      setData(d);
      // A new sheet starts from its own detection; overrides were for the previous one.
      const m = data && data.sheet === d.sheet ? mapping : {};
      setMapping(m);
      setResult(null);
      runDetect(d, m, settings);
    } catch (e) {
      setError(t(lang, 'ui.error.read', { sheet: label, message: errorText(e) }));
    } finally {
      setReading(false);
      void refreshSheets();
    }
  };

  const remap = (column: ColumnInfo, value: string) => {
    if (!data) return;
    const m = withOverride(mapping, column, value);
    setMapping(m);
    runDetect(data, m, settings);
  };

  const resetMapping = () => {
    setMapping({});
    if (data) runDetect(data, {}, settings);
  };

  const selectCell = async (cell: string) => {
    try {
      await host.selectCell(cell);
    } catch (e) {
      setError(t(lang, 'ui.error.selectCell', { cell, message: errorText(e) }));
    }
  };

  const run = async (kind: ReportKind) => {
    setReportError(null);
    setResult(null);
    if (!data) { setReportError(t(lang, 'ui.reports.needGrades')); return; }
    if (kind === 'narvaro' && !sources.attendance) { setReportError(t(lang, 'ui.reports.needAttendance')); return; }
    if (kind === 'progression' && !sources.previous) { setReportError(t(lang, 'ui.reports.needPrevious')); return; }
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
      setBusy({ text: t(lang, 'ui.reports.building', { report: name }) });
      await nextFrame();
      const built = buildReport(reportInputs(data, mapping, extra, period), [kind], settings, now());
      const total = built.plan.sheets.length;
      setBusy({ text: t(lang, 'ui.reports.writingNoSheet', { done: 0, total }), value: 0 });
      const applied = await host.applyPlan(built.plan, (p) =>
        setBusy({
          text: p.sheet ? t(lang, 'ui.reports.writing', { sheet: p.sheet, done: p.done, total: p.total }) : t(lang, 'ui.reports.writingNoSheet', { done: p.done, total: p.total }),
          value: p.total ? p.done / p.total : undefined,
        }),
      );
      setResult({ sheets: applied.sheets, problems: built.problems });
      void refreshSheets();
    } catch (e) {
      setReportError(t(lang, 'ui.reports.error', { message: errorText(e) }));
    } finally {
      setBusy(null);
    }
  };

  const saveSettings = async (next: Settings) => {
    setSettings(next);
    try {
      await host.saveSettings(next);
    } catch (e) {
      setError(t(lang, 'ui.error.settings', { message: errorText(e) }));
    }
    if (data) runDetect(data, mapping, next);
  };

  const insert = async (formula: string) => {
    try {
      await host.insertFormula(formula);
      setFnStatus(t(lang, 'ui.functions.inserted', { formula }));
    } catch (e) {
      setFnStatus(t(lang, 'ui.error.insert', { message: errorText(e) }));
    }
  };

  const overridden = useMemo(() => new Set(Object.keys(mapping)), [mapping]);
  const gradesSheet = data && detection ? data.sheet : null;

  return (
    <div className={s.root} lang={lang}>
      <h1 className={s.title}>{t(lang, 'ui.title')}</h1>
      <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => { setTab(d.value as TabId); void refreshSheets(); }} aria-label={t(lang, 'ui.tabs.label')} size="small">
        {TABS.map((id) => <Tab key={id} value={id}>{t(lang, `ui.tab.${id}`)}</Tab>)}
      </TabList>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
          <MessageBarActions><Button size="small" onClick={() => setError(null)}>{t(lang, 'ui.dismiss')}</Button></MessageBarActions>
        </MessageBar>
      )}
      <div role="tabpanel" aria-label={t(lang, `ui.tab.${tab}`)}>
        {tab === 'data' && (
          <>
            <DataPanel
              lang={lang} sheets={sheets} source={source} onSource={setSource} onRead={read} busy={reading}
              detection={detection} overridden={overridden} onMap={remap} onReset={resetMapping}
            />
            {detection && (
              <ProblemList lang={lang} problems={detection.problems} heading={t(lang, 'ui.problems.heading', { n: detection.problems.length })} onSelect={selectCell} />
            )}
          </>
        )}
        {tab === 'reports' && (
          <>
            <ReportsPanel
              lang={lang} gradesSheet={gradesSheet} sheets={sheets} sources={sources}
              onSource={(role, sheet) => setSources((cur) => ({ ...cur, [role]: sheet }))}
              period={period} onPeriod={setPeriod} onRun={run} busy={busy}
              result={result && { sheets: result.sheets, problems: result.problems.length }} error={reportError}
            />
            {result && result.problems.length > 0 && (
              <ProblemList lang={lang} problems={result.problems} heading={t(lang, 'ui.problems.reportHeading', { n: result.problems.length })} onSelect={selectCell} />
            )}
          </>
        )}
        {tab === 'functions' && <FunctionCatalog lang={lang} kind={host.kind} functions={FUNCTIONS} onInsert={insert} status={fnStatus} />}
        {tab === 'settings' && (
          <SettingsPanel lang={lang} settings={settings} onLang={(l) => void saveSettings({ ...settings, lang: l })} onSave={saveSettings} />
        )}
      </div>
    </div>
  );
}
