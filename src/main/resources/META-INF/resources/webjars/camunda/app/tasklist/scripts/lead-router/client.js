/*
 * Lead Router: what its web-app plugins share (not a plugin itself, not in config.js): Tasklist's, and
 * Cockpit's ops dashboard, which imports it from here by URL.
 *
 * Calls to Lead Router's /api with the Tasklist session (its cookie reaches /api) and, for
 * changes, the session's CSRF token in X-XSRF-TOKEN: /api lets the signed-in web-app user in
 * (security/WebappSessionUsers). Problems (application/problem+json) become readable messages.
 * Elements are built with text nodes only: whatever the API answers is shown as text, never as HTML.
 */

/**
 * A function calling Lead Router's /api: call(method, path, body) answers the parsed JSON or throws
 * an Error whose message says the problem. /api lives at the server's root, above the web apps'
 * path (api.adminApi is "<root>/camunda/api/admin").
 */
export function leadRouter(api) {
  return leadRouterAt(api.adminApi.replace(/\/api\/admin\/?$/, '').replace(/\/[^/]*$/, ''), api.CSRFToken);
}

/**
 * The same for code that runs before Tasklist hands a plugin its api: the server's root found from
 * the address of a plugin's module ("<root>/camunda/app/tasklist/scripts/…").
 */
export function leadRouterFrom(moduleUrl) {
  const href = new URL(moduleUrl).href;
  const app = href.substring(0, href.indexOf('/app/tasklist/'));
  return leadRouterAt(app.replace(/\/[^/]*$/, ''), null);
}

function leadRouterAt(root, fallbackToken) {
  return async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['X-XSRF-TOKEN'] = csrfToken() || fallbackToken;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(root + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    const json = text ? safeJson(text) : null;
    if (!response.ok) {
      const failure = new Error(problemWords(response.status, json));
      failure.status = response.status;
      throw failure;
    }
    return json;
  };
}

/** The session's CSRF token as the web apps keep it (a cookie), read at each call: it changes with a new login. */
function csrfToken() {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch (notJson) {
    return null;
  }
}

/** A problem+json answer in words: its field errors, else its detail. */
function problemWords(status, problem) {
  if (status === 401) {
    return 'Your session is over: sign in again.';
  }
  if (problem && Array.isArray(problem.errors) && problem.errors.length) {
    return problem.errors.map(e => (e.field ? e.field + ': ' : '') + e.message).join('; ');
  }
  return (problem && (problem.detail || problem.title)) || 'The server answered ' + status + '.';
}

/** Shows or hides an element whatever the page's CSS says about its display (Bootstrap overrides [hidden]). */
export function shown(node, visible) {
  node.style.display = visible ? '' : 'none';
}

/** Adds a plugin's stylesheet once (Tasklist loads no CSS for custom scripts). */
export function addStylesheet(id, href) {
  if (document.getElementById(id)) {
    return;
  }
  document.head.appendChild(element('link', { id, rel: 'stylesheet', type: 'text/css', href }));
}

/** An element with attributes; string children become text nodes (never HTML). */
export function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter(child => child !== null && child !== undefined && child !== false).forEach(child =>
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
  return node;
}

export function replace(node, ...children) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
  children.filter(Boolean).forEach(child => node.appendChild(child));
}

export function section(title, ...children) {
  return element('section', { class: 'lr-section' }, element('h4', {}, title), ...children);
}

/** An instant in the browser's time zone, short. */
export function when(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A count against its cap: "3 of 5", "3 (no cap)". */
export function againstCap(count) {
  const capped = count.cap !== null && count.cap !== undefined;
  return capped ? count.count + ' of ' + count.cap : count.count + ' (no cap)';
}

/** Whether a count has reached its cap. */
export function atCap(count) {
  return count.cap !== null && count.cap !== undefined && count.count >= count.cap;
}

/** Why a rep takes no leads now, in words ("Away until 12 Jun 2026, 09:00 (vacation)"); null while they do. */
export function awayWords(away) {
  if (!away) {
    return null;
  }
  if (away.kind === 'ABSENT') {
    return 'Away until ' + when(away.until) + (away.reason ? ' (' + away.reason + ')' : '');
  }
  if (away.kind === 'INACTIVE') {
    return 'Inactive (set by sales ops)';
  }
  return 'Marked away';
}
