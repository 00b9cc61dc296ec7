import os, sys, tempfile, stat, shutil
d = tempfile.mkdtemp()
log = os.path.join(d, 'log')
script = os.path.join(d, 'fakebrowser')
with open(script, 'w') as f:
    f.write('#!/bin/sh\necho "$@" >> %s\n' % log)
os.chmod(script, 0o755)
os.environ['BROWSER'] = script + ' --flag %s' + os.pathsep + script
os.environ.pop('DISPLAY', None); os.environ.pop('WAYLAND_DISPLAY', None); os.environ.pop('TERM', None)
import webbrowser
print(webbrowser.open('http://example.com/a'))
print(webbrowser.open_new_tab('http://example.com/b'))
b = webbrowser.get(script + ' %s')
print(type(b).__name__, b.open('http://example.com/c'))
print(type(webbrowser.get()).__name__)
try: webbrowser.get('definitely-not-a-browser-xyz')
except webbrowser.Error as e: print('Error:', e)
try: webbrowser.open('-bad')
except ValueError as e: print('ValueError')
class Recorder(webbrowser.BaseBrowser):
    def open(self, url, new=0, autoraise=True):
        print('recorder got', url, new); return True
webbrowser.register('recorder', Recorder, preferred=True)
print(webbrowser.open('http://example.com/d', new=1))
print(type(webbrowser.get('recorder')).__name__)
with open(log) as f: print(f.read().strip().splitlines())
shutil.rmtree(d)
