/** Messages of the report area. Keys: `report.*`. Keep sv and en in step (a test checks). */
export const report = {
  sv: {
  } as Record<string, string>,
  en: {
  } as Record<string, string>,
};
