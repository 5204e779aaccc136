/*
 * Lead Router: the reassign form, shared by the "Reassign" tab of a lead's task and the team
 * board (not a plugin itself). It reads GET /api/leads/{id}/reassign-options (the reps the user
 * may give the lead to, with whether they take leads now and their load against their caps),
 * asks for a reason and posts POST /api/leads/{id}/reassign; then shows the answer.
 */
import { againstCap, atCap, awayWords, element, replace, when } from './client.js';

const MAX_REASON = 500;

/**
 * Shows the form for the lead in node; onDone(lead, words) runs after a reassignment (the lead as
 * the API answered it, and the answer in words). Answers whether the user may reassign the lead.
 */
export async function showReassignForm(node, call, leadId, onDone) {
  replace(node, element('p', { class: 'lr-muted' }, 'Loading…'));
  let options;
  try {
    options = await call('GET', '/api/leads/' + encodeURIComponent(leadId) + '/reassign-options');
  } catch (failed) {
    replace(node, element('p', { class: 'lr-error', role: 'alert' }, 'The lead could not be loaded: ' + failed.message));
    return false;
  }
  const lead = options.lead;
  const subject = element('p', { class: 'lr-reassign-subject' },
    (lead.name || 'Lead') + (lead.company ? ' · ' + lead.company : '') + ' · ' + lead.status
    + (lead.ownerName ? ' · with ' + lead.ownerName : '')
    + (lead.dueAt ? ' · due ' + when(lead.dueAt) : '')
    + (lead.followUpAt ? ' · follow up ' + when(lead.followUpAt) : ''));
  if (!options.mayReassign) {
    replace(node, subject, element('p', { class: 'lr-reassign-refused' }, options.why));
    return false;
  }
  if (!options.reps.length) {
    replace(node, subject, element('p', { class: 'lr-muted' }, 'There is no active rep you may give this lead to.'));
    return true;
  }
  const name = 'lr-reassign-to-' + leadId;
  const rows = options.reps.map(choice => {
    const away = awayWords(choice.away);
    const radio = element('input', { type: 'radio', name, value: choice.rep.id, class: 'lr-reassign-choice' });
    if (choice.current) {
      radio.disabled = true;
    }
    return element('tr', { class: (away ? 'lr-away-row' : '') + (choice.current ? ' lr-current-row' : '') },
      element('td', {}, radio),
      element('td', { class: 'lr-reassign-name' }, choice.rep.name + (choice.current ? ' (has it)' : '')),
      element('td', { class: away ? 'lr-away' : 'lr-available' }, away || 'Available'),
      element('td', { class: atCap(choice.load.openLeads) ? 'lr-full' : '' }, againstCap(choice.load.openLeads)),
      element('td', { class: atCap(choice.load.today) ? 'lr-full' : '' }, againstCap(choice.load.today)));
  });
  const table = element('table', { class: 'table table-condensed lr-reassign-reps' },
    element('thead', {}, element('tr', {}, element('th', {}), element('th', {}, 'Rep'),
      element('th', {}, 'Availability'), element('th', {}, 'Open leads'), element('th', {}, 'Given today'))),
    element('tbody', {}, ...rows));
  const reason = element('textarea', { class: 'form-control lr-reassign-reason', name: 'reason', rows: '2',
    maxlength: String(MAX_REASON), placeholder: 'Why (it goes into the lead\'s timeline)' });
  const submit = element('button', { type: 'submit', class: 'btn btn-primary lr-reassign-submit' }, 'Reassign');
  const message = element('p', { class: 'lr-reassign-message', role: 'status', hidden: '' });
  const form = element('form', { class: 'lr-reassign-form' }, table,
    element('label', { class: 'lr-reassign-reason-label' }, 'Reason', reason), submit, message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="' + name + '"]:checked');
    message.hidden = false;
    message.className = 'lr-reassign-message lr-error';
    if (!chosen) {
      message.textContent = 'Choose the rep who gets the lead.';
      return;
    }
    if (!reason.value.trim()) {
      message.textContent = 'Say why: the reason goes into the lead\'s timeline.';
      return;
    }
    submit.disabled = true;
    try {
      const moved = await call('POST', '/api/leads/' + encodeURIComponent(leadId) + '/reassign',
        { to: chosen.value, reason: reason.value.trim() });
      const to = options.reps.find(choice => choice.rep.id === moved.owner);
      const words = 'Reassigned: ' + (lead.name || 'the lead') + ' is now with ' + (to ? to.rep.name : moved.owner)
        + ' (' + moved.status + ').';
      replace(node, element('p', { class: 'lr-reassign-done', role: 'status' }, words));
      if (onDone) {
        onDone(moved, words);
      }
    } catch (failed) {
      message.textContent = failed.message;
      submit.disabled = false;
    }
  });
  replace(node, subject, form);
  return true;
}
