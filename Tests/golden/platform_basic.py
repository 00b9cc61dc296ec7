# platform: uname and its lazy processor, the python_* queries (parsed from
# sys.version), platform(), architecture(), libc_ver() (also by scanning a
# binary), freedesktop_os_release() parsing, system_alias().
import os
import sys
import tempfile
import platform

u = platform.uname()
print(type(u).__name__, len(u), u._fields)
print(tuple(u)[:5] == tuple(os.uname()), u.system == platform.system())
print(u[:2] == (u.system, u.node), u[-1] == u.processor == platform.processor())
print(platform.node() == os.uname().nodename, platform.release() == os.uname().release)
print(platform.version() == os.uname().version, platform.machine() == os.uname().machine)
print(repr(u).startswith("uname_result(system='%s', node=" % u.system), 'processor' in repr(u))
print(platform.uname() is u, isinstance(platform.processor(), str))
r = platform.uname_result('Sys', 'host', '1.0', '#1', 'mach')
print(r, r.system, r[4], len(list(r)))
print(platform.uname_result._make(['a', 'b', 'c', 'd', 'e'])[:5])
try:
    platform.uname_result._make(['a', 'b', 'c', 'd', 'e', 'f'])
except TypeError as e:
    print('TypeError:', e)
print(r.__reduce__()[1], r._replace(system='X').system)

print('-- the interpreter')
print(platform.python_implementation())
print(platform.python_version() == '%d.%d.%d' % sys.version_info[:3])
print(platform.python_version_tuple() == tuple(str(n) for n in sys.version_info[:3]))
print(platform.python_compiler() == sys.version.rpartition('[')[2].rstrip(']'))
build = platform.python_build()
print(type(build).__name__, len(build), all(isinstance(s, str) for s in build))
print(repr(platform.python_branch()), repr(platform.python_revision()))
for text in ('3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]',
             '3.15.0 (weft 0.1.0, Nov 26 2026, 13:21:08) [GCC 12.2.0]',
             '2.7.18 (#1, Apr 20 2020, 12:00:00) \n[GCC 9.3.0]',
             '3.12 (tags/v3.12:abc, Oct  2 2023, 00:00:00) [MSC v.1935 64 bit (AMD64)]'):
    print(platform._sys_version(text)[1:])
try:
    platform._sys_version('garbage')
except ValueError as e:
    print('ValueError')

print('-- platform() and architecture()')
p = platform.platform()
print(p.startswith('%s-%s' % (u.system, u.release.replace(' ', '_'))))
print(p == platform.platform(aliased=True) == platform.platform(terse=True) or u.system != 'Linux')
print(platform._platform('Linux', '1.0 test', '', 'x86/64', 'unknown', '(a:b)'))
print(platform._platform('A', '', 'B--C', 'D-'))
bits, linkage = platform.architecture()
print(bits == ('64bit' if sys.maxsize > 2**32 else '32bit'), linkage in ('ELF', ''))
print(platform.architecture(bits='32bit', executable='')[0])

print('-- libc_ver')
lib, ver = platform.libc_ver()
print(isinstance(lib, str), isinstance(ver, str))
def remove_tree(tmp):
    # shutil-free clean-up of the flat temporary directories used here.
    for name in os.listdir(tmp):
        os.remove(os.path.join(tmp, name))
    os.rmdir(tmp)

tmp = tempfile.mkdtemp()
try:
    def scan(data, **kw):
        path = os.path.join(tmp, 'bin')
        with open(path, 'wb') as f:
            f.write(data)
        return platform.libc_ver(path, **kw)
    print(scan(b'\0junk GLIBC_2.9\0 GLIBC_2.17\0GLIBC_2.3.4\0'))
    print(scan(b'x' * 20000 + b'GLIBC_2.10' + b'y' * 100 + b'GLIBC_2.9'))
    print(scan(b'libc.so.6\0'), scan(b'libc_r.so.1.2\0'))
    print(scan(b'__libc_init\0'), scan(b'musl-1.2.3\0musl-1.1.0'))
    print(scan(b'/lib/ld-musl-x86_64.so.1\0libc.so\0'), scan(b'libc.musl-x86_64.so.1\0'))
    print(scan(b'GLIBC_2.17\0libc.so.6\0'), scan(b'musl-1.2.3\0libc.so.6\0'))
    print(scan(b'nothing here', lib='dflt', version='0'))
    print(scan(b'GLIBC_2.2' + b'z' * 40 + b'GLIBC_2.31', chunksize=16))
finally:
    remove_tree(tmp)

print('-- os-release')
lines = ['NAME="Weft Linux"\n', "ID=weft\n", "# comment\n", "\n",
         'VERSION_ID="1.0"\n', "PRETTY_NAME='Weft \\\"quoted\\\" \\$x'\n",
         'BAD LINE=1\n', 'HALF="open\n', 'EMPTY=\n', 'ESC=a\\b\\\\c\n']
info = platform._parse_os_release(lines)
for key in sorted(info):
    print(' ', key, repr(info[key]))
print(platform._parse_os_release([]))
saved = platform._os_release_candidates
tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, 'os-release')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('ID=test\nNAME=Test\n')
    platform._os_release_candidates = (os.path.join(tmp, 'missing'), path)
    platform._os_release_cache = None
    first = platform.freedesktop_os_release()
    first['ID'] = 'changed'
    print(platform.freedesktop_os_release()['ID'], first['NAME'])
    platform._os_release_candidates = (os.path.join(tmp, 'missing'),)
    platform._os_release_cache = None
    try:
        platform.freedesktop_os_release()
    except OSError as e:
        print('OSError', e.errno == 2, 'Unable to read files' in str(e))
finally:
    remove_tree(tmp)
platform._os_release_candidates = saved
platform._os_release_cache = None

print('-- aliases and other systems')
print(platform.system_alias('SunOS', '5.11', 'v'), platform.system_alias('SunOS', '4.1', 'v'))
print(platform.system_alias('SunOS', 'x.1', ''), platform.system_alias('win32', '10', 'x'))
print(platform.system_alias('Linux', '6.1', '#1'))
print(platform.mac_ver(), platform.win32_ver(), platform.win32_edition(), platform.win32_is_iot())
platform.invalidate_caches()
print(platform.uname() is not u, platform.uname() == u)
