/** Problems with clickable addresses; a long list shows counts by kind and the first few rows. */
import { useState } from 'react';
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, Problem } from '../../core/types';
import { t } from '../../core/i18n';
import { problemLabel, summarizeProblems } from '../logic';

/** Rows shown before the list collapses. */
export const PROBLEMS_SHOWN = 15;

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: { flexDirection: 'column', alignItems: 'flex-start', textAlign: 'left', width: '100%', fontWeight: tokens.fontWeightRegular, gap: '2px', paddingTop: '4px', paddingBottom: '4px' },
  head: { display: 'flex', alignItems: 'center', gap: '6px' },
  badge: { flexShrink: 0 },
  cell: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: '4px', margin: `${tokens.spacingVerticalXS} 0` },
});

export function ProblemList(props: { lang: Lang; problems: readonly Problem[]; heading: string; onSelect: (cell: string) => void }) {
  const { lang, problems, onSelect } = props;
  const s = useStyles();
  const [all, setAll] = useState(false);
  if (!problems.length) return <p>{t(lang, 'ui.problems.none')}</p>;
  const summary = summarizeProblems(problems);
  const shown = all ? problems : problems.slice(0, PROBLEMS_SHOWN);
  return (
    <section aria-label={props.heading}>
      <h3>{props.heading}</h3>
      <p>{t(lang, 'ui.problems.summary', { errors: summary.errors, warnings: summary.warnings })}</p>
      {problems.length > PROBLEMS_SHOWN && (
        <div className={s.counts}>
          {summary.byCode.map((c) => (
            <Badge key={c.code} appearance="tint" color="informative">{t(lang, 'ui.problems.byCode', { label: problemLabel(lang, c.code), n: c.n })}</Badge>
          ))}
        </div>
      )}
      <ul className={s.list} data-testid="problem-list">
        {shown.map((p, i) => (
          <li key={`${p.cell}-${p.code}-${i}`}>
            <Button
              appearance="subtle"
              size="small"
              className={s.item}
              aria-label={t(lang, 'ui.problems.goTo', { cell: p.cell, message: p.message })}
              onClick={() => onSelect(p.cell)}
            >
              <span className={s.head}>
                <Badge size="small" className={s.badge} color={p.severity === 'error' ? 'danger' : 'warning'}>
                  {t(lang, p.severity === 'error' ? 'ui.problems.error' : 'ui.problems.warning')}
                </Badge>
                <span className={s.cell}>{p.cell}</span>
              </span>
              <span>{p.message}</span>
            </Button>
          </li>
        ))}
      </ul>
      {problems.length > PROBLEMS_SHOWN && (
        <Button appearance="transparent" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t(lang, 'ui.problems.showFewer') : t(lang, 'ui.problems.showAll', { n: problems.length })}
        </Button>
      )}
    </section>
  );
}
