# python -m unittest and unittest.main: exit statuses and report text
# (sourced by run.sh).

mkdir "$tmp/ut_cmd"
cat > "$tmp/ut_cmd/test_pass.py" <<'PYEOF'
import unittest

class TestPass(unittest.TestCase):
    def test_ok(self):
        pass

    @unittest.skip('later')
    def test_skip(self):
        pass
PYEOF
cat > "$tmp/ut_cmd/test_fail.py" <<'PYEOF'
import unittest

class TestFail(unittest.TestCase):
    def test_bad(self):
        self.assertEqual(1, 2)

if __name__ == '__main__':
    unittest.main()
PYEOF
cat > "$tmp/ut_cmd/only_skips.py" <<'PYEOF'
import unittest

@unittest.skip('all of it')
class TestSkipped(unittest.TestCase):
    def test_a(self):
        pass
PYEOF
mkdir "$tmp/ut_cmd/empty"

# 0 when all pass, 1 on failures, 5 when no test ran (3.12+), 0 when the
# only tests were skipped, 2 on a usage error.
expect_status unittest-status-ok 0 \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest test_pass"
expect_status unittest-status-fail 1 \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest test_fail"
expect_status unittest-status-discover 1 \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest"
expect_status unittest-status-no-tests 5 \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest discover -s empty"
expect_status unittest-status-only-skips 0 \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest only_skips"
expect_status unittest-status-usage 2 "$PY" -m unittest --no-such-option
expect_status unittest-main-fail 1 "$PY" "$tmp/ut_cmd/test_fail.py"
expect_err unittest-no-tests-text "NO TESTS RAN" \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest discover -s empty"
expect_err unittest-verbose \
    "test_ok (test_pass.TestPass.test_ok) ... ok" \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest -v test_pass"
expect_err unittest-skip-summary "OK (skipped=1)" \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest test_pass.py"
expect_err unittest-k-pattern "Ran 1 test in" \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest -k ok test_pass"
expect_err unittest-discover-pattern "FAILED (failures=1)" \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest discover -p 'test_f*.py'"
expect_err unittest-failure-header "FAIL: test_bad (test_fail.TestFail.test_bad)" \
    sh -c "cd '$tmp/ut_cmd' && '$PY' -m unittest test_fail"
expect_err unittest-usage "usage: python" "$PY" -m unittest --no-such-option
rm -rf "$tmp/ut_cmd"
