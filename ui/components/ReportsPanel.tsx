/** Optional extra sources, one button per report, progress while it runs and what it wrote. */
import type { RefObject } from 'react';
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportKind } from '../../core/app';
import type { Lang } from '../../core/types';
import { t } from '../../core/i18n';
import { SOURCE_ROLES, type SourceRole } from '../logic';

/** Buttons in the order a principal uses them. */
export const PANEL_REPORTS: readonly ReportKind[] = ['elevlista', 'atgardslista', 'namndrapport', 'narvaro', 'progression'];

export type Sources = Record<SourceRole, string>;

/** What the panel is doing: reading, computing or writing (with a fraction when known). */
export interface Busy {
  text: string;
  value?: number;
}

const useStyles = makeStyles({
  sources: { display: 'grid', gridTemplateColumns: '1fr', gap: tokens.spacingVerticalS, border: 'none', padding: 0, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  earlier: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', padding: 0, margin: `0 0 ${tokens.spacingVerticalM}` },
  chosen: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  chosenItem: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, minWidth: 0 },
  chosenText: { minWidth: 0 },
  reports: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  // Button above its hint: at 300 px a hint beside the button left ragged three-line columns.
  report: { display: 'flex', flexDirection: 'column', gap: '2px', alignItems: 'flex-start', minWidth: 0 },
  button: { minWidth: '160px', justifyContent: 'flex-start' },
  select: { width: '100%', minWidth: 0, '& select': { width: '100%', textOverflow: 'ellipsis' } },
  // Focus moves to the outcome after each report; the ring shows for programmatic focus too.
  outcome: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, ':focus': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  warn: { marginBottom: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  status: { marginTop: tokens.spacingVerticalM },
});

/** A sheet the user may add as an earlier term, with its term (or why it is not used) once known. */
export interface EarlierOption {
  sheet: string;
  checked: boolean;
  note: string | null;
}

export interface ReportsPanelProps {
  lang: Lang;
  gradesSheet: string | null;
  sheets: string[];
  sources: Sources;
  /** The workbook's other sheets as earlier terms (several may be added). */
  earlier: EarlierOption[];
  onEarlier: (sheet: string, checked: boolean) => void;
  onSource: (role: SourceRole, sheet: string) => void;
  period: string;
  onPeriod: (period: string) => void;
  onRun: (kind: ReportKind) => void;
  busy: Busy | null;
  /** The sheets written, each already labelled new or replaced. */
  result: { sheets: string[]; problems: number } | null;
  error: string | null;
  /** The grade sheet read under Data is not grade data (the reports will refuse). */
  notGrades: boolean;
  /** Why no report was written (one message per input that cannot give it). */
  refusals: string[] | null;
  /** A fuller generated sheet would be replaced: the question, and the two answers. */
  confirm: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** A plain outcome line (e.g. "nothing was written"). */
  notice: string | null;
  /** Receives focus after each report action. */
  outcomeRef: RefObject<HTMLDivElement | null>;
}

export function ReportsPanel(p: ReportsPanelProps) {
  const s = useStyles();
  const { lang } = p;
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t(lang, 'ui.reports.heading')}</h2>
      {p.gradesSheet ? (
        <>
          <p data-testid="grades-sheet">{t(lang, 'ui.reports.grades', { sheet: p.gradesSheet })}</p>
          {p.notGrades && <MessageBar intent="warning" className={s.warn}><MessageBarBody>{t(lang, 'ui.reports.notGradesSheet', { sheet: p.gradesSheet })}</MessageBarBody></MessageBar>}
        </>
      ) : (
        <MessageBar intent="info"><MessageBarBody>{t(lang, 'ui.reports.needGrades')}</MessageBarBody></MessageBar>
      )}
      <fieldset className={s.earlier} aria-describedby="earlier-help">
        <legend className={s.legend}>{t(lang, 'ui.earlier.legend')}</legend>
        <span id="earlier-help" className={s.hint}>{t(lang, 'ui.earlier.help')}</span>
        {p.earlier.some((e) => e.checked) && (
          <ul className={s.chosen} aria-label={t(lang, 'ui.earlier.chosen')}>
            {p.earlier.filter((e) => e.checked).map((e) => (
              <li key={e.sheet} className={s.chosenItem} data-testid="earlier-chosen">
                <span className={s.chosenText}><strong>{e.sheet}</strong>{e.note && <span className={s.hint}> {e.note}</span>}</span>
                <Button size="small" appearance="subtle" onClick={() => p.onEarlier(e.sheet, false)} aria-label={t(lang, 'ui.earlier.removeLabel', { sheet: e.sheet })}>{t(lang, 'ui.earlier.remove')}</Button>
              </li>
            ))}
          </ul>
        )}
        <Field label={t(lang, 'ui.earlier.add')} size="small">
          <Select size="small" className={s.select} value="" onChange={(_, v) => v.value && p.onEarlier(v.value, true)}>
            <option value="">{t(lang, p.earlier.some((e) => !e.checked) ? 'ui.earlier.pick' : 'ui.earlier.none')}</option>
            {p.earlier.filter((e) => !e.checked).map((e) => <option key={e.sheet} value={e.sheet}>{e.note ? `${e.sheet} – ${e.note}` : e.sheet}</option>)}
          </Select>
        </Field>
      </fieldset>
      <fieldset className={s.sources}>
        <legend className={s.legend}>{t(lang, 'ui.reports.sources')}</legend>
        {SOURCE_ROLES.map((role) => (
          <Field key={role} label={t(lang, `ui.reports.${role}`)} size="small">
            <Select size="small" className={s.select} value={p.sources[role]} onChange={(_, v) => p.onSource(role, v.value)}>
              <option value="">{t(lang, 'ui.none')}</option>
              {p.sheets.map((n) => <option key={n} value={n}>{n}</option>)}
            </Select>
          </Field>
        ))}
        <Field label={t(lang, 'ui.reports.period')} size="small">
          <Input size="small" value={p.period} onChange={(_, v) => p.onPeriod(v.value)} />
        </Field>
      </fieldset>
      <div className={s.reports}>
        {PANEL_REPORTS.map((kind) => (
          <div key={kind} className={s.report}>
            <Button
              className={s.button}
              appearance={kind === 'namndrapport' ? 'primary' : 'secondary'}
              disabled={!!p.busy || !p.gradesSheet || p.confirm !== null}
              onClick={() => p.onRun(kind)}
              aria-describedby={`hint-${kind}`}
            >
              {t(lang, `ui.reports.kind.${kind}`)}
            </Button>
            <span id={`hint-${kind}`} className={s.hint}>{t(lang, `ui.reports.hint.${kind}`)}</span>
          </div>
        ))}
      </div>
      <div className={s.status} aria-live="polite" data-testid="report-status">
        {p.busy && (p.busy.value === undefined
          ? <Spinner size="tiny" label={p.busy.text} />
          : <Field validationMessage={p.busy.text} validationState="none"><ProgressBar value={p.busy.value} /></Field>)}
        <div ref={p.outcomeRef} tabIndex={-1} className={s.outcome} data-testid="report-outcome">
          {p.error && <MessageBar intent="error"><MessageBarBody>{p.error}</MessageBarBody></MessageBar>}
          {p.refusals && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                {p.refusals.map((r) => <div key={r}>{r}</div>)}
                <div>{t(lang, 'ui.reports.refused')}</div>
              </MessageBarBody>
            </MessageBar>
          )}
          {p.confirm && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{p.confirm}</MessageBarBody>
              <MessageBarActions>
                <div className={s.actions}>
                  <Button size="small" appearance="primary" onClick={p.onConfirm}>{t(lang, 'ui.reports.replaceAnyway')}</Button>
                  <Button size="small" onClick={p.onCancel}>{t(lang, 'ui.reports.keep')}</Button>
                </div>
              </MessageBarActions>
            </MessageBar>
          )}
          {p.notice && <MessageBar intent="info"><MessageBarBody>{p.notice}</MessageBarBody></MessageBar>}
          {p.result && !p.busy && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                {t(lang, 'ui.reports.done', { sheets: p.result.sheets.join(', ') })}
                {p.result.problems > 0 && <> {t(lang, 'ui.reports.problems', { n: p.result.problems })}</>}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </div>
    </section>
  );
}
