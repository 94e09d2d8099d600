from django import template

from tregks.core.structured_data import graph_for, render

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org data as one JSON-LD script, or nothing."""
    graph = graph_for(context.get("page"), context.get("request"))
    return render(graph) if graph else ""
