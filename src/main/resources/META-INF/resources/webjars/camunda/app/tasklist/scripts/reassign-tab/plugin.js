/*
 * Lead Router: a "Reassign" tab on a lead's task in Tasklist.
 *
 * Sales ops, admins and the manager of the lead's rep give the lead to another rep from the task
 * they are looking at: the tab lists the reps they may choose (the lead's team for sales ops, their
 * own reps for a manager) with availability and open leads against the cap, asks for a reason and
 * reassigns through Lead Router (POST /api/leads/{id}/reassign): owner, response clock, credit and
 * timeline move, and the task goes to the new rep. The tab is hidden from users who may reassign
 * no lead at all (reps); on a lead the user may not reassign it says why.
 */
import { addStylesheet, element, leadRouter, leadRouterFrom, replace, shown } from '../lead-router/client.js';
import { showReassignForm } from '../lead-router/reassign.js';

const LABEL = 'Reassign';

export default {
  id: 'lead-router-reassign-tab',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: {
    label: LABEL
  },
  async render(node, { api, taskId }) {
    addStylesheet('lead-router-css', new URL('../lead-router/lead-router.css', import.meta.url).href);
    const call = leadRouter(api);
    const content = element('div', { class: 'lr-reassign-tab' });
    node.appendChild(content);
    replace(content, element('p', { class: 'lr-muted' }, 'Loading…'));
    let lead;
    try {
      lead = await call('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/lead');
    } catch (failed) {
      replace(content, element('p', { class: 'lr-muted' }, failed.status === 404
        ? 'This task is not about a lead you may reassign.' : 'The lead could not be loaded: ' + failed.message));
      return;
    }
    await showReassignForm(content, call, lead.id);
  }
};

/*
 * The tab's header is Tasklist's, drawn before the tab is opened: it is hidden as it appears, and
 * shown once GET /api/me/team-board says the signed-in user may reassign leads ("reassigns":
 * managers, sales ops, admins), so that reps never meet a tab that is not for them.
 */
const checkAs = leadRouterFrom(import.meta.url);

function checkTabs() {
  document.querySelectorAll('.tabbed-content .nav-tabs li').forEach(tab => {
    if (tab.dataset.lrChecked || tab.textContent.trim() !== LABEL) {
      return;
    }
    tab.dataset.lrChecked = 'yes';
    shown(tab, false);
    checkAs('GET', '/api/me/team-board')
      .then(mine => shown(tab, mine.reassigns))
      .catch(() => shown(tab, false));
  });
}

new MutationObserver(checkTabs).observe(document.documentElement, { childList: true, subtree: true });
