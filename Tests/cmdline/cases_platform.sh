# python -m platform (sourced by run.sh).

want=$("$PY" -c 'import platform; print(platform.platform())')
expect platform-main "$want" "$PY" -m platform
want=$("$PY" -c 'import platform; print(platform.platform(terse=True))')
expect platform-terse "$want" "$PY" -m platform --terse
expect platform-terse-word "$want" "$PY" -m platform terse
want=$("$PY" -c 'import platform; print(platform.platform(aliased=False, terse=True))')
expect platform-both-words "$want" "$PY" -m platform nonaliased terse
expect platform-both-options "$want" "$PY" -m platform --nonaliased --terse
expect_status platform-bad-word 2 "$PY" -m platform bogus
expect_status platform-bad-option 2 "$PY" -m platform --bogus
expect_err platform-usage "usage:" "$PY" -m platform --bogus
expect platform-impl "Weft" "$PY" -c 'import platform; print(platform.python_implementation())'
