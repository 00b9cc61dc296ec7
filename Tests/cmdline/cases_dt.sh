# datetime-area checks (sourced by run.sh): python -m calendar and
# python -m uuid.

expect dt-calendar-month "   February 2024
Mo Tu We Th Fr Sa Su
          1  2  3  4
 5  6  7  8  9 10 11
12 13 14 15 16 17 18
19 20 21 22 23 24 25
26 27 28 29" "$PY" -m calendar 2024 2
expect dt-calendar-first-weekday "     March 2024
Su Mo Tu We Th Fr Sa
                1  2" sh -c "'$PY' -m calendar -f 6 2024 3 | head -3"
expect dt-calendar-year-layout "                    2023

      January                 February
Mo Tu We Th Fr Sa Su    Mo Tu We Th Fr Sa Su
                   1           1  2  3  4  5" \
    sh -c "'$PY' -m calendar -m 2 -s 4 2023 | head -5"
expect dt-calendar-html-title "<title>Calendar for 2023</title>" \
    sh -c "'$PY' -m calendar -t html 2023 | grep '<title>'"
expect dt-calendar-html-css '<link rel="stylesheet" type="text/css" href="x.css" />' \
    sh -c "'$PY' -m calendar -t html -c x.css 2023 | grep stylesheet"
expect_status dt-calendar-bad-month 2 "$PY" -m calendar 2024 13
expect_err dt-calendar-bad-month-msg "incorrect month: 13" "$PY" -m calendar 2024 13
expect_err dt-calendar-locale-needs-encoding \
    "if --locale is specified --encoding is required" "$PY" -m calendar -L C 2024
expect dt-uuid-count "3" sh -c "'$PY' -m uuid -u uuid7 -C 3 | wc -l | tr -d ' '"
expect dt-uuid-v4-shape "4" sh -c \
    "'$PY' -m uuid | cut -c15"
expect dt-uuid-v8-shape "8" sh -c "'$PY' -m uuid -u uuid8 | cut -c15"
expect_status dt-uuid-needs-name 2 "$PY" -m uuid -u uuid5
expect_err dt-uuid-needs-name-msg "uuid5 requires a namespace and a name" \
    "$PY" -m uuid -u uuid5 -n @dns
if "$PY" -c 'import hashlib' 2>/dev/null; then
    expect dt-uuid-v5 "886313e1-3b8a-5372-9b90-0c9aee199e5d" \
        "$PY" -m uuid -u uuid5 -n @dns -N python.org
    expect dt-uuid-v3 "6fa459ea-ee8a-3ca4-894e-db77e160355e" \
        "$PY" -m uuid -u uuid3 -n 6ba7b810-9dad-11d1-80b4-00c04fd430c8 -N python.org
fi
