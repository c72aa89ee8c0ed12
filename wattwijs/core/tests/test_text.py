"""Characters XML cannot hold are taken out of text."""

from wattwijs.core.text import strip_control_characters, strip_control_characters_in


def test_control_characters_and_non_characters_are_taken_out():
    value = "Om\x00vor\x08mer\x0b \x0caan\x1fsluiten\ufffe\uffff\ud800"
    assert strip_control_characters(value) == "Omvormer aansluiten"


def test_tab_line_feed_carriage_return_and_other_text_stay():
    value = "Stap 1\tmeten\r\nstap 2: één € ✓ 😀"
    assert strip_control_characters(value) == value


def test_the_strings_in_a_list_are_cleaned_and_other_values_kept():
    assert strip_control_characters_in(["zon\x01", "pv"]) == ["zon", "pv"]
    assert strip_control_characters_in(3) == 3
