// Small DOM helpers: elements, labelled fields, forms that keep their input and their Idempotency-Key on failure,
// problem banners and field errors, tables, polling.
import { ApiError, newIdempotencyKey } from './api.js';
import { language, t } from './i18n.js';

let uid = 0;

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) { return; }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'text') {
      element.textContent = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value);
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child === null || child === undefined || child === false) { return; }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return element;
}

export function clear(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

/**
 * A labelled input. kind: text (default), number, date, datetime-local, tel, textarea, select (options: [[value,
 * text]]), checkbox, file. The input's name is the API field the server names in its field errors.
 */
export function field(name, labelText, options = {}) {
  const id = 'f' + (++uid) + '-' + name.replace(/[^\w-]/g, '_');
  const kind = options.kind || 'text';
  let input;
  const common = { id, name, required: options.required, 'aria-describedby': id + '-error' };
  if (kind === 'textarea') {
    input = h('textarea', { ...common, rows: options.rows || 3, placeholder: options.placeholder }, options.value || '');
  } else if (kind === 'select') {
    input = h('select', common, (options.options || []).map(([value, text]) =>
      h('option', { value, selected: String(value) === String(options.value ?? '') }, text)));
  } else {
    input = h('input', { ...common, type: kind, value: options.value, placeholder: options.placeholder,
      min: options.min, max: options.max, step: options.step, accept: options.accept, capture: options.capture,
      checked: kind === 'checkbox' && options.checked, autocomplete: options.autocomplete || 'off' });
  }
  const wrapper = h('div', { class: 'field' + (kind === 'checkbox' ? ' check' : ''), dataset: { field: name } },
    kind === 'checkbox' ? [input, h('label', { for: id }, labelText)] : [h('label', { for: id }, labelText), input],
    h('div', { class: 'field-error', id: id + '-error', role: 'status' }));
  wrapper.input = input;
  return wrapper;
}

/** The values of a form's named inputs: checkboxes as booleans, numbers as numbers, empty as undefined. */
export function values(form) {
  const result = {};
  form.querySelectorAll('input[name], select[name], textarea[name]').forEach((input) => {
    if (input.type === 'file') { return; }
    if (input.type === 'checkbox') {
      result[input.name] = input.checked;
    } else if (input.value === '') {
      result[input.name] = undefined;
    } else if (input.type === 'number') {
      result[input.name] = Number(input.value);
    } else {
      result[input.name] = input.value;
    }
  });
  return result;
}

/** A problem as a banner: its title and detail in the user's language (the API localises them). */
export function problemBanner(error) {
  const problem = error && error.problem ? error.problem : { title: t('error.unexpected'), detail: String(error) };
  // The API localises titles and field messages; a detail written only in English is not shown to a zh-CN user.
  const detail = problem.detail && (language() === 'en' || /[\u4e00-\u9fff]/.test(problem.detail)) ? problem.detail : null;
  return h('div', { class: 'problem', role: 'alert', dataset: { problemType: problem.type || '' } },
    h('strong', {}, problem.title), detail ? h('span', {}, ' ' + detail) : null,
    problem.correlationId ? h('small', {}, ' · ' + t('error.reference') + ' ' + problem.correlationId) : null);
}

export function showProblem(container, error) {
  let slot = container.querySelector(':scope > .problem-slot');
  if (!slot) {
    slot = h('div', { class: 'problem-slot' });
    container.prepend(slot);
  }
  clear(slot, problemBanner(error));
}

/** A confirmation where a problem would go (role=status, not an error). */
export function notice(container, text, id) {
  let slot = container.querySelector(':scope > .problem-slot');
  if (!slot) {
    slot = h('div', { class: 'problem-slot' });
    container.prepend(slot);
  }
  clear(slot, h('p', { class: 'notice', role: 'status', id }, text));
}

export function clearProblem(container) {
  container.querySelectorAll('.problem-slot').forEach((slot) => clear(slot));
  container.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  container.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** Field errors of a problem next to their inputs (by name, or by the path's last part). */
function showFieldErrors(form, error) {
  if (!(error instanceof ApiError)) { return; }
  error.fieldErrors.forEach(({ field: name, message }) => {
    if (!name) { return; }
    const candidates = [name, name.replace(/\[\d+]/g, ''), name.split('.').pop()];
    const input = candidates.map((n) => form.querySelector(`[name="${CSS.escape(n)}"]`)).find(Boolean);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const slot = document.getElementById(input.getAttribute('aria-describedby'));
      if (slot) { slot.textContent = message; }
    }
  });
}

/**
 * A form whose submit runs {@code action(values, idempotencyKey)}. On failure the input stays as typed, the problem
 * is shown above and its field errors beside the fields, and the next submit (a retry) reuses the same key; after
 * a success the next submit is a new action with a new key.
 */
export function form(options, ...fields) {
  const submit = h('button', { type: 'submit', class: options.secondary ? 'secondary' : 'primary' }, options.submit);
  const element = h('form', { class: 'form ' + (options.className || ''), id: options.id, novalidate: true,
    'aria-label': options.title || options.submit },
  options.title ? h('h3', {}, options.title) : null, h('div', { class: 'problem-slot' }), fields,
  h('div', { class: 'actions' }, submit, options.extra || null));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(element);
    if (!element.dataset.idempotencyKey) { element.dataset.idempotencyKey = newIdempotencyKey(); }
    submit.disabled = true;
    element.setAttribute('aria-busy', 'true');
    try {
      await options.action(values(element), element.dataset.idempotencyKey, element);
      delete element.dataset.idempotencyKey;
      if (options.reset) { element.reset(); }
    } catch (error) {
      showProblem(element, error);
      showFieldErrors(element, error);
    } finally {
      submit.disabled = false;
      element.removeAttribute('aria-busy');
    }
  });
  return element;
}

/** A button that runs an async action and shows its problem in {@code container}. */
export function action(text, run, container, attributes = {}) {
  const button = h('button', { type: 'button', ...attributes }, text);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      if (container) { clearProblem(container); }
      await run();
    } catch (error) {
      if (container) { showProblem(container, error); } else { throw error; }
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

export function table(columns, rows, options = {}) {
  return h('table', { class: 'grid ' + (options.className || '') },
    options.caption ? h('caption', {}, options.caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.title)))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, options.empty || t('common.none')))
      : rows.map((row) => h('tr', options.rowAttributes ? options.rowAttributes(row) : {},
        columns.map((c) => h('td', { class: c.className }, c.render(row)))))));
}

export function card(title, ...children) {
  return h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title), h('div', { class: 'problem-slot' }), children);
}

/** Runs {@code task} now and every {@code seconds}; stops when the view changes. */
export function poll(seconds, task) {
  let stopped = false;
  let timer = null;
  const run = async () => {
    if (stopped) { return; }
    try { await task(); } catch (e) { /* the task shows its own problem */ }
    if (!stopped) { timer = setTimeout(run, seconds * 1000); }
  };
  run();
  const stop = () => { stopped = true; clearTimeout(timer); };
  currentPollers.push(stop);
  return stop;
}

const currentPollers = [];

export function stopPolling() {
  currentPollers.splice(0).forEach((stop) => stop());
}

export function debounce(fn, millis) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), millis); };
}

export function dl(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}
