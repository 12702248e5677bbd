"""MkDocs hook: the comments that steer the tests stay in the Markdown, out of the published HTML.

A page carries instructions for the tests as HTML comments: `<!--pytest-codeblocks:expected-output-->`
before checked output, `<!--pytest.mark.cpu_only(reason=...)-->`, `<!-- gate: equivalent-tabs ... -->`.
They are about how the site is tested, not about the frameworks, so a reader viewing the page's source
should not find them. The tests read the Markdown, never the HTML, for them (tests/gate/).
"""

import re

MARKER = re.compile(r"<!--\s*(?:pytest[-.]|gate:)[^>]*?-->\n?")


def on_page_content(html, page, config, files):
    return MARKER.sub("", html)
