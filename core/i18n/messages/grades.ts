/** Messages of the grades area. Keys: `grades.*`. Keep sv and en in step (a test checks). */
export const grades = {
  sv: {
    'grades.scale.AF': 'A–F',
    'grades.scale.old': 'MVG/VG/G/IG',
    'grades.problem.wrongScale': 'Betyget {value} i {subject} hör inte till betygsskalan {scale} som filen läses i; det räknas inte (skalorna blandas aldrig).',
    'grades.problem.testUnmatched': 'Provresultatet för {id} har ingen elev i betygsfilen {sheet}; det jämförs inte med något slutbetyg.',
    'grades.definition.allSubjectsPassed': 'Godkända betyg i alla ämnen: A–E i varje ämne eleven har betyg i, inget F, inget streck och ingen kod 3 i ett obligatoriskt ämne; nämnaren är eleverna med betyg (A–F) eller streck i minst ett ämne.',
    'grades.group.Sv': 'Elever i svenska',
    'grades.group.Sva': 'Elever i svenska som andraspråk',
    'grades.kind.slutbetyg': 'Slutbetyg åk {year}',
    'grades.kind.terminsbetyg': 'Terminsbetyg åk {year}',
    'grades.definition.meanMerit': 'Genomsnittligt meritvärde beräknas över elever med minst ett godkänt betyg.',
    'grades.definition.eligibleShare': 'Andel behöriga: behöriga elever / alla elever med slutbetyg i filen.',
  } as Record<string, string>,
  en: {
    'grades.scale.AF': 'A–F',
    'grades.scale.old': 'MVG/VG/G/IG',
    'grades.problem.wrongScale': 'The grade {value} in {subject} is not on the {scale} scale the file is read in; it is not counted (scales are never mixed).',
    'grades.problem.testUnmatched': 'The test result of {id} has no pupil in the grade file {sheet}; it is not compared with any final grade.',
    'grades.definition.allSubjectsPassed': 'Passing grades in all subjects: A–E in every subject the pupil is graded in, no F, no streck and no code 3 in a compulsory subject; the denominator is the pupils with a grade (A–F) or a streck in at least one subject.',
    'grades.group.Sv': 'Pupils in Swedish',
    'grades.group.Sva': 'Pupils in Swedish as a second language',
    'grades.kind.slutbetyg': 'Final grades, year {year}',
    'grades.kind.terminsbetyg': 'Term grades, year {year}',
    'grades.definition.meanMerit': 'The average merit value is taken over pupils with at least one passing grade.',
    'grades.definition.eligibleShare': 'Share eligible: eligible pupils / all pupils with final grades in the file.',
  } as Record<string, string>,
};
