"""Text of the four demo video stories, German first, written for this project.

Plain data without Django imports: `stories/demo.py` builds the pages from it, and
`stories/demo_media/make_media.py` speaks the transcripts of the self-hosted demo videos
(espeak-ng) and writes their WebVTT captions, so that video, captions and transcript say
the same. The statements are illustrative demo content, not quotes: speakers are named
by role only.
"""

# The YouTube ids below are placeholders, recognisably not real videos ("BEISPIEL" is
# German for "example"). No request is made with them unless a visitor presses
# "Video laden", and then YouTube simply reports that the video does not exist.
EXAMPLE_YOUTUBE_IDS = ("BEISPIEL-01", "BEISPIEL-02")

# Each story: company code (partners.demo), slug (de, en), title (de, en), date,
# topics, video source, summary (de, en), transcript [(role de, role en, de, en)].
STORIES = [
    {
        "company": "herkules-resotec",
        "slug": (
            "herkules-resotec-elektronik-fuer-die-e-mobilitaet",
            "herkules-resotec-electronics-for-e-mobility",
        ),
        "title": (
            "Herkules Resotec: Elektronik für den Antrieb von morgen",
            "Herkules Resotec: electronics for tomorrow's drive systems",
        ),
        "date": (2024, 3, 14),
        "duration": ("3:40 Min.", "3:40 min"),
        "topics": ["digitalisierung", "mobilitaet-der-zukunft"],
        "video": {"url": f"https://www.youtube.com/watch?v={EXAMPLE_YOUTUBE_IDS[0]}"},
        "summary": (
            "Ein Elektronikbetrieb aus der Region erzählt, wie er sich vom klassischen "
            "Zulieferer zum Partner für elektrische Antriebe entwickelt und was das für die "
            "Beschäftigten in der Fertigung bedeutet.",
            "An electronics firm from the region tells how it is growing from a classic "
            "supplier into a partner for electric drive systems, and what this means for "
            "the people on its production floor.",
        ),
        "transcript": [
            (
                "Moderation",
                "Host",
                "Wenn man hier durch die Halle geht, sieht man Leiterplatten statt Getriebe. "
                "War das schon immer so?",
                "Walking through this hall, you see circuit boards rather than gearboxes. Has "
                "it always been like that?",
            ),
            (
                "Geschäftsführung",
                "Managing director",
                "Elektronik haben wir immer gemacht. Neu ist, wofür. Früher ging es um "
                "Steuerungen für Verbrennungsmotoren, heute fragen uns Kunden nach Bauteilen "
                "für Ladegeräte und Batteriesysteme.",
                "We have always made electronics. What is new is what for. It used to be "
                "controls for combustion engines; today customers ask us for parts for "
                "chargers and battery systems.",
            ),
            (
                "Moderation",
                "Host",
                "Was hat sich für die Beschäftigten verändert?",
                "What has changed for the employees?",
            ),
            (
                "Leitung Fertigung",
                "Head of production",
                "Die Prüfanforderungen sind gestiegen. Schulungen in Hochvolt-Sicherheit "
                "gehören jetzt dazu, und wer möchte, kann sich zur Prüftechnik "
                "weiterbilden.",
                "The testing requirements have gone up. Training in high-voltage safety is "
                "now part of the job, and anyone who wants to can retrain in test "
                "engineering.",
            ),
            (
                "Moderation",
                "Host",
                "Welche Rolle spielt das Netzwerk dabei?",
                "What part does the network play in this?",
            ),
            (
                "Geschäftsführung",
                "Managing director",
                "In der Fachgruppe Digitalisierung haben wir Betriebe getroffen, die vor "
                "denselben Fragen stehen. Eine gemeinsame Schulung ist für einen kleinen "
                "Betrieb viel leichter zu stemmen als eine eigene.",
                "In the digitalisation expert group we met companies facing the same "
                "questions. A joint training course is much easier for a small firm to "
                "manage than one of its own.",
            ),
        ],
    },
    {
        "company": "hanomag",
        "slug": ("hanomag-leichtbau-aus-aluminium", "hanomag-lightweight-aluminium"),
        "title": (
            "HANOMAG Aluminium Solutions: Leichtbau, der Energie spart",
            "HANOMAG Aluminium Solutions: lightweight construction that saves energy",
        ),
        "date": (2024, 6, 20),
        "duration": ("0:33 Min.", "0:33 min"),
        "topics": ["dekarbonisierung", "qualifizierung"],
        "video": {
            "file": "hanomag-leichtbau.webm",
            "seconds": 32.5,
            "captions": "hanomag-leichtbau.de.vtt",
        },
        "summary": (
            "Leichte Bauteile aus Aluminium senken den Verbrauch von Fahrzeugen. Im Video "
            "erklären Produktion und Ausbildung, warum Recycling und neue Berufsbilder dazu "
            "gehören.",
            "Light aluminium parts cut the energy vehicles use. In the video, production "
            "and training explain why recycling and new job profiles are part of it.",
        ),
        "transcript": [
            (
                "Moderation",
                "Host",
                "Warum ist Aluminium für die Mobilität der Zukunft so wichtig?",
                "Why does aluminium matter so much for the mobility of the future?",
            ),
            (
                "Leitung Produktion",
                "Head of production",
                "Jedes Kilo weniger spart Energie, beim Elektroauto genauso wie beim Bus. "
                "Leichtbau ist deshalb keine Mode, sondern eine Rechenaufgabe.",
                "Every kilo less saves energy, in an electric car just as in a bus. "
                "Lightweight construction is not a fashion but a sum.",
            ),
            (
                "Moderation",
                "Host",
                "Und wie passt das zum Klimaschutz im eigenen Werk?",
                "And how does that fit with climate protection in your own plant?",
            ),
            (
                "Leitung Produktion",
                "Head of production",
                "Wir setzen mehr recyceltes Aluminium ein. Das braucht nur einen Bruchteil "
                "der Energie, verlangt aber sehr genaue Kontrolle der Legierung.",
                "We use more recycled aluminium. It needs only a fraction of the energy but "
                "calls for very careful control of the alloy.",
            ),
            (
                "Ausbildung",
                "Apprentice trainer",
                "Genau das lernen unsere Auszubildenden jetzt von Anfang an. Sie wollen in "
                "der Region bleiben, und wir wollen sie halten.",
                "That is exactly what our apprentices now learn from day one. They want to "
                "stay in the region, and we want to keep them.",
            ),
        ],
    },
    {
        "company": "smart-railway",
        "slug": (
            "smart-railway-technology-die-schiene-denkt-mit",
            "smart-railway-technology-rail-that-thinks",
        ),
        "title": (
            "SMART Railway Technology: Die Schiene denkt mit",
            "SMART Railway Technology: rail that thinks ahead",
        ),
        "date": (2024, 10, 31),
        "duration": ("4:05 Min.", "4:05 min"),
        "topics": ["mobilitaet-der-zukunft", "digitalisierung"],
        "video": {"url": f"https://youtu.be/{EXAMPLE_YOUTUBE_IDS[1]}"},
        "summary": (
            "Sensoren und Software machen Schienenfahrzeuge zuverlässiger. Das Unternehmen "
            "zeigt, wie die Bahntechnik der Region gemeinsam sichtbarer werden will.",
            "Sensors and software make rail vehicles more reliable. The company shows how "
            "the region's rail industry wants to become more visible together.",
        ),
        "transcript": [
            (
                "Moderation",
                "Host",
                "Was heißt „smart“ bei einem Zug?",
                "What does “smart” mean for a train?",
            ),
            (
                "Entwicklung",
                "Engineering",
                "Dass der Zug meldet, bevor etwas kaputtgeht. Unsere Sensoren messen "
                "Schwingungen und Temperaturen, und die Werkstatt plant danach, statt auf "
                "einen Ausfall zu warten.",
                "That the train reports before something breaks. Our sensors measure "
                "vibrations and temperatures, and the workshop plans accordingly instead of "
                "waiting for a breakdown.",
            ),
            (
                "Moderation",
                "Host",
                "Die Region kennt man für Autos. Wie sichtbar ist die Bahntechnik?",
                "The region is known for cars. How visible is its rail industry?",
            ),
            (
                "Geschäftsführung",
                "Managing director",
                "Zu wenig. Deshalb haben wir im Netzwerk mit anderen Bahnfirmen überlegt, "
                "wie wir gemeinsam auftreten: auf Messen, an Schulen und bei Bewerberinnen "
                "und Bewerbern.",
                "Too little. That is why, in the network, we sat down with other rail firms "
                "to work out how to appear together: at trade fairs, in schools and in front "
                "of applicants.",
            ),
            (
                "Moderation",
                "Host",
                "Was nehmen Sie aus diesen Treffen mit?",
                "What do you take away from these meetings?",
            ),
            (
                "Geschäftsführung",
                "Managing director",
                "Vertrauen. Wer sich kennt, teilt auch einmal einen Prüfstand oder eine "
                "Fachkraft für ein Projekt.",
                "Trust. People who know each other will share a test rig or a specialist "
                "for a project now and then.",
            ),
        ],
    },
    {
        "company": "bode",
        "slug": ("bode-die-tuer-zum-wandel", "bode-the-door-to-change"),
        "title": (
            "BODE – Die Tür: Türsysteme für Bus und Bahn",
            "BODE – Die Tür: door systems for buses and trains",
        ),
        "date": (2025, 2, 12),
        "duration": ("0:29 Min.", "0:29 min"),
        "topics": ["arbeitsbeziehungen", "qualifizierung"],
        "video": {
            "file": "bode-tuersysteme.webm",
            "seconds": 29.0,
            "captions": "bode-tuersysteme.de.vtt",
        },
        "summary": (
            "Türen für Busse und Züge sind Sicherheitstechnik. Geschäftsführung und "
            "Betriebsrat erzählen, wie sie den Wandel gemeinsam planen und Beschäftigte "
            "mitnehmen.",
            "Doors for buses and trains are safety equipment. Management and the works "
            "council tell how they plan the change together and bring employees along.",
        ),
        "transcript": [
            (
                "Moderation",
                "Host",
                "Eine Tür ist doch eine Tür. Was ändert sich da?",
                "A door is a door, surely. What is changing?",
            ),
            (
                "Geschäftsführung",
                "Managing director",
                "Antriebe werden elektrisch, Fahrzeuge vernetzt, und jede Tür meldet ihren "
                "Zustand. Aus Mechanik wird Mechatronik.",
                "Drives become electric, vehicles connected, and every door reports its "
                "condition. Mechanics is turning into mechatronics.",
            ),
            (
                "Betriebsrat",
                "Works council",
                "Für uns war wichtig, dass niemand zurückbleibt. Wir haben früh über "
                "Weiterbildung gesprochen, nicht erst, wenn die neue Linie steht.",
                "For us it mattered that nobody is left behind. We talked about further "
                "training early, not only once the new line was in place.",
            ),
            (
                "Moderation",
                "Host",
                "Wie haben Sie das organisiert?",
                "How did you organise that?",
            ),
            (
                "Betriebsrat",
                "Works council",
                "Mit Lerntandems: Erfahrene Kolleginnen und Kollegen lernen Software, "
                "Jüngere lernen von ihnen das Handwerk.",
                "With learning tandems: experienced colleagues learn software, younger ones "
                "learn the craft from them.",
            ),
        ],
    },
]
