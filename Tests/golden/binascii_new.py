# binascii features of 3.15: alphabets, padded, canonical, ignorechars,
# wrapcol, base32.
import binascii as b

def show(f, *a, **k):
    try:
        print(f.__name__, repr(f(*a, **k)))
    except Exception as e:
        print(f.__name__, type(e).__name__ + ":", e)

show(b.b2a_base64, b"ab", padded=False)
show(b.a2b_base64, b"YWI", padded=False)
show(b.a2b_base64, b"YWI=", padded=False)
show(b.a2b_base64, b"YWI=", padded=False, strict_mode=True)
show(b.a2b_base64, b"YW I=\n", ignorechars=b" \n")
show(b.a2b_base64, b"YW*I=", ignorechars=b" ")
show(b.a2b_base64, b"YW*I=", ignorechars=b" ", strict_mode=False)
show(b.b2a_base64, b"\xfb\xff", alphabet=b.URLSAFE_BASE64_ALPHABET)
show(b.a2b_base64, b"-_8=", alphabet=b.URLSAFE_BASE64_ALPHABET)
show(b.a2b_base64, b"YR==", canonical=True)
show(b.a2b_base64, b"YQ==", canonical=True)
show(b.b2a_base64, b"x" * 10, wrapcol=4, newline=False)
show(b.b2a_base64, b"a", alphabet=b"abc")
show(b.b2a_base64, b"a", alphabet=b"A" * 64)
show(b.b2a_base32, b"foobar")
show(b.b2a_base32, b"foobar", padded=False)
show(b.b2a_base32, b"foobar", alphabet=b.BASE32HEX_ALPHABET)
show(b.b2a_base32, b"foobar", wrapcol=4)
show(b.b2a_base32, b"")
show(b.a2b_base32, b"MZXW6YTBOI======")
show(b.a2b_base32, "MZXW6YTBOI", padded=False)
show(b.a2b_base32, b"MZXW6YTBOI")
show(b.a2b_base32, b"mzxw")
show(b.a2b_base32, b"MZXW 6YTB\nOI======", ignorechars=b" \n")
show(b.a2b_base32, b"MZ======", canonical=True)
show(b.a2b_base32, b"MY======", canonical=True)
show(b.a2b_base32, b"M=======")
show(b.a2b_base32, b"CPNMUOJ1E8======", alphabet=b.BASE32HEX_ALPHABET)
for n in range(12):
    data = bytes(range(n))
    assert b.a2b_base32(b.b2a_base32(data)) == data
    assert b.a2b_base32(b.b2a_base32(data, padded=False), padded=False) == data
    assert b.a2b_base64(b.b2a_base64(data, padded=False), padded=False) == data
show(b.unhexlify, b"01 02:ff", ignorechars=b" :")
show(b.a2b_hex, b"0 1", ignorechars=b"")
print(b.BASE64_ALPHABET[-2:], b.BASE32_ALPHABET[-6:], len(b.BASE85_ALPHABET),
      b.ASCII85_ALPHABET[:3], b.Z85_ALPHABET[-3:], b.CRYPT_ALPHABET[:3],
      len(b.UU_ALPHABET), len(b.BINHEX_ALPHABET))
show(b.b2a_base85, b"abc")
show(b.b2a_base85, b"abc", pad=True)
show(b.b2a_base85, b"abc", wrapcol=2)
show(b.b2a_base85, b"\x86\x4f\xd2\x6f\xb5\x59\xf7\x5b", alphabet=b.Z85_ALPHABET)
show(b.a2b_base85, b"VPaz")
show(b.a2b_base85, b"VP az", ignorechars=b" ")
show(b.a2b_base85, b"VPX", canonical=True)
show(b.a2b_base85, b"VPa", canonical=True)
show(b.a2b_base85, b"0")
show(b.a2b_base85, b"|NsC1")
show(b.a2b_base85, b'ab"cd')
show(b.b2a_ascii85, b"Man \0\0\0\0    ", foldspaces=True)
show(b.b2a_ascii85, b"Man is", adobe=True, wrapcol=4)
show(b.a2b_ascii85, b"<~9jqo^BlbD-BleB1~>", adobe=True)
show(b.a2b_ascii85, b"9jqo^ z", ignorechars=b" ")
show(b.a2b_ascii85, b"!!z")
show(b.a2b_ascii85, b"y", foldspaces=True)
show(b.a2b_ascii85, b"!!!!!", canonical=True)
show(b.a2b_ascii85, b"9jqo", adobe=True)
