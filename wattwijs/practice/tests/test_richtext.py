from wattwijs.practice import richtext


def test_it_drops_a_script_with_its_content():
    assert richtext.sanitise("<p>Les</p><script>alert(1)</script>") == "<p>Les</p>"


def test_it_drops_style_attributes_and_unknown_tags():
    assert richtext.sanitise('<div style="color:red"><p>Tekst</p></div>') == "<p>Tekst</p>"


def test_it_keeps_safe_links_and_marks_them_nofollow():
    cleaned = richtext.sanitise('<a href="https://example.org">bron</a>')
    assert 'href="https://example.org"' in cleaned
    assert 'rel="noopener nofollow"' in cleaned


def test_it_escapes_a_lone_angle_bracket():
    assert richtext.sanitise("3 < 5") == "3 &lt; 5"


def test_it_renders_blank_lines_as_paragraphs_and_newlines_as_breaks():
    assert richtext.render("Een\ntwee\n\nDrie") == "<p>Een<br>twee</p><p>Drie</p>"


def test_it_renders_markup_as_it_is():
    assert richtext.render("<ul><li>Punt</li></ul>") == "<ul><li>Punt</li></ul>"


def test_it_renders_nothing_for_empty_text():
    assert richtext.render("") == ""
