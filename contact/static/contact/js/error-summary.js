// Moves the keyboard focus to the error summary after a failed submit, so that
// keyboard and screen-reader users start at the list of what to correct. The form
// works without it (the summary is also announced as an alert).
(function () {
    var summary = document.getElementById("error-summary");
    if (summary) {
        summary.focus();
    }
})();
