// Messages, numbers, money and dates in the chosen language. Catalogs are one JSON file per area
// and language (i18n/<lang>/<area>.json), flat "key": "text with {named} parameters".

export const LANGUAGES = ['en', 'fr', 'es', 'pt'];
const AREAS = ['core', 'proposals', 'reviews', 'grants', 'amendments', 'fund', 'results', 'opendata', 'admin', 'audit', 'inbox', 'board', 'search', 'texts', 'account', 'people', 'threads', 'outbox', 'events', 'print', 'team'];
const STORAGE_KEY = 'cg.lang';

let current = 'en';
let messages = {};
let fallback = {};
const listeners = new Set();

async function loadCatalog(lang) {
  const parts = await Promise.all(AREAS.map(async (area) => {
    const res = await fetch(`i18n/${lang}/${area}.json`, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`catalog ${lang}/${area}: ${res.status}`);
    return res.json();
  }));
  return Object.assign({}, ...parts);
}

// The language remembered in this browser, else the browser's own when we have it, else English.
export function preferredLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(saved)) return saved;
  const browser = (navigator.language || 'en').slice(0, 2);
  return LANGUAGES.includes(browser) ? browser : 'en';
}

export function hasSavedLanguage() {
  return LANGUAGES.includes(localStorage.getItem(STORAGE_KEY));
}

// Loads `lang` (and English as the fallback), remembers it, and tells every listener.
export async function setLanguage(lang, { remember = true } = {}) {
  if (!LANGUAGES.includes(lang)) lang = 'en';
  if (Object.keys(fallback).length === 0) fallback = await loadCatalog('en');
  messages = lang === 'en' ? fallback : await loadCatalog(lang);
  current = lang;
  document.documentElement.lang = lang;
  if (remember) localStorage.setItem(STORAGE_KEY, lang);
  for (const fn of listeners) fn(lang);
}

export function language() { return current; }
export function onLanguageChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }

// The message `key` with its {parameters} filled in; the key itself when no catalog has it.
export function t(key, params = {}) {
  const text = messages[key] ?? fallback[key];
  if (text === undefined) {
    console.warn(`missing message ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

// Whether any catalog has `key` (for optional, per-value labels such as state names).
export function has(key) { return key in messages || key in fallback; }

// A label for a value of a closed set ("state.in_review"), the raw value when there is none.
export function label(prefix, value) {
  const key = `${prefix}.${value}`;
  return has(key) ? t(key) : String(value).replaceAll('_', ' ');
}

export function number(n) {
  return new Intl.NumberFormat(current).format(n);
}

// Money from the API ({amount_minor, currency}), formatted without floating point: the minor
// units become an exact decimal string that Intl formats as it is.
export function money(m) {
  if (!m) return '—';
  return moneyOf(m.amount_minor, m.currency);
}

export function moneyOf(minor, currency = 'USD') {
  const fmt = new Intl.NumberFormat(current, { style: 'currency', currency });
  const digits = fmt.resolvedOptions().maximumFractionDigits;
  return fmt.format(plainAmount(minor, digits));
}

// Minor units from what a person typed ("450,000.50" or "450 000,50"), or null when it is not an
// amount. Decimal separator: the last '.' or ',' followed by 1-2 digits.
export function parseMoney(text, digits = 2) {
  const s = String(text ?? '').trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const m = s.match(/^(.*?)(?:[.,](\d{1,2}))?$/);
  const whole = m[1].replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole)) return null;
  const frac = (m[2] ?? '').padEnd(digits, '0').slice(0, digits);
  const minor = Number(whole) * 10 ** digits + Number(frac || 0);
  return Number.isSafeInteger(minor) ? minor : null;
}

// Minor units as a person of the chosen language types them, for an input to show a saved amount
// back: "450,000.00" in English, "450 000,00" in French, "450.000,00" in Spanish and Portuguese.
// parseMoney reads every one of them back to the same minor units.
export function editableAmount(minor, digits = 2) {
  return new Intl.NumberFormat(current, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true })
    .format(plainAmount(minor, digits));
}

// Minor units as a plain decimal for an input ("45000000" -> "450000.00"), no grouping.
export function plainAmount(minor, digits = 2) {
  const negative = minor < 0;
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${negative ? '-' : ''}${digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`}`;
}

// The name of a country from its ISO 3166-1 alpha-2 code ("KE") in the chosen language
// ("Kenya", "Kenia", "Quénia"); the code itself when the browser has no name for it.
export function countryName(code) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([current], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function toDate(value) { return value instanceof Date ? value : new Date(value); }

export function date(value) {
  if (!value) return '—';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium' }).format(toDate(value));
}

export function dateTime(value) {
  if (!value) return '—';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(value));
}
