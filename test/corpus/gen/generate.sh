#!/bin/sh
# Regenerates every corpus workbook in test/corpus/files/ (see ../README.md). Needs Debian's
# python3-openpyxl and python3-uno (run by /usr/bin/python3, not a pyenv python), LibreOffice and Node.
set -eu
cd "$(dirname "$0")/../../.."
/usr/bin/python3 test/corpus/gen/openpyxl_corpus.py
/usr/bin/python3 test/corpus/gen/handwritten_corpus.py
/usr/bin/python3 test/corpus/gen/libreoffice_corpus.py
node test/corpus/gen/exceljs-corpus.mjs
# LibreOffice's own .xlsx export of the openpyxl workbook: the same features as LibreOffice writes them.
profile=$(mktemp -d)
tmp=$(mktemp -d)
cp test/corpus/files/openpyxl-features.xlsx "$tmp/libreoffice-roundtrip.xlsx"
soffice "-env:UserInstallation=file://$profile" --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' \
  --outdir "$tmp/out" "$tmp/libreoffice-roundtrip.xlsx" >/dev/null
cp "$tmp/out/libreoffice-roundtrip.xlsx" test/corpus/files/
rm -rf "$profile" "$tmp"
ls -l test/corpus/files
