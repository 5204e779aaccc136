/*
 * Lead Router: the rep's own panel in Tasklist.
 *
 * A navbar button "My panel" (for reps only: sales ops, managers and admins are no reps, and
 * GET /api/me/panel says so) opens a panel with what a rep asks about their own day: am I
 * available (one click toggles it), my planned absences (add, cancel), my working hours, my leads
 * against my caps, where I stand in my team's rotation right now, and this month's response SLA
 * and conversions. It reads GET /api/me/panel and acts through the reps API
 * (PUT /api/reps/{id}/availability, POST and DELETE /api/reps/{id}/absences).
 *
 * The calls go with the Tasklist session and its CSRF token (../lead-router/client.js). Everything
 * shown is set as text (textContent), never as HTML. No framework, nothing from a CDN.
 */

import { addStylesheet, element, leadRouter, replace, section, when } from '../lead-router/client.js';

const PANEL_ID = 'lead-router-rep-panel';

/** Strategy keys of routing-rules.dmn in words a rep reads. */
const STRATEGY_WORDS = {
  'account-owner': 'account owner',
  'direct': 'a named rep',
  'round-robin': 'round-robin',
  'weighted-round-robin': 'weighted round-robin',
  'capacity': 'most headroom (capacity)',
  'priority': 'seniority (priority)',
  'performance': 'conversion rate (performance)'
};

const DAY_WORDS = { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' };

export default {
  id: 'lead-router-rep-panel',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  async render(node, { api }) {
    addStylesheet(PANEL_ID + '-css', new URL('./plugin.css', import.meta.url).href);
    const client = leadRouter(api);
    try {
      if (!(await client('GET', '/api/me/panel')).rep) {
        node.setAttribute('data-lr-panel', 'not-a-rep'); // sales ops, managers and admins: no panel
        return;
      }
    } catch (failed) {
      return; // no panel without Lead Router's answer; Tasklist stays as it is
    }
    const toggle = element('button', { type: 'button', class: 'btn btn-default lr-panel-toggle',
      title: 'Your availability, absences, caps and place in the rotation' }, 'My panel');
    node.appendChild(toggle);
    toggle.addEventListener('click', () => {
      const open = document.getElementById(PANEL_ID);
      if (open) {
        open.remove();
        return;
      }
      const panel = element('aside', { id: PANEL_ID, class: 'lr-panel', 'aria-label': 'My panel' });
      document.body.appendChild(panel);
      load(panel, client);
    });
  }
};

async function load(panel, call) {
  replace(panel, header(panel), element('p', { class: 'lr-muted' }, 'Loading…'));
  try {
    const mine = await call('GET', '/api/me/panel');
    if (!document.body.contains(panel)) {
      return;
    }
    if (!mine.rep) {
      replace(panel, header(panel), element('p', { class: 'lr-not-rep' },
        'You are not a rep: this panel shows a sales rep their availability, absences, caps and place in the '
        + 'team\'s rotation. You are signed in as ' + mine.user + '.'));
      return;
    }
    show(panel, mine.panel, call);
  } catch (failed) {
    replace(panel, header(panel), element('p', { class: 'lr-error', role: 'alert' },
      'Your panel could not be loaded: ' + failed.message));
  }
}

function header(panel, rep) {
  const close = element('button', { type: 'button', class: 'close lr-close', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', () => panel.remove());
  return element('header', {},
    close,
    element('h3', {}, 'My panel'),
    rep ? element('p', { class: 'lr-who' }, rep.name + ' · ' + rep.teamName) : null);
}

function show(panel, data, call) {
  const reload = () => load(panel, call);
  const message = element('p', { class: 'lr-error', role: 'alert', hidden: '' });
  const act = async (method, path, body) => {
    message.hidden = true;
    try {
      await call(method, path, body);
      reload();
    } catch (failed) {
      message.textContent = failed.message;
      message.hidden = false;
    }
  };
  replace(panel,
    header(panel, data.rep),
    message,
    availability(data, act),
    rotation(data),
    leads(data),
    hours(data),
    absences(data, act),
    month(data));
}

function availability(data, act) {
  const rep = data.rep;
  const away = !rep.available;
  const button = element('button', { type: 'button', class: 'btn ' + (away ? 'btn-primary' : 'btn-default')
      + ' lr-availability-toggle' }, away ? 'I am back: mark me available' : 'Mark me away');
  button.addEventListener('click', () => {
    button.disabled = true;
    act('PUT', '/api/reps/' + encodeURIComponent(rep.id) + '/availability', { available: away });
  });
  return section('Availability',
    element('p', { class: 'lr-availability ' + (away ? 'lr-away' : 'lr-available') },
      away ? 'You are away: routing gives you no new leads.' : 'You are available for new leads.'),
    rep.active ? null : element('p', { class: 'lr-muted' },
      'Sales ops have set you inactive: you get no leads until they set you active again.'),
    button);
}

function rotation(data) {
  const r = data.rotation;
  const roundRobinUsed = r.roundRobin.usedBy.length > 0;
  const weightedUsed = r.weighted.usedBy.length > 0;
  const lines = [];
  if (roundRobinUsed || !weightedUsed) {
    lines.push(element('p', { class: 'lr-rotation-line' }, r.roundRobin.says));
  }
  if (weightedUsed) {
    lines.push(element('p', { class: 'lr-rotation-line' }, r.weighted.says));
  }
  if (!roundRobinUsed && !weightedUsed) {
    lines.push(element('p', { class: 'lr-muted' },
      'None of the routing rules sends your team\'s leads by rotation today: this is where you would stand.'));
  }
  if (!r.skipped && !r.inWorkingHours) {
    lines.push(element('p', { class: 'lr-muted' },
      'You are outside your working hours: you get leads now only because no colleague is working either.'));
  }
  const skipped = Object.entries(r.colleaguesSkipped || {});
  if (skipped.length) {
    lines.push(element('p', { class: 'lr-muted' }, 'Colleagues skipped now: '
      + skipped.map(([reason, count]) => count + ' ' + reason).join(', ') + ' (' + r.teamReps + ' reps in the team).'));
  }
  if (r.routes.length) {
    lines.push(element('p', { class: 'lr-routes-title' }, 'How the routing rules send leads to your team:'));
    lines.push(element('ul', { class: 'lr-routes' }, ...r.routes.map(route => element('li', {},
      (route.strategies.length ? route.strategies.map(s => STRATEGY_WORDS[s] || s).join(', then ') : 'no strategy')
      + ' (' + (route.rules.length === 1 ? 'rule ' : 'rules ') + route.rules.join('; ') + ')'))));
  }
  return section('My place in the rotation',
    element('p', { class: 'lr-headline' + (r.skipped ? ' lr-away' : '') }, r.headline),
    ...lines);
}

function leads(data) {
  const l = data.load;
  return section('My leads',
    meter('Open leads (waiting for your first outcome)', l.openLeads),
    meter('Given today', l.today),
    meter('Given this week (from Monday)', l.thisWeek));
}

function meter(label, count) {
  const capped = count.cap !== null && count.cap !== undefined;
  const full = capped && count.count >= count.cap;
  const row = element('div', { class: 'lr-meter' + (full ? ' lr-full' : '') },
    element('span', { class: 'lr-meter-label' }, label),
    element('span', { class: 'lr-meter-value' },
      capped ? count.count + ' of ' + count.cap + (full ? ' (cap reached)' : '') : count.count + ' (no cap)'));
  if (capped && count.cap > 0) {
    const bar = element('div', { class: 'lr-bar' }, element('div', { class: 'lr-bar-fill' }));
    bar.firstChild.style.width = Math.min(100, Math.round(100 * count.count / count.cap)) + '%';
    row.appendChild(bar);
  }
  return row;
}

function hours(data) {
  const h = data.workingHours;
  return section('My working hours',
    element('p', {}, h.days.map(d => DAY_WORDS[d] || d).join(', ') + ' · ' + h.start + '–' + h.end + ' · ' + h.timeZone),
    element('p', { class: 'lr-muted' }, 'Your time now: ' + h.localTime + ' · '
      + (h.workingNow ? 'within your working hours' : 'outside your working hours')));
}

function absences(data, act) {
  const repPath = '/api/reps/' + encodeURIComponent(data.rep.id) + '/absences';
  const list = data.absences.length
    ? element('ul', { class: 'lr-absences' }, ...data.absences.map(a => {
      const cancel = element('button', { type: 'button', class: 'btn btn-xs btn-default lr-cancel-absence' }, 'Cancel');
      cancel.addEventListener('click', () => {
        cancel.disabled = true;
        act('DELETE', repPath + '/' + encodeURIComponent(a.id));
      });
      return element('li', {},
        element('span', {}, when(a.startsAt) + ' – ' + when(a.endsAt) + (a.reason ? ' · ' + a.reason : '')
          + (a.current ? ' (now)' : '')),
        cancel);
    }))
    : element('p', { class: 'lr-muted' }, 'No absence planned.');

  const from = element('input', { type: 'datetime-local', name: 'startsAt', required: '' });
  const to = element('input', { type: 'datetime-local', name: 'endsAt', required: '' });
  const reason = element('input', { type: 'text', name: 'reason', maxlength: '200', placeholder: 'vacation' });
  const form = element('form', { class: 'lr-absence-form' },
    element('label', {}, 'From ', from),
    element('label', {}, 'To ', to),
    element('label', {}, 'Reason ', reason),
    element('button', { type: 'submit', class: 'btn btn-sm btn-default' }, 'Add absence'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const startsAt = instant(from.value);
    const endsAt = instant(to.value);
    act('POST', repPath, { startsAt, endsAt, reason: reason.value.trim() || null });
  });
  return section('My absences', list, form,
    element('p', { class: 'lr-muted' }, 'Times are your browser\'s. While an absence covers now, routing skips you.'));
}

function month(data) {
  const m = data.thisMonth;
  const decided = m.slaMet + m.slaBreached;
  const rate = m.slaMetRate === null || m.slaMetRate === undefined
    ? 'nothing decided yet'
    : Math.round(100 * m.slaMetRate) + ' % (' + m.slaMet + ' of ' + decided + ' in time)';
  return section('This month',
    element('p', { class: 'lr-sla' }, 'Response SLA met: ' + rate
      + (m.slaOpen ? '; ' + m.slaOpen + ' still running' : '')),
    element('p', { class: 'lr-conversions' }, 'Conversions: ' + m.conversions));
}

/** A datetime-local value (the browser's time) as an ISO instant; null when empty or not a time. */
function instant(local) {
  const date = local ? new Date(local) : null;
  return date && !isNaN(date.getTime()) ? date.toISOString() : null;
}
