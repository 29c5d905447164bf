/**
 * Every custom function from the one metadata table, with an insert button per example. Insert
 * never writes over a filled cell: the host says so and the pane offers the next free cell.
 */
import type { RefObject } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { FunctionSpec } from '../../core/functions/types';
import type { Lang } from '../../core/types';
import { t } from '../../core/i18n';
import type { Host } from '../host';
import { formulaForHost, functionNameForHost } from '../logic';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  name: { margin: 0, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase300 },
  code: { fontFamily: tokens.fontFamilyMonospace, background: tokens.colorNeutralBackground3, padding: '1px 4px', wordBreak: 'break-all' },
  params: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: '1.2em' },
  example: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  status: { ':focus': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface InsertOffer {
  /** The question shown ("… innehåller redan något. Infoga i … i stället?"). */
  text: string;
  /** The free cell offered, or null when there is none (then only Avbryt). */
  next: string | null;
}

export interface FunctionCatalogProps {
  lang: Lang;
  kind: Host['kind'];
  functions: readonly FunctionSpec[];
  onInsert: (formula: string) => void;
  status: string | null;
  offer: InsertOffer | null;
  onInsertAt: (cell: string) => void;
  onCancel: () => void;
  /** Receives focus after each insert. */
  statusRef: RefObject<HTMLDivElement | null>;
}

export function FunctionCatalog(p: FunctionCatalogProps) {
  const s = useStyles();
  const { lang } = p;
  return (
    <section aria-labelledby="functions-heading">
      <h2 id="functions-heading">{t(lang, 'ui.functions.heading')}</h2>
      <p>{t(lang, 'ui.functions.intro')}</p>
      <div aria-live="polite" ref={p.statusRef} tabIndex={-1} className={s.status} data-testid="function-status">
        {p.offer ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{p.offer.text}</MessageBarBody>
            <MessageBarActions>
              <div className={s.actions}>
                {p.offer.next && <Button size="small" appearance="primary" onClick={() => p.onInsertAt(p.offer!.next!)}>{t(lang, 'ui.functions.insertAt', { cell: p.offer.next })}</Button>}
                <Button size="small" onClick={p.onCancel}>{t(lang, 'ui.functions.cancel')}</Button>
              </div>
            </MessageBarActions>
          </MessageBar>
        ) : p.status}
      </div>
      <ul className={s.list}>
        {p.functions.map((f) => {
          const name = functionNameForHost(f.name, p.kind);
          const formula = formulaForHost(f.example.formula, p.kind);
          return (
            <li key={f.name} className={s.item}>
              <h3 className={s.name}>{name}</h3>
              <p>{f.description[lang]}</p>
              {f.params.length > 0 && (
                <>
                  <strong>{t(lang, 'ui.functions.params')}</strong>
                  <ul className={s.params}>
                    {f.params.map((a) => (
                      <li key={a.name}><code className={s.code}>{a.name}</code> {a.optional ? `${t(lang, 'ui.functions.optional')} ` : ''}– {a.description[lang]}</li>
                    ))}
                  </ul>
                </>
              )}
              <div className={s.example}>
                <span>{t(lang, 'ui.functions.example')}:</span>
                <code className={s.code}>{formula}</code>
                <span>{t(lang, 'ui.functions.returns', { result: f.example.result })}</span>
                <Button size="small" onClick={() => p.onInsert(formula)} aria-label={t(lang, 'ui.functions.insertLabel', { name })}>
                  {t(lang, 'ui.functions.insert')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
