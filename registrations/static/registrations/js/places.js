// The number of places left, current even when the page came from the page cache.
(function () {
    "use strict";
    var box = document.querySelector("[data-registration-places]");
    if (!box || !window.fetch) {
        return;
    }
    fetch(box.getAttribute("data-registration-places"), {
        headers: { Accept: "application/json" },
        credentials: "omit",
    })
        .then(function (response) {
            return response.ok ? response.json() : null;
        })
        .then(function (data) {
            if (data && data.text && data.text !== box.textContent) {
                box.textContent = data.text;
            }
        })
        .catch(function () {
            // Keep the number the page was rendered with.
        });
})();
