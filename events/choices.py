"""Fixed lists of the events app: formats, status and accessibility of the venue."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    WORKSHOP = "werkstatt", _("Workshop (Werkstatt)")
    PEER_GROUP = "peergroup", _("Peer group")
    CONFERENCE = "konferenz", _("Conference")
    ONLINE = "online", _("Online event")
    NETWORK_MEETING = "netzwerktreffen", _("Network meeting")
    HACKATHON = "hackathon", _("Hackathon")
    CELEBRATION = "feier", _("Celebration")
    TRAINING = "schulung", _("Training")
    OTHER = "sonstiges", _("Other")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    FULLY_BOOKED = "fully_booked", _("Fully booked")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class Accessibility(models.TextChoices):
    STEP_FREE = "step_free", _("Step-free access")
    TOILET = "accessible_toilet", _("Accessible toilet")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    SIGN_LANGUAGE = "sign_language", _("Sign language interpretation on request")
    LIFT = "lift", _("Lift to every floor used")
    PARKING = "accessible_parking", _("Accessible parking spaces")
    PUBLIC_TRANSPORT = "public_transport", _("Step-free public transport nearby")
    QUIET_ROOM = "quiet_room", _("Quiet room")
    LIVE_CAPTIONS = "live_captions", _("Live captions (online)")
