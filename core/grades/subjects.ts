/**
 * The subject catalogue (domain §2). Codes follow SCB/Skolverket. Header aliases for reading
 * files live in core/table; this file holds the facts the rules need.
 */
import type { SubjectCode } from '../types';

export interface SubjectInfo {
  code: SubjectCode;
  sv: string;
  en: string;
  /** One of the 16 compulsory subjects (Sv and Sva share one place). */
  compulsory: boolean;
  /** Carries a language code (M1, M2, ML). */
  hasLanguage: boolean;
}

export const SUBJECTS: readonly SubjectInfo[] = [
  { code: 'Sv', sv: 'Svenska', en: 'Swedish', compulsory: true, hasLanguage: false },
  { code: 'Sva', sv: 'Svenska som andraspråk', en: 'Swedish as a second language', compulsory: true, hasLanguage: false },
  { code: 'En', sv: 'Engelska', en: 'English', compulsory: true, hasLanguage: false },
  { code: 'Ma', sv: 'Matematik', en: 'Mathematics', compulsory: true, hasLanguage: false },
  { code: 'Bi', sv: 'Biologi', en: 'Biology', compulsory: true, hasLanguage: false },
  { code: 'Fy', sv: 'Fysik', en: 'Physics', compulsory: true, hasLanguage: false },
  { code: 'Ke', sv: 'Kemi', en: 'Chemistry', compulsory: true, hasLanguage: false },
  { code: 'Tk', sv: 'Teknik', en: 'Technology', compulsory: true, hasLanguage: false },
  { code: 'Ge', sv: 'Geografi', en: 'Geography', compulsory: true, hasLanguage: false },
  { code: 'Hi', sv: 'Historia', en: 'History', compulsory: true, hasLanguage: false },
  { code: 'Re', sv: 'Religionskunskap', en: 'Religious studies', compulsory: true, hasLanguage: false },
  { code: 'Sh', sv: 'Samhällskunskap', en: 'Civics', compulsory: true, hasLanguage: false },
  { code: 'Bl', sv: 'Bild', en: 'Art', compulsory: true, hasLanguage: false },
  { code: 'Hkk', sv: 'Hem- och konsumentkunskap', en: 'Home and consumer studies', compulsory: true, hasLanguage: false },
  { code: 'Idh', sv: 'Idrott och hälsa', en: 'Physical education and health', compulsory: true, hasLanguage: false },
  { code: 'Mu', sv: 'Musik', en: 'Music', compulsory: true, hasLanguage: false },
  { code: 'Sl', sv: 'Slöjd', en: 'Crafts', compulsory: true, hasLanguage: false },
  { code: 'M1', sv: 'Moderna språk, elevens/skolans val', en: 'Modern languages, school choice', compulsory: false, hasLanguage: true },
  { code: 'M2', sv: 'Moderna språk, språkval', en: 'Modern languages, language choice', compulsory: false, hasLanguage: true },
  { code: 'ML', sv: 'Modersmål', en: 'Mother tongue', compulsory: false, hasLanguage: true },
  { code: 'Tn', sv: 'Teckenspråk för hörande', en: 'Sign language for hearing pupils', compulsory: false, hasLanguage: false },
  { code: 'OVR', sv: 'Övrigt ämne', en: 'Other subject', compulsory: false, hasLanguage: false },
  { code: 'No', sv: 'Naturorienterande ämnen', en: 'Natural sciences (block)', compulsory: false, hasLanguage: false },
  { code: 'So', sv: 'Samhällsorienterande ämnen', en: 'Social sciences (block)', compulsory: false, hasLanguage: false },
];

const BY_CODE = new Map(SUBJECTS.map((s) => [s.code, s]));

/**
 * Facts about a subject code.
 * @example subjectInfo('Hkk').sv // 'Hem- och konsumentkunskap'
 */
export function subjectInfo(code: SubjectCode): SubjectInfo {
  const info = BY_CODE.get(code);
  if (!info) throw new Error(`Unknown subject code ${code}`);
  return info;
}

/** The 16 compulsory subjects, Sv/Sva counted as one place (listed as Sv). [C: Skolverket] */
export const COMPULSORY_16: readonly SubjectCode[] = ['Bl', 'Bi', 'En', 'Fy', 'Ge', 'Hkk', 'Hi', 'Idh', 'Ke', 'Ma', 'Mu', 'Re', 'Sh', 'Sl', 'Sv', 'Tk'];

/** Display order of subjects in reports: core subjects first, then as SCB lists them. */
export const SUBJECT_ORDER: readonly SubjectCode[] = [
  'Sv', 'Sva', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl', 'M1', 'M2', 'ML', 'Tn', 'OVR', 'No', 'So',
];

/** Old ISO 639-2/B language codes seen in older files → ISO 639-3 (Skolverket språkkoder). */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  GER: 'DEU', FRE: 'FRA', CHI: 'ZHO', DUT: 'NLD', GRE: 'ELL', CZE: 'CES', PER: 'FAS', ALB: 'SQI',
  ARM: 'HYE', BAQ: 'EUS', BUR: 'MYA', GEO: 'KAT', ICE: 'ISL', MAC: 'MKD', MAO: 'MRI', MAY: 'MSA',
  RUM: 'RON', SLO: 'SLK', TIB: 'BOD', WEL: 'CYM',
};

/**
 * Normalises a language code to ISO 639-3 upper case.
 * @example normalizeLanguage('ger') // 'DEU'
 */
export function normalizeLanguage(code: string): string {
  const up = code.trim().toUpperCase();
  return LANGUAGE_ALIASES[up] ?? up;
}
