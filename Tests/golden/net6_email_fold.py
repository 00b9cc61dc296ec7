# email default-policy folding: long non-ASCII Subject, address lists, an
# overlong word, SMTPUTF8 output; compared with CPython.
from email.message import EmailMessage
import email.policy
m = EmailMessage()
m['Subject'] = 'Réunion du conseil d’administration — ordre du jour détaillé et pièces jointes à consulter avant jeudi'
m['To'] = ', '.join('Person Number%d <person%d@example.com>' % (i, i) for i in range(6))
m['X-Long'] = 'a' * 100
m['X-Words'] = ' '.join(['word'] * 30)
m.set_content('x')
print(m.as_string())
print(m.as_bytes(policy=email.policy.SMTPUTF8).decode())
