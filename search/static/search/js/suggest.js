/*
 * Search suggestions: turns every search box with data-suggest-url into an ARIA 1.2
 * combobox with a listbox of matching page titles (WAI-ARIA APG "list autocomplete").
 *
 * Progressive enhancement: without this script (or without fetch) the form simply
 * submits. Keys: Down/Up move through the suggestions, Enter opens the chosen page (or
 * submits the search when none is chosen), Escape closes the list. A polite live region
 * announces how many suggestions there are. No request for fewer than two characters;
 * requests wait until typing pauses.
 */
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var DELAY_MS = 250;

    function setup(input, index) {
        var url = input.getAttribute("data-suggest-url");
        if (!url || !window.fetch || !input.id) {
            return;
        }
        var listId = input.id + "-suggestions";
        var label = document.querySelector('label[for="' + input.id + '"]');
        if (label && !label.id) {
            label.id = input.id + "-label";
        }

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggest";
        list.setAttribute("role", "listbox");
        if (label) {
            list.setAttribute("aria-labelledby", label.id);
        }
        list.hidden = true;

        var status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        status.id = input.id + "-suggest-status-" + index;

        input.insertAdjacentElement("afterend", list);
        list.insertAdjacentElement("afterend", status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        var timer = null;
        var controller = null;
        var items = [];
        var active = -1;

        function isOpen() {
            return !list.hidden;
        }

        function open() {
            if (items.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            setActive(-1);
        }

        function setActive(position) {
            var options = list.querySelectorAll('[role="option"]');
            active = position;
            for (var i = 0; i < options.length; i++) {
                options[i].setAttribute("aria-selected", i === position ? "true" : "false");
            }
            if (position >= 0 && options[position]) {
                input.setAttribute("aria-activedescendant", options[position].id);
                options[position].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function go(position) {
            if (items[position]) {
                window.location.assign(items[position].url);
            }
        }

        function render(data, query) {
            if (!data || input.value.trim() !== query) {
                return; // an answer to an older query
            }
            items = Array.isArray(data.results) ? data.results : [];
            list.textContent = "";
            items.forEach(function (item, position) {
                var option = document.createElement("li");
                option.id = listId + "-" + position;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                // Text only: titles are never parsed as HTML.
                option.textContent = item.title;
                if (item.kind) {
                    var kind = document.createElement("span");
                    kind.className = "search-suggest__kind";
                    kind.textContent = " – " + item.kind;
                    option.appendChild(kind);
                }
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault(); // keep the focus in the input
                });
                option.addEventListener("click", function () {
                    go(position);
                });
                list.appendChild(option);
            });
            active = -1;
            status.textContent = data.status || "";
            if (items.length) {
                open();
            } else {
                close();
            }
        }

        function request() {
            var query = input.value.trim();
            if (controller) {
                controller.abort();
            }
            if (query.length < MIN_LENGTH) {
                items = [];
                list.textContent = "";
                status.textContent = "";
                close();
                return;
            }
            controller = window.AbortController ? new AbortController() : null;
            var separator = url.indexOf("?") === -1 ? "?" : "&";
            window
                .fetch(url + separator + "q=" + encodeURIComponent(query), {
                    headers: { Accept: "application/json" },
                    credentials: "same-origin",
                    signal: controller ? controller.signal : undefined,
                })
                .then(function (response) {
                    return response.ok ? response.json() : null;
                })
                .then(function (data) {
                    render(data, query);
                })
                .catch(function () {
                    /* Aborted or offline: the form still works. */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(request, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" || event.key === "Down") {
                if (!items.length) {
                    return;
                }
                event.preventDefault();
                open();
                setActive(active + 1 >= items.length ? 0 : active + 1);
            } else if (event.key === "ArrowUp" || event.key === "Up") {
                if (!items.length) {
                    return;
                }
                event.preventDefault();
                open();
                setActive(active <= 0 ? items.length - 1 : active - 1);
            } else if (event.key === "Enter") {
                if (isOpen() && active >= 0) {
                    event.preventDefault();
                    go(active);
                }
            } else if (event.key === "Escape" || event.key === "Esc") {
                if (isOpen()) {
                    event.preventDefault();
                    close();
                }
            }
        });

        input.addEventListener("blur", function () {
            close();
        });
    }

    function init() {
        var inputs = document.querySelectorAll("input[data-suggest-url]");
        for (var i = 0; i < inputs.length; i++) {
            setup(inputs[i], i);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
