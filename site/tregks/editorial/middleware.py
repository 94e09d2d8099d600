"""Django's LocaleMiddleware, minus its redirect of unknown admin addresses.

On a 404 LocaleMiddleware tries the address with the language prefix; the public
site's catch-all page route matches any path, so /admin/does-not-exist/ went to
/de/admin/does-not-exist/ and showed the public site's 404. The admin has its own 404
page (Wagtail's catch-all admin route); an admin 404 stays where it is.
"""

from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language


class AdminAwareLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(
            reverse("wagtailadmin_home")
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
