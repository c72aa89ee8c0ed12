"""Text that can be written anywhere the platform writes it, XML included.

XML 1.0 does not allow most control characters (everything below U+0020 except tab, line feed and carriage
return), the non-characters U+FFFE and U+FFFF, or unpaired surrogates; one of them in a title makes an
OAI-PMH answer or a Common Cartridge export impossible to write. They carry no meaning in a title or a
description (they come from copying text out of other programs), so they are taken out.
"""

from __future__ import annotations

import re
from typing import Any

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_control_characters(value: str) -> str:
    """``value`` without the characters XML 1.0 does not allow."""
    return _NOT_IN_XML.sub("", value)


def strip_control_characters_in(value: Any) -> Any:
    """A form or API value with those characters taken out of it: a string, or the strings in a list or tuple;
    any other value as it is."""
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return type(value)(strip_control_characters_in(item) for item in value)
    return value
