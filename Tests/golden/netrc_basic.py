import netrc, os, tempfile
d = tempfile.mkdtemp()
def parse(text):
    p = os.path.join(d, 'netrc')
    with open(p, 'w') as f: f.write(text)
    try:
        n = netrc.netrc(p)
        print(sorted(n.hosts.items()), sorted(n.macros.items()))
        return n
    except netrc.NetrcParseError as e:
        print('ERR', str(e).replace(d, 'D'), e.lineno)
n = parse('machine host1.com login log1 password pass1 account acct1\ndefault login deflog password defpass\n')
print(n.authenticators('host1.com'), n.authenticators('other'))
print(repr(n))
parse('machine a login "quoted user" password "p\\"w d"\nmachine b login x # trailing comment\n password y\n')
parse('machine a login x password y\nmacdef init\ncd /pub\nbinary\n\nmachine b login z password w\n')
parse('machine a login x bogus y\n')
parse('frob a\n')
parse('macdef m\nline\n')
parse('machine m user u password p\n')
parse('')
n = parse('machine only\n'); print(n.authenticators('only'), n.authenticators('x'))
import shutil; shutil.rmtree(d)
