"""Pages are split into calendar blocks, title, paragraphs and boilerplate; HTML is reduced to text."""

from nlp.text.segment import segment_page


def test_page_with_calendar_widget_title_body_and_boilerplate(fixture_text):
    page = segment_page(fixture_text("nl-skating-page.txt"))
    assert page.title == "Bakker pakt zilver op de 1500 meter"
    assert page.paragraphs[0].startswith("Lotte Bakker heeft zilver gewonnen")
    assert len(page.calendar_blocks) >= 1
    assert "Giro della Valle Fittizia" in "\n".join(page.calendar_blocks)
    assert page.boilerplate == ["Lees ook"]
    assert not any("›" in p for p in page.paragraphs)


def test_plain_article_without_title():
    page = segment_page("Sven Test won vandaag de 500 meter. Het was een mooie race.\n\nHij was blij.")
    assert page.title is None
    assert len(page.paragraphs) == 2


def test_html_main_text_without_scripts_or_markup():
    html = """<html><head><title>Site</title><script>var tracking = "Sven Kramer";</script>
    <style>p { color: red }</style></head><body><nav>Home | News</nav>
    <article><h1>Holm wint de 3000 meter</h1>
    <p>Mira Holm heeft de 3000 meter gewonnen in 4.01,22. Zij was ruim sneller dan de concurrentie.</p>
    <p>Tweede werd Lotte Bakker op 1,4 seconde.</p></article>
    <script>alert("hostile")</script></body></html>"""
    page = segment_page(html)
    text = "\n".join(page.paragraphs)
    assert "Mira Holm heeft de 3000 meter gewonnen" in text
    assert "alert" not in text and "tracking" not in text and "<" not in text and "color" not in text


def test_hostile_html_is_shown_as_text_not_markup(engine):
    result = engine.extract(
        "<p>Lotte Bakker won de 500 meter in 38,12 seconden vandaag in Heerenveen.</p>"
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; Ze was blij met haar race.</p><p>x</p>"
    )
    assert all("<script" not in q.text for q in result.quotes)
    assert result.results and result.results[0].time == 38.12


def test_photo_credits_are_not_article_text():
    page = segment_page(
        "Quinn wint\n\nOscar Quinn won in Gent ©Photo Agency Test\n\n"
        "Quinn juicht. Photograph: Ann Test/Agency\n\nHet was een mooie dag."
    )
    text = "\n".join(page.paragraphs)
    assert "Agency" not in text and "Ann Test" not in text
    assert "Oscar Quinn won in Gent" in text


def test_bylines_credits_and_share_rows_inside_the_text_are_dropped():
    page = segment_page(
        "Keller wint in Geilo\n\nDoor Pieter de Vries\n\nFelix Keller heeft de rit gewonnen.\n"
        "Agencias | EITB MEDIA\nHij was de snelste in de sprint.\n\nFacebook Twitter WhatsApp E-mail\n\n"
        "Foto: ANP\n"
    )
    assert page.title == "Keller wint in Geilo"
    assert page.paragraphs == ["Felix Keller heeft de rit gewonnen.", "Hij was de snelste in de sprint."]
    assert "Door Pieter de Vries" in page.boilerplate and "Agencias | EITB MEDIA" in page.boilerplate


def test_sentences_that_open_like_a_byline_stay():
    page = segment_page("Di Giacomo vince la volata\n\nBy winning the final stage he took the jersey.\n")
    assert page.paragraphs == ["By winning the final stage he took the jersey."]
