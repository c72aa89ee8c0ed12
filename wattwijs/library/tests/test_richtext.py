from wattwijs.library.templatetags.library import richtext


def test_plain_text_becomes_paragraphs():
    assert richtext("Regel 1\n\nRegel 2") == "<p>Regel 1</p>\n\n<p>Regel 2</p>"


def test_scripts_and_event_handlers_are_removed_from_html():
    html = richtext('<p onclick="steel()">Tekst</p><script>alert(1)</script><a href="javascript:x">link</a>')
    assert ("script" not in html, "onclick" not in html, "javascript" not in html) == (True, True, True)


def test_simple_formatting_survives():
    assert richtext("<p>Eerst <strong>meten</strong></p>") == "<p>Eerst <strong>meten</strong></p>"


def test_text_without_markup_is_escaped():
    assert "&lt;script&gt;" in richtext("1 < 2 en <script>")
