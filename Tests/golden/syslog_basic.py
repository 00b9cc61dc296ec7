# The syslog module's constants, masks and calls (messages go to the
# system logger, which may be absent: only the calls' results are checked).
import syslog
print(syslog.LOG_UPTO(syslog.LOG_INFO), syslog.LOG_MASK(syslog.LOG_ERR))
print(syslog.LOG_USER, syslog.LOG_LOCAL7, syslog.LOG_PID, syslog.LOG_DEBUG)
syslog.openlog("weft-test", syslog.LOG_PID, syslog.LOG_USER)
syslog.syslog("hello from the test suite")
syslog.syslog(syslog.LOG_DEBUG, "a debug message")
old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_WARNING))
print(syslog.setlogmask(0) == syslog.LOG_UPTO(syslog.LOG_WARNING))
syslog.setlogmask(old)
syslog.closelog()
syslog.syslog("reopened with the default identity")
syslog.closelog()
for bad in ((), (1, 2, 3)):
    try:
        syslog.syslog(*bad)
    except TypeError:
        print("TypeError", len(bad))
