"""Factories for expert group pages and topics (tests). Pass `parent=`."""

from wagtail.models import Locale

import factory
import wagtail_factories

from tregks.core.models import Topic

from .models import ExpertGroupIndexPage, ExpertGroupPage


class TopicFactory(factory.django.DjangoModelFactory):
    """A German topic; `english()` adds its translation (same slug)."""

    name = factory.Sequence(lambda n: f"Testgruppe {n}")
    slug = factory.Sequence(lambda n: f"testgruppe-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic


def english_topic(topic):
    return Topic.objects.create(
        name=f"{topic.name} (EN)",
        slug=topic.slug,
        locale=Locale.objects.get(language_code="en"),
        translation_key=topic.translation_key,
    )


class ExpertGroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Fachgruppen"
    slug = factory.Sequence(lambda n: f"fachgruppen-test-{n}")

    class Meta:
        model = ExpertGroupIndexPage


class ExpertGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Fachgruppe {n}")
    slug = factory.Sequence(lambda n: f"fachgruppe-{n}")
    topic = factory.SubFactory(TopicFactory)
    lead = "Worum es in der Gruppe geht."
    aim = "<p>Das Ziel der Gruppe.</p>"

    class Meta:
        model = ExpertGroupPage
