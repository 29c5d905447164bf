/**
 * Header aliases: the many ways real files name a column (SCB variable names, Swedish and English
 * subject names, codes in any case, codes with a language) → a ColumnRole.
 */
import type { CellValue, ColumnRole, Gender, SubjectCode } from '../types';
import { SUBJECTS, normalizeLanguage } from '../grades/subjects';
import { cellText, normalizeHeader } from './header';

/** Letters and digits only: `Elev-ID` → `elevid`, `M2 (språk)` → `m2sprak`. */
function compact(normalized: string): string {
  return normalized.replace(/[^a-z0-9]/g, '');
}

const ROLE_ALIASES: ReadonlyArray<[ColumnRole, string[]]> = [
  [{ role: 'personnummer' }, ['personnummer', 'personnr', 'pnr', 'persnr', 'personalidentitynumber', 'personnumber', 'socialsecuritynumber', 'samordningsnummer']],
  [{ role: 'id' }, ['elevid', 'id', 'elevnummer', 'elevnr', 'studentid', 'pupilid', 'elevidentitet']],
  [{ role: 'firstName' }, ['fornamn', 'firstname', 'givenname', 'tilltalsnamn']],
  [{ role: 'lastName' }, ['efternamn', 'lastname', 'surname', 'familyname']],
  [{ role: 'name' }, ['namn', 'elev', 'elevnamn', 'elevensnamn', 'name', 'pupil', 'student', 'studentname', 'pupilname', 'fulltnamn', 'fullname']],
  [{ role: 'class' }, ['klass', 'class', 'klassbeteckning', 'klassnamn', 'form', 'mentorsgrupp']],
  [{ role: 'school' }, ['skolenhetskod', 'skola', 'skolenhet', 'school', 'skolkod', 'schoolunit', 'skolenhetsnamn', 'skolnamn']],
  [{ role: 'gender' }, ['kon', 'gender', 'sex', 'juridisktkon', 'legalgender']],
  [{ role: 'englishExemption' }, ['dispensengelska', 'engelskadispens', 'dispensen', 'endispens', 'englishexemption', 'exemptionenglish', 'dispensiengelska', 'dispens']],
  // Issue 15: newly arrived as a yes/no column or as the date of arrival, and Skolverket's "okänd bakgrund".
  [{ role: 'newlyArrived' }, ['nyanland', 'nyanlandelev', 'nyanlandjanej', 'nyinvandrad', 'nyinvandradelev', 'newlyarrived', 'newlyarrivedpupil', 'newarrival']],
  [{ role: 'arrivalDate' }, ['ankomstdatum', 'invandringsdatum', 'ankomstdatumsverige', 'ankomsttillsverige', 'ankomstsverige', 'datumforankomst', 'invandradatum', 'arrivaldate', 'dateofarrival', 'immigrationdate']],
  [{ role: 'unknownBackground' }, ['okandbakgrund', 'bakgrundokand', 'unknownbackground', 'backgroundunknown']],
  [{ role: 'subjectName' }, ['amne', 'subject', 'amnesnamn', 'amneskod', 'subjectcode', 'amnesbeteckning']],
  [{ role: 'grade' }, ['betyg', 'grade', 'slutbetyg', 'terminsbetyg', 'finalgrade', 'mark']],
];

/** Subject names beyond the catalogue's own sv/en names and codes (normalised, compact). */
const SUBJECT_EXTRA: Readonly<Record<string, SubjectCode>> = {
  svenska2: 'Sva', svenskasomandrasprak: 'Sva', sva: 'Sva', swedishasasecondlanguage: 'Sva', swedish2: 'Sva',
  hemochkonsumentkunskap: 'Hkk', hemkunskap: 'Hkk', hemkonsumentkunskap: 'Hkk', hkk: 'Hkk', homeeconomics: 'Hkk', homeandconsumerstudies: 'Hkk',
  idrott: 'Idh', idrottochhalsa: 'Idh', idrotthalsa: 'Idh', idh: 'Idh', physicaleducation: 'Idh', physicaleducationandhealth: 'Idh', pe: 'Idh',
  religion: 'Re', religionskunskap: 'Re', religiousstudies: 'Re', religiouseducation: 'Re',
  samhallskunskap: 'Sh', civics: 'Sh', socialstudies: 'Sh',
  matte: 'Ma', matematik: 'Ma', math: 'Ma', maths: 'Ma', mathematics: 'Ma',
  bild: 'Bl', art: 'Bl', musik: 'Mu', music: 'Mu', slojd: 'Sl', crafts: 'Sl', teknik: 'Tk', technology: 'Tk',
  teckensprak: 'Tn', teckensprakforhorande: 'Tn', signlanguage: 'Tn',
  modersmal: 'ML', mothertongue: 'ML', nativelanguage: 'ML', homelanguage: 'ML',
  ovr: 'OVR', ovrigt: 'OVR', ovrigtamne: 'OVR', annatamne: 'OVR', othersubject: 'OVR',
  naturorienterandeamnen: 'No', samhallsorienterandeamnen: 'So', no: 'No', so: 'So',
  // [D] Plain "Moderna språk" is read as språkval (M2), the usual route; the user can remap it.
  modernasprak: 'M2', modernlanguages: 'M2', modernlanguage: 'M2', sprakval: 'M2', languagechoice: 'M2',
  modernasprakelevensval: 'M1', modernasprakskolansval: 'M1',
};

/**
 * Language names → ISO 639-3 codes as Skolverket's språkkoder use them (Swedish and English
 * names, normalised, compact). [C: Skolverket språkkoder]
 */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  spanska: 'SPA', spanish: 'SPA', tyska: 'DEU', german: 'DEU', franska: 'FRA', french: 'FRA',
  italienska: 'ITA', italian: 'ITA', kinesiska: 'ZHO', chinese: 'ZHO', mandarin: 'ZHO',
  japanska: 'JPN', japanese: 'JPN', ryska: 'RUS', russian: 'RUS', arabiska: 'ARA', arabic: 'ARA',
  portugisiska: 'POR', portuguese: 'POR', finska: 'FIN', finnish: 'FIN', somaliska: 'SOM', somali: 'SOM',
  persiska: 'FAS', persian: 'FAS', farsi: 'FAS', dari: 'PRS', kurdiska: 'KUR', kurdish: 'KUR',
  bosniska: 'BOS', bosnian: 'BOS', kroatiska: 'HRV', croatian: 'HRV', serbiska: 'SRP', serbian: 'SRP',
  turkiska: 'TUR', turkish: 'TUR', polska: 'POL', polish: 'POL', tigrinja: 'TIR', tigrinya: 'TIR',
  norska: 'NOR', norwegian: 'NOR', danska: 'DAN', danish: 'DAN', grekiska: 'ELL', greek: 'ELL',
  thai: 'THA', thailandska: 'THA', vietnamesiska: 'VIE', vietnamese: 'VIE', albanska: 'SQI', albanian: 'SQI',
  ukrainska: 'UKR', ukrainian: 'UKR', engelska: 'ENG', english: 'ENG', amhariska: 'AMH', amharic: 'AMH',
  pashto: 'PUS', urdu: 'URD', hindi: 'HIN', bengali: 'BEN', tamil: 'TAM', romani: 'ROM', meankieli: 'FIT',
  samiska: 'SME', nordsamiska: 'SME', jiddisch: 'YID', yiddish: 'YID', estniska: 'EST', estonian: 'EST',
  lettiska: 'LAV', latvian: 'LAV', litauiska: 'LIT', lithuanian: 'LIT', ungerska: 'HUN', hungarian: 'HUN',
  rumanska: 'RON', romanian: 'RON', bulgariska: 'BUL', bulgarian: 'BUL', nederlandska: 'NLD', dutch: 'NLD',
  hebreiska: 'HEB', hebrew: 'HEB', swahili: 'SWA', koreanska: 'KOR', korean: 'KOR', tagalog: 'TGL',
};

const SUBJECT_BY_KEY = new Map<string, SubjectCode>();
for (const s of SUBJECTS) {
  SUBJECT_BY_KEY.set(compact(normalizeHeader(s.code)), s.code);
  SUBJECT_BY_KEY.set(compact(normalizeHeader(s.sv)), s.code);
  SUBJECT_BY_KEY.set(compact(normalizeHeader(s.en)), s.code);
}
for (const [k, v] of Object.entries(SUBJECT_EXTRA)) SUBJECT_BY_KEY.set(k, v);

const ROLE_BY_KEY = new Map<string, ColumnRole>();
for (const [role, keys] of ROLE_ALIASES) for (const k of keys) ROLE_BY_KEY.set(k, role);

/** SCB file fields that carry no grade data; known (so header detection scores them) but unused. */
const SCB_OTHER = new Map<string, string>([['system', 'System'], ['datum', 'Datum'], ['version', 'Version']]);

const LANGUAGE_SUBJECTS: Readonly<Record<string, 'M1' | 'M2' | 'ML'>> = { m1: 'M1', m2: 'M2', ml: 'ML' };
const LANGUAGE_SUBJECTS_BY_CODE: Readonly<Record<string, true>> = { M1: true, M2: true, ML: true };

/** Finds a language name inside a compact header, e.g. `modernasprakspanskasprakval` → SPA. */
function languageIn(key: string): string | undefined {
  for (const [name, code] of Object.entries(LANGUAGE_NAMES)) if (key.includes(name)) return code;
  return undefined;
}

/**
 * One header text → its column role, or null when it is not recognised. Codes in any case,
 * Swedish and English subject names, SCB variable names, and language-carrying headers
 * (`M2 SPA`, `M2SPA`, `M2 (betyg)`, `M2 (språk)`, `Moderna språk - spanska (språkval)`,
 * `Modersmål arabiska`). Languages come out as ISO 639-3 (GER → DEU).
 * [C: SCB datafilsbeskrivning åk 9 2026 variable names; Skolverket ämneskoder and språkkoder]
 * @example matchHeader('Moderna språk - spanska (språkval)') // { role: 'subject', subject: 'M2', language: 'SPA' }
 * @example matchHeader('SV') // { role: 'subject', subject: 'Sv' }
 * @example matchHeader('Idrott och hälsa') // { role: 'subject', subject: 'Idh' }
 * @example matchHeader('M2 (språk)') // { role: 'language', subject: 'M2' }
 */
export function matchHeader(text: string): ColumnRole | null {
  const norm = normalizeHeader(text);
  const key = compact(norm);
  if (!key) return null;
  const role = ROLE_BY_KEY.get(key);
  if (role) return { ...role };
  const other = SCB_OTHER.get(key);
  if (other) return { role: 'other', name: other };
  const subject = SUBJECT_BY_KEY.get(key);
  if (subject && !(subject in LANGUAGE_SUBJECTS_BY_CODE)) return { role: 'subject', subject };

  // M1/M2/ML with a part: (språk)/(betyg) as in SCB files, or a language code or name.
  const m = /^(m1|m2|ml)(.*)$/.exec(key);
  if (m) {
    const code = LANGUAGE_SUBJECTS[m[1]];
    const rest = m[2];
    if (rest === '' || rest === 'betyg' || rest === 'grade') return { role: 'subject', subject: code };
    if (rest === 'sprak' || rest === 'language' || rest === 'lang' || rest === 'sprakkod') return { role: 'language', subject: code };
    if (/^[a-z]{3}$/.test(rest)) return { role: 'subject', subject: code, language: normalizeLanguage(rest) };
    const lang = LANGUAGE_NAMES[rest];
    if (lang) return { role: 'subject', subject: code, language: lang };
    return null;
  }
  if (subject) return { role: 'subject', subject };

  // Long forms: "Moderna språk - spanska (språkval)", "Modersmål arabiska", "Spanska".
  if (key.startsWith('modersmal') || key.startsWith('mothertongue')) {
    const lang = languageIn(key.replace(/^modersmal|^mothertongue/, ''));
    return lang ? { role: 'subject', subject: 'ML', language: lang } : null;
  }
  if (key.startsWith('modernasprak') || key.startsWith('modernlanguage')) {
    const rest = key.replace(/^modernasprak|^modernlanguages?/, '');
    const lang = languageIn(rest);
    const m1 = /elevensval|skolansval|schoolchoice|pupilschoice/.test(rest);
    if (!lang) return null;
    return { role: 'subject', subject: m1 ? 'M1' : 'M2', language: lang };
  }
  // [D] A bare language name (a principal's "Spanska" column) is a språkval language (M2).
  const bare = LANGUAGE_NAMES[key];
  if (bare && bare !== 'ENG') return { role: 'subject', subject: 'M2', language: bare };
  return null;
}

/**
 * Legal gender from a gender column's value: F/Flicka/K/Kvinna/girl/female → F;
 * M/Pojke/P/Man/boy/male → M; empty → null; anything else → undefined (a problem for the caller).
 * [C: domain §5 — never guessed from a name]
 * @example parseGenderValue('Flicka') // 'F'
 * @example parseGenderValue('x') // undefined
 */
export function parseGenderValue(value: CellValue): Gender | undefined {
  const key = compact(normalizeHeader(cellText(value)));
  if (key === '') return null;
  if (['f', 'flicka', 'k', 'kvinna', 'girl', 'female', 'w', 'woman', 'kvinnligt', 'flickor'].includes(key)) return 'F';
  if (['m', 'pojke', 'p', 'man', 'boy', 'male', 'manligt', 'pojkar'].includes(key)) return 'M';
  return undefined;
}

/**
 * An English-exemption flag cell: ja/yes/x/1/true → true; nej/no/0/false/empty → false;
 * anything else → undefined (a problem for the caller). [C: domain §3, explicit flag only]
 * @example parseYesNo('Ja') // true
 * @example parseYesNo('') // false
 */
export function parseYesNo(value: CellValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const key = compact(normalizeHeader(cellText(value)));
  if (['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'sant', 'dispens'].includes(key)) return true;
  if (['', 'nej', 'n', 'no', '0', 'false', 'falskt'].includes(key)) return false;
  return undefined;
}
