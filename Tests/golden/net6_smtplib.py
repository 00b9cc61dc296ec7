# smtplib against a loopback socketserver SMTP server: EHLO features, AUTH
# PLAIN, sendmail with a refused recipient, send_message (Bcc dropped),
# dot-stuffing, errors.
import base64, smtplib, socketserver, threading
from email.message import EmailMessage
received = []
class SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, text):
        self.wfile.write(text.encode() + b'\r\n')
    def handle(self):
        self.reply('220 test.local ESMTP ready')
        envelope = {'rcpt': []}
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode().rstrip('\r\n')
            verb = cmd.split(' ', 1)[0].upper()
            if verb == 'EHLO':
                self.reply('250-test.local greets ' + cmd.split(' ', 1)[1])
                self.reply('250-SIZE 100000')
                self.reply('250-8BITMIME')
                self.reply('250 AUTH PLAIN LOGIN')
            elif verb == 'HELO':
                self.reply('250 test.local')
            elif verb == 'AUTH':
                parts = cmd.split()
                if parts[1] == 'PLAIN' and base64.b64decode(parts[2]) == b'\0user\0secret':
                    self.reply('235 2.7.0 Authentication successful')
                else:
                    self.reply('535 5.7.8 Authentication credentials invalid')
            elif verb == 'MAIL':
                envelope = {'from': cmd[10:], 'rcpt': []}
                self.reply('250 OK')
            elif verb == 'RCPT':
                if 'bad' in cmd:
                    self.reply('550 No such user')
                else:
                    envelope['rcpt'].append(cmd[8:])
                    self.reply('250 OK')
            elif verb == 'DATA':
                self.reply('354 End data with <CR><LF>.<CR><LF>')
                data = b''
                while True:
                    l = self.rfile.readline()
                    if l == b'.\r\n':
                        break
                    data += l
                envelope['data'] = data
                received.append(envelope)
                self.reply('250 OK queued')
            elif verb == 'VRFY':
                self.reply('252 Cannot VRFY user')
            elif verb in ('NOOP', 'RSET'):
                self.reply('250 OK')
            elif verb == 'QUIT':
                self.reply('221 Bye')
                return
            else:
                self.reply('502 Command not implemented')
srv = socketserver.ThreadingTCPServer(('127.0.0.1', 0), SMTPHandler)
srv.daemon_threads = True
t = threading.Thread(target=srv.serve_forever, args=(0.05,)); t.start()
port = srv.server_address[1]
with smtplib.SMTP('127.0.0.1', port, local_hostname='client.local', timeout=10) as s:
    print(s.ehlo())
    print(s.does_esmtp, sorted(s.esmtp_features.items()), s.has_extn('SIZE'), s.has_extn('starttls'))
    print(s.noop(), s.verify('someone@x'))
    print(s.login('user', 'secret'))
    refused = s.sendmail('Me <me@x.org>', ['a@y.org', 'bad@y.org'], 'Subject: hi\n\n.leading dot\nline\n')
    print(refused)
    m = EmailMessage()
    m['From'] = 'Sender <sender@x.org>'
    m['To'] = 'one@y.org, Two <two@y.org>'
    m['Bcc'] = 'hidden@z.org'
    m['Subject'] = 'Test message'
    m.set_content('Body text\n')
    print(s.send_message(m))
    try:
        s.sendmail('me@x.org', ['bad1@y', 'bad2@y'], 'x')
    except smtplib.SMTPRecipientsRefused as e:
        print('refused all', sorted(e.recipients))
    print(s.docmd('BOGUS'))
try:
    with smtplib.SMTP('127.0.0.1', port, local_hostname='c') as s2:
        s2.login('user', 'wrong')
except smtplib.SMTPAuthenticationError as e:
    print('auth error', e.smtp_code, e.smtp_error)
srv.shutdown(); t.join(); srv.server_close()
for env in received:
    print(env['from'], env['rcpt'])
    print(env['data'].decode().replace('\r\n', '|'))
print(smtplib.quoteaddr('Name <a@b>'), smtplib.quoteaddr('a@b'), smtplib.quotedata('.a\nb\r\n.c'))
print(issubclass(smtplib.SMTPException, OSError), smtplib.SMTP_PORT, smtplib.LMTP_PORT)
