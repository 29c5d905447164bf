/**
 * The "Om" view: the version (package.json's, the same as the manifest's and the Apps Script
 * bundle's) and what happens to the data. A closed <details> at the foot of the pane, so it
 * takes one line and no tab.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/types';
import { t } from '../../core/i18n';
import { VERSION } from '../../core/version';
import type { Host } from '../host';

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  summary: { cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0` },
  text: { margin: `${tokens.spacingVerticalXS} 0` },
});

/** `fetches`: the host can fetch from Kolada (not Sheets), so the one exception is named. */
export function About({ lang, kind, fetches = false }: { lang: Lang; kind: Host['kind']; fetches?: boolean }) {
  const s = useStyles();
  return (
    <details className={s.root} data-testid="about">
      <summary className={s.summary}>{t(lang, 'about.summary', { version: VERSION })}</summary>
      <p className={s.text}>{t(lang, 'about.version', { version: VERSION, host: t(lang, `about.host.${kind}`) })}</p>
      <p className={s.text}>{t(lang, 'about.privacy')}{fetches && ` ${t(lang, 'about.privacy.fetch')}`}</p>
      <p className={s.text}>{t(lang, 'about.docs')}</p>
    </details>
  );
}
