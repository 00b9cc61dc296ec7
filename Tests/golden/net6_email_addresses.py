# email.utils address parsing (3.13+ strict mode: several addresses or a group
# give ('', '') from parseaddr) and formataddr.
from email.utils import parseaddr, getaddresses, formataddr
cases = ['foo@bar', '"Foo Bar" <foo@bar>', '<>', 'Foo (comment) <foo@bar>', 'foo@bar, baz@qux', 'foo@bar (Foo Bar)',
         'Foo Bar <foo@bar.com>', '"Doe, John" <jd@x.org>', 'J. Doe <jd@x.org>', '', 'Group: a@b, c@d;',
         'user.name+tag@sub.example.co.uk', '"quoted\\"name" <q@x>', 'A <a@x>, B <b@x>']
for c in cases:
    print(repr(c), parseaddr(c), getaddresses([c]))
print(getaddresses(['a@b', 'C <c@d>, e@f']), getaddresses([]))
