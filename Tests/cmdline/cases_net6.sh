# python -m mimetypes and python -m http.server (sourced by run.sh).

expect net6-mimetypes-type 'type: text/html encoding: None
type: application/x-tar encoding: gzip' "$PY" -m mimetypes page.html a.tgz
expect net6-mimetypes-ext '.png' "$PY" -m mimetypes -e image/png
expect net6-mimetypes-unknown 'error: media type unknown for x.qqq9' \
    "$PY" -m mimetypes x.qqq9
expect_status net6-mimetypes-status 1 "$PY" -m mimetypes x.qqq9
expect net6-mimetypes-lenient 'type: image/pict encoding: None' \
    "$PY" -m mimetypes --lenient a.pict

# python -m http.server: serve a directory on loopback (port 0: the
# kernel picks one, read back from the banner), fetch a file and the
# listing, then stop the server we started.
mkdir -p "$tmp/net6www/sub"
printf 'served\n' > "$tmp/net6www/page.txt"
"$PY" -u -m http.server --bind 127.0.0.1 --directory "$tmp/net6www" 0 \
    > "$tmp/net6srv.out" 2> "$tmp/net6srv.err" &
net6_pid=$!
net6_port=
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    net6_port=$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9]*\) .*/\1/p' \
        "$tmp/net6srv.out")
    [ -n "$net6_port" ] && break
    sleep 0.25
done
expect net6-http-server-banner \
    "Serving HTTP on 127.0.0.1 port $net6_port (http://127.0.0.1:$net6_port/) ..." \
    head -n 1 "$tmp/net6srv.out"
expect net6-http-server-file "200 text/plain served" "$PY" -c '
import sys, urllib.request
r = urllib.request.urlopen("http://127.0.0.1:%s/page.txt" % sys.argv[1], timeout=10)
print(r.status, r.headers["Content-Type"], r.read().decode().strip())' "$net6_port"
expect net6-http-server-listing "True True" "$PY" -c '
import sys, urllib.request
body = urllib.request.urlopen("http://127.0.0.1:%s/" % sys.argv[1], timeout=10).read().decode()
print("<a href=\"page.txt\">page.txt</a>" in body, "<a href=\"sub/\">sub/</a>" in body)' "$net6_port"
expect net6-http-server-404 "404" "$PY" -c '
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen("http://127.0.0.1:%s/none" % sys.argv[1], timeout=10)
except urllib.error.HTTPError as e:
    print(e.code)' "$net6_port"
kill "$net6_pid" 2>/dev/null
wait "$net6_pid" 2>/dev/null
expect net6-http-server-log 1 grep -c '"GET /page.txt HTTP/1.1" 200' "$tmp/net6srv.err"
