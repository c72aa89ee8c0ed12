from django.utils import translation

from wattwijs.library.templatetags.library import facet_links, richtext


def test_plain_text_becomes_paragraphs():
    assert richtext("Regel 1\n\nRegel 2") == "<p>Regel 1</p>\n\n<p>Regel 2</p>"


def test_scripts_and_event_handlers_are_removed_from_html():
    html = richtext('<p onclick="steel()">Tekst</p><script>alert(1)</script><a href="javascript:x">link</a>')
    assert ("script" not in html, "onclick" not in html, "javascript" not in html) == (True, True, True)


def test_simple_formatting_survives():
    assert richtext("<p>Eerst <strong>meten</strong></p>") == "<p>Eerst <strong>meten</strong></p>"


def test_text_without_markup_is_escaped():
    assert "&lt;script&gt;" in richtext("1 < 2 en <script>")


def test_facet_links_escape_labels_and_urls():
    with translation.override("nl"):
        html = facet_links([{"url": "?q=a&level=b", "label": "<b>Zon</b>", "count": 1200, "selected": False}])
    assert html == ('<li><a href="?q=a&amp;level=b">&lt;b&gt;Zon&lt;/b&gt; <span class="count">(1.200)</span></a></li>')


def test_a_chosen_facet_value_says_it_removes_the_filter():
    html = facet_links([{"url": "?", "label": "Zon-PV", "count": 3, "selected": True}])
    assert 'aria-current="true"' in html and '<span class="visually-hidden">' in html
