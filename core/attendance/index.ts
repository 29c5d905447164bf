/** Public API of the attendance area (domain §7). */
export * from './types';
export { absenceLevel, pupilAttendance, yearFromClass, type PupilTimes } from './level';
export { attendanceColumn, type AttendanceRole, type TimeUnit } from './columns';
export { parseAmount } from './cells';
export { readAttendance, lessonReader, type LessonReader, type ReadAttendanceOptions } from './read';
export { dayNumber, isoDate, lessonStatus, LessonStatus, type LessonColumnIndex } from './lessons';
export * from './groups';
export * from './join';
export * from './json';
export * from './ladder';
export * from './plan-sheet';
export * from './bands';
export * from './results';
export { DayFlag, type LessonDays } from './lessons';
