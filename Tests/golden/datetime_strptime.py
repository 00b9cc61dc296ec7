# strptime: directives, composites and error messages (C locale).
import warnings; warnings.simplefilter('ignore')
import time, datetime as d, os
os.environ["TZ"] = "America/New_York"; time.tzset()
cases = [("2020-01-01", "%Y-%m-%d %H"), ("2020-13-01", "%Y-%m-%d"), ("2020-02-30", "%Y-%m-%d"), ("1/2/3", "%m/%d/%y"), ("12 AM", "%I %p"), ("12 PM", "%I %p"), ("0 AM", "%I %p"), ("13 PM", "%H %p"),
 ("EST", "%Z"), ("EDT", "%Z"), ("utc", "%Z"), ("XYZ", "%Z"), ("+05", "%z"), ("+0530", "%z"), ("+05:30:15", "%z"), ("+05:30:15.5", "%z"), ("+0530:15", "%z"), ("-00:00", "%z"), ("Z", "%z"), ("z", "%z"),
 ("Mon", "%a"), ("monday", "%A"), ("MONDAY", "%A"), ("Sept", "%b"), ("sep", "%b"), ("March", "%B"), ("mar", "%B"), ("366", "%j"), ("2021 366", "%Y %j"), ("2020 366", "%Y %j"), ("0", "%j"),
 ("2020 53 0", "%Y %U %w"), ("2020 0 6", "%Y %W %w"), ("2019 52 1", "%G %V %u"), ("2020 53 7", "%G %V %u"), ("60", "%S"), ("61", "%S"), ("62", "%S"), ("1234567", "%f"), ("12345", "%f"),
 ("  2020", "%Y"), ("2020  ", "%Y"), ("2020\t01", "%Y %m"), ("2020%", "%Y%%"), ("2020", "%Y%"), ("2020", "%Q"), ("a.b", "a.b"), ("a+b", "a+b"), ("(2020)", "(%Y)"), ("[x]", "[x]"),
 ("Tue Feb  4 10:11:12 2020", "%c"), ("02/04/20", "%x"), ("10:11:12", "%X"), ("10:11:12", "%T"), ("2020-02-04", "%F"), ("10:11", "%R"),
 ("1 2 2020", "%w %U %Y"), ("Tue 2020 5", "%a %Y %W"), ("2020 1", "%G %V"), ("2020 1 1", "%Y %V %u"), ("2020 1 1 1", "%G %V %u %j"), ("99", "%y"), ("68", "%y"), ("69", "%y")]
for s, f in cases:
    for fn in (time.strptime, d.datetime.strptime):
        try: r = fn(s, f); r = tuple(r) if isinstance(r, time.struct_time) else repr(r)
        except Exception as e: r = type(e).__name__ + ": " + str(e)
        print(repr(s), repr(f), r)

# Format errors hide their context, as in CPython (bpo-17572).
import time
for bad in ("%Y %", "%Y %Q"):
    try:
        time.strptime("19", bad)
    except ValueError as e:
        print("format error:", e, e.__suppress_context__)
