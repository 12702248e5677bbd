"""MkDocs hook: facts that code cannot show expire.

A fact about the world (a project's maintenance status, a release, a licence, a deprecation notice) carries
its primary source as a link whose text ends in `, checked YYYY-MM`, the month someone last read that
source:

    TorchServe is in limited maintenance ([TorchServe README, checked 2026-11](https://github.com/pytorch/serve#readme)).

This hook finds every such link and logs a WARNING, which fails `mkdocs build --strict`, naming the page,
the line and the URL to re-check, when the month is more than 12 months before the build date, or when the
stamp is malformed (not `YYYY-MM`, a month that does not exist, a month after the build date).

Past 6 months (SHOW_AGE_MONTHS), the page itself tells its reader, in a warning under its title.

The build date is today (UTC), or `SOURCES_TODAY=YYYY-MM-DD` from the environment (the tests use it).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re

MAX_AGE_MONTHS = 12
# Facts move faster than that: past this age the page tells its reader, at the top, before the build
# refuses it at MAX_AGE_MONTHS.
SHOW_AGE_MONTHS = 6
TODAY_VARIABLE = "SOURCES_TODAY"

log = logging.getLogger("mkdocs.hooks.sources")

# A link, `[text](url "title")` or `[text][ref]`; its text may wrap lines.
LINK = re.compile(
    r"\[(?P<text>[^\[\]]*)\]"
    r"(?:\((?P<url><[^>]*>|[^)\s]+)(?:\s+[\"'(][^)]*)?\)|\[(?P<ref>[^\]]*)\])"
)
# A link meant as a checked source: its text says "checked" and names a year.
MENTIONS_CHECK = re.compile(r"\bchecked\b.*\d{4}", re.I | re.S)
STAMP = re.compile(r",\s*checked (?P<year>\d{4})-(?P<month>\d{2})$")
REFERENCE = re.compile(r"^ {0,3}\[(?P<ref>[^\]]+)\]:\s*(?P<url>\S+)", re.M)
FENCE = re.compile(r"^ *(`{3,}|~{3,})")


def build_date() -> dt.date:
    value = os.environ.get(TODAY_VARIABLE)
    if value:
        return dt.date.fromisoformat(value)
    return dt.datetime.now(dt.UTC).date()


def without_code(text: str) -> str:
    """The text with fenced code blocks and inline code blanked (line numbers kept): a link shown as
    code is an example of the syntax, not a fact."""
    out, fence = [], None
    for line in text.split("\n"):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            out.append("")
            continue
        if opening:
            fence = opening.group(1)
            out.append("")
            continue
        out.append(re.sub(r"(`+)(.+?)\1", lambda m: " " * len(m.group(0)), line))
    return "\n".join(out)


def problems(text: str, today: dt.date) -> list[tuple[int, str, str]]:
    """(line, URL, what is wrong) for each checked-source link of a page that is out of date or malformed."""
    text = without_code(text)
    references = {m["ref"].strip().lower(): m["url"] for m in REFERENCE.finditer(text)}
    found = []
    for match in LINK.finditer(text):
        if not MENTIONS_CHECK.search(match["text"]):
            continue
        line = text.count("\n", 0, match.start("text") + match["text"].lower().rfind("checked")) + 1
        if match["url"] is not None:
            url = match["url"].strip("<>")
        else:
            ref = (match["ref"] or match["text"]).strip().lower()
            url = references.get(ref, f"[{match['ref']}] (no such reference)")
        stamp = STAMP.search(" ".join(match["text"].split()))
        month = None
        if stamp:
            try:
                month = dt.date(int(stamp["year"]), int(stamp["month"]), 1)
            except ValueError:
                month = None
        if month is None:
            shown = " ".join(match["text"].split())
            found.append(
                (
                    line,
                    url,
                    f"malformed source stamp [{shown}]: end the link text with ', checked YYYY-MM'",
                )
            )
            continue
        age = (today.year * 12 + today.month) - (month.year * 12 + month.month)
        if age < 0:
            found.append(
                (line, url, f"'checked {month:%Y-%m}' is after the build date ({today:%Y-%m})")
            )
        elif age > MAX_AGE_MONTHS:
            found.append(
                (
                    line,
                    url,
                    f"fact checked {month:%Y-%m}, {age} months before the build date "
                    f"({today:%Y-%m}; the limit is {MAX_AGE_MONTHS}): re-read the source, fix the "
                    "claim if it changed, and update the month",
                )
            )
    return found


def checked_months(text: str) -> list[dt.date]:
    """The month of every well-formed checked-source stamp of a page."""
    months = []
    for match in LINK.finditer(without_code(text)):
        stamp = STAMP.search(" ".join(match["text"].split()))
        if stamp and MENTIONS_CHECK.search(match["text"]):
            try:
                months.append(dt.date(int(stamp["year"]), int(stamp["month"]), 1))
            except ValueError:
                continue
    return months


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year * 12 + later.month) - (earlier.year * 12 + earlier.month)


def ageing_notice(text: str, today: dt.date) -> str:
    """A warning for the top of a page whose facts were checked more than SHOW_AGE_MONTHS ago, or ""."""
    old = sorted(m for m in checked_months(text) if months_between(m, today) > SHOW_AGE_MONTHS)
    if not old:
        return ""
    count = f"{len(old)} fact{'s' if len(old) > 1 else ''} on this page"
    return (
        f'!!! warning "Facts to re-check"\n\n'
        f"    {count} about releases and projects {'were' if len(old) > 1 else 'was'} last "
        f"checked more than {SHOW_AGE_MONTHS} months ago (the oldest in {old[0]:%B %Y}). Each "
        "links to its source: read it before relying on the fact.\n"
    )


def with_notice(markdown: str, notice: str) -> str:
    """The notice after the page's title (its first `# ` line), or first when it has none."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", notice, *lines[index + 1 :]])
    return notice + "\n" + markdown


def on_page_markdown(markdown, page, config, files):
    source = page.file.content_string  # the file as written: line numbers are the author's
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    where = (
        os.path.relpath(page.file.abs_src_path, root)
        if page.file.abs_src_path
        else page.file.src_uri
    )
    for line, url, message in problems(source, build_date()):
        log.warning("%s:%d: %s; source to re-check: %s", where, line, message, url)
    notice = ageing_notice(source, build_date())
    return with_notice(markdown, notice) if notice else markdown
