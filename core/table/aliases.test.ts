import { describe, expect, it } from 'vitest';
import { matchHeader, parseGenderValue, parseYesNo } from './aliases';

describe('matchHeader', () => {
  it.each([
    ['Personnummer', { role: 'personnummer' }],
    ['PersonNr', { role: 'personnummer' }],
    ['Pnr', { role: 'personnummer' }],
    ['Elev-ID', { role: 'id' }],
    ['ID', { role: 'id' }],
    ['Elevnummer', { role: 'id' }],
    ['Förnamn', { role: 'firstName' }],
    ['Fornamn', { role: 'firstName' }],
    ['Efternamn', { role: 'lastName' }],
    ['Namn', { role: 'name' }],
    ['Elev', { role: 'name' }],
    ['Klass', { role: 'class' }],
    ['Class', { role: 'class' }],
    ['Skolenhetskod', { role: 'school' }],
    ['Skolenhet', { role: 'school' }],
    ['School', { role: 'school' }],
    ['Kön', { role: 'gender' }],
    ['Kon', { role: 'gender' }],
    ['Gender', { role: 'gender' }],
    ['Dispens engelska', { role: 'englishExemption' }],
    ['Engelska dispens', { role: 'englishExemption' }],
    ['Ämne', { role: 'subjectName' }],
    ['Subject', { role: 'subjectName' }],
    ['Betyg', { role: 'grade' }],
    ['Grade', { role: 'grade' }],
    ['System', { role: 'other', name: 'System' }],
  ])('%s → role', (header, role) => {
    expect(matchHeader(header)).toEqual(role);
  });

  it.each([
    ['SV', 'Sv'], ['sv', 'Sv'], ['Sv', 'Sv'], ['Svenska', 'Sv'], ['Swedish', 'Sv'],
    ['Svenska som andraspråk', 'Sva'], ['SVA', 'Sva'],
    ['Engelska', 'En'], ['English', 'En'], ['Matematik', 'Ma'], ['Mathematics', 'Ma'],
    ['Idrott och hälsa', 'Idh'], ['Idrott & Hälsa', 'Idh'], ['Physical education and health', 'Idh'],
    ['Hem- och konsumentkunskap', 'Hkk'], ['HKK', 'Hkk'], ['Slöjd', 'Sl'], ['Teknik', 'Tk'],
    ['Religionskunskap', 'Re'], ['Samhällskunskap', 'Sh'], ['Biologi', 'Bi'], ['Fysik', 'Fy'],
    ['Kemi', 'Ke'], ['Geografi', 'Ge'], ['Historia', 'Hi'], ['Bild', 'Bl'], ['Musik', 'Mu'],
    ['Tn', 'Tn'], ['OVR', 'OVR'], ['NO', 'No'], ['SO', 'So'], ['M2 (betyg)', 'M2'], ['M1 (Betyg)', 'M1'], ['ML (betyg)', 'ML'],
  ])('%s → subject %s', (header, subject) => {
    expect(matchHeader(header)).toEqual({ role: 'subject', subject });
  });

  it('reads languages from the header, ISO 639-3, old codes normalised', () => {
    expect(matchHeader('Moderna språk - spanska (språkval)')).toEqual({ role: 'subject', subject: 'M2', language: 'SPA' });
    expect(matchHeader('M2 SPA')).toEqual({ role: 'subject', subject: 'M2', language: 'SPA' });
    expect(matchHeader('M2SPA')).toEqual({ role: 'subject', subject: 'M2', language: 'SPA' });
    expect(matchHeader('M2 GER')).toEqual({ role: 'subject', subject: 'M2', language: 'DEU' });
    expect(matchHeader('M1 fre')).toEqual({ role: 'subject', subject: 'M1', language: 'FRA' });
    expect(matchHeader('Modersmål arabiska')).toEqual({ role: 'subject', subject: 'ML', language: 'ARA' });
    expect(matchHeader('Moderna språk - tyska (skolans val)')).toEqual({ role: 'subject', subject: 'M1', language: 'DEU' });
    expect(matchHeader('Spanska')).toEqual({ role: 'subject', subject: 'M2', language: 'SPA' });
  });

  it('SCB language columns', () => {
    expect(matchHeader('M2 (språk)')).toEqual({ role: 'language', subject: 'M2' });
    expect(matchHeader('M1(språk)')).toEqual({ role: 'language', subject: 'M1' });
    expect(matchHeader('ML (SPRÅK)')).toEqual({ role: 'language', subject: 'ML' });
  });

  it('titles, data values and grades are not headers', () => {
    for (const text of ['Betyg vt 2026', '9A', 'Anna', 'E', 'A', '', '   ', 'M2 (betyg) extra', 'Modersmål']) {
      if (text === 'Modersmål') expect(matchHeader(text)).toEqual({ role: 'subject', subject: 'ML' });
      else expect(matchHeader(text)).toBeNull();
    }
  });
});

describe('parseGenderValue', () => {
  it.each([
    ['F', 'F'], ['flicka', 'F'], ['K', 'F'], ['Kvinna', 'F'], ['girl', 'F'],
    ['M', 'M'], ['Pojke', 'M'], ['Man', 'M'], ['boy', 'M'], ['', null],
  ])('%s → %s', (v, g) => {
    expect(parseGenderValue(v)).toBe(g);
  });
  it('unknown values are undefined, never guessed', () => {
    expect(parseGenderValue('X')).toBeUndefined();
    expect(parseGenderValue('Anna')).toBeUndefined();
  });
});

describe('parseYesNo', () => {
  it('reads flag cells', () => {
    expect(parseYesNo('Ja')).toBe(true);
    expect(parseYesNo('x')).toBe(true);
    expect(parseYesNo(true)).toBe(true);
    expect(parseYesNo(1)).toBe(true);
    expect(parseYesNo('nej')).toBe(false);
    expect(parseYesNo(null)).toBe(false);
    expect(parseYesNo('kanske')).toBeUndefined();
  });
});
