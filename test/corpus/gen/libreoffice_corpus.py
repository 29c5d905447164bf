"""Corpus workbook written by LibreOffice Calc (headless, through UNO) and saved as .xlsx by
LibreOffice's own filter "Calc MS Excel 2007 XML". Run with Debian's python (python3-uno):
    /usr/bin/python3 test/corpus/gen/libreoffice_corpus.py
It starts its own soffice with a private profile, builds the workbook cell by cell, and quits."""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import FILES, SCB_COLUMNS, png, pupils  # noqa: E402

import uno  # noqa: E402
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.awt import Point, Size  # noqa: E402
from com.sun.star.table import CellAddress, CellRangeAddress  # noqa: E402


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(120):
        try:
            return resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
        except Exception:
            time.sleep(0.5)
    raise RuntimeError('soffice did not come up')


def rng(sheet, a1):
    return sheet.getCellRangeByName(a1)


def fill(sheet, top, rows):
    """Writes rows of strings/numbers from row `top` (0-based), text kept as text."""
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            cell = sheet.getCellByPosition(c, top + r)
            if isinstance(v, (int, float)):
                cell.setValue(v)
            elif v != '':
                cell.setString(v)


def build(ctx, tmp):
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    doc = desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0, (prop('Hidden', True),))
    sheets = doc.Sheets
    sheets.getByIndex(0).Name = 'Betyg'
    for i, name in enumerate(['Klasser', 'Pivot', 'Diagram', 'Hjälp']):
        sheets.insertNewByName(name, i + 1)
    grades, data, pivot, charts, helper = (sheets.getByName(n) for n in ['Betyg', 'Klasser', 'Pivot', 'Diagram', 'Hjälp'])

    # A named cell style of the user's own, and LibreOffice's built-in ones (Heading, Accent …).
    styles = doc.StyleFamilies.getByName('CellStyles')
    own = doc.createInstance('com.sun.star.style.CellStyle')
    styles.insertByName('Rubrik rektor', own)
    own.CharWeight = 150.0
    own.CellBackColor = 0xDDEBF7

    rows = pupils(60, 30)
    fill(grades, 0, [SCB_COLUMNS] + rows)
    rng(grades, 'A1:AG1').CellStyle = 'Rubrik rektor'
    # A note (comment) on the header and one on a pupil.
    grades.Annotations.insertNew(CellAddress(0, 3, 0), 'Personnummer med tolv siffror.')
    grades.Annotations.insertNew(CellAddress(0, 9, 4), 'Kontrollera engelska.')
    # Conditional formatting: F in red with the built-in "Bad" style.
    cf = rng(grades, 'I2:AG31').ConditionalFormat
    cf.addNew((prop('Operator', uno.Enum('com.sun.star.sheet.ConditionOperator', 'EQUAL')), prop('Formula1', '"F"'),
               prop('StyleName', 'Bad')))
    rng(grades, 'I2:AG31').ConditionalFormat = cf
    # Data validation: a list of the grade steps.
    target = rng(grades, 'I2:M31')
    val = target.Validation
    val.Type = uno.Enum('com.sun.star.sheet.ValidationType', 'LIST')
    val.Formula1 = '"A";"B";"C";"D";"E";"F";"-";"2";"3"'
    val.ShowErrorMessage = True
    val.ErrorMessage = 'Betyg A–F, - eller kod 2/3.'
    target.Validation = val
    # Print settings: print area, title row, landscape, one page wide, header and footer.
    grades.setPrintAreas((CellRangeAddress(0, 0, 0, 32, 50),))
    grades.setPrintTitleRows(True)
    grades.setTitleRows(CellRangeAddress(0, 0, 0, 32, 0))
    page = doc.StyleFamilies.getByName('PageStyles').getByName(grades.PageStyle)
    page.IsLandscape = True
    page.Width, page.Height = 29700, 21000
    page.ScaleToPagesX = 1
    page.ScaleToPagesY = 0
    header = page.RightPageHeaderContent
    header.CenterText.setString('Betyg vt 2026')
    page.RightPageHeaderContent = header
    grades.protect('betyg2026')

    # Class counts by gender, the source of the pivot table and the charts.
    counts = {}
    for r in rows:
        gender = 'Pojke' if int(r[3][10]) % 2 else 'Flicka'
        counts[(r[5], gender)] = counts.get((r[5], gender), 0) + 1
    data_rows = [['Klass', 'Kön', 'Elever']] + [[k[0], k[1], n] for k, n in sorted(counts.items())]
    fill(data, 0, data_rows)
    rng(data, 'A1:C1').CellStyle = 'Heading 3'
    last = len(data_rows) - 1
    # Sheet-scoped and workbook-scoped names, and a constant.
    doc.NamedRanges.addNewByName('Klassdata', f'$Klasser.$A$1:$C${last + 1}', CellAddress(1, 0, 0), 0)
    doc.NamedRanges.addNewByName('Skolår', '"2025/26"', CellAddress(0, 0, 0), 0)
    data.NamedRanges.addNewByName('Antal', f'$Klasser.$C$2:$C${last + 1}', CellAddress(1, 0, 0), 0)

    # DataPilot (pivot table): classes down, gender across, sum of pupils.
    tables = pivot.DataPilotTables
    desc = tables.createDataPilotDescriptor()
    desc.SourceRange = CellRangeAddress(1, 0, 0, 2, last)
    fields = desc.DataPilotFields
    O = 'com.sun.star.sheet.DataPilotFieldOrientation'
    fields.getByIndex(0).Orientation = uno.Enum(O, 'ROW')
    fields.getByIndex(1).Orientation = uno.Enum(O, 'COLUMN')
    elev = fields.getByIndex(2)
    elev.Orientation = uno.Enum(O, 'DATA')
    elev.Function = uno.Enum('com.sun.star.sheet.GeneralFunction', 'SUM')
    tables.insertNewByName('Elever per klass', CellAddress(2, 0, 0), desc)

    # Charts: one on a user sheet, one on the grades sheet (both over Klasser).
    def chart(sheet, name, x, y, kind):
        rect = uno.createUnoStruct('com.sun.star.awt.Rectangle')
        rect.X, rect.Y, rect.Width, rect.Height = x, y, 12000, 7000
        sheet.Charts.addNewByName(name, rect, (CellRangeAddress(1, 1, 0, 2, last),), True, True)
        c = sheet.Charts.getByName(name).EmbeddedObject
        c.HasMainTitle = True
        c.Title.String = name
        if kind:
            c.setDiagram(c.createInstance(kind))

    chart(charts, 'Elever per klass och kön', 500, 500, None)
    chart(grades, 'Klasser', 1000, 16000, 'com.sun.star.chart.PieDiagram')
    charts.getCellByPosition(0, 0).setString('Diagram över klasserna')

    # An image on the chart sheet.
    img_path = os.path.join(tmp, 'logo.png')
    with open(img_path, 'wb') as f:
        f.write(png(64, 40, (200, 60, 60)))
    shape = doc.createInstance('com.sun.star.drawing.GraphicObjectShape')
    provider = smgr.createInstanceWithContext('com.sun.star.graphic.GraphicProvider', ctx)
    shape.Graphic = provider.queryGraphic((prop('URL', uno.systemPathToFileUrl(img_path)),))
    charts.DrawPage.add(shape)
    shape.setSize(Size(1700, 1060))
    shape.setPosition(Point(14000, 500))

    # A hidden helper sheet, a hyperlink, a date, custom properties, workbook protection.
    helper.getCellByPosition(0, 0).setString('Hjälpvärden')
    helper.IsVisible = False
    cell = charts.getCellByPosition(0, 2)
    cell.setString('Skolverket')
    text = cell.Text
    field = doc.createInstance('com.sun.star.text.TextField.URL')
    field.URL = 'https://www.skolverket.se/'
    field.Representation = 'Skolverket'
    text.setString('')
    text.insertTextContent(text.createTextCursor(), field, False)
    date = charts.getCellByPosition(0, 3)
    date.setValue(46185)  # 2026-06-12 in the 1899-12-30 epoch: 46023 is 2026-01-01, + 162 days
    formats = doc.NumberFormats
    key = formats.queryKey('YYYY-MM-DD', uno.createUnoStruct('com.sun.star.lang.Locale'), False)
    if key == -1:
        key = formats.addNew('YYYY-MM-DD', uno.createUnoStruct('com.sun.star.lang.Locale'))
    date.NumberFormat = key
    udp = doc.DocumentProperties.UserDefinedProperties
    udp.addProperty('Sekretessklass', 0, 'Intern – innehåller personuppgifter')
    udp.addProperty('Ansvarig', 0, 'Rektor')
    doc.DocumentProperties.Author = 'Rektor'
    doc.protect('bok2026')

    out = os.path.join(FILES, 'libreoffice-pivot.xlsx')
    doc.storeToURL(uno.systemPathToFileUrl(out), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
    doc.close(True)


def main():
    tmp = tempfile.mkdtemp(prefix='corpus-lo-')
    pipe = f'corpus{os.getpid()}'
    proc = subprocess.Popen(['soffice', f'-env:UserInstallation=file://{tmp}/profile', '--headless', '--invisible',
                             '--nologo', '--norestore', f'--accept=pipe,name={pipe};urp;'])
    try:
        ctx = connect(pipe)
        build(ctx, tmp)
        try:
            ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx).terminate()
        except Exception:
            pass
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
