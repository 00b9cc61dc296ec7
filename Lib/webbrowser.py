"""Show documents in a web browser.

    webbrowser.open("https://docs.python.org/")

The browsers tried, in order: those named in $BROWSER (separated by
os.pathsep; a name may be a command line with %s for the URL), then the
graphical openers and browsers found on PATH when a display is available,
then text-mode browsers.  Thread safety: the registry is built once, under
a lock, the first time a browser is looked up.
"""

import os
import shlex
import shutil
import subprocess
import sys
import threading

__all__ = ["Error", "open", "open_new", "open_new_tab", "get", "register"]


class Error(Exception):
    """No browser could be found or started."""


_lock = threading.RLock()
_browsers = {}          # lower-cased name -> [class, instance or None]
_tryorder = None        # names in the order open() tries them
_os_preferred_browser = None


def register(name, klass, instance=None, *, preferred=False):
    """Register a browser under `name`: a class to instantiate on demand,
    or an instance.  `preferred` puts it first in the order tried."""
    with _lock:
        if _tryorder is None:
            register_standard_browsers()
        _browsers[name.lower()] = [klass, instance]
        # $BROWSER entries and the system's preferred opener stay first.
        if preferred or (_os_preferred_browser and name in _os_preferred_browser):
            _tryorder.insert(0, name)
        else:
            _tryorder.append(name)


def get(using=None):
    """A controller for browser `using` (a registered name or a command
    line), or for the first available browser."""
    if _tryorder is None:
        with _lock:
            if _tryorder is None:
                register_standard_browsers()
    alternatives = [using] if using is not None else _tryorder
    for browser in alternatives:
        if '%s' in browser:
            command = shlex.split(browser)
            if command[-1] == '&':
                return BackgroundBrowser(command[:-1])
            return GenericBrowser(command)
        try:
            command = _browsers[browser.lower()]
        except KeyError:
            command = _synthesize(browser)
        if command[1] is not None:
            return command[1]
        if command[0] is not None:
            return command[0]()
    raise Error("could not locate runnable browser")


def open(url, new=0, autoraise=True):
    """Show `url`: new=0 in the same window if possible, 1 in a new window,
    2 in a new tab.  True when a browser accepted it."""
    if _tryorder is None:
        with _lock:
            if _tryorder is None:
                register_standard_browsers()
    for name in _tryorder:
        browser = get(name)
        if browser.open(url, new, autoraise):
            return True
    return False


def open_new(url):
    """Show `url` in a new window."""
    return open(url, 1)


def open_new_tab(url):
    """Show `url` in a new tab."""
    return open(url, 2)


def _synthesize(browser, *, preferred=False):
    """Register a browser named by an executable path or command, if it is
    on PATH, reusing a known controller class for its base name."""
    executable = browser.split()[0]
    if not shutil.which(executable):
        return [None, None]
    name = os.path.basename(executable)
    try:
        command = _browsers[name.lower()]
    except KeyError:
        return [None, None]
    controller = command[1]
    if controller and name.lower() == controller.basename:
        import copy
        controller = copy.copy(controller)
        controller.name = browser
        controller.basename = os.path.basename(browser)
        register(browser, None, instance=controller, preferred=preferred)
        return [None, controller]
    return [None, None]


# ---- controllers -------------------------------------------------------------

class BaseBrowser:
    """The interface of every browser controller."""

    args = ['%s']

    def __init__(self, name=""):
        self.name = name
        self.basename = name

    def open(self, url, new=0, autoraise=True):
        raise NotImplementedError

    def open_new(self, url):
        return self.open(url, 1)

    def open_new_tab(self, url):
        return self.open(url, 2)

    @staticmethod
    def _check_url(url):
        if url and url.lstrip().startswith("-"):
            raise ValueError(f"Invalid URL (leading dash disallowed): {url!r}")


class GenericBrowser(BaseBrowser):
    """A browser started as a command (URL substituted for %s); open()
    waits for it and reports whether it exited successfully."""

    def __init__(self, name):
        if isinstance(name, str):
            self.name = name
            self.args = ["%s"]
        else:
            self.name = name[0]
            self.args = name[1:]
        self.basename = os.path.basename(self.name)

    def _command(self, url):
        return [self.name] + [arg.replace("%s", url) for arg in self.args]

    def open(self, url, new=0, autoraise=True):
        sys.audit("webbrowser.open", url)
        self._check_url(url)
        try:
            process = subprocess.Popen(self._command(url), close_fds=True)
            return not process.wait()
        except OSError:
            return False


class BackgroundBrowser(GenericBrowser):
    """A browser started in the background, in its own session; open()
    only checks that it started."""

    def open(self, url, new=0, autoraise=True):
        sys.audit("webbrowser.open", url)
        self._check_url(url)
        try:
            process = subprocess.Popen(self._command(url), close_fds=True,
                                       start_new_session=True)
            return process.poll() is None
        except OSError:
            return False


class UnixBrowser(BaseBrowser):
    """A browser with command-line options for a new window or tab and
    for talking to an instance that is already running."""

    raise_opts = None
    background = False
    redirect_stdout = True
    remote_args = ['%action', '%s']
    remote_action = None
    remote_action_newwin = None
    remote_action_newtab = None

    def _invoke(self, args, remote, autoraise, url=None):
        raise_opt = []
        if remote and self.raise_opts:
            autoraise = int(autoraise)
            opt = self.raise_opts[autoraise]
            if opt:
                raise_opt = [opt]
        cmdline = [self.name] + raise_opt + args
        if remote or self.background:
            inout = subprocess.DEVNULL
        else:
            inout = None
        try:
            process = subprocess.Popen(
                cmdline, close_fds=True, stdin=inout,
                stdout=(self.redirect_stdout and inout or None),
                stderr=inout, start_new_session=True)
        except OSError:
            return False
        if remote:
            try:
                return not process.wait(5)
            except subprocess.TimeoutExpired:
                return True
        if self.background:
            return process.poll() is None
        return not process.wait()

    def open(self, url, new=0, autoraise=True):
        sys.audit("webbrowser.open", url)
        self._check_url(url)
        if new == 0:
            action = self.remote_action
        elif new == 1:
            action = self.remote_action_newwin
        elif new == 2:
            action = self.remote_action_newtab or self.remote_action_newwin
        else:
            raise Error("Bad 'new' parameter to open(); "
                        f"expected 0, 1, or 2, got {new}")
        args = [arg.replace("%s", url).replace("%action", action or "")
                for arg in self.remote_args]
        args = [arg for arg in args if arg]
        success = self._invoke(args, True, autoraise, url)
        if not success:
            args = [arg.replace("%s", url) for arg in self.args]
            return self._invoke(args, False, False)
        return True


class _GraphicalBrowser(UnixBrowser):
    """A browser with its own window, started in the background."""

    background = True


class Mozilla(_GraphicalBrowser):
    """Firefox and other Mozilla browsers."""

    remote_action = ""
    remote_action_newwin = "-new-window"
    remote_action_newtab = "-new-tab"


class Epiphany(_GraphicalBrowser):
    """GNOME Web."""

    remote_action = "-n"
    remote_action_newwin = "-w"


class Chrome(_GraphicalBrowser):
    """Google Chrome and Chromium."""

    remote_action = ""
    remote_action_newwin = "--new-window"
    remote_action_newtab = ""


Chromium = Chrome


class Opera(Chrome):
    """Opera takes Chrome's options."""


class Elinks(UnixBrowser):
    """Text-mode browsers that run in the terminal (elinks, links)."""

    remote_args = ['-remote', 'openURL(%s%action)']
    remote_action = ""
    remote_action_newwin = ",new-window"
    remote_action_newtab = ",new-tab"
    background = False
    redirect_stdout = False


class Konqueror(BaseBrowser):
    """KDE's browser, driven through kfmclient."""

    def open(self, url, new=0, autoraise=True):
        sys.audit("webbrowser.open", url)
        self._check_url(url)
        action = "newTab" if new == 2 else "openURL"
        try:
            process = subprocess.Popen(["kfmclient", action, url],
                                       close_fds=True,
                                       stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        except OSError:
            return False
        process.wait()
        return True


# ---- discovery ---------------------------------------------------------------

def _register_if_found(name, klass=None, command=None, *, background=True):
    """Register `name` when its executable is on PATH."""
    if shutil.which(command or name):
        if klass is None:
            controller = BackgroundBrowser(command or name) if background \
                else GenericBrowser(command or name)
        else:
            controller = klass(command or name)
        register(name, None, controller)


def register_X_browsers():
    """Graphical openers and browsers, most generic first."""
    _register_if_found("xdg-open")
    if shutil.which("gio"):
        register("gio", None, BackgroundBrowser(["gio", "open", "--", "%s"]))
    _register_if_found("gnome-open")
    _register_if_found("kfmclient", Konqueror)
    _register_if_found("x-www-browser")
    for browser in ("firefox", "iceweasel", "seamonkey", "mozilla-firefox",
                    "mozilla"):
        _register_if_found(browser, Mozilla)
    _register_if_found("epiphany", Epiphany)
    for browser in ("google-chrome", "chrome", "chromium",
                    "chromium-browser"):
        _register_if_found(browser, Chrome)
    _register_if_found("opera", Opera)
    _register_if_found("microsoft-edge", Chrome)


def register_standard_browsers():
    """Fill the registry: $BROWSER first, then what PATH offers."""
    global _tryorder, _os_preferred_browser
    _tryorder = []
    if sys.platform != "win32" and (os.environ.get("DISPLAY")
                                    or os.environ.get("WAYLAND_DISPLAY")):
        register_X_browsers()
    if os.environ.get("TERM"):
        for browser in ("www-browser", "links", "elinks", "lynx", "w3m"):
            if shutil.which(browser):
                klass = Elinks if browser in ("links", "elinks") else None
                if klass is None:
                    register(browser, None, GenericBrowser(browser))
                else:
                    register(browser, None, klass(browser))
    if "BROWSER" in os.environ:
        userchoices = os.environ["BROWSER"].split(os.pathsep)
        userchoices.reverse()
        for cmdline in userchoices:
            if not cmdline:
                continue
            command = _synthesize(cmdline, preferred=True)
            if command[1] is None:
                register(cmdline, None, GenericBrowser(cmdline),
                         preferred=True)


def main():
    """python -m webbrowser [-n | -t] URL"""
    import argparse
    parser = argparse.ArgumentParser(
        description="Open URL in a web browser.")
    parser.add_argument("url", help="URL to open")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-n", "--new-window", action="store_const",
                       const=1, default=0, dest="new_win",
                       help="open new window")
    group.add_argument("-t", "--new-tab", action="store_const",
                       const=2, default=0, dest="new_win",
                       help="open new tab")
    args = parser.parse_args()
    open(args.url, args.new_win)
    print("\a")


if __name__ == "__main__":
    main()
