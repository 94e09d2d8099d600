"""Which pages the public search shows, how they are filtered and how results look.

The search works over Wagtail's `Page` and asks each page type for its label, date and
partner through conventions of `tregks.core.models.BasePage`: `get_search_kind()`,
`get_search_kind_label()`, `search_exclude`, `latest_date` and `get_owning_partner()`.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from .text import excerpt, highlight, page_text, search_words

POPULAR_TERMS = 5
# Popular terms are only suggested when they find something in the reader's language.
POPULAR_CANDIDATES = 15


def excluded_content_type_ids():
    models = [
        model for model in get_page_models() if getattr(model, "search_exclude", False)
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
    """[(kind, label, content type ids)] of the kinds of page found in this locale."""
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
        ((key, label, ids) for key, (label, ids) in kinds.items()),
        key=lambda kind: str(kind[1]).lower(),
    )


def partner_choices(locale):
    """[(code, name)] of the partners that own content in this locale."""
    from partners.models import PartnerProfilePage

    partners = (
        PartnerProfilePage.objects.live()
        .filter(locale=locale, sections__isnull=False)
        .order_by("title")
        .values_list("code", "title")
        .distinct()
    )
    return list(partners)


def filter_by_kind(pages, kinds, kind):
    for key, _label, content_type_ids in kinds:
        if key == kind:
            return pages.filter(content_type_id__in=content_type_ids)
    return pages.none()


def filter_by_partner(pages, locale, code):
    """Pages in the partner's sections, and the partner's profile itself."""
    from partners.models import PartnerProfilePage, PartnerSectionPage

    condition = Q(
        pk__in=PartnerProfilePage.objects.filter(locale=locale, code=code).values("pk")
    )
    sections = PartnerSectionPage.objects.filter(locale=locale, partner__code=code)
    for path in sections.values_list("path", flat=True):
        condition |= Q(path__startswith=path)
    return pages.filter(condition)


def promotions_for(query, locale):
    """The editors' promoted results for this query, in the reader's language.

    A promoted page in the other language is replaced by its translation; promotions
    whose page is not live and public here are left out.
    """
    promoted = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if promoted is None:
        return []
    visible = searchable_pages(locale)
    items = []
    for promotion in promoted.editors_picks.select_related("page"):
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
        page = promotion.page.get_translation_or_none(locale)
        if page is None or not visible.filter(pk=page.pk).exists():
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


def popular_terms(locale, exclude=""):
    """The most searched terms that find something in this locale (no-results page)."""
    since = timezone.now().date() - timedelta(days=30)
    terms = []
    excluded = normalise_query_string(exclude)
    pages = searchable_pages(locale)
    for query in Query.get_most_popular(date_since=since)[:POPULAR_CANDIDATES]:
        if query.query_string == excluded:
            continue
        words = search_words(query.query_string)
        if words and pages.search(words, operator="and").count():
            terms.append(query.query_string)
        if len(terms) == POPULAR_TERMS:
            break
    return terms


def result_item(page, terms):
    """What the result list shows of one page."""
    specific = page.specific
    model = type(specific)
    owning_partner = getattr(specific, "get_owning_partner", None)
    date = getattr(specific, "latest_date", None) or page.first_published_at
    text = page_text(specific)
    return {
        "page": specific,
        "url": specific.url,
        "title": highlight(specific.title, terms),
        "kind": model.get_search_kind_label()
        if hasattr(model, "get_search_kind_label")
        else model._meta.verbose_name,
        "date": date,
        "partner": owning_partner() if owning_partner else None,
        "excerpt": highlight(excerpt(text, terms), terms),
    }
