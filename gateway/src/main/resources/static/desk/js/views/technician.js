// Technician on a phone: today's visits in order, en route / on site, parts, quote and acceptance (out of
// warranty), the service report with photos from the camera and the customer's signature drawn on a canvas,
// completion. Photos and the signature are uploaded as images to /api/attachments and named in the report.
import { api, get, post, query } from '../api.js';
import { fmtMoney, fmtTime, label, t } from '../i18n.js';
import { action, card, clear, dl, field, form, h, showProblem, table } from '../ui.js';

function dayBounds() {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start.getTime() + 86400000);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** A canvas the customer signs on with a finger, a mouse or a pen; toBlob gives the PNG to upload. */
function signaturePad() {
  const canvas = h('canvas', { width: 340, height: 160, class: 'signature', id: 'signature-pad', role: 'img',
    'aria-label': t('report.signatureArea'), tabindex: 0 });
  const context = canvas.getContext('2d');
  context.lineWidth = 2.5;
  context.lineCap = 'round';
  context.strokeStyle = '#111';
  let drawing = false;
  let strokes = 0;
  const point = (event) => {
    const box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) * (canvas.width / box.width), (event.clientY - box.top) * (canvas.height / box.height)];
  };
  canvas.addEventListener('pointerdown', (event) => {
    drawing = true;
    canvas.setPointerCapture(event.pointerId);
    context.beginPath();
    context.moveTo(...point(event));
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing) { return; }
    context.lineTo(...point(event));
    context.stroke();
  });
  const end = () => { if (drawing) { strokes += 1; } drawing = false; };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  const clearButton = h('button', { type: 'button', class: 'secondary', onclick: () => {
    context.clearRect(0, 0, canvas.width, canvas.height);
    strokes = 0;
  } }, t('report.signatureClear'));
  const wrapper = h('div', { class: 'field' }, h('span', { class: 'label', id: 'signature-label' }, t('report.signature')), canvas, clearButton);
  canvas.setAttribute('aria-labelledby', 'signature-label');
  wrapper.signed = () => strokes > 0;
  wrapper.blob = () => new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  return wrapper;
}

async function upload(blob) {
  return api('POST', '/api/attachments', { raw: blob });
}

export async function render(main, { user }) {
  const list = h('ol', { class: 'visits', id: 'visit-list' });
  const detail = h('div', { id: 'visit-detail' });
  const todayCard = card(t('tech.today'), list);
  const unscheduled = h('div', { id: 'unscheduled-jobs' });
  const jobsCard = card(t('tech.toSchedule'), unscheduled);
  clear(main, h('div', { class: 'phone' }, todayCard, detail, jobsCard));

  async function load() {
    const { from, to } = dayBounds();
    const agenda = await get('/api/visits' + query({ from, to }));
    clear(list, agenda.length === 0 ? h('li', { class: 'muted' }, t('tech.noVisits')) : agenda.map((entry, i) =>
      h('li', { dataset: { visitId: entry.visit.id, status: entry.visit.status } },
        h('button', { type: 'button', class: 'visit', onclick: () => open(entry) },
          h('span', { class: 'order' }, String(i + 1)),
          h('span', {}, h('strong', {}, fmtTime(entry.visit.windowStart) + '–' + fmtTime(entry.visit.windowEnd)), ' ',
            label('visitStatus', entry.visit.status), h('br'), entry.model + ' · ' + (entry.faultDescription || ''), h('br'),
            h('span', { class: 'muted' }, place(entry)))))));
    const assigned = await get('/api/dispatch/jobs' + query({ status: 'ASSIGNED' }));
    const planned = new Set(agenda.map((e) => e.visit.jobId));
    const waiting = assigned.filter((j) => !planned.has(j.id));
    clear(unscheduled, waiting.length === 0 ? h('p', { class: 'muted' }, t('tech.nothingToSchedule')) : waiting.map((job) =>
      form({ className: 'schedule', id: 'schedule-' + job.id, title: job.model + ' · ' + (job.faultDescription || ''), submit: t('tech.schedule'),
        action: async (v, key) => {
          await post('/api/visits', { jobId: job.id, windowStart: new Date(v.windowStart).toISOString(),
            windowEnd: new Date(v.windowEnd).toISOString() }, { idempotencyKey: key });
          await load();
        } },
      field('windowStart', t('tech.windowStart'), { kind: 'datetime-local', required: true, value: localInput(1) }),
      field('windowEnd', t('tech.windowEnd'), { kind: 'datetime-local', required: true, value: localInput(3) }))));
    return agenda;
  }

  function localInput(hoursAhead) {
    const d = new Date(Date.now() + hoursAhead * 3600000);
    d.setMinutes(0, 0, 0);
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }

  function place(entry) {
    const where = entry.location ? entry.location.latitude.toFixed(4) + ', ' + entry.location.longitude.toFixed(4) : '';
    return [t('tech.region') + ' ' + (entry.regionCode || '–'), where].filter(Boolean).join(' · ');
  }

  async function open(entry) {
    const visitId = entry.visit.id;
    const details = await get('/api/visits/' + visitId);
    const visit = details.visit;
    const reports = await get('/api/visits/' + visitId + '/reports');
    const visitCard = card(t('tech.visit'), null);
    visitCard.id = 'visit-card';
    visitCard.dataset.status = visit.status;
    const again = async () => { const agenda = await load(); const fresh = agenda.find((e) => e.visit.id === visitId); await open(fresh || entry); };
    const outOfWarranty = entry.entitlement && entry.entitlement !== 'IN_WARRANTY';
    const statusButtons = [['EN_ROUTE', 'SCHEDULED'], ['ON_SITE', 'EN_ROUTE']].filter(([, from]) => visit.status === from)
      .map(([to]) => action(label('visitAction', to), async () => {
        await post('/api/visits/' + visitId + '/status', { status: to });
        await again();
      }, visitCard, { class: 'primary big', id: 'visit-' + to.toLowerCase() }));
    const last = reports[reports.length - 1];
    visitCard.append(
      dl([[t('tech.window'), fmtTime(visit.windowStart) + '–' + fmtTime(visit.windowEnd)], [t('tech.unit'), entry.model + ' · ' + entry.serialNumber],
        [t('tech.fault'), entry.faultDescription || '–'], [t('tech.place'), place(entry)],
        [t('tech.entitlement'), label('entitlement', entry.entitlement)],
        [t('tech.status'), h('span', { id: 'visit-status', dataset: { value: visit.status } }, label('visitStatus', visit.status))]]),
      h('div', { class: 'actions' }, statusButtons));
    if (visit.status === 'ON_SITE') {
      visitCard.append(partsSection(visitId, visitCard));
      if (outOfWarranty) { visitCard.append(await quoteSection(visitId, visitCard)); }
      if (!last || !last.signOff) {
        visitCard.append(last ? signSection(last, again) : reportSection(visitId, again));
      } else {
        visitCard.append(h('p', { class: 'notice', role: 'status', id: 'report-signed' }, t('report.signedBy', { name: last.signOff.signerName })),
          action(t('tech.complete'), async () => {
            await post('/api/visits/' + visitId + '/completion', { outcome: 'COMPLETED' });
            await again();
          }, visitCard, { class: 'primary big', id: 'complete-visit' }));
      }
    }
    if (details.charge) {
      visitCard.append(h('p', { id: 'visit-charge' }, t('tech.charge', { amount: fmtMoney(details.charge.charged ?? details.charge.total, details.charge.currency || 'CNY') })));
    }
    clear(detail, visitCard);
    visitCard.scrollIntoView({ block: 'start' });
  }

  function partsSection(visitId, container) {
    const checkouts = h('div', { class: 'checkouts' });
    const refresh = async () => {
      const all = (await get('/api/parts/checkouts' + query({ technicianId: user.technicianId }))).filter((c) => c.visitId === visitId);
      clear(checkouts, table([
        { title: t('parts.part'), render: (c) => c.partNumber },
        { title: t('parts.out'), className: 'n', render: (c) => String(c.quantity - c.returned - c.consumed) },
        { title: '', render: (c) => action(t('parts.returnOne'), async () => { await post('/api/parts/checkouts/' + c.id + '/returns', { quantity: 1 }); await refresh(); }, container, { class: 'secondary' }) },
      ], all, { caption: t('parts.checkedOut') }));
    };
    refresh().catch((error) => showProblem(container, error));
    return h('section', { class: 'sub' }, h('h3', {}, t('parts.title')), checkouts,
      form({ id: 'checkout-form', submit: t('parts.checkout'), secondary: true, action: async (v, key) => {
        await post('/api/parts/checkouts', { technicianId: user.technicianId, visitId, location: v.location,
          partNumber: v.partNumber, quantity: v.quantity }, { idempotencyKey: key });
        await refresh();
      } },
      field('location', t('parts.location'), { required: true }),
      field('partNumber', t('parts.part'), { required: true }),
      field('quantity', t('parts.quantity'), { kind: 'number', min: 1, value: 1, required: true })));
  }

  async function quoteSection(visitId, container) {
    let quote = null;
    try { quote = await get('/api/visits/' + visitId + '/quote'); } catch (error) { if (error.status !== 404) { throw error; } }
    const section = h('section', { class: 'sub', id: 'quote' }, h('h3', {}, t('quote.title')));
    if (!quote) {
      section.append(form({ id: 'quote-form', submit: t('quote.submit'), secondary: true, action: async (v) => {
        await post('/api/visits/' + visitId + '/quote', { labourMinutes: v.labourMinutes,
          parts: v.partNumber ? [{ partNumber: v.partNumber, quantity: v.quantity || 1 }] : [] });
        section.replaceWith(await quoteSection(visitId, container));
      } },
      field('labourMinutes', t('report.labour'), { kind: 'number', min: 0, value: 30, required: true }),
      field('partNumber', t('parts.part')), field('quantity', t('parts.quantity'), { kind: 'number', min: 1, value: 1 })));
    } else {
      section.append(h('p', {}, t('quote.total', { amount: fmtMoney(quote.total, quote.currency || 'CNY') })),
        quote.acceptedAt ? h('p', { class: 'notice' }, t('quote.accepted', { name: quote.acceptedBy }))
          : form({ id: 'acceptance-form', submit: t('quote.accept'), action: async (v) => {
            await post('/api/visits/' + visitId + '/quote/acceptance', { acceptedBy: v.acceptedBy });
            section.replaceWith(await quoteSection(visitId, container));
          } }, field('acceptedBy', t('quote.acceptedBy'), { required: true })));
    }
    return section;
  }

  function reportSection(visitId, again) {
    const photos = field('photos', t('report.photos'), { kind: 'file', accept: 'image/*', capture: 'environment' });
    photos.input.multiple = true;
    const uploaded = h('ul', { class: 'thumbs', id: 'photo-list' });
    const references = [];
    photos.input.addEventListener('change', async () => {
      for (const file of photos.input.files) {
        try {
          const stored = await upload(file);
          references.push(stored.reference);
          uploaded.append(h('li', { dataset: { reference: stored.reference } }, h('img', { src: URL.createObjectURL(file), alt: t('report.photo', { n: references.length }) })));
        } catch (error) {
          showProblem(reportForm, error);
        }
      }
      photos.input.value = '';
    });
    const reportForm = form({ id: 'report-form', title: t('report.title'), submit: t('report.submit'), action: async (v, key) => {
      await post('/api/visits/' + visitId + '/reports', { cause: v.cause, fix: v.fix, faultCategory: v.faultCategory,
        faultCode: v.faultCode, labourMinutes: v.labourMinutes, dataBackupDone: v.dataBackupDone, causeExplained: v.causeExplained,
        parts: v.partNumber ? [{ partNumber: v.partNumber, quantity: v.partQuantity || 1 }] : [], photos: references }, { idempotencyKey: key });
      await again();
    } },
    field('cause', t('report.cause'), { kind: 'textarea', required: true }),
    field('fix', t('report.fix'), { kind: 'textarea', required: true }),
    field('faultCode', t('report.faultCode')),
    field('labourMinutes', t('report.labour'), { kind: 'number', min: 0, value: 30, required: true }),
    field('partNumber', t('report.partUsed')),
    field('partQuantity', t('parts.quantity'), { kind: 'number', min: 1, value: 1 }),
    field('dataBackupDone', t('report.backup'), { kind: 'checkbox' }),
    field('causeExplained', t('report.explained'), { kind: 'checkbox', checked: true }),
    photos, uploaded);
    return reportForm;
  }

  function signSection(report, again) {
    const pad = signaturePad();
    const signForm = form({ id: 'signature-form', title: t('report.signTitle'), submit: t('report.sign'), action: async (v) => {
      if (!pad.signed()) {
        throw { problem: { title: t('report.signFirst') } };
      }
      const stored = await upload(await pad.blob());
      await post('/api/service-reports/' + report.id + '/signature', { signerName: v.signerName, signatureRef: stored.reference });
      await again();
    } },
    h('p', {}, t('report.summary', { cause: report.cause, fix: report.fix })),
    field('signerName', t('report.signer'), { required: true }), pad);
    return signForm;
  }

  try {
    await load();
  } catch (error) {
    showProblem(todayCard, error);
  }
}
