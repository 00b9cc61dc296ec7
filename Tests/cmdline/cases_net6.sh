# python -m mimetypes and python -m http.server (sourced by run.sh).

expect net6-mimetypes-type 'type: text/html encoding: None
type: application/x-tar encoding: gzip' "$PY" -m mimetypes page.html a.tgz
expect net6-mimetypes-ext '.png' "$PY" -m mimetypes -e image/png
expect net6-mimetypes-unknown 'error: media type unknown for x.qqq9' \
    "$PY" -m mimetypes x.qqq9
expect_status net6-mimetypes-status 1 "$PY" -m mimetypes x.qqq9
expect net6-mimetypes-lenient 'type: image/pict encoding: None' \
    "$PY" -m mimetypes --lenient a.pict
