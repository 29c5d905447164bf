/** Messages of the cli area. Keys: `cli.*`. Keep sv and en in step (a test checks). */
export const cli = {
  sv: {
  } as Record<string, string>,
  en: {
  } as Record<string, string>,
};
