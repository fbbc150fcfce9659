// The customer's survey page, opened from the link in the SMS (?s=<survey>&t=<token>): no login, one page,
// CSAT and NPS and a comment, answered once.
import { get, post, query } from './api.js';
import { language, setLanguage, t } from './i18n.js';
import { clear, field, form, h, problemBanner } from './ui.js';

const parameters = new URLSearchParams(location.search);
const surveyId = parameters.get('s');
const token = parameters.get('t');

function scale(name, legend, from, to) {
  return h('fieldset', { class: 'scale', id: name + '-scale' }, h('legend', {}, legend),
    Array.from({ length: to - from + 1 }, (_, i) => from + i).map((value) => {
      const id = name + '-' + value;
      return h('span', { class: 'choice' }, h('input', { type: 'radio', name, id, value: String(value) }), h('label', { for: id }, String(value)));
    }));
}

async function render() {
  document.documentElement.lang = language();
  document.title = t('survey.title');
  document.getElementById('app-title').textContent = t('survey.title');
  document.getElementById('language-label').textContent = t('app.language');
  document.getElementById('language').value = language();
  const main = document.getElementById('view');
  if (!surveyId || !token) {
    clear(main, h('p', { class: 'problem', role: 'alert' }, t('survey.badLink')));
    return;
  }
  let survey;
  try {
    survey = await get('/api/survey-links/' + encodeURIComponent(surveyId) + query({ t: token }), { anonymous: true });
  } catch (error) {
    clear(main, problemBanner(error));
    return;
  }
  if (survey.state !== 'OPEN') {
    clear(main, h('p', { class: 'notice', role: 'status', id: 'survey-state', dataset: { state: survey.state } }, t('survey.state.' + survey.state)));
    document.body.dataset.ready = 'survey';
    return;
  }
  const surveyForm = form({ id: 'survey-form', submit: t('survey.submit'), action: async (v) => {
    const csat = surveyForm.querySelector('input[name="csat"]:checked');
    const nps = surveyForm.querySelector('input[name="nps"]:checked');
    const answered = await post('/api/survey-links/' + encodeURIComponent(surveyId) + '/answer', {
      token, csat: csat ? Number(csat.value) : undefined, nps: nps ? Number(nps.value) : undefined, comment: v.comment,
    }, { anonymous: true });
    clear(main, h('p', { class: 'notice', role: 'status', id: 'survey-state', dataset: { state: answered.state } }, t('survey.thanks')));
  } },
  h('p', {}, t('survey.intro')),
  scale('csat', t('survey.csat'), 1, 5),
  scale('nps', t('survey.nps'), 0, 10),
  field('comment', t('survey.comment'), { kind: 'textarea', rows: 4 }));
  clear(main, surveyForm);
  document.body.dataset.ready = 'survey';
}

document.getElementById('language').addEventListener('change', (event) => {
  setLanguage(event.target.value);
  render();
});
render();
