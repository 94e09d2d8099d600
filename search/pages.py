"""Which pages the public search shows, how they are filtered and how results look.

The search works over Wagtail's `Page` and asks each page type for its label, date and
partner through conventions of `tregks.core.models.BasePage`: `get_search_kind()`,
`get_search_kind_label()`, `search_exclude`, `latest_date` and `get_owning_partner()`.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from tregks.cache.generation import cached_for_generation

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
    from partners.models import PartnerProfilePage

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
    from partners.models import PartnerProfilePage

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
    from partners.models import PartnerProfilePage

    condition = Q(
        pk__in=PartnerProfilePage.objects.filter(locale=locale, code=code).values("pk")
    )
    for model, name in owner_fields():
        owned = model.objects.filter(locale=locale, **{f"{name}__code": code})
        for path in owned.values_list("path", flat=True):
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


def result_items(pages, terms):
    """What the result list shows of one page of results, in a fixed number of queries.

    The specific pages come in one query per page type and the owning partners in two
    (docs/PERFORMANCE.md: no query per result).
    """
    pages = list(pages)
    specifics = Page.objects.filter(pk__in=[page.pk for page in pages]).specific()
    by_id = {page.pk: page for page in specifics}
    ordered = [by_id.get(page.pk) or page.specific for page in pages]
    partners = owning_partners(ordered)
    return [result_item(page, terms, partners.get(page.pk)) for page in ordered]


def owning_partners(pages):
    """{page id: partner profile} as BasePage.get_owning_partner() gives it, in bulk.

    Page types that override get_owning_partner() are asked one by one; for the rest
    the nearest ancestor with a `partner` foreign key (a partner section) is found for
    all pages at once.
    """
    from tregks.core.models import BasePage

    owners = {}
    default = [
        page
        for page in pages
        if getattr(type(page), "get_owning_partner", None)
        is BasePage.get_owning_partner
    ]
    for page in pages:
        if page not in default and hasattr(page, "get_owning_partner"):
            owners[page.pk] = page.get_owning_partner()
    ancestor_paths = {
        page.path[: depth * Page.steplen]
        for page in default
        for depth in range(2, page.depth)
    }
    sections = {}
    ancestors = Page.objects.filter(path__in=ancestor_paths).only(
        "path", "content_type"
    )
    by_model = {}
    for ancestor in ancestors:
        model = ancestor.specific_class
        field = _partner_field(model)
        if field is not None:
            by_model.setdefault(model, []).append(ancestor.pk)
    for model, ids in by_model.items():
        for section in model.objects.filter(pk__in=ids).select_related("partner"):
            sections[section.path] = section.partner
    for page in default:
        owners[page.pk] = next(
            (
                sections[page.path[: depth * Page.steplen]]
                for depth in range(page.depth - 1, 1, -1)
                if page.path[: depth * Page.steplen] in sections
            ),
            None,
        )
    return owners


def _partner_field(model):
    if model is None:
        return None
    try:
        field = model._meta.get_field("partner")
    except FieldDoesNotExist:
        return None
    return field if field.many_to_one else None


def result_item(page, terms, partner=None):
    """What the result list shows of one (specific) page."""
    model = type(page)
    date = getattr(page, "latest_date", None) or page.first_published_at
    text = page_text(page)
    return {
        "page": page,
        "url": page.url,
        "title": highlight(page.title, terms),
        "kind": model.get_search_kind_label()
        if hasattr(model, "get_search_kind_label")
        else model._meta.verbose_name,
        "date": date,
        "partner": partner,
        "excerpt": highlight(excerpt(text, terms), terms),
    }
