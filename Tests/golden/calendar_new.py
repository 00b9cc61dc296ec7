# calendar 3.12+ additions: Month and Day enums, module-level constants.
import calendar, warnings
print(repr(calendar.JANUARY), repr(calendar.MONDAY), calendar.Month(12).name, calendar.Day.SUNDAY.value, calendar.DECEMBER == 12)
print(list(calendar.Month)[:3], [d.name for d in calendar.Day][5:])
print(repr(calendar.weekday(2024, 5, 17)), repr(calendar.monthrange(2024, 2)))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(calendar.January, calendar.February)
    print([x.category.__name__ for x in w], str(w[0].message))
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print(type(e).__name__, e, isinstance(e, ValueError))
try:
    calendar.setfirstweekday(7)
except calendar.IllegalWeekdayError as e:
    print(type(e).__name__, e)
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2024, 2, 3, 1))
print(calendar.Calendar(calendar.SATURDAY).monthdayscalendar(2025, 3))
print(list(calendar.Calendar().itermonthdays3(9999, 12))[-3:], list(calendar.Calendar().itermonthdays4(1, 1))[:2])
print(calendar.weekday(-1, 3, 1), calendar.weekday(12000, 1, 1), calendar.leapdays(-400, 400))
