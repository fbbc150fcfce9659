// The one place the desk logs in. With an issuer in /desk/config.json: OpenID Connect authorization code + PKCE
// (S256) against the issuer's discovery document, refresh tokens when the server gives them, RP-initiated logout.
// Without one (development): a token handed to the page in its address, /desk/#token=... (like /ops/).
// Tokens live in sessionStorage only: closing the tab signs out.

import { language } from './i18n.js';

const STORE = 'aftersales.desk.session';
const PENDING = 'aftersales.desk.pending-login';
const REFRESH_MARGIN_SECONDS = 30;

let config = null;
let discovery = null;
let session = null;
let refreshing = null;

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32) {
  const random = new Uint8Array(bytes);
  crypto.getRandomValues(random);
  return base64url(random);
}

async function challenge(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

/** The claims of a JWT (not verified here: the gateway and every service verify the signature). */
export function decode(token) {
  const payload = token.split('.')[1] || '';
  const json = decodeURIComponent(atob(payload.replace(/-/g, '+').replace(/_/g, '/')).split('')
    .map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

function remember(tokens) {
  const claims = decode(tokens.access_token);
  session = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token || (session && session.refreshToken) || null,
    idToken: tokens.id_token || (session && session.idToken) || null,
    expiresAt: claims.exp ? claims.exp * 1000 : Date.now() + (tokens.expires_in || 300) * 1000,
  };
  sessionStorage.setItem(STORE, JSON.stringify(session));
}

async function loadDiscovery() {
  if (!discovery) {
    const response = await fetch(config.issuer + '/.well-known/openid-configuration', { headers: { Accept: 'application/json' } });
    if (!response.ok) { throw new Error('discovery ' + response.status); }
    discovery = await response.json();
  }
  return discovery;
}

function redirectUri() {
  return location.origin + '/desk/';
}

async function tokenRequest(parameters) {
  const d = await loadDiscovery();
  const response = await fetch(d.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ client_id: config.clientId, ...parameters }),
  });
  if (!response.ok) { throw new Error('token ' + response.status); }
  remember(await response.json());
}

async function startLogin() {
  const d = await loadDiscovery();
  const verifier = randomString(48);
  const state = randomString(16);
  const nonce = randomString(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, hash: location.hash }));
  const url = new URL(d.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scope,
    state, nonce, code_challenge: await challenge(verifier), code_challenge_method: 'S256',
    // OpenID Connect's way to ask for the login page in the desk's language (Keycloak honours it).
    ui_locales: language(),
  }).toString();
  location.assign(url.toString());
  return new Promise(() => {});
}

async function finishLogin(params) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('state');
  }
  await tokenRequest({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
    code_verifier: pending.verifier });
  history.replaceState(null, '', '/desk/' + (pending.hash || ''));
}

/**
 * Makes sure someone is logged in: finishes a login coming back from the issuer, reuses the tab's session, or
 * starts a login. Resolves with the claims; in development mode without a token it resolves with null.
 */
export async function ensureLogin(deskConfig) {
  config = deskConfig;
  session = JSON.parse(sessionStorage.getItem(STORE) || 'null');
  if (!config.issuer) {
    const hash = new URLSearchParams(location.hash.slice(1));
    if (hash.get('token')) {
      remember({ access_token: hash.get('token') });
      history.replaceState(null, '', location.pathname + location.search);
    }
    return session && session.expiresAt > Date.now() ? claims() : null;
  }
  const query = new URLSearchParams(location.search);
  if (query.get('code') && query.get('state')) {
    await finishLogin(query);
  } else if (query.get('error')) {
    throw new Error(query.get('error'));
  }
  if (session && session.expiresAt - REFRESH_MARGIN_SECONDS * 1000 < Date.now()) {
    await refresh().catch(() => { session = null; });
  }
  if (!session) {
    return startLogin();
  }
  return claims();
}

async function refresh() {
  if (!session || !session.refreshToken || !config.issuer) {
    throw new Error('no refresh token');
  }
  if (!refreshing) {
    refreshing = tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refreshToken })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** A valid access token, refreshed first when it is about to expire (and the server gave a refresh token). */
export async function accessToken() {
  if (session && session.expiresAt - REFRESH_MARGIN_SECONDS * 1000 < Date.now() && session.refreshToken) {
    await refresh().catch(() => {});
  }
  return session ? session.accessToken : null;
}

/** After a 401: one refresh, else a new login (the page's state is kept by the caller). */
export async function renew() {
  try {
    await refresh();
    return true;
  } catch (e) {
    if (config && config.issuer) {
      sessionStorage.removeItem(STORE);
      session = null;
      await startLogin();
    }
    return false;
  }
}

/** Who is logged in, from the access token: roles (or Keycloak's realm_access.roles) and the scope claims. */
export function claims() {
  if (!session) { return null; }
  const c = decode(session.accessToken);
  const roles = Array.isArray(c.roles) ? c.roles : (c.realm_access && c.realm_access.roles) || [];
  return {
    subject: c.sub, name: c.name || c.preferred_username || c.sub, roles,
    store: c.store || null, depot: c.depot || null, technicianId: c.technician_id || null,
  };
}

export async function logout() {
  const idToken = session && session.idToken;
  sessionStorage.removeItem(STORE);
  session = null;
  if (config && config.issuer) {
    const d = await loadDiscovery().catch(() => null);
    if (d && d.end_session_endpoint) {
      const url = new URL(d.end_session_endpoint);
      const parameters = { client_id: config.clientId, post_logout_redirect_uri: redirectUri() };
      if (idToken) { parameters.id_token_hint = idToken; }
      url.search = new URLSearchParams(parameters).toString();
      location.assign(url.toString());
      return;
    }
  }
  location.assign('/desk/');
}
