/** Public API of the grades engine (internals such as the one-pass scan stay out). */
export { SCALE_MARKS, gradePoints, gradeRank, isGraded, isPass, pointsTable } from './scale';
export { RULE_SETS, ruleSet, type Requirement, type RuleSet, type TargetRule } from './rulesets';
export {
  compileRuleSet, evaluateAllTargets, evaluateEligibility, evaluateTarget, subjectBit, summarizePasses,
  type CompiledRuleSet, type EligibilityCache, type PassSummary,
} from './eligibility';
export { meritValue16, meritValue17 } from './merit';
export { allSubjectsPassed, createEvaluator, evaluatePupil } from './evaluate';
export { compareTestsWithGrades, matchTests, subtest3Figures, testResultFigures, testShares, type Subtest3Figures, type TestComparison, type TestComparisonFigures, type TestMatch, type TestResultFigures } from './tests';
export { analyseGrades, type GradeAnalysis } from './analyse';
export { gradesJson, gradesJsonChunks, gradesJsonText, validateGradesJson, type GradesJson, type GradesJsonGroup, type GradesJsonPupil, type GradesJsonSubject, type GradesJsonTermGroup, type GradesJsonTermPupil, type GradesTermJson } from './json';
export { yearGroupOf, type GradeKind, type YearGroup, type YearGroupSource } from './year-group';
export { subjectQuality, type SubjectQuality } from './quality';
export * from './subjects';
