"""Shared by the Python generators of the corpus: the pupils (copied from the demo's SCB grade file),
a tiny PNG written without PIL, and fixed timestamps so a regeneration gives the same cells."""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
FILES = os.path.normpath(os.path.join(HERE, '..', 'files'))

# The 33 SCB columns, in the file's order (core/table/grades.ts SCB9_COLUMNS): the CLI recognises
# these variable names as a header row.
SCB_COLUMNS = [
    'System', 'Datum', 'Version', 'PersonNr', 'Skolenhetskod', 'Klass', 'Fornamn', 'Efternamn',
    'Bl', 'En', 'Hkk', 'Idh', 'Ma', 'M1 (språk)', 'M1 (betyg)', 'M2 (språk)', 'M2 (betyg)', 'ML (språk)', 'ML (betyg)',
    'Mu', 'Bi', 'Fy', 'Ke', 'Ge', 'Hi', 'Re', 'Sh', 'Sl', 'Sv', 'Sva', 'Tn', 'Tk', 'OVR',
]


def pupils(start=0, count=30):
    """Rows of examples/betyg-ak9-vt2026.txt (Windows-1252, no header), as lists of 33 strings.
    Pupils 0–29 include nr 5 (bad check digit) and nr 17 (temporary id), so Datakontroll is made."""
    path = os.path.join(ROOT, 'examples', 'betyg-ak9-vt2026.txt')
    with open(path, encoding='cp1252') as f:
        lines = f.read().splitlines()
    return [line.split(';') for line in lines[start:start + count]]


def png(width=48, height=32, rgb=(30, 110, 200)):
    """A solid-colour RGB PNG with a diagonal stripe, made with zlib only (openpyxl would need PIL)."""
    raw = b''
    for y in range(height):
        row = bytearray()
        for x in range(width):
            row += bytes((255, 200, 0) if abs(x - y * width // height) < 3 else rgb)
        raw += b'\x00' + bytes(row)

    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
