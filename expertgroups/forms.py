from contact.forms import MessageForm


class JoinGroupForm(MessageForm):
    """ "Mitmachen": name, organisation, e-mail and a message to the group's lead."""

    form_scope = "expert-group"
    field_order = ["name", "organisation", "email", "message"]
