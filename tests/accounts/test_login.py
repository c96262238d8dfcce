"""Log-in by e-mail address in any case, the Dutch lock-out after five wrong passwords, and the
password reset link (the accounts app)."""

from django.urls import reverse


def test_login_with_e_mail_address_in_any_case(client, teacher):
    response = client.post(
        reverse("accounts:login"),
        {"username": "Leerkracht@School-A.example", "password": "correct-horse-battery"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(teacher.pk)


def test_wrong_password_gives_a_dutch_message_and_locks_out_after_five_failures(client, teacher):
    url = reverse("accounts:login")
    for _ in range(4):
        response = client.post(url, {"username": teacher.email, "password": "fout"}, REMOTE_ADDR="10.0.0.2")
        assert response.status_code == 200
        assert "horen niet bij elkaar" in response.content.decode()
    response = client.post(url, {"username": teacher.email, "password": "fout"}, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 429
    # Even the right password is refused during the lock-out.
    response = client.post(url, {"username": teacher.email, "password": "correct-horse-battery"}, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_dutch_link_that_sets_a_new_password(client, teacher, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": teacher.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert "Nieuw wachtwoord" in message.subject
    link = next(line for line in message.body.splitlines() if "/wachtwoord-instellen/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "een-nieuw-sterk-wachtwoord", "new_password2": "een-nieuw-sterk-wachtwoord"})
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.check_password("een-nieuw-sterk-wachtwoord")
