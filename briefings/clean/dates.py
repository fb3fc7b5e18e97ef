"""Dates and times as pages print them, for stamps, datelines and an article's date.

"PUBLISHED: 19:35 EST, 20 June 2013", "Dec. 30, 2014 7:20 AM ET", "December 28, 2014:" and
"Tuesday, 25 November 2014" all say when; the clean stage cuts them and keeps the date.
"""

from __future__ import annotations

import datetime as dt
import re

from ..lexicon import MONTHS, TIME_ZONES, WEEKDAYS

_MONTH = r"(?:%s)\.?" % "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_WEEKDAY = r"(?:%s)\.?" % "|".join(sorted((d.capitalize() for d in WEEKDAYS), key=len, reverse=True))
_ZONE = r"(?:%s)" % "|".join(TIME_ZONES)

# "20 June 2013", "June 20, 2013", "June 20 2013", "Aug. 20" (a year is optional here, not in DATE_WITH_YEAR)
DAY_MONTH = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}"
MONTH_DAY = rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
DATE = rf"(?:(?:{_WEEKDAY},?\s+)?(?:{DAY_MONTH}|{MONTH_DAY})(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
TIME = rf"(?:\d{{1,2}}[:.]\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*{_ZONE})?|\d{{1,2}}\s*[AaPp]\.?[Mm]\.?(?:\s*{_ZONE})?)"
# A date with its time and weekday in any order: what a stamp is made of.
WHEN = rf"(?:(?:{_WEEKDAY},?\s+)?{DATE}(?:,?\s+(?:at\s+)?{TIME})?|{TIME},?\s+(?:{_WEEKDAY},?\s+)?{DATE})"

_FIND = re.compile(
    rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})|({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?),?"
    rf"\s+(\d{{4}})\b|\b(\d{{4}})-(\d{{2}})-(\d{{2}})\b"
)


def find_date(text: str) -> dt.date | None:
    """The first whole date (day, month and year) in `text`, or None."""
    for match in _FIND.finditer(text):
        if match.group(6):
            year, month, day = int(match.group(6)), int(match.group(7)), int(match.group(8))
        else:
            month_name = match.group(2) or match.group(3)
            day = int(match.group(1) or match.group(4))
            month = MONTHS.get(month_name.rstrip(".").lower(), 0)
            year = int(match.group(5))
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None
