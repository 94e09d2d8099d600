"""Which pages the public search shows, how they are filtered and counted.

How one page of results is found and shown is in `search.results`. The search works
over Wagtail's `Page` and asks each page type for its label, date and partner through
conventions of `tregks.core.models.BasePage`: `get_search_kind()`,
`get_search_kind_label()`, `search_exclude`, `latest_date` and `get_owning_partner()`.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.contrib.search_promotions.models import (
    Query,
    QueryDailyHits,
    SearchPromotion,
)
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.utils import normalise_query_string

from partners.models import PartnerProfilePage
from tregks.cache.generation import cached_for_generation

from .text import search_words

POPULAR_TERMS = 5
# Popular terms are only suggested when they find something in the reader's language.
POPULAR_CANDIDATES = 15
POPULAR_TERMS_TIMEOUT = 300  # seconds; the list follows new searches this late


def excluded_content_type_ids():
    """Page types with `search_exclude = True`, and those that are not indexable
    (`tregks.core.seo`): a partner section only shows its index filtered by the
    partner, and its title repeats the partner's name, so a search for the partner
    would list it next to the partner's profile."""
    models = [
        model
        for model in get_page_models()
        if getattr(model, "search_exclude", False)
        or not getattr(model, "indexable", True)
    ]
    if not models:
        return []
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def searchable_pages(locale):
    """Live, public, unexpired pages with their own text in this locale.

    Excluded: drafts and unpublished pages (`live`), pages behind a view restriction
    (`public`), pages past their expiry date that the scheduler has not unpublished
    yet, untranslated aliases (their text is in the other language), the tree root and
    page types with `search_exclude`.
    """
    # Search backends filter only on Page's FilterFields (`id`, not `alias_of` or
    # `expire_at`), hence the subquery over ids.
    hidden = Page.objects.filter(
        Q(alias_of__isnull=False) | Q(expire_at__lte=timezone.now())
    ).values("pk")
    return (
        Page.objects.live()
        .public()
        .filter(locale=locale, depth__gt=1)
        .exclude(pk__in=hidden)
        .exclude(content_type_id__in=excluded_content_type_ids())
    )


def kind_choices(locale):
    """[(kind, label, content type ids)] of the kinds of page found in this locale.

    Kept per cache generation: it changes only when pages are published or removed.
    """
    return cached_for_generation(
        f"search-kinds:{locale.pk}:{get_language()}", lambda: _kind_choices(locale)
    )


def _kind_choices(locale):
    ids = (
        searchable_pages(locale)
        .order_by()
        .values_list("content_type_id", flat=True)
        .distinct()
    )
    kinds = {}
    for content_type_id in ids:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not hasattr(model, "get_search_kind"):
            continue
        key = model.get_search_kind()
        label, known = kinds.get(key, (model.get_search_kind_label(), []))
        kinds[key] = (label, [*known, content_type_id])
    return sorted(
        ((key, str(label), ids) for key, (label, ids) in kinds.items()),
        key=lambda kind: kind[1].lower(),
    )


def partner_choices(locale):
    """[(code, name)] of the partners that own content in this locale (per generation)."""
    return cached_for_generation(
        f"search-partners:{locale.pk}", lambda: _partner_choices(locale)
    )


def _partner_choices(locale):
    codes = set()
    for model, name in owner_fields():
        codes.update(
            model.objects.live()
            .filter(locale=locale)
            .values_list(f"{name}__code", flat=True)
        )
    partners = (
        PartnerProfilePage.objects.live()
        .filter(locale=locale, code__in=codes)
        .order_by("title")
        .values_list("code", "title")
    )
    return list(partners)


def filter_by_kind(pages, kinds, kind):
    for key, _label, content_type_ids in kinds:
        if key == kind:
            return pages.filter(content_type_id__in=content_type_ids)
    return pages.none()


# Foreign keys to a partner profile that make a page and its subpages the partner's:
# PartnerSectionPage.partner, PodcastShowPage.owner_partner. Other links to partners
# (the company a story is about, guests, co-issuers) do not.
OWNER_FIELD_NAMES = ("partner", "owner_partner")


def owner_fields():
    """[(page model, field name)] of the ownership foreign keys of every page type."""
    found = []
    for model in get_page_models():
        for name in OWNER_FIELD_NAMES:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if (
                field.many_to_one
                and field.model is model  # declared here, not inherited
                and issubclass(field.related_model, PartnerProfilePage)
            ):
                found.append((model, name))
    return found


def filter_by_partner(pages, locale, code):
    """The partner's profile and every page in or below a page the partner owns."""
    condition = Q(
        pk__in=PartnerProfilePage.objects.filter(locale=locale, code=code).values("pk")
    )
    for path, owner in owned_paths(locale).items():
        if owner == code:
            condition |= Q(path__startswith=path)
    return pages.filter(condition)


def owned_paths(locale):
    """{tree path: partner code} of the pages in this locale a partner owns.

    The pages with an ownership foreign key (OWNER_FIELD_NAMES); everything below such a
    page belongs to the same partner. Kept per cache generation.
    """
    return cached_for_generation(
        f"search-owned-paths:{locale.pk}", lambda: _owned_paths(locale)
    )


def _owned_paths(locale):
    paths = {}
    for model, name in owner_fields():
        owned = model.objects.filter(locale=locale, **{f"{name}__isnull": False})
        paths.update(owned.values_list("path", f"{name}__code"))
    return paths


def partner_names(locale):
    """{partner code: profile title}, in this locale where the profile is translated.

    Kept per cache generation.
    """
    return cached_for_generation(
        f"search-partner-names:{locale.pk}", lambda: _partner_names(locale)
    )


def _partner_names(locale):
    names = {}
    profiles = PartnerProfilePage.objects.values_list("code", "title", "locale_id")
    for code, title, locale_id in profiles.order_by("pk"):
        if locale_id == locale.pk or code not in names:
            names[code] = title
    return names


def active_locale():
    """The locale of the active language, kept per cache generation (no query)."""
    return cached_for_generation(f"search-locale:{get_language()}", Locale.get_active)


def promotions_for(query, locale):
    """The editors' promoted results for this query, in the reader's language.

    A promoted page in the other language is replaced by its translation; promotions
    whose page is not live and public here are left out. Two queries at most: the
    promotions, then the visible translations of all promoted pages at once.
    """
    promotions = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query)
        )
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    keys = [item.page.translation_key for item in promotions if item.page]
    visible = {}
    if keys:
        translations = searchable_pages(locale).filter(translation_key__in=keys)
        visible = {page.translation_key: page for page in translations}
    items = []
    for promotion in promotions:
        if promotion.page is None:
            if promotion.external_link_url:
                items.append(
                    {
                        "page": None,
                        "title": promotion.external_link_text
                        or promotion.external_link_url,
                        "url": promotion.external_link_url,
                        "description": promotion.description,
                    }
                )
            continue
        page = visible.get(promotion.page.translation_key)
        if page is None:
            continue
        items.append(
            {
                "page": page,
                "title": page.title,
                "url": page.url,
                "description": promotion.description,
            }
        )
    return items


def log_search(query):
    """Count a search for the editors in Wagtail's Query and QueryDailyHits.

    Through the models' public API: `Query.get` (get_or_create) and an UPDATE of
    today's row, two queries for a term already searched today; the first search of a
    term on a day goes through `Query.add_hit`. Safe when two workers count the same
    term at once (get_or_create retries on the unique constraint; the count is
    incremented in the database). Counted in the database, never in one process's
    memory.
    """
    query_string = normalise_query_string(query)
    if not query_string:
        return
    today = timezone.now().date()
    logged = Query.get(query_string)
    counted = QueryDailyHits.objects.filter(query=logged, date=today).update(
        hits=F("hits") + 1
    )
    if not counted:
        logged.add_hit(date=today)


def popular_terms(locale, exclude=""):
    """The most searched terms that find something in this locale (no-results page).

    Kept for a few minutes per locale and generation: finding out which terms find
    something takes a query per term.
    """
    terms = cached_for_generation(
        f"search-popular:{locale.pk}",
        lambda: _popular_terms(locale),
        timeout=POPULAR_TERMS_TIMEOUT,
    )
    excluded = normalise_query_string(exclude)
    return [term for term in terms if term != excluded][:POPULAR_TERMS]


def _popular_terms(locale):
    since = timezone.now().date() - timedelta(days=30)
    terms = []
    pages = searchable_pages(locale)
    for query in Query.get_most_popular(date_since=since)[:POPULAR_CANDIDATES]:
        words = search_words(query.query_string)
        if words and pages.search(words, operator="and").count():
            terms.append(query.query_string)
        if len(terms) == POPULAR_TERMS + 1:  # one spare for the current query
            break
    return terms
