/*
 * Runs inside the sandboxed player iframe (opaque origin: no cookies, no parent DOM).
 * Waits for the embedding page's "start" message (which carries the saved state), starts
 * h5p-standalone, and passes xAPI statements, resume state and its height back with
 * postMessage. Only the embedding page talks to the server. Which verbs end an attempt comes
 * from the page (config.rules, defined in h5p/xapi.py).
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('h5p-config').textContent);
  var attemptVerbs = (config.rules && config.rules.attemptVerbs) || [];
  var container = document.getElementById('h5p-container');
  var started = false;
  var fullscreen = false;

  function send(message) { window.parent.postMessage(message, '*'); }

  function flatten(children, out) {
    (children || []).forEach(function (child) {
      if (child && child.statement) { out.push(child.statement); }
      if (child && child.children) { flatten(child.children, out); }
    });
    return out;
  }

  function onXAPI(event) {
    var statement = event && event.data && event.data.statement;
    if (!statement || !statement.verb) { return; }
    var activities = (statement.context || {}).contextActivities || {};
    if (activities.parent && activities.parent.length) { return; } // sent with its parent
    var verb = String(statement.verb.id).split('/').pop();
    if (verb === 'interacted' || verb === 'progressed') { return; }
    var children = [];
    if (attemptVerbs.indexOf(verb) > -1 && statement.result) {
      var instance = (window.H5P.instances || [])[0];
      if (instance && typeof instance.getXAPIData === 'function') {
        try { children = flatten(instance.getXAPIData().children, []); } catch (e) { children = []; }
      }
    }
    send({type: 'bounce-h5p:xapi', statement: JSON.parse(JSON.stringify(statement)), children: JSON.parse(JSON.stringify(children))});
  }

  function reportHeight() {
    if (fullscreen) { return; }
    var content = container.querySelector('.h5p-content') || container;
    send({type: 'bounce-h5p:height', height: Math.ceil(content.getBoundingClientRect().height)});
  }

  // Interface strings (h5p/l10n.py): a library's translated defaults of its common fields, then
  // the page's whole-string rewrites. Only plain data from the embedding page; author content
  // (questions, answers) is only touched where a whole string equals a rewrite's source.
  function isObject(value) { return !!value && typeof value === 'object' && !Array.isArray(value); }

  function patch(params, tree) {
    Object.keys(tree).forEach(function (key) {
      var value = tree[key];
      var current = params[key];
      if (typeof value === 'string') {
        if (current === undefined || typeof current === 'string') { params[key] = value; }
      } else if (isObject(value) && Array.isArray(current) && isObject(value['[]'])) {
        current.forEach(function (item) { if (isObject(item)) { patch(item, value['[]']); } });
      } else if (isObject(value) && isObject(current)) {
        patch(current, value);
      }
    });
  }

  function localize(params, library, l10n, depth) {
    if (depth > 20) { return params; }
    var libraries = isObject(l10n.libraries) ? l10n.libraries : {};
    if (library && isObject(params) && isObject(libraries[library])) { patch(params, libraries[library]); }
    var rewrites = isObject(l10n.rewrites) ? l10n.rewrites : {};
    function walk(value) {
      if (typeof value === 'string') {
        return Object.prototype.hasOwnProperty.call(rewrites, value.trim()) ? String(rewrites[value.trim()]) : value;
      }
      if (Array.isArray(value)) { return value.map(walk); }
      if (!isObject(value)) { return value; }
      if (typeof value.library === 'string' && isObject(value.params)) { // sub-content of another library
        value.params = localize(value.params, value.library, l10n, depth + 1);
        return value;
      }
      Object.keys(value).forEach(function (key) { value[key] = walk(value[key]); });
      return value;
    }
    return walk(params);
  }

  function applyL10n(integration, l10n) {
    if (!isObject(l10n) || !integration || !isObject(integration.contents)) { return; }
    Object.keys(integration.contents).forEach(function (id) {
      var content = integration.contents[id];
      try {
        var params = JSON.parse(content.jsonContent);
        content.jsonContent = JSON.stringify(localize(params, typeof l10n.main === 'string' ? l10n.main : content.library, l10n, 0));
      } catch (e) { /* keep the package's own strings */ }
    });
  }

  // Package images load with CORS (package files answer Access-Control-Allow-Origin: *), so
  // content that draws them on a canvas can read it back ("tainted canvas" otherwise).
  // h5p-standalone builds H5PIntegration itself, without this option: add it as it is set.
  function withCrossOrigin(l10n) {
    var integration;
    Object.defineProperty(window, 'H5PIntegration', {
      configurable: true,
      get: function () { return integration; },
      set: function (value) {
        integration = value;
        applyL10n(value, l10n);
        if (value && config.crossorigin) {
          value.crossorigin = config.crossorigin;
          value.crossoriginRegex = '.*';
        }
      }
    });
  }

  function start(state, l10n) {
    withCrossOrigin(l10n);
    var options = Object.assign({}, config);
    delete options.rules;
    delete options.crossorigin;
    if (typeof state === 'string' && state) { options.contentUserData = [{state: state}]; }
    new window.H5PStandalone.H5P(container, options).then(function () {
      var H5P = window.H5P;
      H5P.externalDispatcher.on('xAPI', onXAPI);
      H5P.setUserData = function (contentId, dataId, data) {
        if (dataId !== 'state' || data === undefined || data === null) { return; }
        send({type: 'bounce-h5p:state', state: typeof data === 'string' ? data : JSON.stringify(data)});
      };
      H5P.preventInit = false;
      H5P.init(container);
      document.addEventListener('fullscreenchange', function () {
        fullscreen = !!document.fullscreenElement;
        if (!fullscreen) { reportHeight(); }
      });
      if (window.ResizeObserver) { new ResizeObserver(reportHeight).observe(container); }
      reportHeight();
      send({type: 'bounce-h5p:started'});
    }).catch(function (error) {
      send({type: 'bounce-h5p:error', message: String(error && error.message || error).slice(0, 200)});
    });
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent) { return; }
    var message = event.data;
    if (!message || typeof message !== 'object') { return; }
    if (message.type === 'bounce-h5p:start' && !started) {
      started = true;
      start(message.state, message.l10n);
    } else if (message.type === 'bounce-h5p:resize' && window.H5P && window.H5P.instances) {
      window.H5P.instances.forEach(function (instance) { window.H5P.trigger(instance, 'resize'); });
    }
  });
  send({type: 'bounce-h5p:ready'});
})();
