// The desk's shell: configuration, login, the language switch, and one view per role (#/agent, #/supervisor, ...).
import { claims, ensureLogin, logout } from './auth.js';
import { language, setLanguage, t } from './i18n.js';
import { clear, h, problemBanner, stopPolling } from './ui.js';
import * as agent from './views/agent.js';
import * as supervisor from './views/supervisor.js';
import * as store from './views/store.js';
import * as technician from './views/technician.js';
import * as depot from './views/depot.js';

/** Which view each role works in, in the order the navigation lists them. */
const VIEWS = [
  { route: 'agent', module: agent, roles: ['AGENT', 'SUPERVISOR', 'ADMIN'] },
  { route: 'supervisor', module: supervisor, roles: ['SUPERVISOR', 'ADMIN'] },
  { route: 'store', module: store, roles: ['STORE', 'QC', 'SUPERVISOR', 'ADMIN'] },
  { route: 'technician', module: technician, roles: ['TECHNICIAN'] },
  { route: 'depot', module: depot, roles: ['DEPOT_PARTNER', 'SUPERVISOR', 'ADMIN'] },
];

let config;
let user;

function allowed() {
  return VIEWS.filter((v) => v.roles.some((role) => user.roles.includes(role)));
}

function renderShell() {
  document.documentElement.lang = language();
  document.title = t('app.title');
  document.getElementById('app-title').textContent = t('app.title');
  document.querySelector('.skip').textContent = t('app.skip');
  document.getElementById('language-label').textContent = t('app.language');
  document.getElementById('language').value = language();
  const logoutButton = document.getElementById('logout');
  logoutButton.textContent = t('app.logout');
  logoutButton.hidden = !user;
  document.getElementById('who').textContent = user ? t('app.who', { name: user.name,
    roles: user.roles.map((r) => t('role.' + r)).join(' · ') }) : '';
  const nav = document.getElementById('nav');
  clear(nav, user ? allowed().map((v) => h('a', { href: '#/' + v.route, 'aria-current': current() === v ? 'page' : null },
    t('view.' + v.route))) : []);
}

function current() {
  const route = location.hash.replace(/^#\/?/, '').split('/')[0];
  const views = allowed();
  return views.find((v) => v.route === route) || views[0];
}

async function renderView() {
  stopPolling();
  renderShell();
  const main = document.getElementById('view');
  if (!user) {
    clear(main, devLogin());
    return;
  }
  const view = current();
  if (!view) {
    clear(main, h('p', { class: 'problem', role: 'alert' }, t('app.noView')));
    return;
  }
  main.dataset.view = view.route;
  clear(main);
  await view.module.render(main, { config, user });
  document.body.dataset.ready = view.route;
}

/** Development only (no issuer configured): paste a token, as in the ops console. */
function devLogin() {
  const input = h('textarea', { id: 'dev-token', rows: 4, required: true });
  const formElement = h('form', { class: 'card login' }, h('h2', {}, t('login.dev.title')), h('p', { class: 'muted' }, t('login.dev.hint')),
    h('label', { for: 'dev-token' }, t('login.dev.token')), input, h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, t('login.dev.submit'))));
  formElement.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = 'token=' + input.value.trim();
    location.reload();
  });
  return formElement;
}

async function start() {
  document.getElementById('language').addEventListener('change', (event) => {
    setLanguage(event.target.value);
    renderView();
  });
  document.getElementById('logout').addEventListener('click', () => logout());
  // The skip link moves the keyboard focus to the page's content (the fragment is the router's, not an anchor).
  document.querySelector('.skip').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('view').focus();
  });
  window.addEventListener('hashchange', () => renderView());
  try {
    config = await (await fetch('/desk/config.json', { headers: { Accept: 'application/json' } })).json();
    await ensureLogin(config);
    user = claims();
    await renderView();
  } catch (error) {
    renderShell();
    clear(document.getElementById('view'), problemBanner({ problem: { title: t('login.failed'), detail: String(error.message || error) } }));
  }
}

start();
