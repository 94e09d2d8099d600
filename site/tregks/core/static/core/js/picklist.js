/*
 * A filter for long lists of checkboxes in the page editor (core/picklist_widget.py).
 *
 * Typing in the filter field hides the entries whose name does not contain what was
 * typed (case, accents and "ae/oe/ue" aside: "forder" finds "Förderung"); the status
 * line, a live region, says how many entries match and how many are ticked. The
 * checkboxes themselves are untouched, so the form posts exactly what is ticked.
 * Enter in the filter does not submit the page form; Escape clears the filter; the
 * down arrow moves to the first entry shown.
 *
 * Registered on Wagtail's own Stimulus application (window.wagtail.app).
 */
(function () {
  'use strict';

  var ANNOUNCE_AFTER_MS = 350;

  function searchable(text) {
    return text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/([aou])e/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  function define(Controller) {
    return class PicklistController extends Controller {
      static targets = ['tools', 'filter', 'status', 'list'];

      static values = { all: String, matches: String, none: String };

      connect() {
        // Each entry is a child <div> of the list (see core/widgets/picklist.html).
        this.options = Array.from(this.listTarget.children);
        this.names = this.options.map(function (option) {
          return searchable(option.textContent);
        });
        this.toolsTarget.hidden = false;
        this.showStatus();
      }

      disconnect() {
        window.clearTimeout(this.announcing);
      }

      filter() {
        var query = searchable(this.filterTarget.value);
        var names = this.names;
        this.options.forEach(function (option, index) {
          option.hidden = query !== '' && names[index].indexOf(query) === -1;
        });
        // Wait for a pause in typing: one announcement, not one per letter.
        window.clearTimeout(this.announcing);
        this.announcing = window.setTimeout(this.showStatus.bind(this), ANNOUNCE_AFTER_MS);
      }

      count() {
        this.showStatus();
      }

      key(event) {
        if (event.key === 'Enter') {
          event.preventDefault();
        } else if (event.key === 'Escape' && this.filterTarget.value !== '') {
          event.preventDefault();
          event.stopPropagation();
          this.filterTarget.value = '';
          this.filter();
        } else if (event.key === 'ArrowDown') {
          var first = this.options.find(function (option) {
            return !option.hidden;
          });
          if (first) {
            event.preventDefault();
            first.querySelector('input').focus();
          }
        }
      }

      showStatus() {
        var shown = this.options.filter(function (option) {
          return !option.hidden;
        }).length;
        var values = {
          shown: shown,
          total: this.options.length,
          ticked: this.listTarget.querySelectorAll('input:checked').length,
          query: this.filterTarget.value.trim(),
        };
        var template = this.allValue;
        if (values.query !== '') template = shown ? this.matchesValue : this.noneValue;
        this.statusTarget.textContent = fill(template, values);
      }
    };
  }

  function register() {
    if (!window.wagtail || !window.wagtail.app || !window.StimulusModule) return;
    window.wagtail.app.register('tregks-picklist', define(window.StimulusModule.Controller));
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', register);
  } else {
    register();
  }
})();
