/** Placeholder until the report builders land (issue 4); the signatures are the contract. */
import type { DetectOptions, Detection, ReportInputs, ReportKind, ReportResult, SheetData } from '../app';
import type { Settings } from '../types';

export function detect(_data: SheetData, _options: DetectOptions = {}): Detection {
  throw new Error('detect: not built yet');
}

export function buildReport(_inputs: ReportInputs, _kinds: readonly ReportKind[], _settings: Settings, _now: Date): ReportResult {
  throw new Error('buildReport: not built yet');
}
