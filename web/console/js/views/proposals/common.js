// Shared pieces of the proposals pages: the closed value sets the server accepts (see
// modules/proposals/validation.h), short-lived look-ups of calls and organisations, and small
// formatters for file sizes and types.

import { getAll } from '../../api.js';
import { workflows } from '../../components/workflows.js';
import { has, language, t } from '../../i18n.js';

export const TARGET_GROUPS = ['migrants', 'refugees', 'internally_displaced', 'asylum_seekers', 'returnees', 'stateless', 'host_communities'];
export const CATEGORIES = ['personnel', 'activities', 'equipment', 'travel', 'communication', 'monitoring_evaluation', 'overheads', 'other'];
export const PROPOSAL_LANGUAGES = ['en', 'fr', 'es', 'pt'];

// Whether the city's applicants may change the content (PUT /proposals/{id}) and attach files in
// `state`, and the event that submits the draft from it: both from the server's table
// (GET /workflows: the machine's editable states, the row out of them that freezes the version).
export async function editableIn(state) {
  return (await workflows()).proposal.editable.includes(state);
}
export async function submitEventFrom(state) {
  const rows = (await workflows()).proposal.transitions;
  return rows.find((tr) => tr.from === state && tr.tags.includes('freezes_version'))?.event;
}

// Attachments: what the server takes (core::kMaxAttachmentBytes, core::detectFileType).
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods,.csv,.txt';

const cache = new Map();

// `load()`'s answer, kept for a minute so that moving between pages does not ask again.
function cached(key, load, ttlMs = 60_000) {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < ttlMs) return hit.value;
  const value = load();
  cache.set(key, { at: Date.now(), value });
  value.catch(() => cache.delete(key));
  return value;
}

export function allCalls() { return cached('calls', () => getAll('/calls')); }
export function allOrganisations() { return cached('organisations', () => getAll('/organisations')); }

// A map id -> organisation name (empty when the list cannot be read).
export async function organisationNames() {
  const orgs = await allOrganisations().catch(() => []);
  return new Map(orgs.map((o) => [o.id, o.name]));
}

// Whether a call takes new proposals now (open and not past its closing time).
export function callTakesProposals(call) {
  return call.state === 'open' && new Date(call.closes_at).getTime() > Date.now();
}

// The message `key`_one or `key`_other for the count `n`, as the chosen language's plural rules say.
export function plural(key, n, params = {}) {
  const one = new Intl.PluralRules(language()).select(n) === 'one' && has(`${key}_one`);
  return t(`${key}_${one ? 'one' : 'other'}`, params);
}

// A proposal state's name ("Full proposal draft" rather than the generic "Draft").
export function stateName(state) {
  if (has(`state.proposal.${state}`)) return t(`state.proposal.${state}`);
  return has(`state.${state}`) ? t(`state.${state}`) : state.replaceAll('_', ' ');
}

export function targetLabel(group) {
  return has(`proposals.target.${group}`) ? t(`proposals.target.${group}`) : group.replaceAll('_', ' ');
}

export function categoryLabel(category) {
  return has(`proposals.category.${category}`) ? t(`proposals.category.${category}`) : category.replaceAll('_', ' ');
}

export function languageName(code) {
  return has(`proposals.language.${code}`) ? t(`proposals.language.${code}`) : code;
}

// "12 kB", "3.4 MB" in the chosen language.
export function fileSize(bytes) {
  const [unit, value] = bytes >= 1024 * 1024 ? ['megabyte', bytes / (1024 * 1024)]
    : bytes >= 1024 ? ['kilobyte', bytes / 1024] : ['byte', bytes];
  return new Intl.NumberFormat(language(), { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'narrow' : 'short', maximumFractionDigits: 1 }).format(value);
}

const KINDS = {
  'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'text/csv': 'CSV', 'text/plain': 'TXT',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
};

// A short name for a file's media type ("PDF"), the media type itself when it is not one of ours.
export function fileKind(contentType) {
  return KINDS[String(contentType).split(';')[0].trim()] ?? contentType;
}

// The sum of budget lines in minor units (lines: [{amount: {amount_minor}}]).
export function budgetTotal(lines) {
  return (lines ?? []).reduce((sum, line) => sum + (line.amount?.amount_minor ?? 0), 0);
}
