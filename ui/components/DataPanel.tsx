/** Choose a sheet (or the selection), read it, see what was detected, and correct the column mapping. */
import type { RefObject } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Detection } from '../../core/app';
import type { ColumnInfo, Lang } from '../../core/types';
import { MESSAGES, t } from '../../core/i18n';
import { mappingKey, roleLabel, roleOptions, roleToValue } from '../logic';

/** The source dropdown's value for "use the selection" (no sheet can be called this). */
export const SELECTION = '\u0000selection';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '160px', maxWidth: '100%' },
  select: { width: '100%', minWidth: 0, '& select': { width: '100%', textOverflow: 'ellipsis' } },
  // Focus moves here after Läs in; the ring shows for programmatic focus too.
  result: { ':focus': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: 0 },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  columns: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  summary: { cursor: 'pointer' },
});

export interface DataPanelProps {
  lang: Lang;
  sheets: string[];
  source: string;
  onSource: (source: string) => void;
  onRead: () => void;
  busy: boolean;
  detection: Detection | null;
  /** Columns whose mapping the user changed (by mapping key). */
  overridden: ReadonlySet<string>;
  onMap: (column: ColumnInfo, value: string) => void;
  onReset: () => void;
  /** The address of the selection the detection came from; null when a sheet was read. */
  selection: string | null;
  /** Receives focus after each read (the "Hittade" heading). */
  resultRef: RefObject<HTMLHeadingElement | null>;
}

export function DataPanel(p: DataPanelProps) {
  const s = useStyles();
  const { lang, detection: d } = p;
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t(lang, 'ui.data.heading')}</h2>
      {!p.sheets.length && <p>{t(lang, 'ui.data.noSheets')}</p>}
      <div className={s.row}>
        <Field label={t(lang, 'ui.data.source')} className={s.grow}>
          <Select className={s.select} value={p.source} onChange={(_, v) => p.onSource(v.value)}>
            {p.sheets.map((n) => <option key={n} value={n}>{n}</option>)}
            <option value={SELECTION}>{t(lang, 'ui.data.selection')}</option>
          </Select>
        </Field>
        <Button appearance="primary" onClick={p.onRead} disabled={p.busy || !p.source}>{t(lang, 'ui.data.read')}</Button>
      </div>
      {p.busy && <Spinner size="tiny" label={t(lang, 'ui.data.reading', { sheet: p.source === SELECTION ? t(lang, 'ui.data.selection') : p.source })} />}
      {d && (
        <div data-testid="detection">
          <h3 ref={p.resultRef} tabIndex={-1} className={s.result}>{t(lang, 'ui.data.found')}: {p.selection ?? d.sheet}</h3>
          {d.kind !== 'grades' && (
            <MessageBar intent="warning"><MessageBarBody>{
              p.selection === null ? t(lang, 'ui.data.notGrades', { kind: t(lang, `ui.kind.${d.kind}`) })
                : d.kind === 'unknown' ? t(lang, 'ui.data.selectionUnknown', { range: p.selection })
                  : t(lang, 'ui.data.selectionNotGrades', { range: p.selection, kind: t(lang, `ui.kind.${d.kind}`) })
            }</MessageBarBody></MessageBar>
          )}
          <dl className={s.facts}>
            <dt className={s.dt}>{t(lang, 'ui.data.kind')}</dt>
            <dd className={s.dd}>{t(lang, `ui.kind.${d.kind}`)}</dd>
            <dt className={s.dt}>{t(lang, 'ui.data.pupils')}</dt>
            <dd className={s.dd} data-testid="pupils">{d.pupils}</dd>
            <dt className={s.dt}>{t(lang, 'ui.data.subjects')}</dt>
            <dd className={s.dd}>{d.subjects.join(', ') || '–'}</dd>
            <dt className={s.dt}>{t(lang, 'ui.data.headerRow')}</dt>
            <dd className={s.dd}>{d.headerRow ?? t(lang, 'ui.data.headerRowNone')}</dd>
            <dt className={s.dt}>{t(lang, 'ui.data.layout')}</dt>
            <dd className={s.dd}>{MESSAGES[lang][`ui.layout.${d.layout}`] ?? t(lang, 'ui.layout.unknown')}</dd>
          </dl>
          {d.unmapped.length > 0 && <p>{t(lang, 'ui.data.unmapped', { list: d.unmapped.join(', ') })}</p>}
          <details>
            <summary className={s.summary}>{t(lang, 'ui.data.columns')} ({d.columns.length})</summary>
            <p>{t(lang, 'ui.data.columnsHelp')}</p>
            <div className={s.columns}>
              {d.columns.map((c) => {
                const value = roleToValue(c.mapping);
                return (
                  <Field key={c.index} label={t(lang, 'ui.data.column', { letter: c.letter, header: c.header || '–' })} size="small">
                    <Select size="small" className={s.select} value={value} onChange={(_, v) => p.onMap(c, v.value)} data-overridden={p.overridden.has(mappingKey(c)) || undefined}>
                      {roleOptions(value).map((o) => <option key={o} value={o}>{roleLabel(lang, o, c.header)}</option>)}
                    </Select>
                  </Field>
                );
              })}
            </div>
            {p.overridden.size > 0 && <Button size="small" onClick={p.onReset}>{t(lang, 'ui.data.reset')}</Button>}
          </details>
        </div>
      )}
    </section>
  );
}
