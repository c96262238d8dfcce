/*
 * Embedding-page side of the H5P players. Starts sandboxed players lazily and one after
 * another (h5p-standalone's globals do not like parallel starts), sizes them from their height
 * messages, and saves their xAPI statements and resume state with this page's session and
 * CSRF token. Messages are accepted only from our own iframes (event.source) and every value
 * in them is treated as untrusted: the server validates again.
 *
 * The page's HTML carries no CSRF token (it may come from the anonymous page cache): the token
 * is read from the CSRF cookie, or fetched once from data-csrf-url, which also sets the cookie.
 * Limits and verbs come from the page (data-max-state, data-attempt-verbs), defined in Python.
 */
(function () {
  'use strict';
  if (window.BounceH5P) { window.BounceH5P.scan(); return; }
  var tokenRequest = null;
  var embeds = [];
  var queue = [];
  var running = null;
  var log = [];  // start order, for tests and debugging: "load:0", "started:0", ...

  function t(el, text) { var s = el.querySelector('[data-h5p-status]'); if (s) { s.textContent = text; } }
  function label(el, name) { return el.dataset['msg' + name] || ''; }
  function isPreview(el) { return el.dataset.h5pPreview === '1'; }

  function readCookie(name) {
    var found = '';
    document.cookie.split(';').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq > -1 && part.slice(0, eq).trim() === name) { found = decodeURIComponent(part.slice(eq + 1).trim()); }
    });
    return found;
  }

  function csrfToken(el, fresh) {
    var fromCookie = !fresh && el.dataset.csrfCookie ? readCookie(el.dataset.csrfCookie) : '';
    if (fromCookie) { return Promise.resolve(fromCookie); }
    if (!tokenRequest || fresh) {
      tokenRequest = fetch(el.dataset.csrfUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : {}; })
        .then(function (data) { return typeof data.token === 'string' ? data.token : ''; })
        .catch(function () { tokenRequest = null; return ''; });
    }
    return tokenRequest;
  }

  function send(el, url, body, csrf) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRFToken': csrf, 'Accept': 'application/json'},
      body: JSON.stringify(body)
    });
  }

  function post(el, url, body) {
    return csrfToken(el, false).then(function (csrf) { return send(el, url, body, csrf); }).then(function (r) {
      // A rotated token (after logging in elsewhere): fetch a fresh one and try once more.
      if (r.status !== 403) { return r; }
      return csrfToken(el, true).then(function (csrf) { return send(el, url, body, csrf); });
    });
  }

  // Interface strings in the page's language (h5p/l10n.py), applied by the player.
  function l10n(el) {
    try { return el.dataset.l10n ? JSON.parse(el.dataset.l10n) : null; } catch (e) { return null; }
  }

  function attemptVerbs(el) { return (el.dataset.attemptVerbs || '').split(' '); }

  function next() {
    if (running || !queue.length) { return; }
    running = queue.shift();
    var embed = running;
    embed.timer = window.setTimeout(function () { finish(embed, label(embed.el, 'Timeout')); }, 30000);
    var saved = isPreview(embed.el) ? Promise.resolve({json: function () { return {state: null}; }, ok: true})
      : fetch(embed.el.dataset.stateUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
    saved
      .then(function (r) { return r.ok ? r.json() : {state: null}; })
      .catch(function () { return {state: null}; })
      .then(function (data) {
        embed.state = typeof data.state === 'string' ? data.state : null;
        log.push('load:' + embeds.indexOf(embed));
        embed.iframe.src = embed.el.dataset.playerUrl;
      });
  }

  function finish(embed, text) {
    window.clearTimeout(embed.timer);
    t(embed.el, text);
    embed.el.dataset.h5pState = text ? 'error' : 'started';
    log.push((text ? 'error:' : 'started:') + embeds.indexOf(embed));
    if (running === embed) { running = null; next(); }
  }

  function bind(el) {
    if (el.dataset.h5pBound) { return; }
    el.dataset.h5pBound = '1';
    var embed = {el: el, iframe: el.querySelector('iframe'), state: null, started: false};
    embeds.push(embed);
    var enqueue = function () { t(el, label(el, 'Loading')); queue.push(embed); next(); };
    if (!('IntersectionObserver' in window)) { enqueue(); return; }
    var io = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { io.disconnect(); enqueue(); }
    }, {rootMargin: '200px 0px'});
    io.observe(el);
  }

  function scan() { document.querySelectorAll('[data-h5p-embed]').forEach(bind); }

  window.addEventListener('message', function (event) {
    var embed = null;
    for (var i = 0; i < embeds.length; i++) {
      if (embeds[i].iframe.contentWindow === event.source) { embed = embeds[i]; }
    }
    var msg = event.data;
    if (!embed || !msg || typeof msg !== 'object' || typeof msg.type !== 'string') { return; }
    var el = embed.el;
    switch (msg.type) {
      case 'bounce-h5p:ready':
        embed.iframe.contentWindow.postMessage({type: 'bounce-h5p:start', state: embed.state, l10n: l10n(el)}, '*');
        break;
      case 'bounce-h5p:started':
        embed.started = true;
        finish(embed, isPreview(el) ? label(el, 'Preview') : '');
        break;
      case 'bounce-h5p:error':
        finish(embed, label(el, 'Failed'));
        break;
      case 'bounce-h5p:height':
        if (typeof msg.height === 'number' && isFinite(msg.height) && !document.fullscreenElement) {
          embed.iframe.style.height = Math.min(Math.max(Math.round(msg.height), 120), 6000) + 'px';
        }
        break;
      case 'bounce-h5p:xapi':
        if (isPreview(el)) { break; }
        post(el, el.dataset.xapiUrl, {statement: msg.statement, children: Array.isArray(msg.children) ? msg.children : []})
          .then(function (r) {
            if (r.status === 201) {
              el.dataset.h5pSaved = String(Number(el.dataset.h5pSaved || 0) + 1);
              var verb = msg.statement && msg.statement.verb && String(msg.statement.verb.id).split('/').pop();
              if (attemptVerbs(el).indexOf(verb) > -1) { t(el, label(el, 'Saved')); }
            }
          }).catch(function () { t(el, label(el, 'NotSaved')); });
        break;
      case 'bounce-h5p:state':
        if (!isPreview(el) && typeof msg.state === 'string' && new Blob([msg.state]).size <= Number(el.dataset.maxState) &&
            msg.state !== embed.lastState) {
          embed.lastState = msg.state;
          post(el, el.dataset.stateUrl, {state: msg.state}).catch(function () {});
        }
        break;
    }
  });

  window.addEventListener('resize', function () {
    embeds.forEach(function (e) { if (e.started) { e.iframe.contentWindow.postMessage({type: 'bounce-h5p:resize'}, '*'); } });
  });

  window.BounceH5P = {scan: scan, log: log};
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', scan); } else { scan(); }
})();
