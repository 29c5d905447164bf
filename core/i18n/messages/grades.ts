/** Messages of the grades area. Keys: `grades.*`. Keep sv and en in step (a test checks). */
export const grades = {
  sv: {
  } as Record<string, string>,
  en: {
  } as Record<string, string>,
};
