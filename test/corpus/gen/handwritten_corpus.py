"""Corpus workbooks written part by part, as writers other than Excel do it. Run with /usr/bin/python3:
    /usr/bin/python3 test/corpus/gen/handwritten_corpus.py

handwritten-sdk.xlsx: the workbook part at xl/arbetsbok.xml, SpreadsheetML with the `x:` prefix the .NET Open XML SDK writes, absolute
relationship targets (`/xl/...`), part names that are not Excel's (`xl/worksheets/betyg.xml`,
`xl/notes/anteckningar.xml`), inline strings, a table without <tableStyleInfo>, an external link part,
a hyperlink whose relationship target is `#'Läs mig'!A1`, SHA-512 sheet and workbook protection,
custom properties, sheet-scoped and constant names, hidden and very hidden sheets, print settings.

handwritten-macro.xlsm: a macro-enabled workbook with xl/vbaProject.bin. The part is a minimal compound
file made here (root storage with an empty VBA storage), not a real VBA project: nothing fetched may be
committed, and the point is that the bytes come back unchanged with the macro-enabled content type."""
import base64
import hashlib
import os
import struct
import sys
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import FILES, SCB_COLUMNS, pupils  # noqa: E402

MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
RT = R  # relationship types start with this
DECL = '<?xml version="1.0" encoding="utf-8"?>'


def sha512_protection(password, salt):
    """Excel's agile password hash (MS-OFFCRYPTO 2.3.7.1 style, as in sheetProtection/@hashValue):
    H0 = SHA-512(salt + UTF-16LE password), then 100 000 rounds of H = SHA-512(H + round as uint32 LE)."""
    h = hashlib.sha512(salt + password.encode('utf-16-le')).digest()
    for i in range(100000):
        h = hashlib.sha512(h + struct.pack('<I', i)).digest()
    return base64.b64encode(h).decode(), base64.b64encode(salt).decode()


def col(n):
    s = ''
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def rels(items):
    """items: (id, type suffix or full type, target, external?)."""
    out = [DECL, f'<Relationships xmlns="{PKG}">']
    for rid, typ, target, external in items:
        full = typ if typ.startswith('http') else f'{RT}/{typ}'
        mode = ' TargetMode="External"' if external else ''
        out.append(f'<Relationship Id="{rid}" Type="{full}" Target="{escape(target)}"{mode} />')
    out.append('</Relationships>')
    return ''.join(out)


def write_zip(path, parts):
    """Parts in the given order, fixed timestamps: the same script gives the same bytes."""
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2026, 6, 12, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode('utf-8') if isinstance(data, str) else data)


def inline_row(r, values, style=None, p='x:'):
    cells = []
    for c, v in enumerate(values):
        if v == '':
            continue
        s = f' s="{style}"' if style else ''
        cells.append(f'<{p}c r="{col(c)}{r}" t="inlineStr"{s}><{p}is><{p}t>{escape(v)}</{p}t></{p}is></{p}c>')
    return f'<{p}row r="{r}">' + ''.join(cells) + f'</{p}row>'


def styles_xml(p='x:'):
    ns = f'xmlns:x="{MAIN}"' if p == 'x:' else f'xmlns="{MAIN}"'
    return (DECL + f'<{p}styleSheet {ns}>'
            f'<{p}numFmts count="1"><{p}numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></{p}numFmts>'
            f'<{p}fonts count="2"><{p}font><{p}sz val="11"/><{p}name val="Calibri"/></{p}font>'
            f'<{p}font><{p}b/><{p}sz val="11"/><{p}name val="Calibri"/></{p}font></{p}fonts>'
            f'<{p}fills count="2"><{p}fill><{p}patternFill patternType="none"/></{p}fill>'
            f'<{p}fill><{p}patternFill patternType="gray125"/></{p}fill></{p}fills>'
            f'<{p}borders count="1"><{p}border><{p}left/><{p}right/><{p}top/><{p}bottom/><{p}diagonal/></{p}border></{p}borders>'
            f'<{p}cellStyleXfs count="1"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></{p}cellStyleXfs>'
            f'<{p}cellXfs count="3"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            f'<{p}xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
            f'<{p}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></{p}cellXfs>'
            f'<{p}cellStyles count="1"><{p}cellStyle name="Normal" xfId="0" builtinId="0"/></{p}cellStyles>'
            f'<{p}dxfs count="1"><{p}dxf><{p}font><{p}color rgb="FF9C0006"/></{p}font><{p}fill><{p}patternFill>'
            f'<{p}bgColor rgb="FFFFC7CE"/></{p}patternFill></{p}fill></{p}dxf></{p}dxfs>'
            f'</{p}styleSheet>')


def print_settings(p, header):
    return (f'<{p}pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            f'<{p}pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
            f'<{p}headerFooter><{p}oddHeader>&amp;C{escape(header)}</{p}oddHeader><{p}oddFooter>&amp;RSida &amp;P</{p}oddFooter></{p}headerFooter>')


def core_xml(title):
    return (DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(title)}</dc:title><dc:creator>Rektor</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-06-12T08:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-06-12T08:00:00Z</dcterms:modified>'
            '</cp:coreProperties>')


def app_xml(sheets, application):
    vec = ''.join(f'<vt:lpstr>{escape(s)}</vt:lpstr>' for s in sheets)
    return (DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Application>{application}</Application><DocSecurity>0</DocSecurity>'
            '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Kalkylblad</vt:lpstr></vt:variant>'
            f'<vt:variant><vt:i4>{len(sheets)}</vt:i4></vt:variant></vt:vector></HeadingPairs>'
            f'<TitlesOfParts><vt:vector size="{len(sheets)}" baseType="lpstr">{vec}</vt:vector></TitlesOfParts>'
            '<Company>Kommunen</Company><AppVersion>16.0300</AppVersion></Properties>')


def vml(cells):
    """Legacy drawing for comment boxes; cells: (row0, col0)."""
    shapes = []
    for i, (r, c) in enumerate(cells):
        shapes.append(
            f'<v:shape id="_x0000_s{1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;'
            f'margin-top:{2 + 15 * r}pt;width:108pt;height:59.25pt;z-index:{i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
            '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
            '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
            f'<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{c + 1}, 15, {r}, 2, {c + 3}, 15, {r + 4}, 16</x:Anchor>'
            f'<x:AutoFill>False</x:AutoFill><x:Row>{r}</x:Row><x:Column>{c}</x:Column></x:ClientData></v:shape>')
    return ('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/>'
            '</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
            '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
            + ''.join(shapes) + '</xml>')


def sdk():
    p = 'x:'
    X = f'xmlns:x="{MAIN}" xmlns:r="{R}"'
    rows = pupils(90, 30)
    sheet_names = ['Läs mig', 'Betyg', 'Klasser', 'Dolt', 'Mycket dolt']

    # Läs mig: hyperlinks (external by relationship, internal by location and by a '#' target), a date,
    # a formula on the external workbook with its cached value, a comment.
    info = (DECL + f'<x:worksheet {X}><x:dimension ref="A1:B7"/><x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews>'
            '<x:sheetFormatPr defaultRowHeight="15"/><x:cols><x:col min="1" max="2" width="24" customWidth="1"/></x:cols><x:sheetData>'
            + inline_row(1, ['Betygsunderlag vt 2026'], 1)
            + '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>Exportdatum</x:t></x:is></x:c><x:c r="B3" s="2"><x:v>46185</x:v></x:c></x:row>'
            + inline_row(4, ['Skolverket', 'www.skolverket.se'])
            + inline_row(5, ['Till betygen', 'Betyg!A1'])
            + inline_row(6, ['Tillbaka hit', "'Läs mig'!A1"])
            + '<x:row r="7"><x:c r="A7" t="inlineStr"><x:is><x:t>Budget (annan fil)</x:t></x:is></x:c>'
              '<x:c r="B7"><x:f>[1]Budget!$A$1</x:f><x:v>125000</x:v></x:c></x:row>'
            + '</x:sheetData><x:hyperlinks><x:hyperlink ref="B4" r:id="rIdLink1" display="www.skolverket.se"/>'
              '<x:hyperlink ref="B5" location="Betyg!A1" display="Betyg!A1"/><x:hyperlink ref="B6" r:id="rIdLink2"/></x:hyperlinks>'
            + '<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
              '<x:legacyDrawing r:id="rIdVml"/></x:worksheet>')
    info_rels = rels([('rIdLink1', 'hyperlink', 'https://www.skolverket.se/', True),
                      ('rIdLink2', 'hyperlink', "#'Läs mig'!A1", True),
                      ('rIdNotes', 'comments', '/xl/notes/anteckningar.xml', False),
                      ('rIdVml', 'vmlDrawing', '/xl/notes/anteckningar.vml', False)])
    notes = (DECL + f'<x:comments {X}><x:authors><x:author>Rektor</x:author></x:authors><x:commentList>'
             '<x:comment ref="A1" authorId="0"><x:text><x:r><x:rPr><x:b/><x:sz val="9"/></x:rPr><x:t>Rektor:</x:t></x:r>'
             '<x:r><x:rPr><x:sz val="9"/></x:rPr><x:t xml:space="preserve"> exporten kom från Vklass.</x:t></x:r></x:text></x:comment>'
             '</x:commentList></x:comments>')

    # Betyg: SCB header, inline strings, frozen header, conditional formatting, validation, SHA-512 protection,
    # print settings with fit-to-page.
    sheet_hash, sheet_salt = sha512_protection('betyg2026', b'skolanalys-salt1')
    book_hash, book_salt = sha512_protection('bok2026', b'skolanalys-salt2')
    body = inline_row(1, SCB_COLUMNS, 1) + ''.join(inline_row(i + 2, r) for i, r in enumerate(rows))
    last = len(rows) + 1
    grades = (DECL + f'<x:worksheet {X}><x:sheetPr><x:tabColor rgb="FF2F75B5"/><x:pageSetUpPr fitToPage="1"/></x:sheetPr>'
              f'<x:dimension ref="A1:AG{last}"/><x:sheetViews><x:sheetView tabSelected="1" workbookViewId="0">'
              '<x:pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><x:selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
              '</x:sheetView></x:sheetViews><x:sheetFormatPr defaultRowHeight="15"/>'
              f'<x:sheetData>{body}</x:sheetData>'
              f'<x:sheetProtection algorithmName="SHA-512" hashValue="{sheet_hash}" '
              f'saltValue="{sheet_salt}" spinCount="100000" sheet="1" objects="1" scenarios="1" formatColumns="0"/>'
              f'<x:conditionalFormatting sqref="I2:AG{last}"><x:cfRule type="cellIs" dxfId="0" priority="1" operator="equal">'
              '<x:formula>"F"</x:formula></x:cfRule></x:conditionalFormatting>'
              f'<x:dataValidations count="1"><x:dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="I2:M{last}">'
              '<x:formula1>"A,B,C,D,E,F,-,2,3"</x:formula1></x:dataValidation></x:dataValidations>'
              + print_settings(p, 'Betyg &A') + '</x:worksheet>')

    # Klasser: a table without <tableStyleInfo>, named oddly.
    klass = {}
    for r in rows:
        klass[r[5]] = klass.get(r[5], 0) + 1
    krows = ''.join(f'<x:row r="{i + 2}"><x:c r="A{i + 2}" t="inlineStr"><x:is><x:t>{k}</x:t></x:is></x:c>'
                    f'<x:c r="B{i + 2}"><x:v>{n}</x:v></x:c></x:row>' for i, (k, n) in enumerate(sorted(klass.items())))
    kl = len(klass) + 1
    klasser = (DECL + f'<x:worksheet {X}><x:dimension ref="A1:B{kl}"/><x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews>'
               '<x:sheetFormatPr defaultRowHeight="15"/><x:sheetData>' + inline_row(1, ['Klass', 'Elever']) + krows
               + '</x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
               '<x:tableParts count="1"><x:tablePart r:id="rIdT"/></x:tableParts></x:worksheet>')
    table = (DECL + f'<x:table {X} id="1" name="Klasstabell" displayName="Klasstabell" ref="A1:B{kl}" totalsRowShown="0">'
             f'<x:autoFilter ref="A1:B{kl}"/><x:tableColumns count="2"><x:tableColumn id="1" name="Klass"/>'
             '<x:tableColumn id="2" name="Elever"/></x:tableColumns></x:table>')
    plain = lambda text, state: (DECL + f'<x:worksheet {X}><x:sheetData>' + inline_row(1, [text])
                                 + '</x:sheetData></x:worksheet>')

    workbook = (DECL + f'<x:workbook {X}><x:workbookPr defaultThemeVersion="164011"/>'
                f'<x:workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="{book_hash}" '
                f'workbookSaltValue="{book_salt}" workbookSpinCount="100000" lockStructure="1"/>'
                '<x:bookViews><x:workbookView activeTab="1"/></x:bookViews><x:sheets>'
                '<x:sheet name="Läs mig" sheetId="1" r:id="rId1"/><x:sheet name="Betyg" sheetId="2" r:id="rId2"/>'
                '<x:sheet name="Klasser" sheetId="3" r:id="rId3"/><x:sheet name="Dolt" sheetId="4" state="hidden" r:id="rId4"/>'
                '<x:sheet name="Mycket dolt" sheetId="5" state="veryHidden" r:id="rId5"/></x:sheets>'
                '<x:externalReferences><x:externalReference r:id="rId9"/></x:externalReferences>'
                '<x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="1">Betyg!$A$1:$AG$' + str(last) + '</x:definedName>'
                '<x:definedName name="_xlnm.Print_Titles" localSheetId="1">Betyg!$1:$1</x:definedName>'
                '<x:definedName name="Budget">[1]Budget!$A$1</x:definedName>'
                '<x:definedName name="Elever" localSheetId="2">Klasser!$B$2:$B$' + str(kl) + '</x:definedName>'
                '<x:definedName name="Personnummer">Betyg!$D$2:$D$' + str(last) + '</x:definedName>'
                '<x:definedName name="Skolår">"2025/26"</x:definedName></x:definedNames>'
                '<x:calcPr calcId="191029"/></x:workbook>')
    wb_rels = rels([('rId1', 'worksheet', '/xl/worksheets/info.xml', False),
                    ('rId2', 'worksheet', '/xl/worksheets/betyg.xml', False),
                    ('rId3', 'worksheet', '/xl/worksheets/klasser.xml', False),
                    ('rId4', 'worksheet', '/xl/worksheets/dolt.xml', False),
                    ('rId5', 'worksheet', '/xl/worksheets/mycket-dolt.xml', False),
                    ('rId7', 'styles', '/xl/styles.xml', False),
                    ('rId9', 'externalLink', '/xl/externalLinks/budget.xml', False)])
    ext = (DECL + f'<x:externalLink {X}><x:externalBook r:id="rId1"><x:sheetNames><x:sheetName val="Budget"/></x:sheetNames>'
           '<x:sheetDataSet><x:sheetData sheetId="0"><x:row r="1"><x:cell r="A1"><x:v>125000</x:v></x:cell></x:row>'
           '</x:sheetData></x:sheetDataSet></x:externalBook></x:externalLink>')
    ext_rels = rels([('rId1', 'externalLinkPath', 'file:///C:/Skola/Budget%202026.xlsx', True)])
    custom = (DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_Sekretess_Name">'
              '<vt:lpwstr>Intern – personuppgifter</vt:lpwstr></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Gallras"><vt:filetime>2031-06-30T00:00:00Z</vt:filetime></property>'
              '</Properties>')
    W = 'application/vnd.openxmlformats-officedocument.spreadsheetml'
    ct = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
          f'<Override PartName="/xl/arbetsbok.xml" ContentType="{W}.sheet.main+xml"/>'
          + ''.join(f'<Override PartName="/xl/worksheets/{n}.xml" ContentType="{W}.worksheet+xml"/>'
                    for n in ['info', 'betyg', 'klasser', 'dolt', 'mycket-dolt'])
          + f'<Override PartName="/xl/styles.xml" ContentType="{W}.styles+xml"/>'
          f'<Override PartName="/xl/notes/anteckningar.xml" ContentType="{W}.comments+xml"/>'
          f'<Override PartName="/xl/tables/klasstabell.xml" ContentType="{W}.table+xml"/>'
          f'<Override PartName="/xl/externalLinks/budget.xml" ContentType="{W}.externalLink+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
          '</Types>')
    root_rels = rels([('rId1', 'officeDocument', '/xl/arbetsbok.xml', False),
                      ('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', '/docProps/core.xml', False),
                      ('rId3', 'extended-properties', '/docProps/app.xml', False),
                      ('rId4', 'custom-properties', '/docProps/custom.xml', False)])
    write_zip(os.path.join(FILES, 'handwritten-sdk.xlsx'), [
        ('[Content_Types].xml', ct), ('_rels/.rels', root_rels), ('xl/arbetsbok.xml', workbook),
        ('xl/_rels/arbetsbok.xml.rels', wb_rels), ('xl/styles.xml', styles_xml()),
        ('xl/worksheets/info.xml', info), ('xl/worksheets/_rels/info.xml.rels', info_rels),
        ('xl/worksheets/betyg.xml', grades), ('xl/worksheets/klasser.xml', klasser),
        ('xl/worksheets/_rels/klasser.xml.rels', rels([('rIdT', 'table', '/xl/tables/klasstabell.xml', False)])),
        ('xl/tables/klasstabell.xml', table),
        ('xl/worksheets/dolt.xml', plain('Hjälpvärden', 'hidden')),
        ('xl/worksheets/mycket-dolt.xml', plain('Mycket dold', 'veryHidden')),
        ('xl/notes/anteckningar.xml', notes), ('xl/notes/anteckningar.vml', vml([(0, 0)])),
        ('xl/externalLinks/budget.xml', ext), ('xl/externalLinks/_rels/budget.xml.rels', ext_rels),
        ('docProps/core.xml', core_xml('Betyg vt 2026')), ('docProps/app.xml', app_xml(sheet_names, 'Microsoft Excel')),
        ('docProps/custom.xml', custom),
    ])


def compound_file():
    """A minimal Compound File Binary (MS-CFB v3): header, one FAT sector, one directory sector holding
    the root storage and an empty `VBA` storage. 1 536 bytes."""
    FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = (b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\x00' * 16
              + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6) + b'\x00' * 6
              + struct.pack('<IIIIIIIII', 0, 1, 1, 0, 4096, END, 0, END, 0)
              + struct.pack('<I', 0) + struct.pack('<I', FREE) * 108)
    assert len(header) == 512
    fat = struct.pack('<II', FATSECT, END) + struct.pack('<I', FREE) * 126

    def entry(name, kind, child):
        n = (name + '\x00').encode('utf-16-le') if name else b''
        return (n.ljust(64, b'\x00') + struct.pack('<HBB', len(n), kind, 1 if kind else 0)
                + struct.pack('<III', NOSTREAM, NOSTREAM, child) + b'\x00' * 16 + b'\x00' * 4 + b'\x00' * 16
                + struct.pack('<I', END if kind == 5 else 0) + struct.pack('<Q', 0))

    directory = entry('Root Entry', 5, 1) + entry('VBA', 1, NOSTREAM) + entry('', 0, NOSTREAM) * 2
    assert len(directory) == 512
    return header + fat + directory


def macro():
    rows = pupils(120, 25)
    last = len(rows) + 1
    NS = f'xmlns="{MAIN}" xmlns:r="{R}"'
    grades = (DECL + f'<worksheet {NS}><sheetPr codeName="Blad1"><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:AG{last}"/>'
              '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>'
              + inline_row(1, SCB_COLUMNS, 1, '') + ''.join(inline_row(i + 2, r, None, '') for i, r in enumerate(rows))
              + '</sheetData>' + print_settings('', 'Betyg') + '</worksheet>')
    info = (DECL + f'<worksheet {NS}><sheetPr codeName="Blad2"/><sheetData>' + inline_row(1, ['Knappen kör makrot Uppdatera.'], None, '')
            + '<row r="2"><c r="A2"><f>SUM(B2:C2)</f><v>5</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row>'
            + '</sheetData></worksheet>')
    workbook = (DECL + f'<workbook {NS}><workbookPr codeName="DenHärArbetsboken"/><bookViews><workbookView activeTab="0"/></bookViews>'
                '<sheets><sheet name="Betyg" sheetId="1" r:id="rId1"/><sheet name="Makro" sheetId="2" r:id="rId2"/></sheets>'
                '<definedNames><definedName name="Skolår">"2025/26"</definedName></definedNames><calcPr calcId="191029"/></workbook>')
    wb_rels = rels([('rId1', 'worksheet', 'worksheets/sheet1.xml', False), ('rId2', 'worksheet', 'worksheets/sheet2.xml', False),
                    ('rId3', 'styles', 'styles.xml', False),
                    ('rId4', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin', False)])
    W = 'application/vnd.openxmlformats-officedocument.spreadsheetml'
    ct = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>'
          f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{W}.worksheet+xml"/>'
          f'<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{W}.worksheet+xml"/>'
          f'<Override PartName="/xl/styles.xml" ContentType="{W}.styles+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          '</Types>')
    root_rels = rels([('rId1', 'officeDocument', 'xl/workbook.xml', False),
                      ('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml', False),
                      ('rId3', 'extended-properties', 'docProps/app.xml', False)])
    write_zip(os.path.join(FILES, 'handwritten-macro.xlsm'), [
        ('[Content_Types].xml', ct), ('_rels/.rels', root_rels), ('xl/workbook.xml', workbook),
        ('xl/_rels/workbook.xml.rels', wb_rels), ('xl/styles.xml', styles_xml('')),
        ('xl/worksheets/sheet1.xml', grades), ('xl/worksheets/sheet2.xml', info), ('xl/vbaProject.bin', compound_file()),
        ('docProps/core.xml', core_xml('Makrobok')), ('docProps/app.xml', app_xml(['Betyg', 'Makro'], 'Microsoft Excel')),
    ])


if __name__ == '__main__':
    sdk()
    macro()
