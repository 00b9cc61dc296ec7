# calendar edge and error cases.
import calendar as c
tests = [lambda: c.month_name[-1], lambda: c.month_name[13], lambda: c.day_name[7], lambda: c.day_name[-1], lambda: c.month_abbr[2:5], lambda: c.day_abbr[::2], lambda: len(c.month_abbr),
 lambda: c.Calendar(7).firstweekday, lambda: c.Calendar(-1).getfirstweekday(), lambda: list(c.Calendar().itermonthdates(1, 1))[:2], lambda: list(c.Calendar().itermonthdates(9999, 12))[-1],
 lambda: c.monthrange(2024, 0), lambda: c.weekday(2024, 2, 30), lambda: c.isleap(1900), lambda: c.leapdays(2024, 2000), lambda: c.timegm((1970, 1, 1, 0, 0, 0, 0, 0, 0)), lambda: c.timegm((2020, 2, 30, 25, 61, 61)),
 lambda: c.TextCalendar().formatday(5, 0, 1), lambda: c.TextCalendar().formatweekday(0, 9), lambda: c.TextCalendar().formatweekday(0, 1), lambda: c.TextCalendar().formatmonthname(2024, 1, 5), lambda: c.TextCalendar().formatmonthname(2024, 1, 30, False),
 lambda: c.HTMLCalendar().formatday(0, 3), lambda: c.HTMLCalendar().formatmonthname(2024, 5, False), lambda: c.weekheader(9), lambda: c.weekheader(1), lambda: c.formatstring(["a"]), lambda: c.TextCalendar(2).formatyear(2024, m=5)[:300],
 lambda: c.month(2024, 2, 0, 0), lambda: c.calendar(2024, 1, 1, 1, 12)[:200], lambda: c.setfirstweekday(-1), lambda: c.setfirstweekday("x"), lambda: c.different_locale("C").__enter__(), lambda: sorted(c.__all__), lambda: c.TextCalendar().yeardatescalendar(2024, 5)[2][1][0][0]]
for t in tests:
    try: r = repr(t())
    except Exception as e: r = type(e).__name__ + ": " + str(e)
    print(r)
