# secrets: sizes, types and ranges of the random values, and errors.
# (token_urlsafe needs base64; secrets_urlsafe.py covers it.)
import secrets
import string

print(len(secrets.token_bytes()), len(secrets.token_bytes(5)),
      type(secrets.token_bytes(1)).__name__, secrets.token_bytes(0))
tok = secrets.token_hex(16)
print(len(tok), set(tok) <= set(string.hexdigits.lower()), len(secrets.token_hex()))
print(len({secrets.token_hex(8) for _ in range(50)}))
print(all(0 <= secrets.randbelow(7) < 7 for _ in range(200)),
      {secrets.randbelow(2) for _ in range(200)} == {0, 1},
      secrets.randbelow(1))
print(all(0 <= secrets.randbits(5) < 32 for _ in range(100)), secrets.randbits(0))
seq = 'abcdef'
print(all(secrets.choice(seq) in seq for _ in range(50)))
print(isinstance(secrets.SystemRandom(), secrets.SystemRandom))
print(secrets.compare_digest(b'a', b'a'), secrets.compare_digest('a', 'b'))
print(secrets.DEFAULT_ENTROPY)
for bad in (0, -3):
    try:
        secrets.randbelow(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    secrets.choice([])
except IndexError as e:
    print('IndexError', e)
