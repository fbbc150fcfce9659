// Calls the public REST API through the gateway with the user's token and language. Failures become an ApiError
// carrying the problem (RFC 9457) the API answered: its title and detail in the user's language, its field errors.
import { accessToken, renew } from './auth.js';
import { language, t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.title || String(status));
    this.status = status;
    this.problem = problem;
  }

  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** A fresh Idempotency-Key (one per user action; a retry of the same action sends the same key). */
export function newIdempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID()
    : 'k-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
}

/**
 * @param options body (JSON unless raw), raw (a Blob sent as is), idempotencyKey, ifMatch, anonymous (no token),
 *                asBlob (answer as a Blob)
 */
export async function api(method, path, options = {}) {
  const attempt = async () => {
    const headers = { Accept: options.asBlob ? '*/*' : 'application/json', 'Accept-Language': language() };
    if (!options.anonymous) {
      const token = await accessToken();
      if (token) { headers.Authorization = 'Bearer ' + token; }
    }
    let body;
    if (options.raw) {
      body = options.raw;
      headers['Content-Type'] = options.raw.type || 'application/octet-stream';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    if (options.idempotencyKey) { headers['Idempotency-Key'] = options.idempotencyKey; }
    if (options.ifMatch) { headers['If-Match'] = options.ifMatch; }
    return fetch(path, { method, headers, body });
  };
  let response;
  try {
    response = await attempt();
    if (response.status === 401 && !options.anonymous && await renew()) {
      response = await attempt();
    }
  } catch (e) {
    throw new ApiError(0, { type: 'urn:aftersales:desk:network', title: t('error.network'), detail: t('error.network.detail') });
  }
  if (response.ok) {
    if (options.asBlob) { return response.blob(); }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
  let problem;
  try {
    problem = await response.json();
  } catch (e) {
    problem = {};
  }
  if (!problem.title) {
    problem.title = t('error.status', { status: response.status });
  }
  throw new ApiError(response.status, problem);
}

export const get = (path, options) => api('GET', path, options);
export const post = (path, body, options = {}) => api('POST', path, { ...options, body });
export const put = (path, body, options = {}) => api('PUT', path, { ...options, body });
export const patch = (path, body, options = {}) => api('PATCH', path, { ...options, body });

/** Query string from an object, leaving out empty values. */
export function query(parameters) {
  const search = new URLSearchParams();
  Object.entries(parameters).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') { search.set(k, v); }
  });
  const text = search.toString();
  return text ? '?' + text : '';
}
