/** Command-line parsing: `command positional… --flag value --switch`. No school rules here. */
import type { Lang } from '../core/types';
import { CliError } from './io';

export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  /** The last value of each option (for a repeatable one, see `lists`). */
  options: Record<string, string>;
  /** Every value of a repeatable option, in the order given (`--previous a --previous b`). */
  lists: Record<string, string[]>;
  switches: Set<string>;
  lang: Lang;
  help: boolean;
}

/** Options that take a value, per command; `--lang` is global. */
export const VALUE_OPTIONS: Record<string, readonly string[]> = {
  grades: ['np', 'sheet', 'arskurs', 'period'],
  attendance: ['sheet'],
  progression: ['sheet'],
  cohort: ['sheet'],
  survey: ['questions', 'sheet'],
  report: ['np', 'attendance', 'previous', 'survey', 'questions', 'sheet', 'out', 'period', 'benchmarks', 'arskurs'],
  demo: ['out'],
  trend: ['sheet'],
  tests: ['sheet'],
  benchmark: ['kommun', 'years', 'group', 'out', 'url'],
};
/** Options that may be given more than once, per command. */
export const REPEATABLE: Record<string, readonly string[]> = {
  report: ['previous', 'benchmarks'],
};
export const SWITCHES: Record<string, readonly string[]> = {
  grades: ['json'],
  attendance: ['json'],
  progression: ['json'],
  cohort: ['json'],
  survey: ['json'],
  report: [],
  demo: [],
  trend: ['json'],
  tests: ['json'],
  benchmark: [],
};

/** Language is looked for first, so even an error about the other arguments is in the right language. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang' && argv[i + 1] === 'en') return 'en';
    if (a === '--lang=en') return 'en';
  }
  return 'sv';
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const lang = langOf(argv);
  const out: ParsedArgs = { command: null, positionals: [], options: {}, lists: {}, switches: new Set(), lang, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h' || (a === 'help' && out.command === null)) {
      out.help = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (name === 'lang') {
        if (eq < 0) i++;
        continue;
      }
      const cmd = out.command ?? '';
      if ((VALUE_OPTIONS[cmd] ?? []).includes(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new CliError('cli.error.optionValue', { option: `--${name}` });
        out.options[name] = value;
        (out.lists[name] ??= []).push(value);
      } else if ((SWITCHES[cmd] ?? []).includes(name) && eq < 0) {
        out.switches.add(name);
      } else {
        throw new CliError('cli.error.unknownOption', { option: a, command: cmd || 'skolanalys' });
      }
      continue;
    }
    if (out.command === null) out.command = a;
    else out.positionals.push(a);
  }
  return out;
}

/**
 * `--arskurs N`: the grade file's year group when the user, not the file, decides it (issue 15).
 * Undefined when not given; a value that is no year group 1–10 is a CliError.
 * @example yearGroupOption({ arskurs: '6' }) // 6
 */
export function yearGroupOption(options: Record<string, string>): number | undefined {
  const v = options.arskurs;
  if (v === undefined) return undefined;
  const n = Number(v.trim());
  if (!Number.isInteger(n) || n < 1 || n > 10 || v.trim() === '') throw new CliError('cli.error.arskurs', { value: v });
  return n;
}
