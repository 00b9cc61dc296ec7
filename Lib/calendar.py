"""Calendar printing functions and calendar arithmetic.

Weeks start on Monday by default (ISO 8601); setfirstweekday() changes the
module-wide default used by the module-level functions.  Years outside
1..9999 are handled where the arithmetic allows it (the Gregorian cycle
repeats every 400 years).
"""

import sys
import datetime
from enum import IntEnum, global_enum
from itertools import repeat

__all__ = ["IllegalMonthError", "IllegalWeekdayError", "setfirstweekday",
           "firstweekday", "isleap", "leapdays", "weekday", "monthrange",
           "monthcalendar", "prmonth", "month", "prcal", "calendar",
           "timegm", "month_name", "month_abbr", "day_name", "day_abbr",
           "Calendar", "TextCalendar", "HTMLCalendar", "LocaleTextCalendar",
           "LocaleHTMLCalendar", "weekheader",
           "Day", "Month", "JANUARY", "FEBRUARY", "MARCH",
           "APRIL", "MAY", "JUNE", "JULY",
           "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
           "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
           "SATURDAY", "SUNDAY"]

error = ValueError


class IllegalMonthError(ValueError, IndexError):
    def __init__(self, month):
        self.month = month

    def __str__(self):
        return f"bad month number {self.month!r}; must be 1-12"


class IllegalWeekdayError(ValueError):
    def __init__(self, weekday):
        self.weekday = weekday

    def __str__(self):
        return (f"bad weekday number {self.weekday!r}; must be 0 (Monday) "
                f"to 6 (Sunday)")


def __getattr__(name):
    if name in ("January", "February"):
        import warnings
        warnings.warn(f"The '{name}' attribute is deprecated, use "
                      f"'{name.upper()}' instead", DeprecationWarning,
                      stacklevel=2)
        return 1 if name == "January" else 2
    raise AttributeError(f"module '{__name__}' has no attribute '{name}'")


@global_enum
class Month(IntEnum):
    JANUARY = 1
    FEBRUARY = 2
    MARCH = 3
    APRIL = 4
    MAY = 5
    JUNE = 6
    JULY = 7
    AUGUST = 8
    SEPTEMBER = 9
    OCTOBER = 10
    NOVEMBER = 11
    DECEMBER = 12


@global_enum
class Day(IntEnum):
    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6


# Days per month in a common year; index 0 is unused.
mdays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

EPOCH = 1970
_EPOCH_ORD = datetime.date(EPOCH, 1, 1).toordinal()


class _LocalizedNames:
    """A read-only sequence of names produced by strftime when indexed, so
    that it follows the current LC_TIME locale."""

    def __init__(self, fmt, dates, blank_first):
        self._format = fmt
        self._dates = dates
        self._blank_first = blank_first

    def _name(self, index):
        if self._blank_first:
            if index == 0:
                return ""
            return self._dates[index - 1].strftime(self._format)
        return self._dates[index].strftime(self._format)

    def __getitem__(self, index):
        positions = list(range(len(self)))
        if isinstance(index, slice):
            return [self._name(i) for i in positions[index]]
        return self._name(positions[index])

    def __len__(self):
        return len(self._dates) + (1 if self._blank_first else 0)

    def __iter__(self):
        return (self._name(i) for i in range(len(self)))


_MONTH_DATES = [datetime.date(2001, m, 1) for m in range(1, 13)]
_DAY_DATES = [datetime.date(2001, 1, d) for d in range(1, 8)]  # from Monday

day_name = _LocalizedNames("%A", _DAY_DATES, False)
day_abbr = _LocalizedNames("%a", _DAY_DATES, False)
month_name = _LocalizedNames("%B", _MONTH_DATES, True)
month_abbr = _LocalizedNames("%b", _MONTH_DATES, True)


def isleap(year):
    """Whether year has a February 29 (Gregorian rules)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def leapdays(y1, y2):
    """How many leap years lie in y1 <= year < y2."""
    y1 -= 1
    y2 -= 1
    return (y2 // 4 - y1 // 4) - (y2 // 100 - y1 // 100) \
        + (y2 // 400 - y1 // 400)


def weekday(year, month, day):
    """The Day (MONDAY=0 .. SUNDAY=6) of a date."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        # The weekday pattern repeats every 400 years.
        year = 2000 + year % 400
    return Day(datetime.date(year, month, day).weekday())


def _check_month(month):
    if not 1 <= month <= 12:
        raise IllegalMonthError(month)


def monthrange(year, month):
    """(weekday of the 1st, number of days) for a month."""
    _check_month(month)
    first = weekday(year, month, 1)
    return first, _month_length(year, month)


def _month_length(year, month):
    return 29 if month == 2 and isleap(year) else mdays[month]


def _previous_month(year, month):
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _next_month(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


class Calendar:
    """Base calendar class: computes the weeks of a month, no formatting."""

    def __init__(self, firstweekday=0):
        self.firstweekday = firstweekday

    def getfirstweekday(self):
        return self._firstweekday % 7

    def setfirstweekday(self, firstweekday):
        self._firstweekday = firstweekday

    firstweekday = property(getfirstweekday, setfirstweekday)

    def iterweekdays(self):
        """The seven weekday numbers in display order."""
        first = self.firstweekday
        for i in range(first, first + 7):
            yield i % 7

    def itermonthdates(self, year, month):
        """datetime.date values for every day of the whole weeks that cover
        the month."""
        for y, m, d in self.itermonthdays3(year, month):
            yield datetime.date(y, m, d)

    def itermonthdays(self, year, month):
        """Like itermonthdates(), but day numbers, with 0 for days outside
        the month."""
        first, length = monthrange(year, month)
        leading = (first - self.firstweekday) % 7
        yield from repeat(0, leading)
        yield from range(1, length + 1)
        trailing = (self.firstweekday - first - length) % 7
        yield from repeat(0, trailing)

    def itermonthdays2(self, year, month):
        """Like itermonthdays(), but (day, weekday) tuples."""
        for i, d in enumerate(self.itermonthdays(year, month),
                              self.firstweekday):
            yield d, i % 7

    def itermonthdays3(self, year, month):
        """Like itermonthdates(), but (year, month, day) tuples, so that
        it works for every year, including the first and last ones."""
        first, length = monthrange(year, month)
        leading = (first - self.firstweekday) % 7
        trailing = (self.firstweekday - first - length) % 7
        py, pm = _previous_month(year, month)
        plen = _month_length(py, pm)
        for d in range(plen - leading + 1, plen + 1):
            yield py, pm, d
        for d in range(1, length + 1):
            yield year, month, d
        ny, nm = _next_month(year, month)
        for d in range(1, trailing + 1):
            yield ny, nm, d

    def itermonthdays4(self, year, month):
        """Like itermonthdays3(), with the weekday as a fourth item."""
        for i, (y, m, d) in enumerate(self.itermonthdays3(year, month)):
            yield y, m, d, (self.firstweekday + i) % 7

    def monthdatescalendar(self, year, month):
        """A list of weeks, each a list of seven datetime.date values."""
        return _weeks(list(self.itermonthdates(year, month)))

    def monthdays2calendar(self, year, month):
        """A list of weeks, each a list of seven (day, weekday) tuples."""
        return _weeks(list(self.itermonthdays2(year, month)))

    def monthdayscalendar(self, year, month):
        """A list of weeks, each a list of seven day numbers."""
        return _weeks(list(self.itermonthdays(year, month)))

    def yeardatescalendar(self, year, width=3):
        """The year as rows of 'width' months, each month a list of weeks
        of datetime.date values."""
        months = [self.monthdatescalendar(year, m) for m in range(1, 13)]
        return _rows(months, width)

    def yeardays2calendar(self, year, width=3):
        """Like yeardatescalendar(), with (day, weekday) tuples."""
        months = [self.monthdays2calendar(year, m) for m in range(1, 13)]
        return _rows(months, width)

    def yeardayscalendar(self, year, width=3):
        """Like yeardatescalendar(), with day numbers."""
        months = [self.monthdayscalendar(year, m) for m in range(1, 13)]
        return _rows(months, width)


# ANSI sequences for a highlighted day: black on yellow.
_HIGHLIGHT = "\x1b[30m\x1b[43m"
_RESET = "\x1b[0m"


def _day_in(highlight, year, month):
    """highlight's day number if that date is in year/month, else None."""
    if highlight is not None and (highlight.year, highlight.month) == \
            (year, month):
        return highlight.day
    return None


def _can_colorize(stream):
    import os
    if os.environ.get("PYTHON_COLORS") == "0" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("PYTHON_COLORS") == "1" or os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _weeks(days):
    return [days[i:i + 7] for i in range(0, len(days), 7)]


def _rows(months, width):
    return [months[i:i + width] for i in range(0, 12, width)]


class TextCalendar(Calendar):
    """A calendar formatted as plain text."""

    def prweek(self, theweek, width):
        """Print a single week (no newline)."""
        print(self.formatweek(theweek, width), end="")

    def formatday(self, day, weekday, width):
        """The text of one day, centred in width columns."""
        text = "" if day == 0 else f"{day:2d}"
        return text.center(width)

    def formatweek(self, theweek, width, *, highlight_day=None):
        """One week of (day, weekday) pairs as a line (no newline); the day
        numbered highlight_day, if any, is shown in colour."""
        cells = []
        for d, wd in theweek:
            text = self.formatday(d, wd, width)
            if highlight_day and d == highlight_day:
                text = f"{_HIGHLIGHT}{text}{_RESET}"
            cells.append(text)
        return " ".join(cells)

    def formatweekday(self, day, width):
        """A weekday name, abbreviated to fit width."""
        names = day_name if width >= 9 else day_abbr
        return names[day][:width].center(width)

    def formatweekheader(self, width):
        """The weekday names of one week, as a line."""
        return " ".join(self.formatweekday(i, width)
                        for i in self.iterweekdays())

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        """The month's name (and year), centred in width columns."""
        text = month_name[themonth]
        if withyear:
            text = f"{text} {theyear!r}"
        return text.center(width)

    def prmonth(self, theyear, themonth, w=0, l=0):
        """Print a month's calendar."""
        print(self.formatmonth(theyear, themonth, w, l), end="")

    def formatmonth(self, theyear, themonth, w=0, l=0, *,
                    highlight_day=None):
        """A month's calendar as a multi-line string; highlight_day (a
        datetime.date) is shown in colour when it falls in the month."""
        _check_month(themonth)
        day = _day_in(highlight_day, theyear, themonth)
        w = max(2, w)
        l = max(1, l)
        gap = "\n" * l
        lines = [self.formatmonthname(theyear, themonth, 7 * (w + 1) - 1)
                 .rstrip(),
                 self.formatweekheader(w).rstrip()]
        for week in self.monthdays2calendar(theyear, themonth):
            lines.append(self.formatweek(week, w, highlight_day=day)
                         .rstrip())
        return gap.join(lines) + gap

    def formatyear(self, theyear, w=2, l=1, c=6, m=3, *, highlight_day=None):
        """A year's calendar as a multi-line string, m months per row;
        highlight_day (a datetime.date) is shown in colour."""
        w = max(2, w)
        l = max(1, l)
        c = max(2, c)
        gap = "\n" * l
        colwidth = (w + 1) * 7 - 1
        out = [repr(theyear).center(colwidth * m + c * (m - 1)).rstrip(),
               gap]
        header = self.formatweekheader(w)
        for row_index, row in enumerate(self.yeardays2calendar(theyear, m)):
            months = range(m * row_index + 1, min(m * (row_index + 1) + 1,
                                                  13))
            out.append(gap)
            names = (self.formatmonthname(theyear, k, colwidth, False)
                     for k in months)
            out.append(formatstring(names, colwidth, c).rstrip())
            out.append(gap)
            out.append(formatstring((header for _ in months), colwidth,
                                    c).rstrip())
            out.append(gap)
            height = max(len(cal) for cal in row)
            for j in range(height):
                weeks = [self.formatweek(cal[j], w, highlight_day=_day_in(
                             highlight_day, theyear, k)) if j < len(cal)
                         else "" for k, cal in zip(months, row)]
                out.append(formatstring(weeks, colwidth, c).rstrip())
                out.append(gap)
        return "".join(out)

    def pryear(self, theyear, w=0, l=0, c=6, m=3):
        """Print a year's calendar."""
        print(self.formatyear(theyear, w, l, c, m), end="")


class HTMLCalendar(Calendar):
    """A calendar formatted as HTML tables."""

    cssclasses = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    cssclasses_weekday_head = cssclasses
    cssclass_noday = "noday"
    cssclass_month_head = "month"
    cssclass_month = "month"
    cssclass_year_head = "year"
    cssclass_year = "year"

    def formatday(self, day, weekday):
        """One table cell."""
        if day == 0:
            return f'<td class="{self.cssclass_noday}">&nbsp;</td>'
        return f'<td class="{self.cssclasses[weekday]}">{day}</td>'

    def formatweek(self, theweek):
        """One table row."""
        cells = "".join(self.formatday(d, wd) for d, wd in theweek)
        return f"<tr>{cells}</tr>"

    def formatweekday(self, day):
        """One header cell."""
        return (f'<th class="{self.cssclasses_weekday_head[day]}">'
                f"{day_abbr[day]}</th>")

    def formatweekheader(self):
        """The header row."""
        cells = "".join(self.formatweekday(i) for i in self.iterweekdays())
        return f"<tr>{cells}</tr>"

    def formatmonthname(self, theyear, themonth, withyear=True):
        """The month-name row."""
        text = month_name[themonth]
        if withyear:
            text = f"{text} {theyear}"
        return (f'<tr><th colspan="7" class="{self.cssclass_month_head}">'
                f"{text}</th></tr>")

    def formatmonth(self, theyear, themonth, withyear=True):
        """A month as an HTML table."""
        _check_month(themonth)
        parts = [f'<table border="0" cellpadding="0" cellspacing="0" '
                 f'class="{self.cssclass_month}">',
                 self.formatmonthname(theyear, themonth, withyear=withyear),
                 self.formatweekheader()]
        for week in self.monthdays2calendar(theyear, themonth):
            parts.append(self.formatweek(week))
        parts.append("</table>")
        return "\n".join(parts) + "\n"

    def formatyear(self, theyear, width=3):
        """A year as an HTML table of month tables."""
        width = max(width, 1)
        parts = [f'<table border="0" cellpadding="0" cellspacing="0" '
                 f'class="{self.cssclass_year}">', "\n",
                 f'<tr><th colspan="{width}" class="{self.cssclass_year_head}">'
                 f"{theyear}</th></tr>"]
        for first in range(1, 13, width):
            parts.append("<tr>")
            for month in range(first, min(first + width, 13)):
                parts.append("<td>")
                parts.append(self.formatmonth(theyear, month,
                                              withyear=False))
                parts.append("</td>")
            parts.append("</tr>")
        parts.append("</table>")
        return "".join(parts)

    def formatyearpage(self, theyear, width=3, css="calendar.css",
                       encoding=None):
        """A complete HTML page for a year, encoded to bytes."""
        if encoding is None:
            encoding = "utf-8"
        lines = ['<?xml version="1.0" encoding="%s"?>' % encoding,
                 '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                 '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
                 "<html>", "<head>",
                 '<meta http-equiv="Content-Type" content="text/html; '
                 'charset=%s" />' % encoding]
        if css is not None:
            lines.append('<link rel="stylesheet" type="text/css" '
                         'href="%s" />' % css)
        lines += [f"<title>Calendar for {theyear}</title>", "</head>",
                  "<body>"]
        page = "\n".join(lines) + "\n" + self.formatyear(theyear, width) \
            + "</body>\n</html>\n"
        return page.encode(encoding, "xmlcharrefreplace")


class different_locale:
    """Context manager that switches LC_TIME to another locale."""

    def __init__(self, locale):
        self.locale = locale
        self.oldlocale = None

    def __enter__(self):
        import locale as _locale
        self.oldlocale = _locale.setlocale(_locale.LC_TIME, None)
        _locale.setlocale(_locale.LC_TIME, self.locale)

    def __exit__(self, *args):
        import locale as _locale
        _locale.setlocale(_locale.LC_TIME, self.oldlocale)


def _default_locale():
    import locale as _locale
    current = _locale.setlocale(_locale.LC_TIME, None)
    if current == "C":
        return "C"
    return _locale.getlocale(_locale.LC_TIME)


class LocaleTextCalendar(TextCalendar):
    """A TextCalendar whose day and month names come from a locale."""

    def __init__(self, firstweekday=0, locale=None):
        TextCalendar.__init__(self, firstweekday)
        self.locale = _default_locale() if locale is None else locale

    def formatweekday(self, day, width):
        with different_locale(self.locale):
            return super().formatweekday(day, width)

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        with different_locale(self.locale):
            return super().formatmonthname(theyear, themonth, width,
                                           withyear)


class LocaleHTMLCalendar(HTMLCalendar):
    """An HTMLCalendar whose day and month names come from a locale."""

    def __init__(self, firstweekday=0, locale=None):
        HTMLCalendar.__init__(self, firstweekday)
        self.locale = _default_locale() if locale is None else locale

    def formatweekday(self, day):
        with different_locale(self.locale):
            return super().formatweekday(day)

    def formatmonthname(self, theyear, themonth, withyear=True):
        with different_locale(self.locale):
            return super().formatmonthname(theyear, themonth, withyear)


# Module-level functions share one TextCalendar.
c = TextCalendar()

firstweekday = c.getfirstweekday


def setfirstweekday(firstweekday):
    if not MONDAY <= firstweekday <= SUNDAY:
        raise IllegalWeekdayError(firstweekday)
    c.firstweekday = firstweekday


monthcalendar = c.monthdayscalendar
prweek = c.prweek
week = c.formatweek
weekheader = c.formatweekheader
prmonth = c.prmonth
month = c.formatmonth
calendar = c.formatyear
prcal = c.pryear

_COLWIDTH = 7 * 3 - 1
_SPACING = 6


def format(cols, colwidth=_COLWIDTH, spacing=_SPACING):
    """Print strings centred in columns (as formatstring() builds them)."""
    print(formatstring(cols, colwidth, spacing))


def formatstring(cols, colwidth=_COLWIDTH, spacing=_SPACING):
    """Join strings, each centred in colwidth, spacing blanks apart."""
    return (" " * spacing).join(col.center(colwidth) for col in cols)


def timegm(tuple):
    """The POSIX timestamp of a UTC time tuple (inverse of time.gmtime)."""
    year, month, day, hour, minute, second = tuple[:6]
    days = datetime.date(year, month, 1).toordinal() - _EPOCH_ORD + day - 1
    return ((days * 24 + hour) * 60 + minute) * 60 + second


def _validate_month_arg(parser, month):
    if month is not None and not 1 <= month <= 12:
        parser.error(f"incorrect month: {month}")


def main(args=None):
    import argparse
    parser = argparse.ArgumentParser()
    textgroup = parser.add_argument_group("text only arguments")
    htmlgroup = parser.add_argument_group("html only arguments")
    textgroup.add_argument("-w", "--width", type=int, default=2,
                           help="width of date column (default 2)")
    textgroup.add_argument("-l", "--lines", type=int, default=1,
                           help="number of lines for each week (default 1)")
    textgroup.add_argument("-s", "--spacing", type=int, default=6,
                           help="spacing between months (default 6)")
    textgroup.add_argument("-m", "--months", type=int, default=3,
                           help="months per row (default 3)")
    htmlgroup.add_argument("-c", "--css", default="calendar.css",
                           help="CSS to use for page")
    parser.add_argument("-L", "--locale", default=None,
                        help="locale to use for month and weekday names")
    parser.add_argument("-e", "--encoding", default=None,
                        help="encoding to use for output")
    parser.add_argument("-t", "--type", default="text",
                        choices=("text", "html"),
                        help="output type (text or html)")
    parser.add_argument("-f", "--first-weekday", type=int, default=0,
                        help="weekday (0 is Monday, 6 is Sunday) to start "
                             "each week (default 0)")
    parser.add_argument("year", nargs="?", type=int,
                        help="year number")
    parser.add_argument("month", nargs="?", type=int,
                        help="month number (1-12, text only)")

    options = parser.parse_args(args)
    if options.locale and not options.encoding:
        parser.error("if --locale is specified --encoding is required")
    locale = (options.locale, options.encoding)
    _validate_month_arg(parser, options.month)

    if options.type == "html":
        if options.month is not None:
            parser.error("incorrect number of arguments")
        cal = LocaleHTMLCalendar(locale=locale) if options.locale \
            else HTMLCalendar()
        cal.setfirstweekday(options.first_weekday)
        encoding = options.encoding or "utf-8"
        year = options.year
        if year is None:
            year = datetime.date.today().year
        page = cal.formatyearpage(year, encoding=encoding, css=options.css)
        sys.stdout.flush()
        sys.stdout.buffer.write(page)
        sys.stdout.buffer.flush()
        return

    cal = LocaleTextCalendar(locale=locale) if options.locale \
        else TextCalendar()
    cal.setfirstweekday(options.first_weekday)
    today = datetime.date.today()
    # Today is shown in colour when the output is a colour terminal.
    highlight = today if _can_colorize(sys.stdout) else None
    year = today.year if options.year is None else options.year
    if options.month is None:
        result = cal.formatyear(year, options.width, options.lines,
                                options.spacing, options.months,
                                highlight_day=highlight)
    else:
        result = cal.formatmonth(year, options.month, options.width,
                                 options.lines, highlight_day=highlight)
    if options.encoding:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.encode(options.encoding))
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(result)


if __name__ == "__main__":
    main()
