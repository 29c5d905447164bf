/** Messages shared by every area. Keys: `common.*`. Keep sv and en in step (a test checks). */
export const common = {
  sv: {
    'common.pupils': '{n} elever',
    'common.suppressed': '..',
    'common.noData': '.',
    'common.symbolSuppressed': '.. = färre än {n} elever (uppgiften visas inte)',
    'common.symbolNoData': '. = uppgift saknas eller är inte tillämplig',
    'common.personalData': 'Innehåller personuppgifter',
    'common.total': 'Totalt',
    'common.girls': 'Flickor',
    'common.boys': 'Pojkar',
    'common.unknownGender': 'Okänt kön',
  } as Record<string, string>,
  en: {
    'common.pupils': '{n} pupils',
    'common.suppressed': '..',
    'common.noData': '.',
    'common.symbolSuppressed': '.. = fewer than {n} pupils (figure not shown)',
    'common.symbolNoData': '. = no data or not applicable',
    'common.personalData': 'Contains personal data',
    'common.total': 'Total',
    'common.girls': 'Girls',
    'common.boys': 'Boys',
    'common.unknownGender': 'Gender unknown',
  } as Record<string, string>,
};
