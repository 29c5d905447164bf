/** Messages of the survey area. Keys: `survey.*`. Keep sv and en in step (a test checks). */
export const survey = {
  sv: {
  } as Record<string, string>,
  en: {
  } as Record<string, string>,
};
