from django import template

from ..forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("newsletter/includes/signup_box.html")
def newsletter_box(place):
    """The sign-up box; `place` ("footer", "home") keeps its field ids unique on a page
    that shows two boxes. No CSRF token: the page stays cacheable and cookie-free."""
    form = SubscribeForm(auto_id=f"newsletter-{place}-%s")
    return {"form": form, "place": place}
