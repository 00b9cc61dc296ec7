# email compat32 folding of long non-ASCII, ASCII and Header values; compared
# with CPython.
from email.message import Message
from email.header import Header
from email.mime.text import MIMEText
m = MIMEText('body')
m['Subject'] = 'Réunion du conseil d’administration — ordre du jour détaillé et pièces jointes'
m['X-Ascii'] = 'word ' * 25
m['X-H'] = Header('Grüße aus Köln und überall', 'iso-8859-1', header_name='X-H')
print(m.as_string(maxheaderlen=78))
print(str(m)[:300])
