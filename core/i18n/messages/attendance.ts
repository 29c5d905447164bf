/** Messages of the attendance area. Keys: `attendance.*`. Keep sv and en in step (a test checks). */
export const attendance = {
  sv: {
  } as Record<string, string>,
  en: {
  } as Record<string, string>,
};
