"""Cross-check reader for corpus.test.ts: openpyxl (a reader this project did not write) dumps what
it sees of a workbook as JSON: sheet names and states, the cells of the sheets asked for, defined
names, print areas and titles. Run with Debian's python: /usr/bin/python3 read_openpyxl.py JOB.json
where JOB.json is [[path, [sheet, ...]], ...]; prints {path: dump or {"error": ...}}."""
import datetime
import json
import sys

import openpyxl


def plain(v):
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return {'date': v.isoformat()}
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return str(v)


def dump(path, sheets):
    wb = openpyxl.load_workbook(path, keep_vba=path.endswith('.xlsm'))
    out = {
        'epoch': wb.epoch.isoformat(),
        'sheets': [{'name': ws.title, 'state': ws.sheet_state} for ws in wb.worksheets],
        'names': sorted([d.name, d.localSheetId, d.attr_text, bool(d.hidden)] for d in wb.defined_names.definedName),
        'print': {ws.title: [ws.print_area, ws.print_title_rows, ws.print_title_cols] for ws in wb.worksheets},
        'cells': {},
    }
    for name in sheets:
        ws = wb[name]
        out['cells'][name] = {c.coordinate: plain(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    return out


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        job = json.load(f)
    result = {}
    for path, sheets in job:
        try:
            result[path] = dump(path, sheets)
        except Exception as e:  # the test reports it per file
            result[path] = {'error': f'{type(e).__name__}: {e}'}
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
