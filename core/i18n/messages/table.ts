/** Messages of the table area. Keys: `table.*`. Keep sv and en in step (a test checks). */
export const table = {
  sv: {
  } as Record<string, string>,
  en: {
  } as Record<string, string>,
};
