"""Ad-hoc surveys: a Wagtail form page under the home page stores submissions (and Wagtail's
submissions listing exports them)."""

import pytest
from wagtail.contrib.forms.models import FormSubmission

from feedback.models import SurveyFormField, SurveyPage


@pytest.mark.django_db
def test_survey_page_stores_a_submission(client, tree):
    survey = SurveyPage(title="Ouderavond", slug="ouderavond", intro="<p>Twee vragen.</p>", thank_you_text="<p>Bedankt.</p>")
    tree["home"].add_child(instance=survey)
    survey.save_revision().publish()
    SurveyFormField.objects.create(page=survey, label="Was de avond nuttig?", field_type="radio", choices="Ja\nNee", required=True)
    assert client.get(survey.url).status_code == 200
    response = client.post(survey.url, {"was_de_avond_nuttig": "Ja"})
    assert response.status_code == 200 and "Bedankt." in response.content.decode()
    assert FormSubmission.objects.get(page=survey).get_data()["was_de_avond_nuttig"] == "Ja"
