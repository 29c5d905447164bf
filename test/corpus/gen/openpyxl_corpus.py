"""Corpus workbooks written by openpyxl (Debian python3-openpyxl 3.0.9). Run with /usr/bin/python3:
    /usr/bin/python3 test/corpus/gen/openpyxl_corpus.py
openpyxl names its parts its own way (xl/comments/comment1.xml, drawings in the default namespace),
which is part of what these files test."""
import datetime
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import FILES, SCB_COLUMNS, png, pupils  # noqa: E402

import openpyxl  # noqa: E402
from openpyxl.chart import BarChart, PieChart, Reference  # noqa: E402
from openpyxl.comments import Comment  # noqa: E402
from openpyxl.drawing.image import Image  # noqa: E402
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule  # noqa: E402
from openpyxl.styles import Font, PatternFill  # noqa: E402
from openpyxl.utils.datetime import CALENDAR_MAC_1904  # noqa: E402
from openpyxl.workbook.defined_name import DefinedName  # noqa: E402
from openpyxl.workbook.protection import WorkbookProtection  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402
from openpyxl.worksheet.hyperlink import Hyperlink  # noqa: E402
from openpyxl.worksheet.table import Table, TableStyleInfo  # noqa: E402

FIXED = datetime.datetime(2026, 6, 12, 8, 0, 0)


class PngImage(Image):
    """openpyxl's Image without PIL: the PNG's bytes and size are given."""

    def __init__(self, data, width, height):
        self.ref = io.BytesIO(data)
        self.width, self.height = width, height
        self.format = 'png'

    def _data(self):
        return self.ref.getvalue()


def grades_sheet(ws, rows):
    ws.append(SCB_COLUMNS)
    for r in rows:
        ws.append(r)
    for c in ws[1]:
        c.font = Font(bold=True)


def features():
    wb = openpyxl.Workbook()
    wb.properties.creator = 'Rektor'
    wb.properties.created = FIXED
    wb.properties.modified = FIXED

    info = wb.active
    info.title = 'Läs mig'
    info['A1'] = 'Betyg vårterminen 2026'
    info['A1'].font = Font(bold=True, size=14)
    info['A1'].comment = Comment('Anteckning: exporten kom från Edlevo.', 'Rektor')
    info['A3'] = 'Exportdatum'
    info['B3'] = datetime.datetime(2026, 6, 12)
    info['B3'].number_format = 'yyyy-mm-dd'
    info['A4'] = 'Skolverket'
    info['B4'] = 'https://www.skolverket.se/'
    info['B4'].hyperlink = 'https://www.skolverket.se/'
    info['A5'] = 'Till betygen'
    info['B5'] = 'Betyg!A1'
    info['B5'].hyperlink = Hyperlink(ref='B5', location="'Betyg'!A1", display='Betyg!A1')
    info['A6'] = 'Summa'
    info['B6'] = '=1+1'
    info.column_dimensions['A'].width = 18
    info.column_dimensions['B'].width = 28
    info.add_image(PngImage(png(), 48, 32), 'D2')

    grades = wb.create_sheet('Betyg')
    grades_sheet(grades, pupils(0, 30))
    grades.freeze_panes = 'E2'
    grades['D1'].comment = Comment('Personnummer, tolv siffror.', 'Rektor')
    grades.conditional_formatting.add('I2:AG31', CellIsRule(operator='equal', formula=['"F"'], fill=PatternFill('solid', bgColor='FFC7CE')))
    dv = DataValidation(type='list', formula1='"A,B,C,D,E,F,-,2,3"', allow_blank=True)
    dv.add('I2:M31')
    grades.add_data_validation(dv)
    grades.protection.sheet = True
    grades.protection.password = 'betyg2026'
    grades.print_area = 'A1:AG52'
    grades.print_title_rows = '1:1'
    grades.page_setup.orientation = 'landscape'
    grades.page_setup.paperSize = grades.PAPERSIZE_A4
    grades.sheet_properties.pageSetUpPr.fitToPage = True
    grades.page_setup.fitToWidth = 1
    grades.page_setup.fitToHeight = 0
    grades.oddHeader.center.text = '&A'
    grades.oddFooter.right.text = 'Sida &P'

    chart_sheet = wb.create_sheet('Diagram')
    chart_sheet.append(['Klass', 'Elever'])
    for row in (['9A', 26], ['9B', 25], ['9C', 27], ['9D', 24]):
        chart_sheet.append(row)
    chart_sheet.add_table(Table(displayName='Klasser', ref='A1:B5', tableStyleInfo=TableStyleInfo(
        name='TableStyleMedium9', showRowStripes=True)))
    chart_sheet.conditional_formatting.add('B2:B5', ColorScaleRule(start_type='min', start_color='FFFFFF', end_type='max', end_color='63BE7B'))
    bar = BarChart()
    bar.title = 'Elever per klass'
    bar.add_data(Reference(chart_sheet, min_col=2, min_row=1, max_row=5), titles_from_data=True)
    bar.set_categories(Reference(chart_sheet, min_col=1, min_row=2, max_row=5))
    chart_sheet.add_chart(bar, 'D2')
    pie = PieChart()
    pie.title = 'Andel per klass'
    pie.add_data(Reference(chart_sheet, min_col=2, min_row=1, max_row=5), titles_from_data=True)
    pie.set_categories(Reference(chart_sheet, min_col=1, min_row=2, max_row=5))
    grades.add_chart(pie, 'B34')

    hidden = wb.create_sheet('Dolt')
    hidden['A1'] = 'Gömd hjälptabell'
    hidden.sheet_state = 'hidden'
    very = wb.create_sheet('Mycket dolt')
    very['A1'] = 'Syns inte ens i listan över dolda blad'
    very.sheet_state = 'veryHidden'

    wb.defined_names.append(DefinedName('Klasslista', attr_text="Betyg!$F$2:$F$31"))
    wb.defined_names.append(DefinedName('Skolår', attr_text='"2025/26"'))
    wb.defined_names.append(DefinedName('Urval', localSheetId=0, attr_text="'Läs mig'!$B$3:$B$6"))
    wb.defined_names.append(DefinedName('Urval', localSheetId=2, attr_text='Diagram!$A$2:$A$5'))
    wb.security = WorkbookProtection(workbookPassword='bok2026', lockStructure=True)
    wb.save(os.path.join(FILES, 'openpyxl-features.xlsx'))


def epoch1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    dates = wb.active
    dates.title = 'Datum'
    dates.append(['Händelse', 'Datum'])
    for what, when in (('Terminsstart', datetime.datetime(2026, 1, 8)), ('Sportlov', datetime.datetime(2026, 2, 16)),
                       ('Betygsättning', datetime.datetime(2026, 6, 12)), ('Före 1904', datetime.datetime(1904, 1, 1))):
        dates.append([what, when])
        dates.cell(dates.max_row, 2).number_format = 'yyyy-mm-dd'
    dates.column_dimensions['A'].width = 16
    dates.column_dimensions['B'].width = 14
    grades = wb.create_sheet('Betyg 1904')
    grades_sheet(grades, pupils(30, 25))
    grades.page_setup.orientation = 'landscape'
    grades.sheet_properties.pageSetUpPr.fitToPage = True
    grades.page_setup.fitToWidth = 1
    grades.page_setup.fitToHeight = 0
    wb.save(os.path.join(FILES, 'openpyxl-1904.xlsx'))


if __name__ == '__main__':
    features()
    epoch1904()
