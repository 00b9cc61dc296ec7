# base64 features newer than 3.11: z85 (3.13), wrapcol (3.15).
import base64

print(base64.z85encode(b"\x86\x4f\xd2\x6f\xb5\x59\xf7\x5b"))
print(base64.z85decode(b"HelloWorld"), base64.z85decode("HelloWorld").hex())
try:
    base64.z85decode(b"Hello Wor")
except ValueError as e:
    print(e)
print(base64.z85encode(b"abc"), base64.z85decode(base64.z85encode(b"abc")))
print(base64.b64encode(b"x" * 10, wrapcol=4))
print(base64.b32encode(b"foobar", wrapcol=8))
print(base64.b16encode(b"foo", wrapcol=2))
print(base64.b64encode(b"", wrapcol=4), base64.b64encode(b"ab", wrapcol=0))
print(base64.b32decode(b"MZXW 6YTB\nOI======", ignorechars=b" \n"),
      base64.b32hexdecode(b"CPNM-UOJ1-E8======", ignorechars=b"-"),
      base64.b16decode(b"66 6F 6F", ignorechars=b" "),
      base64.b85decode(b"VPa!s\nWoBn+", ignorechars=b"\n"),
      base64.z85decode(b"Hello World", ignorechars=b" "))
