// The shipped reference files of resources/, keyed by their path there; JSON imports are bundled,
// so shared/ stays free of I/O. Adding a question set = adding its file here.
import countries from '../../resources/reference/countries.json' with { type: 'json' };
import economicActivities from '../../resources/reference/economicActivities.json' with { type: 'json' };
import languages from '../../resources/reference/languages.json' with { type: 'json' };
import legislativeAreas from '../../resources/reference/legislativeAreas.json' with { type: 'json' };
import messageTypes from '../../resources/reference/messageTypes.json' with { type: 'json' };
import policyAreas from '../../resources/reference/policyAreas.json' with { type: 'json' };
import subjectPQ from '../../resources/subjectSections/PQ.json' with { type: 'json' };
import subjectPR from '../../resources/subjectSections/PR.json' with { type: 'json' };
import subjectSD from '../../resources/subjectSections/SD.json' with { type: 'json' };
import pqDiplomaAuthenticity from '../../resources/questionSets/pq-diploma-authenticity.json' with { type: 'json' };
import pqLegalEstablishment from '../../resources/questionSets/pq-legal-establishment.json' with { type: 'json' };
import pqProfessionalExperience from '../../resources/questionSets/pq-professional-experience.json' with { type: 'json' };
import pqProfessionalConduct from '../../resources/questionSets/pq-professional-conduct.json' with { type: 'json' };
import prPrescriptionVerification from '../../resources/questionSets/pr-prescription-verification.json' with { type: 'json' };
import prRightToPractise from '../../resources/questionSets/pr-right-to-practise.json' with { type: 'json' };
import sdChecksAndInspections from '../../resources/questionSets/sd-checks-and-inspections.json' with { type: 'json' };
import sdCaseByCaseDerogationRequest from '../../resources/questionSets/sd-case-by-case-derogation-request.json' with { type: 'json' };
import sdCaseByCaseNotification from '../../resources/questionSets/sd-case-by-case-notification.json' with { type: 'json' };
import sdGeneralInformation from '../../resources/questionSets/sd-general-information.json' with { type: 'json' };

export const REFERENCE_FILES: Readonly<Record<string, unknown>> = {
  'reference/countries.json': countries,
  'reference/languages.json': languages,
  'reference/legislativeAreas.json': legislativeAreas,
  'reference/messageTypes.json': messageTypes,
  'reference/economicActivities.json': economicActivities,
  'reference/policyAreas.json': policyAreas,
  'subjectSections/PQ.json': subjectPQ,
  'subjectSections/SD.json': subjectSD,
  'subjectSections/PR.json': subjectPR,
  'questionSets/pq-diploma-authenticity.json': pqDiplomaAuthenticity,
  'questionSets/pq-professional-conduct.json': pqProfessionalConduct,
  'questionSets/pq-legal-establishment.json': pqLegalEstablishment,
  'questionSets/pq-professional-experience.json': pqProfessionalExperience,
  'questionSets/sd-general-information.json': sdGeneralInformation,
  'questionSets/sd-checks-and-inspections.json': sdChecksAndInspections,
  'questionSets/sd-case-by-case-derogation-request.json': sdCaseByCaseDerogationRequest,
  'questionSets/sd-case-by-case-notification.json': sdCaseByCaseNotification,
  'questionSets/pr-right-to-practise.json': prRightToPractise,
  'questionSets/pr-prescription-verification.json': prPrescriptionVerification,
};
