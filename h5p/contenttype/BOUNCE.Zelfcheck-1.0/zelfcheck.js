/*
 * BOUNCE.Zelfcheck 1.0 - the project's own H5P content type.
 *
 * Shows a few multiple-choice questions. A question with a "correct" option is a self-check
 * (scored right/wrong); one without is a reflection question (every honest answer counts).
 * On submit it sends one xAPI "answered" statement per question (with the activity as parent)
 * and one parentless "completed" statement with the total score; getXAPIData() returns the
 * same as a tree (Moodle's way of collecting sub-question results). getCurrentState() lets
 * H5P save the chosen answers so that a learner can resume. Interface texts (submitLabel,
 * resultText, missingText, doneText) are common fields with translations in language/*.json.
 */
var H5P = H5P || {};

H5P.Zelfcheck = (function () {
  'use strict';

  function Zelfcheck(params, contentId, extras) {
    H5P.EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
    this.questions = (this.params.questions || []).filter(function (q) {
      return q && q.id && q.text && q.options && q.options.length;
    });
    var previous = (extras && extras.previousState) || {};
    this.answers = previous.answers || {};
    this.submitted = false;
    this.statements = null;
    this.startedAt = Date.now();
  }
  Zelfcheck.prototype = Object.create(H5P.EventDispatcher.prototype);
  Zelfcheck.prototype.constructor = Zelfcheck;

  function text(tag, value, className) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) { el.className = className; }
    return el;
  }

  Zelfcheck.prototype.attach = function ($container) {
    var self = this;
    var root = $container.get(0);
    root.classList.add('bounce-zc');
    root.innerHTML = '';
    if (this.params.intro) { root.appendChild(text('p', this.params.intro, 'bounce-zc__intro')); }
    var form = document.createElement('form');
    form.noValidate = true;
    this.questions.forEach(function (q, qi) {
      var fs = document.createElement('fieldset');
      fs.appendChild(text('legend', q.text));
      q.options.forEach(function (option, oi) {
        var label = document.createElement('label');
        var input = document.createElement('input');
        input.type = 'radio';
        input.name = 'bounce-zc-' + self.contentId + '-' + qi;
        input.value = String(oi);
        input.checked = self.answers[q.id] === oi;
        input.addEventListener('change', function () {
          self.answers[q.id] = oi;
          self.triggerXAPI('interacted');
        });
        label.appendChild(input);
        label.appendChild(text('span', option));
        fs.appendChild(label);
      });
      form.appendChild(fs);
    });
    var button = text('button', this.params.submitLabel || 'Klaar', 'bounce-zc__submit');
    button.type = 'submit';
    form.appendChild(button);
    var result = text('p', '', 'bounce-zc__result');
    result.setAttribute('role', 'status');
    form.appendChild(result);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var missing = self.questions.filter(function (q) { return self.answers[q.id] === undefined; });
      if (missing.length) {
        result.textContent = self.params.missingText || 'Kies bij elke vraag een antwoord.';
        self.trigger('resize');
        return;
      }
      self.submit();
      result.textContent = self.showsScore()
        ? (self.params.resultText || 'Je score: :score van :max.').replace(':score', self.score()).replace(':max', self.getMaxScore())
        : (self.params.doneText || 'Dank je wel voor je antwoorden.');
      self.trigger('resize');
    });
    root.appendChild(form);
    this.trigger('resize');
  };

  // A reflection (behaviour.showScore off) says thank you instead of "2 van 2": there are no
  // wrong answers, so a score would contradict its own introduction.
  Zelfcheck.prototype.showsScore = function () {
    var behaviour = this.params.behaviour;
    if (behaviour === false) { return false; } // a one-field group stored bare
    return !(behaviour && behaviour.showScore === false);
  };

  Zelfcheck.prototype.isRight = function (q) {
    var given = this.answers[q.id];
    if (given === undefined) { return false; }
    return (q.correct === undefined || q.correct === null) ? true : given === q.correct;
  };
  Zelfcheck.prototype.score = function () {
    var self = this;
    return this.questions.filter(function (q) { return self.isRight(q); }).length;
  };
  Zelfcheck.prototype.getScore = function () { return this.score(); };
  Zelfcheck.prototype.getMaxScore = function () { return this.questions.length; };
  Zelfcheck.prototype.getCurrentState = function () { return {answers: this.answers}; };
  Zelfcheck.prototype.getAnswerGiven = function () { return Object.keys(this.answers).length > 0; };

  Zelfcheck.prototype.questionStatement = function (q, parent) {
    var event = this.createXAPIEventTemplate('answered');
    var st = event.data.statement;
    st.object.id = parent.object.id + '?subContentId=' + encodeURIComponent(q.id);
    st.object.definition = {
      description: {'nl': q.text, 'en-US': q.text},
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      choices: q.options.map(function (o, i) { return {id: String(i), description: {'nl': o}}; })
    };
    if (q.correct !== undefined && q.correct !== null) {
      st.object.definition.correctResponsesPattern = [String(q.correct)];
    }
    st.context = st.context || {};
    st.context.contextActivities = st.context.contextActivities || {};
    st.context.contextActivities.parent = [{id: parent.object.id, objectType: 'Activity'}];
    var right = this.isRight(q);
    st.result = {
      score: {min: 0, max: 1, raw: right ? 1 : 0, scaled: right ? 1 : 0},
      completion: true,
      response: String(this.answers[q.id])
    };
    if (q.correct !== undefined && q.correct !== null) { st.result.success = right; }
    return event;
  };

  Zelfcheck.prototype.submit = function () {
    var self = this;
    var main = this.createXAPIEventTemplate('completed');
    var max = this.getMaxScore();
    var raw = this.score();
    main.setScoredResult(raw, max, this, true, raw === max);
    main.data.statement.result.duration = 'PT' + Math.max(1, Math.round((Date.now() - this.startedAt) / 1000)) + 'S';
    var children = this.questions.map(function (q) { return self.questionStatement(q, main.data.statement); });
    this.statements = {statement: main.data.statement, children: children.map(function (c) {
      return {statement: c.data.statement};
    })};
    this.submitted = true;
    children.forEach(function (c) { self.trigger(c); });
    this.trigger(main);
  };

  Zelfcheck.prototype.getXAPIData = function () {
    if (this.statements) { return this.statements; }
    var main = this.createXAPIEventTemplate('answered');
    main.setScoredResult(this.score(), this.getMaxScore(), this, true, false);
    return {statement: main.data.statement, children: []};
  };

  return Zelfcheck;
})();

// H5P core finds a content type's constructor by walking its machine name from window.
var BOUNCE = window.BOUNCE = window.BOUNCE || {};
BOUNCE.Zelfcheck = H5P.Zelfcheck;
