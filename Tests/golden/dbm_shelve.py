# dbm.dumb and shelve: storing, replacing and deleting, the index file, read-only
# and closed errors, whichdb, writeback, and a Shelf over a plain dict.
import dbm, dbm.dumb, shelve, tempfile, os, shutil
# The dumb module is named explicitly: the default module may differ.
d = tempfile.mkdtemp()
db = dbm.dumb.open(d + '/x', 'c'); db['a'] = 'b'; db[b'k'] = b'v' * 600; db['a'] = 'bb'; db['k'] = b'w'*2000
print(sorted(db.keys()), db['a'], len(db[b'k']), 'a' in db, len(db)); del db['a']; db.close()
print(open(d + '/x.dir').read(), dbm.whichdb(d + '/x'))
try: dbm.dumb.open(d + '/nope', 'r')
except OSError as e: print(type(e).__name__)
try: dbm.open(d + '/nope2', 'r')
except dbm.error as e: print(type(e).__name__, e)
db = dbm.dumb.open(d + '/x', 'r')
try: db['z'] = '1'
except OSError as e: print(e)
try: db['zz']
except KeyError as e: print(repr(e))
db.close()
try: db['k']
except OSError as e: print(e)
try: dbm.dumb.open(d + '/q', 'x')
except ValueError as e: print(e)
def dumb_shelf(name, flag='c', writeback=False):
    return shelve.Shelf(dbm.dumb.open(name, flag), writeback=writeback)
with dumb_shelf(d + '/sh') as s:
    s['list'] = [1, 2]; s['obj'] = {'a': (1, 2)}
    s['list'].append(3)
    print(s['list'], sorted(s), len(s), 'obj' in s, s.get('nope', 5))
with dumb_shelf(d + '/sh', writeback=True) as s:
    s['list'].append(3)
with dumb_shelf(d + '/sh', 'r') as s:
    print(s['list'], dict(s))
s = dumb_shelf(d + '/sh'); s.close()
try: s['list']
except ValueError as e: print(e)
print(repr(s.dict))
sh = shelve.Shelf({}); sh['x'] = 1; print(sh['x'], list(sh.dict))
shutil.rmtree(d)
