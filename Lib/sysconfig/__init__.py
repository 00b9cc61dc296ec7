"""Access to Python's configuration information: installation paths and
the build's configuration variables.

The build values the C compiler knows come from _sysconfig.config_vars();
everything that depends on where the interpreter lives is derived here
from sys.  The variables are computed once, under a lock, and cached.
"""

import os
import sys
import _thread

__all__ = [
    'get_config_h_filename', 'get_config_var', 'get_config_vars',
    'get_makefile_filename', 'get_path', 'get_path_names', 'get_paths',
    'get_platform', 'get_python_version', 'get_scheme_names',
    'parse_config_h', 'get_default_scheme', 'get_preferred_scheme',
    'is_python_build',
]

_VERSIONED = '{implementation_lower}{py_version_short}{abi_thread}'

_INSTALL_SCHEMES = {
    'posix_prefix': {
        'stdlib': '{installed_base}/{platlibdir}/' + _VERSIONED,
        'platstdlib': '{platbase}/{platlibdir}/' + _VERSIONED,
        'purelib': '{base}/lib/' + _VERSIONED + '/site-packages',
        'platlib': '{platbase}/{platlibdir}/' + _VERSIONED +
                   '/site-packages',
        'include': '{installed_base}/include/'
                   '{implementation_lower}{py_version_short}{abiflags}',
        'platinclude': '{installed_platbase}/include/'
                       '{implementation_lower}{py_version_short}{abiflags}',
        'scripts': '{base}/bin',
        'data': '{base}',
    },
    'posix_home': {
        'stdlib': '{installed_base}/lib/{implementation_lower}',
        'platstdlib': '{base}/lib/{implementation_lower}',
        'purelib': '{base}/lib/{implementation_lower}',
        'platlib': '{base}/lib/{implementation_lower}',
        'include': '{installed_base}/include/{implementation_lower}',
        'platinclude': '{installed_base}/include/{implementation_lower}',
        'scripts': '{base}/bin',
        'data': '{base}',
    },
    'posix_user': {
        'stdlib': '{userbase}/{platlibdir}/' + _VERSIONED,
        'platstdlib': '{userbase}/{platlibdir}/' + _VERSIONED,
        'purelib': '{userbase}/lib/' + _VERSIONED + '/site-packages',
        'platlib': '{userbase}/lib/' + _VERSIONED + '/site-packages',
        'include': '{userbase}/include/' + _VERSIONED,
        'scripts': '{userbase}/bin',
        'data': '{userbase}',
    },
    'nt': {
        'stdlib': '{installed_base}/Lib',
        'platstdlib': '{base}/Lib',
        'purelib': '{base}/Lib/site-packages',
        'platlib': '{base}/Lib/site-packages',
        'include': '{installed_base}/Include',
        'platinclude': '{installed_base}/Include',
        'scripts': '{base}/Scripts',
        'data': '{base}',
    },
    'nt_user': {
        'stdlib': '{userbase}/{implementation}{py_version_nodot_plat}',
        'platstdlib': '{userbase}/{implementation}{py_version_nodot_plat}',
        'purelib': '{userbase}/{implementation}{py_version_nodot_plat}'
                   '/site-packages',
        'platlib': '{userbase}/{implementation}{py_version_nodot_plat}'
                   '/site-packages',
        'include': '{userbase}/{implementation}{py_version_nodot_plat}'
                   '/Include',
        'scripts': '{userbase}/{implementation}{py_version_nodot_plat}'
                   '/Scripts',
        'data': '{userbase}',
    },
    'osx_framework_user': {
        'stdlib': '{userbase}/lib/{implementation_lower}',
        'platstdlib': '{userbase}/lib/{implementation_lower}',
        'purelib': '{userbase}/lib/{implementation_lower}/site-packages',
        'platlib': '{userbase}/lib/{implementation_lower}/site-packages',
        'include': '{userbase}/include/' + _VERSIONED,
        'scripts': '{userbase}/bin',
        'data': '{userbase}',
    },
}
# Virtual environments use the prefix layout of their platform.
_INSTALL_SCHEMES['posix_venv'] = dict(_INSTALL_SCHEMES['posix_prefix'])
_INSTALL_SCHEMES['nt_venv'] = dict(_INSTALL_SCHEMES['nt'])
_INSTALL_SCHEMES['venv'] = _INSTALL_SCHEMES[
    'nt_venv' if os.name == 'nt' else 'posix_venv']

_SCHEME_KEYS = ('stdlib', 'platstdlib', 'purelib', 'platlib', 'include',
                'platinclude', 'scripts', 'data')

_PY_VERSION = sys.version.split()[0]
_PY_VERSION_SHORT = f'{sys.version_info[0]}.{sys.version_info[1]}'
_PY_VERSION_SHORT_NO_DOT = f'{sys.version_info[0]}{sys.version_info[1]}'
_PREFIX = os.path.normpath(sys.prefix)
_BASE_PREFIX = os.path.normpath(sys.base_prefix)
_EXEC_PREFIX = os.path.normpath(sys.exec_prefix)
_BASE_EXEC_PREFIX = os.path.normpath(sys.base_exec_prefix)

_CONFIG_VARS = None
_CONFIG_VARS_LOCK = _thread.allocate_lock()


def _executable_dir():
    """The directory of the interpreter, or of the libtool wrapper script
    when running the uninstalled build (whose binary sits in .libs)."""
    if '_PYTHON_PROJECT_BASE' in os.environ:
        return os.path.abspath(os.environ['_PYTHON_PROJECT_BASE'])
    if sys.executable:
        base = os.path.dirname(os.path.abspath(sys.executable))
    else:
        base = os.getcwd()
    if os.path.basename(base) == '.libs':
        base = os.path.dirname(base)
    return base


_PROJECT_BASE = _executable_dir()


def is_python_build(check_home=None):
    """Whether the interpreter runs from its build directory."""
    if check_home is not None:
        import warnings
        warnings.warn("The check_home argument of sysconfig.is_python_build"
                      " is deprecated and its value is ignored.",
                      DeprecationWarning, stacklevel=2)
    return (os.path.isfile(os.path.join(_PROJECT_BASE, 'pyconfig.h')) and
            os.path.isfile(os.path.join(_PROJECT_BASE, 'Makefile')))


_PYTHON_BUILD = is_python_build()


def _getuserbase():
    env_base = os.environ.get("PYTHONUSERBASE", None)
    if env_base:
        return env_base
    if os.name == "nt":
        base = os.environ.get("APPDATA") or "~"
        return os.path.expanduser(os.path.join(base, "Python"))
    return os.path.expanduser(os.path.join("~", ".local"))


# Whether this platform has a per-user site directory at all.
_HAS_USER_BASE = (_getuserbase() is not None)


def _subst_vars(s, local_vars):
    try:
        return s.format(**local_vars)
    except KeyError as var:
        try:
            return s.format(**os.environ)
        except KeyError:
            raise AttributeError(f'{var}') from None


def _extend_dict(target_dict, other_dict):
    for key, value in other_dict.items():
        if key not in target_dict:
            target_dict[key] = value


def _expand_vars(scheme, vars):
    res = {}
    if vars is None:
        vars = {}
    _extend_dict(vars, get_config_vars())
    for key, value in _INSTALL_SCHEMES[scheme].items():
        if os.name in ('posix', 'nt'):
            value = os.path.expanduser(value)
        res[key] = os.path.normpath(_subst_vars(value, vars))
    return res


def _in_venv():
    return sys.prefix != sys.base_prefix


def _get_preferred_schemes():
    """This platform's scheme for each kind of installation ("prefix",
    "home", "user"), venvs aside; a redistributor may replace it."""
    if os.name == 'nt':
        return {'prefix': 'nt', 'home': 'posix_home', 'user': 'nt_user'}
    if sys.platform == 'darwin' and getattr(sys, '_framework', None):
        return {'prefix': 'posix_prefix', 'home': 'posix_home',
                'user': 'osx_framework_user'}
    return {'prefix': 'posix_prefix', 'home': 'posix_home',
            'user': 'posix_user'}


def get_preferred_scheme(key):
    """The scheme for "prefix", "home" or "user" installations."""
    if key not in ('prefix', 'home', 'user'):
        raise ValueError(f"key must be 'prefix', 'home', or 'user', "
                         f"got {key!r}")
    if key == 'prefix' and _in_venv():
        return 'venv'
    scheme = _get_preferred_schemes()[key]
    if scheme not in _INSTALL_SCHEMES:
        raise ValueError(f'{key!r} returned {scheme!r}, which is not a '
                         f'valid scheme on this platform')
    return scheme


def get_default_scheme():
    """The default scheme of this platform."""
    return get_preferred_scheme('prefix')


def get_scheme_names():
    """The installation scheme names, sorted."""
    return tuple(sorted(_INSTALL_SCHEMES))


def get_path_names():
    """The names of the paths of a scheme."""
    return _SCHEME_KEYS


def get_paths(scheme=None, vars=None, expand=True):
    """A dict of the scheme's installation paths (default scheme when
    scheme is None); vars overrides the configuration variables."""
    if scheme is None:
        scheme = get_default_scheme()
    if expand:
        return _expand_vars(scheme, vars)
    return _INSTALL_SCHEMES[scheme]


def get_path(name, scheme=None, vars=None, expand=True):
    """One installation path of the scheme."""
    if scheme is None:
        scheme = get_default_scheme()
    return get_paths(scheme, vars, expand)[name]



def _relocated(config, name, base, default):
    """configure's directory `name` (CONFIG_<name>), moved from the
    configured `base` ('prefix' or 'exec_prefix') to where this
    interpreter is installed; `default` when the build did not record it."""
    configured = config.get('CONFIG_' + name)
    configured_base = config.get('CONFIG_' + base)
    if not configured or not configured_base:
        return default
    installed_base = _PREFIX if base == 'prefix' else _EXEC_PREFIX
    configured_base = configured_base.rstrip('/')
    if configured == configured_base:
        return installed_base
    if configured.startswith(configured_base + '/'):
        return installed_base.rstrip('/') + configured[len(configured_base):]
    return configured

def _build_config_vars():
    import _sysconfig
    config = _sysconfig.config_vars()
    abiflags = getattr(sys, 'abiflags', config.get('ABIFLAGS', ''))
    platlibdir = getattr(sys, 'platlibdir', 'lib')
    config.update({
        'prefix': _PREFIX,
        'exec_prefix': _EXEC_PREFIX,
        'py_version': _PY_VERSION,
        'py_version_short': _PY_VERSION_SHORT,
        'py_version_nodot': _PY_VERSION_SHORT_NO_DOT,
        'installed_base': _BASE_PREFIX,
        'base': _PREFIX,
        'installed_platbase': _BASE_EXEC_PREFIX,
        'platbase': _EXEC_PREFIX,
        'projectbase': _PROJECT_BASE,
        'platlibdir': platlibdir,
        'implementation': 'Python',
        'implementation_lower': 'python',
        'abiflags': abiflags,
        'abi_thread': 't' if config.get('Py_GIL_DISABLED') else '',
        'py_version_nodot_plat': '',
        'userbase': _getuserbase(),
        'BINDIR': _relocated(config, 'BINDIR', 'exec_prefix',
                             os.path.join(_EXEC_PREFIX, 'bin')),
        'LIBDIR': _relocated(config, 'LIBDIR', 'exec_prefix',
                             os.path.join(_EXEC_PREFIX, platlibdir)),
    })
    versioned = f"python{_PY_VERSION_SHORT}{config['abi_thread']}"
    config['LIBDEST'] = os.path.join(_PREFIX, platlibdir, versioned)
    config['BINLIBDEST'] = os.path.join(_EXEC_PREFIX, platlibdir, versioned)
    config['INCLUDEDIR'] = _relocated(config, 'INCLUDEDIR', 'prefix',
                                      os.path.join(_PREFIX, 'include'))
    config['INCLUDEPY'] = os.path.join(
        config['INCLUDEDIR'], f'python{_PY_VERSION_SHORT}{abiflags}')
    config['LDLIBRARY'] = f"libpython{config.get('LDVERSION', '')}.so"
    # What build tools (setuptools' build_ext) compile and link extension
    # modules with; LIBRARY is the static library's name, as in CPython.
    config['LIBRARY'] = f"libpython{config.get('LDVERSION', '')}.a"
    config['CCSHARED'] = '-fPIC'
    config['LDSHARED'] = ' '.join(
        part for part in (config.get('CC', 'cc'), '-shared',
                          config.get('LDFLAGS', '')) if part)
    config['BLDSHARED'] = config['LDSHARED']
    config['EXE'] = ''
    config['TZPATH'] = os.pathsep.join(
        ('/usr/share/zoneinfo', '/usr/lib/zoneinfo',
         '/usr/share/lib/zoneinfo', '/etc/zoneinfo'))
    if _PYTHON_BUILD:
        config['srcdir'] = config.get('srcdir', _PROJECT_BASE)
    else:
        config['srcdir'] = os.path.join(config['LIBDIR'], versioned,
                                        'config-' + config['LDVERSION'])
    return config


def get_config_vars(*args):
    """With no arguments, a dict of all configuration variables; else a
    list of the values of the names in args (None for unknown ones)."""
    global _CONFIG_VARS
    if _CONFIG_VARS is None:
        with _CONFIG_VARS_LOCK:
            if _CONFIG_VARS is None:
                _CONFIG_VARS = _build_config_vars()
    if args:
        return [_CONFIG_VARS.get(name) for name in args]
    return _CONFIG_VARS


def get_config_var(name):
    """The value of one configuration variable, or None."""
    return get_config_vars().get(name)


# os.uname() machine -> Android ABI name
_ANDROID_ABIS = {
    'x86_64': 'x86_64',
    'i686': 'x86',
    'aarch64': 'arm64_v8a',
    'armv7l': 'armeabi_v7a',
}


def get_platform():
    """A string naming the platform, such as "linux-x86_64"."""
    if os.name == 'nt':
        # The architecture shows in the compiler's part of sys.version.
        version = sys.version.lower()
        if 'amd64' in version:
            return 'win-amd64'
        if '(arm)' in version:
            return 'win-arm32'
        if '(arm64)' in version:
            return 'win-arm64'
        return sys.platform
    if not hasattr(os, 'uname'):
        return sys.platform
    if 'SOURCE_DATE_EPOCH' not in os.environ and \
            '_PYTHON_HOST_PLATFORM' in os.environ:
        return os.environ['_PYTHON_HOST_PLATFORM']
    osname, host, release, version, machine = os.uname()
    osname = osname.lower().replace('/', '')
    machine = machine.replace(' ', '_').replace('/', '-')
    if osname == 'linux':
        if sys.platform != 'android':
            return f"{osname}-{machine}"
        # android-<API level>-<ABI>, machine names as Android's ABIs.
        osname = 'android'
        release = get_config_var('ANDROID_API_LEVEL')
        machine = _ANDROID_ABIS.get(machine, machine)
    if osname[:5] == 'sunos' and release[0] >= '5':
        osname = 'solaris'
        release = f"{int(release[0]) - 3}.{release[2:]}"
    elif osname[:6] == 'cygwin':
        release = release.split('(')[0]
    elif osname == 'darwin':
        # Deployment target and fat-binary architectures come from the
        # build's configuration.
        import _osx_support
        osname, release, machine = _osx_support.get_platform_osx(
            get_config_vars(), osname, release, machine)
    return f"{osname}-{release}-{machine}"


def get_python_version():
    """The "major.minor" version string."""
    return _PY_VERSION_SHORT


def _get_python_version_abi():
    """"major.minor" plus the ABI's thread flag: "3.15t" in the
    free-threaded build (its site-packages directory's suffix)."""
    return _PY_VERSION_SHORT + get_config_var('abi_thread')


def get_config_h_filename():
    """The path of pyconfig.h."""
    if _PYTHON_BUILD:
        return os.path.join(_PROJECT_BASE, 'pyconfig.h')
    return os.path.join(get_path('platinclude'), 'pyconfig.h')


def get_makefile_filename():
    """The path of the Makefile of the build."""
    if _PYTHON_BUILD:
        return os.path.join(_PROJECT_BASE, 'Makefile')
    return os.path.join(get_config_var('LIBDIR'),
                        f'python{_PY_VERSION_SHORT}',
                        f"config-{get_config_var('LDVERSION')}", 'Makefile')


def parse_config_h(fp, vars=None):
    """Parse a pyconfig.h-style file: "#define NAME VALUE" lines give
    NAME (an int when VALUE is one), "/* #undef NAME */" lines give 0."""
    if vars is None:
        vars = {}
    for line in fp:
        words = line.split()
        if len(words) >= 2 and words[0] == '#define':
            name = words[1]
            value = ' '.join(words[2:]) if len(words) > 2 else '1'
            try:
                value = int(value)
            except ValueError:
                pass
            vars[name] = value
        elif len(words) >= 3 and words[:2] == ['/*', '#undef']:
            vars[words[2]] = 0
    return vars


def _print_dict(title, data):
    for index, (key, value) in enumerate(sorted(data.items())):
        if index == 0:
            print(f'{title}: ')
        print(f'\t{key} = "{value}"')


def _main():
    """Print the platform, version, scheme, paths and variables."""
    print(f'Platform: "{get_platform()}"')
    print(f'Python version: "{get_python_version()}"')
    print(f'Current installation scheme: "{get_default_scheme()}"')
    print()
    _print_dict('Paths', get_paths())
    print()
    _print_dict('Variables', get_config_vars())
