/*
 * Lead Router: the manager's team board in Tasklist.
 *
 * A navbar button "Team board" (for managers, sales ops and admins only) opens a board of reps: a
 * manager sees exactly their own reps, sales ops and admins pick a team. Per rep: available or
 * away (until when), open leads against the open-lead cap, leads given today and this week
 * against the caps, overdue leads (Work lead past its due date), leads in follow-up, and this
 * month's response SLA met rate and conversions. "Leads" lists a rep's open leads, each with
 * "Reassign" (the same form as the task's Reassign tab). It reads GET /api/me/team-board and
 * GET /api/teams/{id}/board; it reassigns with POST /api/leads/{id}/reassign.
 */
import { addStylesheet, againstCap, atCap, awayWords, element, leadRouter, replace, shown, when } from '../lead-router/client.js';
import { showReassignForm } from '../lead-router/reassign.js';

const BOARD_ID = 'lead-router-team-board';

export default {
  id: 'lead-router-team-board',
  pluginPoint: 'tasklist.navbar.action',
  priority: 40,
  async render(node, { api }) {
    addStylesheet('lead-router-css', new URL('../lead-router/lead-router.css', import.meta.url).href);
    addStylesheet(BOARD_ID + '-css', new URL('./plugin.css', import.meta.url).href);
    const call = leadRouter(api);
    let mine;
    try {
      mine = await call('GET', '/api/me/team-board');
    } catch (failed) {
      return; // no board without Lead Router's answer; Tasklist stays as it is
    }
    if (!mine.manager && !mine.teams.length) {
      return; // reps have their own panel, no board
    }
    const toggle = element('button', { type: 'button', class: 'btn btn-default lr-board-toggle',
      title: 'Your reps: availability, leads against caps, overdue leads, SLA and conversions' }, 'Team board');
    node.appendChild(toggle);
    toggle.addEventListener('click', () => {
      const open = document.getElementById(BOARD_ID);
      if (open) {
        open.remove();
        return;
      }
      const board = element('aside', { id: BOARD_ID, class: 'lr-board', 'aria-label': 'Team board' });
      document.body.appendChild(board);
      const firstTeam = mine.teams.length ? mine.teams[0].id : null;
      load(board, call, mine.manager ? null : firstTeam, mine.teams);
    });
  }
};

/**
 * Loads and shows the board: the user's own reps (team null) or a team's (sales ops, admins), with
 * a notice above it (what was just done) if given.
 */
async function load(board, call, team, teams, notice) {
  replace(board, header(board, call, team, teams), element('p', { class: 'lr-muted' }, 'Loading…'));
  try {
    const data = team
      ? await call('GET', '/api/teams/' + encodeURIComponent(team) + '/board')
      : (await call('GET', '/api/me/team-board')).board;
    if (!document.body.contains(board)) {
      return;
    }
    replace(board, header(board, call, team, teams, data),
      notice ? element('p', { class: 'lr-reassign-done', role: 'status' }, notice) : null,
      table(data, call, words => load(board, call, team, teams, words)),
      element('p', { class: 'lr-board-note' }, 'Open leads wait for the rep\'s first outcome; overdue: the Work lead '
        + 'is past its due date. This month counts in each rep\'s time zone. Figures as of ' + when(data.now) + '.'));
  } catch (failed) {
    replace(board, header(board, call, team, teams), element('p', { class: 'lr-error', role: 'alert' },
      'The board could not be loaded: ' + failed.message));
  }
}

function header(board, call, team, teams, data) {
  const close = element('button', { type: 'button', class: 'close lr-board-close', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', () => board.remove());
  const reload = element('button', { type: 'button', class: 'btn btn-xs btn-default lr-board-reload' }, 'Refresh');
  reload.addEventListener('click', () => load(board, call, team, teams));
  let picker = null;
  if (teams.length) {
    picker = element('select', { class: 'lr-board-team', 'aria-label': 'Team' },
      ...teams.map(t => {
        const option = element('option', { value: t.id }, t.name);
        if (t.id === team) {
          option.selected = true;
        }
        return option;
      }));
    picker.addEventListener('change', () => load(board, call, picker.value, teams));
  }
  return element('header', {}, close,
    element('h3', {}, 'Team board' + (data ? ' · ' + data.title : '')), picker, ' ', reload);
}

function table(data, call, reload) {
  if (!data.reps.length) {
    return element('p', { class: 'lr-muted' }, 'No reps here: a rep is yours when you are named their manager.');
  }
  const body = element('tbody', {});
  data.reps.forEach(row => {
    const r = row.rep;
    const away = awayWords(row.away);
    const m = row.thisMonth;
    const decided = m.slaMet + m.slaBreached;
    const leadsButton = element('button', { type: 'button', class: 'btn btn-xs btn-default lr-board-show-leads' },
      'Leads (' + row.leads.length + ')');
    const tr = element('tr', { class: 'lr-board-rep', 'data-rep': r.id },
      element('td', { class: 'lr-board-name' }, r.name),
      element('td', { class: 'lr-board-status ' + (away ? 'lr-away' : 'lr-available') }, away || 'Available'),
      element('td', { class: 'lr-number lr-board-open' + (atCap(row.load.openLeads) ? ' lr-full' : '') },
        againstCap(row.load.openLeads)),
      element('td', { class: 'lr-number lr-board-today' + (atCap(row.load.today) ? ' lr-full' : '') },
        againstCap(row.load.today)),
      element('td', { class: 'lr-number lr-board-week' + (atCap(row.load.thisWeek) ? ' lr-full' : '') },
        againstCap(row.load.thisWeek)),
      element('td', { class: 'lr-number lr-board-overdue' + (row.overdue ? ' lr-overdue' : '') }, String(row.overdue)),
      element('td', { class: 'lr-number lr-board-follow-up' }, String(row.inFollowUp)),
      element('td', { class: 'lr-number lr-board-sla' }, m.slaMetRate === null || m.slaMetRate === undefined
        ? '–' : Math.round(100 * m.slaMetRate) + ' % (' + m.slaMet + '/' + decided + ')'),
      element('td', { class: 'lr-number lr-board-conversions' }, String(m.conversions)),
      element('td', {}, leadsButton));
    body.appendChild(tr);
    const detail = element('tr', { class: 'lr-board-leads' },
      element('td', { colspan: '10' }, leadList(row, call, reload)));
    shown(detail, false);
    body.appendChild(detail);
    leadsButton.addEventListener('click', () => shown(detail, detail.style.display === 'none'));
  });
  return element('table', { class: 'table table-condensed lr-board-table' },
    element('thead', {}, element('tr', {},
      element('th', {}, 'Rep'), element('th', {}, 'Availability'), element('th', { class: 'lr-number' }, 'Open leads'),
      element('th', { class: 'lr-number' }, 'Today'), element('th', { class: 'lr-number' }, 'This week'),
      element('th', { class: 'lr-number' }, 'Overdue'), element('th', { class: 'lr-number' }, 'In follow-up'),
      element('th', { class: 'lr-number' }, 'SLA met (month)'), element('th', { class: 'lr-number' }, 'Conversions (month)'),
      element('th', {}))),
    body);
}

function leadList(row, call, reload) {
  if (!row.leads.length) {
    return element('p', { class: 'lr-muted' }, row.rep.name + ' has no open lead.');
  }
  return element('table', { class: 'table table-condensed' }, element('tbody', {}, ...row.leads.flatMap(lead => {
    const slot = element('div', { class: 'lr-reassign-slot' });
    shown(slot, false);
    const reassign = element('button', { type: 'button', class: 'btn btn-xs btn-primary lr-board-reassign' }, 'Reassign');
    reassign.addEventListener('click', () => {
      shown(slot, true);
      reassign.disabled = true;
      showReassignForm(slot, call, lead.id, (moved, words) => reload(words));
    });
    const when_ = lead.dueAt ? 'due ' + when(lead.dueAt) : lead.followUpAt ? 'follow up ' + when(lead.followUpAt) : '';
    return [
      element('tr', { class: 'lr-board-lead', 'data-lead': lead.id },
        element('td', {}, lead.name || '–'),
        element('td', {}, lead.company || ''),
        element('td', {}, lead.tier || ''),
        element('td', {}, lead.status === 'CONTACTED' ? 'in follow-up' : 'waiting for first outcome'),
        element('td', { class: lead.overdue ? 'lr-overdue' : '' }, when_ + (lead.overdue ? ' (overdue)' : '')),
        element('td', {}, reassign)),
      element('tr', {}, element('td', { colspan: '6' }, slot))
    ];
  })));
}
