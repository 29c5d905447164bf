/** Messages of the progression area. Keys: `progression.*`. Keep sv and en in step (a test checks). */
export const progression = {
  sv: {
  } as Record<string, string>,
  en: {
  } as Record<string, string>,
};
