/**
 * Suppression threshold, absence thresholds, grade scale, rule set and language; saved through the
 * host. The form's text lives in App, so unsaved changes survive a switch to another tab.
 */
import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, Settings } from '../../core/types';
import { t } from '../../core/i18n';
import { formToSettings, settingsToForm, type SettingsForm } from '../logic';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // A long option (the rule set's name) must not widen the pane: the select takes the field's width.
  select: { width: '100%', minWidth: 0, '& select': { width: '100%', textOverflow: 'ellipsis' } },
  fieldset: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', padding: 0, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
});

export interface SettingsPanelProps {
  lang: Lang;
  settings: Settings;
  /** The form as typed, owned by App (kept across tab switches). */
  form: SettingsForm;
  onForm: (form: SettingsForm) => void;
  onLang: (lang: Lang) => void;
  /** Applies and persists valid settings; resolves when saved. */
  onSave: (settings: Settings) => Promise<void>;
}

export function SettingsPanel(p: SettingsPanelProps) {
  const s = useStyles();
  const { lang } = p;
  const { form, onForm: setForm } = p;
  const [errors, setErrors] = useState<Partial<Record<keyof SettingsForm, string>>>({});
  const [status, setStatus] = useState<'saved' | 'invalid' | null>(null);
  const unsaved = JSON.stringify(form) !== JSON.stringify(settingsToForm(p.settings));

  const field = (key: keyof SettingsForm, label: string, hint?: string) => (
    <Field label={t(lang, label)} hint={hint ? t(lang, hint) : undefined} validationMessage={errors[key]} validationState={errors[key] ? 'error' : 'none'} size="small">
      <Input size="small" inputMode="decimal" value={form[key]} onChange={(_, v) => { setForm({ ...form, [key]: v.value }); setStatus(null); }} />
    </Field>
  );

  const save = async (e: { preventDefault(): void }) => {
    e.preventDefault();
    const r = formToSettings(form, p.settings, lang);
    setErrors(r.errors);
    if (!r.settings) { setStatus('invalid'); return; }
    await p.onSave(r.settings);
    setStatus('saved');
  };

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t(lang, 'ui.settings.heading')}</h2>
      <form className={s.form} onSubmit={save} noValidate>
        <Field label={t(lang, 'ui.settings.language')} size="small">
          <Select size="small" className={s.select} value={lang} onChange={(_, v) => p.onLang(v.value as Lang)}>
            <option value="sv">{t(lang, 'ui.settings.lang.sv')}</option>
            <option value="en">{t(lang, 'ui.settings.lang.en')}</option>
          </Select>
        </Field>
        {field('suppressionThreshold', 'ui.settings.suppression', 'ui.settings.suppressionHint')}
        <Field label={t(lang, 'ui.settings.scale')} size="small">
          <Select size="small" className={s.select} value={form.scale} onChange={(_, v) => { setForm({ ...form, scale: v.value === 'old' ? 'old' : 'AF' }); setStatus(null); }}>
            <option value="AF">{t(lang, 'ui.settings.scale.AF')}</option>
            <option value="old">{t(lang, 'ui.settings.scale.old')}</option>
          </Select>
        </Field>
        <Field label={t(lang, 'ui.settings.ruleSet')} size="small">
          <Select size="small" className={s.select} value={p.settings.ruleSet} onChange={() => undefined}>
            <option value="gy11">{t(lang, 'ui.settings.ruleSet.gy11')}</option>
          </Select>
        </Field>
        {field('finalYear', 'ui.settings.finalYear')}
        <Field label={t(lang, 'ui.settings.yearGroup')} hint={t(lang, 'ui.settings.yearGroupHint')} size="small">
          <Select size="small" className={s.select} value={form.yearGroup} onChange={(_, v) => { setForm({ ...form, yearGroup: v.value }); setStatus(null); }}>
            <option value="">{t(lang, 'ui.settings.yearGroup.auto')}</option>
            {['6', '7', '8', '9'].map((y) => <option key={y} value={y}>{t(lang, 'ui.settings.yearGroup.n', { n: y })}</option>)}
          </Select>
        </Field>
        <fieldset className={s.fieldset}>
          <legend className={s.legend}>{t(lang, 'ui.settings.absence')}</legend>
          {field('problematic', 'ui.settings.problematic')}
          {field('high', 'ui.settings.high')}
          {field('veryHigh', 'ui.settings.veryHigh')}
          {field('invalidHoursFlag', 'ui.settings.invalidHours')}
          {field('longAbsenceDays', 'ui.settings.longDays')}
        </fieldset>
        <Button type="submit" appearance="primary">{t(lang, 'ui.settings.save')}</Button>
        <div aria-live="polite">
          {unsaved && status !== 'invalid' && <MessageBar intent="warning"><MessageBarBody>{t(lang, 'ui.settings.unsaved')}</MessageBarBody></MessageBar>}
          {status === 'saved' && !unsaved && <MessageBar intent="success"><MessageBarBody>{t(lang, 'ui.settings.saved')}</MessageBarBody></MessageBar>}
          {status === 'invalid' && <MessageBar intent="error"><MessageBarBody>{t(lang, 'ui.settings.fixErrors')}</MessageBarBody></MessageBar>}
        </div>
      </form>
    </section>
  );
}
