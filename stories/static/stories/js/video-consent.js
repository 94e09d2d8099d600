/*
 * Two-click video embeds (privacy by design).
 *
 * The story page shows a self-hosted poster, one sentence on what loading the video
 * sends to whom, a "Load video" button and a plain link to the video's own page. No
 * request goes to YouTube or Vimeo until the visitor presses the button. Only then
 * this script inserts the player: YouTube from youtube-nocookie.com, Vimeo with dnt=1.
 *
 * "Remember my choice" is opt-in and lives in localStorage (never a cookie), one entry
 * per host, so that later story pages load that host's player directly. A button next
 * to the player deletes the entry again. Any element with data-video-consent-revoke
 * elsewhere on the site (e.g. on the privacy page) deletes every remembered choice.
 */
(function () {
    "use strict";

    var STORAGE_PREFIX = "tregks.videoConsent.";
    var GRANTED = "granted";

    // The player is built from the id alone; the id must match the host's format.
    var PROVIDERS = {
        youtube: {
            idPattern: /^[A-Za-z0-9_-]{11}$/,
            embedUrl: function (id, autoplay) {
                return "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(id) +
                    "?rel=0" + (autoplay ? "&autoplay=1" : "");
            }
        },
        vimeo: {
            idPattern: /^[0-9]{1,12}$/,
            embedUrl: function (id, autoplay) {
                return "https://player.vimeo.com/video/" + encodeURIComponent(id) +
                    "?dnt=1" + (autoplay ? "&autoplay=1" : "");
            }
        }
    };

    function storage() {
        // Private modes and strict settings may forbid localStorage: then nothing is kept.
        try {
            return window.localStorage;
        } catch (error) {
            return null;
        }
    }

    function isRemembered(provider) {
        var store = storage();
        try {
            return !!store && store.getItem(STORAGE_PREFIX + provider) === GRANTED;
        } catch (error) {
            return false;
        }
    }

    function remember(provider) {
        var store = storage();
        try {
            if (store) {
                store.setItem(STORAGE_PREFIX + provider, GRANTED);
            }
        } catch (error) {
            /* Storage full or blocked: the choice applies to this page only. */
        }
    }

    function forget(provider) {
        var store = storage();
        try {
            if (store) {
                store.removeItem(STORAGE_PREFIX + provider);
            }
        } catch (error) {
            /* Nothing stored, nothing to delete. */
        }
    }

    function announce(box, key) {
        var status = box.querySelector("[data-video-status]");
        if (status) {
            status.textContent = status.getAttribute("data-message-" + key) || "";
        }
    }

    function setUp(box) {
        var provider = PROVIDERS[box.getAttribute("data-provider")];
        var providerName = box.getAttribute("data-provider");
        var videoId = box.getAttribute("data-video-id") || "";
        if (!provider || !provider.idPattern.test(videoId)) {
            return; // Unknown host or malformed id: keep the plain link only.
        }
        var stage = box.querySelector("[data-video-stage]");
        var panel = box.querySelector("[data-video-panel]");
        var actions = box.querySelector("[data-video-actions]");
        var loadButton = box.querySelector("[data-video-load]");
        var rememberBox = box.querySelector("[data-video-remember]");
        var revokeWrap = box.querySelector("[data-video-revoke-wrap]");
        var revokeButton = box.querySelector("[data-video-revoke]");
        var posterNodes = Array.prototype.slice.call(stage.childNodes);

        function showRevoke() {
            revokeWrap.hidden = !isRemembered(providerName);
        }

        function loadPlayer(options) {
            var frame = document.createElement("iframe");
            frame.src = provider.embedUrl(videoId, options.autoplay);
            frame.title = box.getAttribute("data-player-title") || "Video";
            frame.className = "video-consent__frame";
            frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
            frame.setAttribute("allowfullscreen", "");
            frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
            stage.replaceChildren(frame);
            box.classList.add("is-loaded");
            panel.hidden = true;
            showRevoke();
            if (options.focus) {
                // The button has gone: keep keyboard users where the video now is.
                frame.focus();
            }
            announce(box, "loaded");
        }

        function restorePlaceholder() {
            stage.replaceChildren.apply(stage, posterNodes);
            box.classList.remove("is-loaded");
            panel.hidden = false;
            rememberBox.checked = false;
            revokeWrap.hidden = true;
            loadButton.focus();
            announce(box, "revoked");
        }

        actions.hidden = false; // Only with JavaScript does the button do anything.

        loadButton.addEventListener("click", function () {
            if (rememberBox.checked) {
                remember(providerName);
            }
            loadPlayer({autoplay: true, focus: true});
        });

        revokeButton.addEventListener("click", function () {
            forget(providerName);
            restorePlaceholder();
        });

        if (isRemembered(providerName)) {
            // An earlier, explicit choice: load the player, but do not play or move focus.
            loadPlayer({autoplay: false, focus: false});
        }
    }

    function setUpRevokeAll(button) {
        button.addEventListener("click", function () {
            Object.keys(PROVIDERS).forEach(forget);
            var status = document.querySelector("[data-video-consent-revoke-status]");
            if (status) {
                status.textContent = status.getAttribute("data-message") || "";
            }
        });
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-video-consent]"), setUp);
        Array.prototype.forEach.call(
            document.querySelectorAll("[data-video-consent-revoke]"),
            setUpRevokeAll
        );
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
}());
