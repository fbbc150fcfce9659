// Every text of the desk in two dictionaries (messages.js); zh-CN unless the user switched to English.
import { messages } from './messages.js';

const KEY = 'aftersales.desk.language';
const SUPPORTED = ['zh-CN', 'en'];

export function language() {
  const chosen = localStorage.getItem(KEY);
  return SUPPORTED.includes(chosen) ? chosen : 'zh-CN';
}

export function setLanguage(tag) {
  localStorage.setItem(KEY, SUPPORTED.includes(tag) ? tag : 'zh-CN');
}

/** The text of {@code key} in the current language, with {name} placeholders filled from {@code vars}. */
export function t(key, vars = {}) {
  const dictionary = messages[language()];
  let text = dictionary[key];
  if (text === undefined) {
    text = messages['zh-CN'][key] !== undefined && language() === 'zh-CN' ? messages['zh-CN'][key] : key;
  }
  return text.replace(/\{(\w+)\}/g, (m, name) => (vars[name] !== undefined && vars[name] !== null ? vars[name] : m));
}

/** A label for an API enum value (status, remedy, rule ...), falling back to the value itself. */
export function label(group, value) {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  const key = group + '.' + value;
  const text = t(key);
  return text === key ? String(value) : text;
}

/**
 * Free text from the API (a timeline reason, a rule's detail) as long as it is in the user's language: the API
 * writes some of it in English, which a zh-CN user is not shown (the labels around it say what happened).
 */
export function inLanguage(text) {
  if (!text) { return ''; }
  return language() === 'en' || /[\u4e00-\u9fff]/.test(text) ? text : '';
}

export function fmtDateTime(iso) {
  if (!iso) { return '–'; }
  return new Intl.DateTimeFormat(language(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function fmtTime(iso) {
  if (!iso) { return '–'; }
  return new Intl.DateTimeFormat(language(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function fmtDate(isoDate) {
  if (!isoDate) { return '–'; }
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function fmtNumber(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) { return '–'; }
  return new Intl.NumberFormat(language(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function fmtMoney(amount, currency = 'CNY') {
  if (amount === null || amount === undefined) { return '–'; }
  return new Intl.NumberFormat(language(), { style: 'currency', currency }).format(Number(amount));
}
