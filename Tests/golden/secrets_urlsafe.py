# secrets.token_urlsafe: URL-safe Base64 text without padding.
import secrets
import string

url = secrets.token_urlsafe(16)
print(len(url), set(url) <= set(string.ascii_letters + string.digits + '-_'))
print(len(secrets.token_urlsafe()), len(secrets.token_urlsafe(3)),
      secrets.token_urlsafe(0))
print(len({secrets.token_urlsafe(8) for _ in range(50)}))
