/** Messages of the ui area. Keys: `ui.*`. Keep sv and en in step (a test checks). */
export const ui = {
  sv: {
  } as Record<string, string>,
  en: {
  } as Record<string, string>,
};
