// Demo data loaded into an empty hub: five countries, their coordinators and competent authorities across PQ, SD and PR,
// and users of every role. Everything is parsed with the shared schemas, so the demo can never hold what the domain forbids.
import { Authority, type AdministrativeRole, type AlertFlags, type RequestFlags } from '../../shared/authority/authority';
import type { CountryCode, LanguageCode, LegislativeArea } from '../../shared/reference/codes';
import type { LocalizedText } from '../../shared/reference/text';
import { firstUserRights } from '../../shared/user/invariants';
import { User, type ContentRole, type GeneralRole } from '../../shared/user/user';

/** Every demo user logs in with these (documented in hub/demo/README.md and printed at start). */
export const DEMO_PASSWORD = 'ImiDemo2025';
export const DEMO_SECURITY_CODE = 'Abc123!?Xyz9';

interface RequestPlan { coordinator?: boolean; flags?: Partial<RequestFlags>; linked?: string[] }
interface AlertPlan { coordinator?: boolean; flags?: Partial<AlertFlags>; linked?: string[] }
interface AreaPlan { area: LegislativeArea; role?: AdministrativeRole; accessCoordinatorId?: string | null; request?: RequestPlan; alert?: AlertPlan }

interface AuthorityPlan {
  id: string;
  country: CountryCode;
  officialName: string;
  informalTitle: string;
  language: LanguageCode;
  town: string;
  region?: string;
  validatingCoordinatorId: string | null;
  usesAllocation?: boolean;
  areas: AreaPlan[];
}

const PQ_KEYWORDS = ['Recognition of professional qualifications', 'Disciplinary measures'];
const SD_KEYWORDS = ['Authorisation schemes', 'Registration of service providers'];
const PR_KEYWORDS = ['Cross-border healthcare', 'Reimbursement of costs'];
const KEYWORDS: Record<LegislativeArea, string[]> = { PQ: PQ_KEYWORDS, SD: SD_KEYWORDS, PR: PR_KEYWORDS };

function authority(plan: AuthorityPlan): Authority {
  const coordinatorEverywhere = plan.areas.every((a) => a.role === 'NIMIC');
  const informalTitle: LocalizedText = plan.language === 'en' ? { en: plan.informalTitle } : { en: plan.informalTitle, [plan.language]: plan.officialName };
  return Authority.parse({
    id: plan.id,
    country: plan.country,
    status: 'ACTIVE',
    officialName: plan.officialName,
    informalTitle,
    languages: plan.language === 'en' ? ['en'] : [plan.language, 'en'],
    address: { town: plan.town, region: plan.region ?? '' },
    contactEmail: `${plan.id}@authorities.demo.imi-desk.eu`,
    generalHorizontalCompetence: coordinatorEverywhere,
    validatingCoordinatorId: plan.validatingCoordinatorId,
    usesAllocation: plan.usesAllocation ?? false,
    areas: plan.areas.map((a) => ({
      area: a.area,
      status: 'ACTIVE',
      administrativeRole: a.role ?? 'CA',
      accessCoordinatorId: a.accessCoordinatorId ?? plan.validatingCoordinatorId,
      keywords: KEYWORDS[a.area],
      professions: a.area === 'PQ' ? ['Medical doctor', 'Nurse responsible for general care'] : [],
      workflows: [
        ...(a.request ? [{
          workflow: 'REQUEST', status: 'ACTIVE', role: a.request.coordinator ? 'REQUEST_COORDINATOR' : 'REQUEST_AUTHORITY',
          flags: { ...a.request.flags }, linkedCoordinatorIds: a.request.linked ?? [],
        }] : []),
        ...(a.alert ? [{
          workflow: 'ALERT', status: 'ACTIVE', role: a.alert.coordinator ? 'ALERT_COORDINATOR' : 'ALERT_AUTHORITY',
          flags: { ...a.alert.flags }, linkedCoordinatorIds: a.alert.linked ?? [],
        }] : []),
      ],
    })),
  });
}

/** A NIMIC: coordinator of requests in every area and, in SD, the country's incoming alert postbox. */
function nimic(country: CountryCode, officialName: string, informalTitle: string, language: LanguageCode, town: string): Authority {
  return authority({
    id: `${country.toLowerCase()}-nimic`, country, officialName, informalTitle, language, town, validatingCoordinatorId: null,
    areas: [
      { area: 'PQ', role: 'NIMIC', accessCoordinatorId: null, request: { coordinator: true } },
      { area: 'SD', role: 'NIMIC', accessCoordinatorId: null, request: { coordinator: true }, alert: { coordinator: true, flags: { incomingAlertPostbox: true } } },
      { area: 'PR', role: 'NIMIC', accessCoordinatorId: null, request: { coordinator: true } },
    ],
  });
}

/** A competent authority with request access in the given areas, linked to its coordinator. */
function ca(plan: Omit<AuthorityPlan, 'areas' | 'validatingCoordinatorId'> & { coordinatorId?: string; areas: Array<LegislativeArea | { area: LegislativeArea; flags?: Partial<RequestFlags>; linked?: string[]; alert?: boolean }> }): Authority {
  const nimicId = `${plan.country.toLowerCase()}-nimic`;
  const coordinatorId = plan.coordinatorId ?? nimicId;
  return authority({
    ...plan,
    validatingCoordinatorId: coordinatorId,
    areas: plan.areas.map((entry) => {
      const a = typeof entry === 'string' ? { area: entry } : entry;
      const linked = 'linked' in a && a.linked ? a.linked : [coordinatorId];
      return {
        area: a.area,
        request: { linked, flags: 'flags' in a ? a.flags ?? {} : {} },
        ...('alert' in a && a.alert ? { alert: { linked: [nimicId] } } : {}),
      };
    }),
  });
}

export function demoAuthorities(): Authority[] {
  return [
    // Italy: NIMIC, a LIMIC for PQ that approves requests and replies, and a CA subject to its approval.
    nimic('IT', 'Dipartimento per le Politiche Europee', 'Department for European Policies', 'it', 'Roma'),
    authority({
      id: 'it-limic-pq', country: 'IT', officialName: "Ministero dell'Università e della Ricerca", informalTitle: 'Ministry of Universities and Research',
      language: 'it', town: 'Roma', validatingCoordinatorId: 'it-nimic',
      areas: [{ area: 'PQ', role: 'LIMIC', request: { coordinator: true, flags: { approvesRequests: true, approvesReplies: true } } }],
    }),
    ca({ id: 'it-salute', country: 'IT', officialName: 'Ministero della Salute', informalTitle: 'Ministry of Health', language: 'it', town: 'Roma', areas: ['PQ', 'PR'] }),
    ca({
      id: 'it-omceo-roma', country: 'IT', officialName: 'Ordine dei Medici di Roma', informalTitle: 'Medical Council of Rome', language: 'it', town: 'Roma',
      coordinatorId: 'it-limic-pq', areas: [{ area: 'PQ', flags: { subjectToApproval: true } }],
    }),
    ca({
      id: 'it-cciaa-milano', country: 'IT', officialName: 'Camera di Commercio di Milano Monza Brianza Lodi', informalTitle: 'Chamber of Commerce of Milan',
      language: 'it', town: 'Milano', region: 'Lombardia', usesAllocation: true, areas: [{ area: 'SD', alert: true }],
    }),
    // Hungary: NIMIC and CAs, one of them allowed to refuse requests.
    nimic('HU', 'Igazságügyi Minisztérium', 'Ministry of Justice', 'hu', 'Budapest'),
    ca({
      id: 'hu-enkk', country: 'HU', officialName: 'Egészségügyi Nyilvántartási és Képzési Központ', informalTitle: 'Health Registration and Training Centre',
      language: 'hu', town: 'Budapest', areas: [{ area: 'PQ', flags: { mayRefuseRequests: true } }, 'PR'],
    }),
    ca({ id: 'hu-bfkh', country: 'HU', officialName: 'Budapest Főváros Kormányhivatala', informalTitle: 'Government Office of the Capital City Budapest', language: 'hu', town: 'Budapest', areas: [{ area: 'SD', alert: true }] }),
    // Germany: NIMIC and a DIMIC for PQ in Berlin coordinating the medical chamber.
    nimic('DE', 'Bundesministerium für Wirtschaft und Energie', 'Federal Ministry for Economic Affairs and Energy', 'de', 'Berlin'),
    authority({
      id: 'de-dimic-berlin', country: 'DE', officialName: 'Senatsverwaltung für Wissenschaft, Gesundheit und Pflege', informalTitle: 'Berlin Senate Department for Health',
      language: 'de', town: 'Berlin', region: 'Berlin', validatingCoordinatorId: 'de-nimic',
      areas: [{ area: 'PQ', role: 'DIMIC', request: { coordinator: true } }],
    }),
    ca({ id: 'de-aek-berlin', country: 'DE', officialName: 'Ärztekammer Berlin', informalTitle: 'Berlin Medical Association', language: 'de', town: 'Berlin', region: 'Berlin', coordinatorId: 'de-dimic-berlin', areas: ['PQ'] }),
    ca({ id: 'de-kvr-muenchen', country: 'DE', officialName: 'Kreisverwaltungsreferat der Landeshauptstadt München', informalTitle: 'Munich District Administration Department', language: 'de', town: 'München', region: 'Bayern', areas: [{ area: 'SD', alert: true }] }),
    ca({ id: 'de-gkv-nkp', country: 'DE', officialName: 'Nationale Kontaktstelle für die grenzüberschreitende Gesundheitsversorgung', informalTitle: 'National Contact Point for Cross-border Healthcare', language: 'de', town: 'Bonn', areas: ['PR'] }),
    // France.
    nimic('FR', 'Secrétariat général des affaires européennes', 'General Secretariat for European Affairs', 'fr', 'Paris'),
    ca({ id: 'fr-cnom', country: 'FR', officialName: "Conseil national de l'Ordre des médecins", informalTitle: 'National Council of the Medical Association', language: 'fr', town: 'Paris', areas: ['PQ'] }),
    ca({ id: 'fr-cci-paris', country: 'FR', officialName: "Chambre de commerce et d'industrie Paris Île-de-France", informalTitle: 'Paris Chamber of Commerce and Industry', language: 'fr', town: 'Paris', region: 'Île-de-France', areas: ['SD'] }),
    ca({ id: 'fr-cnam', country: 'FR', officialName: "Caisse nationale de l'Assurance Maladie", informalTitle: 'National Health Insurance Fund', language: 'fr', town: 'Paris', areas: ['PR'] }),
    // Poland.
    nimic('PL', 'Ministerstwo Rozwoju i Technologii', 'Ministry of Development and Technology', 'pl', 'Warszawa'),
    ca({ id: 'pl-nil', country: 'PL', officialName: 'Naczelna Izba Lekarska', informalTitle: 'Supreme Medical Chamber', language: 'pl', town: 'Warszawa', areas: ['PQ'] }),
    ca({ id: 'pl-um-krakow', country: 'PL', officialName: 'Urząd Miasta Krakowa', informalTitle: 'Kraków City Office', language: 'pl', town: 'Kraków', region: 'Małopolskie', areas: ['SD'] }),
    ca({ id: 'pl-nfz', country: 'PL', officialName: 'Narodowy Fundusz Zdrowia', informalTitle: 'National Health Fund', language: 'pl', town: 'Warszawa', areas: ['PR'] }),
  ];
}

/** A demo user: `firstUser` receives every right of the authority (SPEC §4); others get exactly the roles listed. */
interface UserPlan {
  authorityId: string;
  suffix: string;
  name: string;
  surname: string;
  language: LanguageCode;
  firstUser?: boolean;
  generalRoles?: GeneralRole[];
  dataAdministratorAreas?: LegislativeArea[];
  requestRoles?: ContentRole[];
  alertRoles?: ContentRole[];
  /** Left in the first-log-in state: the demo password is their temporary password and no security code is set. */
  firstLoginPending?: boolean;
}

export interface DemoUser {
  user: User;
  firstLoginPending: boolean;
}

function demoUser(plan: UserPlan, authorities: ReadonlyMap<string, Authority>): DemoUser {
  const authority = authorities.get(plan.authorityId);
  if (!authority) throw new Error(`demo user of unknown authority ${plan.authorityId}`);
  const username = `${plan.authorityId}-${plan.suffix}`;
  const requestAreas = authority.areas.filter((a) => a.workflows.some((w) => w.workflow === 'REQUEST')).map((a) => a.area);
  const alertAreas = authority.areas.filter((a) => a.workflows.some((w) => w.workflow === 'ALERT')).map((a) => a.area);
  const rights = plan.firstUser ? firstUserRights(authority) : {
    generalRoles: ['BASIC_USER', ...(plan.generalRoles ?? [])] as GeneralRole[],
    dataAdministratorAreas: plan.dataAdministratorAreas ?? [],
    rights: [
      ...(plan.requestRoles?.length ? requestAreas.map((area) => ({ area, workflow: 'REQUEST' as const, roles: plan.requestRoles ?? [] })) : []),
      ...(plan.alertRoles?.length ? alertAreas.map((area) => ({ area, workflow: 'ALERT' as const, roles: plan.alertRoles ?? [] })) : []),
    ],
  };
  const user = User.parse({
    id: `u-${username}`, authorityId: authority.id, username, name: plan.name, surname: plan.surname, preferredLanguage: plan.language,
    email: `${username}@users.demo.imi-desk.eu`, status: 'ACTIVE', ...rights,
  });
  return { user, firstLoginPending: plan.firstLoginPending ?? false };
}

const HANDLER: ContentRole[] = ['REQUEST_HANDLER', 'REQUEST_VIEWER'];

export function demoUsers(authorities: readonly Authority[]): DemoUser[] {
  const byId = new Map(authorities.map((a) => [a.id, a]));
  const plans: UserPlan[] = [
    { authorityId: 'it-nimic', suffix: 'lda', name: 'Giulia', surname: 'Ferrari', language: 'it', firstUser: true },
    { authorityId: 'it-nimic', suffix: 'referral', name: 'Marco', surname: 'Bianchi', language: 'it', requestRoles: ['REFERRAL_HANDLER'] },
    { authorityId: 'it-nimic', suffix: 'admin', name: 'Chiara', surname: 'Romano', language: 'it', generalRoles: ['DATA_ADMINISTRATOR'], dataAdministratorAreas: ['PQ', 'SD', 'PR'] },
    { authorityId: 'it-nimic', suffix: 'alerts', name: 'Luca', surname: 'Colombo', language: 'it', alertRoles: ['ALERT_DISSEMINATOR', 'ALERT_VIEWER'] },
    { authorityId: 'it-limic-pq', suffix: 'lda', name: 'Paolo', surname: 'Ricci', language: 'it', firstUser: true },
    { authorityId: 'it-limic-pq', suffix: 'referral', name: 'Elena', surname: 'Marino', language: 'it', requestRoles: ['REFERRAL_HANDLER'] },
    { authorityId: 'it-salute', suffix: 'lda', name: 'Francesca', surname: 'Greco', language: 'it', firstUser: true },
    { authorityId: 'it-salute', suffix: 'handler', name: 'Alessandro', surname: 'Bruno', language: 'it', requestRoles: HANDLER },
    { authorityId: 'it-salute', suffix: 'viewer', name: 'Sara', surname: 'Gallo', language: 'it', requestRoles: ['REQUEST_VIEWER'] },
    { authorityId: 'it-omceo-roma', suffix: 'lda', name: 'Roberto', surname: 'Conti', language: 'it', firstUser: true },
    { authorityId: 'it-omceo-roma', suffix: 'handler', name: 'Valentina', surname: 'De Luca', language: 'it', requestRoles: HANDLER },
    { authorityId: 'it-cciaa-milano', suffix: 'lda', name: 'Giorgio', surname: 'Mancini', language: 'it', firstUser: true },
    { authorityId: 'it-cciaa-milano', suffix: 'allocator', name: 'Martina', surname: 'Costa', language: 'it', requestRoles: ['ALLOCATOR'] },
    { authorityId: 'it-cciaa-milano', suffix: 'handler', name: 'Davide', surname: 'Giordano', language: 'it', requestRoles: HANDLER, alertRoles: ['ALERT_HANDLER', 'ALERT_VIEWER'] },
    { authorityId: 'hu-nimic', suffix: 'lda', name: 'Katalin', surname: 'Nagy', language: 'hu', firstUser: true },
    { authorityId: 'hu-enkk', suffix: 'lda', name: 'Zoltán', surname: 'Kovács', language: 'hu', firstUser: true },
    { authorityId: 'hu-enkk', suffix: 'handler', name: 'Eszter', surname: 'Tóth', language: 'hu', requestRoles: HANDLER },
    { authorityId: 'hu-enkk', suffix: 'basic', name: 'Gábor', surname: 'Szabó', language: 'hu' },
    { authorityId: 'hu-bfkh', suffix: 'lda', name: 'Anna', surname: 'Horváth', language: 'hu', firstUser: true },
    { authorityId: 'de-nimic', suffix: 'lda', name: 'Sabine', surname: 'Müller', language: 'de', firstUser: true },
    { authorityId: 'de-dimic-berlin', suffix: 'lda', name: 'Thomas', surname: 'Schmidt', language: 'de', firstUser: true },
    { authorityId: 'de-aek-berlin', suffix: 'lda', name: 'Julia', surname: 'Schneider', language: 'de', firstUser: true },
    { authorityId: 'de-aek-berlin', suffix: 'handler', name: 'Michael', surname: 'Fischer', language: 'de', requestRoles: HANDLER },
    { authorityId: 'de-kvr-muenchen', suffix: 'lda', name: 'Andreas', surname: 'Weber', language: 'de', firstUser: true },
    { authorityId: 'de-kvr-muenchen', suffix: 'alerts', name: 'Claudia', surname: 'Wagner', language: 'de', alertRoles: ['ALERT_HANDLER', 'ALERT_VIEWER'] },
    { authorityId: 'de-gkv-nkp', suffix: 'lda', name: 'Stefan', surname: 'Becker', language: 'de', firstUser: true },
    { authorityId: 'fr-nimic', suffix: 'lda', name: 'Camille', surname: 'Martin', language: 'fr', firstUser: true },
    { authorityId: 'fr-cnom', suffix: 'lda', name: 'Nicolas', surname: 'Bernard', language: 'fr', firstUser: true },
    { authorityId: 'fr-cnom', suffix: 'handler', name: 'Sophie', surname: 'Dubois', language: 'fr', requestRoles: HANDLER },
    { authorityId: 'fr-cci-paris', suffix: 'lda', name: 'Julien', surname: 'Thomas', language: 'fr', firstUser: true },
    { authorityId: 'fr-cnam', suffix: 'lda', name: 'Isabelle', surname: 'Robert', language: 'fr', firstUser: true },
    { authorityId: 'pl-nimic', suffix: 'lda', name: 'Agnieszka', surname: 'Kowalska', language: 'pl', firstUser: true },
    { authorityId: 'pl-nil', suffix: 'lda', name: 'Piotr', surname: 'Nowak', language: 'pl', firstUser: true },
    { authorityId: 'pl-nil', suffix: 'handler', name: 'Katarzyna', surname: 'Wiśniewska', language: 'pl', requestRoles: HANDLER },
    { authorityId: 'pl-um-krakow', suffix: 'lda', name: 'Tomasz', surname: 'Wójcik', language: 'pl', firstUser: true },
    { authorityId: 'pl-nfz', suffix: 'lda', name: 'Magdalena', surname: 'Kamińska', language: 'pl', firstUser: true },
    { authorityId: 'pl-nfz', suffix: 'newcomer', name: 'Jan', surname: 'Lewandowski', language: 'pl', requestRoles: HANDLER, firstLoginPending: true },
  ];
  return plans.map((plan) => demoUser(plan, byId));
}
