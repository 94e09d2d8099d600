/*
 * Submit the page form only after a running autosave has finished (issue 12).
 *
 * Wagtail 8 autosaves the page form (w-autosave controller, WAGTAIL_AUTOSAVE_INTERVAL,
 * default 500 ms after the last change). On the "new page" form the first autosave
 * creates the page; only when its answer arrives does the form's action switch to the
 * new page's edit view. A click on "Submit for approval" (or any action) while that
 * autosave is waiting or under way posted the form to the "new page" view a second
 * time: the slug was taken by the autosaved draft, Wagtail answered "The page could not
 * be created due to validation errors", and the draft kept only what was typed before
 * the autosave.
 *
 * Here a submit that meets a pending autosave is held back until the autosave has
 * answered (success or error) and the form has been switched to the edit view; then
 * the same action is submitted with everything typed. When the submit goes, autosave
 * is switched off, so no autosave can start while the form is on its way.
 */
(function () {
  'use strict';

  var FORM_SELECTOR = 'form[data-edit-form]';
  var GIVE_UP_MS = 20000;
  var DONE_EVENTS = ['w-autosave:success', 'w-autosave:error', 'w-autosave:deactivated'];

  function watch(form) {
    if (form.dataset.editorialAutosaveWatch) return;
    form.dataset.editorialAutosaveWatch = 'on';
    var pending = false;
    var held = null;

    form.addEventListener('w-autosave:save', function (event) {
      if (!event.defaultPrevented) pending = true;
    });
    DONE_EVENTS.forEach(function (name) {
      form.addEventListener(name, function () {
        pending = false;
        // After the promise chain of the autosave: it may start a follow-up autosave.
        if (held) window.setTimeout(release, 0);
      });
    });

    function stopAutosave() {
      if (form.hasAttribute('data-w-autosave-interval-value')) {
        form.setAttribute('data-w-autosave-active-value', 'false');
      }
    }

    function release() {
      if (!held || pending) return;
      var submitter = held;
      held = null;
      // The clicked button may be disabled by its progress indicator by now: carry
      // its name and value in a hidden field, so the chosen action is kept.
      if (submitter && submitter.name) {
        var carrier = document.createElement('input');
        carrier.type = 'hidden';
        carrier.name = submitter.name;
        carrier.value = submitter.value;
        carrier.setAttribute('data-editorial-submitter', '');
        form.appendChild(carrier);
      }
      form.dataset.editorialResubmit = 'on';
      form.requestSubmit();
    }

    // Capture on the document: runs before the form's own submit handlers.
    document.addEventListener(
      'submit',
      function (event) {
        if (event.target !== form) return;
        if (form.dataset.editorialResubmit === 'on' || !pending) {
          stopAutosave();
          return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        held = event.submitter || { name: '', value: '' };
        // Should the autosave never answer, the submit still goes after a while.
        window.setTimeout(function () {
          pending = false;
          release();
        }, GIVE_UP_MS);
      },
      true,
    );
  }

  function start() {
    document.querySelectorAll(FORM_SELECTOR).forEach(watch);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
