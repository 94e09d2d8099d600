"""Taking part, the admin side in a real browser: AGV's editor finds the message sent to
AGV and marks it answered; WFG's message stays closed to AGV. The messages are made in
the served copy of the demo site, and the test checks that site's database.
"""

import json

from .journeys import log_in, make_accounts, shell

CREATE = """
import json
from contact.models import ContactMessage
made = {{}}
for code, subject in {messages!r}.items():
    made[code] = ContactMessage.objects.create(
        recipient_code=code, recipient_name=code.upper(), name="Journey",
        email="journey@example.org", subject=subject, message="Bitte um Rückruf.",
        language="de",
    ).pk
print(json.dumps(made))
"""


def test_agv_editor_reads_the_message_to_agv_and_marks_it_answered(
    browser, live_site, site_database
):
    made = json.loads(
        shell(
            site_database,
            CREATE.format(
                messages={"agv": "Rückruf für AGV 4b7", "wfg": "Nur für WFG 8c1"}
            ),
        )
    )
    make_accounts(site_database, {"agv-journey-editor": "Redaktion AGV"})
    context, page = log_in(browser, live_site, "agv-journey-editor")
    try:
        page.goto("/admin/")
        page.get_by_role("link", name="Kontaktnachrichten").first.click()
        page.wait_for_load_state()
        assert "Rückruf für AGV 4b7" in page.content()
        assert "Nur für WFG 8c1" not in page.content()
        page.get_by_role("link", name="Rückruf für AGV 4b7").click()
        page.wait_for_load_state()
        page.select_option("#id_status", "answered")
        with page.expect_navigation():
            page.get_by_role("button", name="Status speichern").click()
        assert "Beantwortet" in page.locator(".messages").inner_text()
        rows = json.loads(
            shell(
                site_database,
                "import json; from contact.models import ContactMessage as M; "
                f"print(json.dumps(M.objects.get(pk={made['agv']}).status))",
            )
        )
        assert rows == "answered"
        # WFG's message stays closed to AGV, whatever the address says.
        response = page.goto(f"/admin/contact-messages/{made['wfg']}/")
        assert response.status == 404
        assert "Nur für WFG 8c1" not in page.content()
    finally:
        context.close()
