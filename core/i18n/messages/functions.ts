/** Messages of the functions area. Keys: `functions.*`. Keep sv and en in step (a test checks). */
export const functions = {
  sv: {
  } as Record<string, string>,
  en: {
  } as Record<string, string>,
};
