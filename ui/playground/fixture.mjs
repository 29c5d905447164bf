// A tiny stand-in for examples/skolanalys-demo.xlsx, used only while that file does not exist.
// Synthetic pupils with valid-checksum personnummer (born 2010) and a few deliberate problems.
const SUBJECTS = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl'];
const FIRST = ['Alva', 'Elias', 'Maja', 'Noah', 'Ella', 'Hugo', 'Saga', 'Liam', 'Wilma', 'Oscar', 'Alice', 'Lucas', 'Olivia', 'William', 'Astrid', 'Adam', 'Ebba', 'Leo', 'Freja', 'Nils', 'Stella', 'Viggo', 'Selma', 'Ture'];
const LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson'];
const MARKS = ['A', 'B', 'C', 'D', 'E', 'C', 'D', 'E', 'F'];

function luhn(nine) {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
function pnr(i) {
  const date = `10${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const serial = `${String(10 + i).padStart(2, '0')}${i % 2 === 0 ? 2 : 1}`; // even = flicka, odd = pojke
  return `20${date}${serial}${luhn(date + serial)}`;
}

export function fixtureWorkbook() {
  const n = FIRST.length;
  const grades = (shift) => {
    const rows = [['Personnummer', 'Förnamn', 'Efternamn', 'Klass', ...SUBJECTS]];
    for (let i = 0; i < n; i++) rows.push([pnr(i), FIRST[i], LAST[i % LAST.length], i < n / 2 ? '9A' : '9B', ...SUBJECTS.map((_, j) => MARKS[(i * 7 + j * 3 + shift) % MARKS.length])]);
    return rows;
  };
  const now = grades(0);
  now[3][6] = 'G'; // old-scale mark in an A–F file: a problem with an address
  now[5][4] = '-'; // streck
  now[8][1] = 'Okänd';
  now[9][0] = '201001011235'; // wrong check digit
  const tests = [['Personnummer', 'Sv', 'En', 'Ma']];
  for (let i = 0; i < n; i++) tests.push([pnr(i), MARKS[(i + 1) % 9], MARKS[(i + 2) % 9], i === 4 ? 99 : MARKS[(i + 3) % 9]]);
  const absence = [['Personnummer', 'Namn', 'Klass', 'Schemalagd tid (h)', 'Giltig frånvaro (h)', 'Ogiltig frånvaro (h)']];
  for (let i = 0; i < n; i++) absence.push([pnr(i), `${FIRST[i]} ${LAST[i % LAST.length]}`, i < n / 2 ? '9A' : '9B', 400, (i * 13) % 60, (i * 5) % 17]);
  return {
    sheets: [
      { name: 'Betyg VT2026', values: now },
      { name: 'Nationella prov', values: tests },
      { name: 'Betyg VT2025', values: grades(2) },
      { name: 'Frånvaro', values: absence },
      { name: 'Läs mig', values: [['Exempeldata (påhittade elever) för Skolanalys lekplats.']] },
    ],
  };
}
