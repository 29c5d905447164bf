/** Messages of the pane's "Om" (about) view. Keys: `about.*`. Keep sv and en in step (a test checks). */
export const about = {
  sv: {
    'about.summary': 'Om Skolanalys {version}',
    'about.version': 'Skolanalys {version} för {host}. Fri programvara (MIT-licens).',
    'about.privacy': 'Allt räknas här, i arbetsboken på din dator eller i ditt Google-konto. Skolanalys skickar inga uppgifter till någon och sparar inget utanför arbetsboken. Blad som innehåller personuppgifter säger det i sin rubrikrad.',
    'about.privacy.fetch': 'Det enda undantaget väljer du själv: Hämta från Kolada (Rapporter → Jämförelsetal) skickar nyckeltalens id, en kommunkod och årtal till Kolada, och visar det innan.',
    'about.docs': 'Integritet och konsekvensbedömning: se docs/integritet.md i Skolanalys källkod, eller fråga kommunens IT.',
    'about.host.excel': 'Excel',
    'about.host.sheets': 'Google Kalkylark',
    'about.host.memory': 'lekplatsen (påhittade elever)',
  } as Record<string, string>,
  en: {
    'about.summary': 'About Skolanalys {version}',
    'about.version': 'Skolanalys {version} for {host}. Free software (MIT licence).',
    'about.privacy': 'Everything is computed here, in the workbook on your computer or in your Google account. Skolanalys sends no data to anyone and stores nothing outside the workbook. Sheets that hold personal data say so in their title row.',
    'about.privacy.fetch': 'The one exception is your choice: Fetch from Kolada (Reports → Benchmarks) sends indicator ids, a municipality code and years to Kolada, and shows them first.',
    'about.docs': 'Privacy and impact assessment: see docs/integritet.md in the Skolanalys source, or ask your IT department.',
    'about.host.excel': 'Excel',
    'about.host.sheets': 'Google Sheets',
    'about.host.memory': 'the playground (made-up pupils)',
  } as Record<string, string>,
};
