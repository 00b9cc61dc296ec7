"""Importing this module opens xkcd comic 353 ("Python") in a browser.

geohash() is the geohashing algorithm of xkcd comic 426.
"""

import hashlib
import webbrowser

webbrowser.open("https://xkcd.com/353/")


def geohash(latitude, longitude, datedow):
    """Print the day's meeting point near (latitude, longitude).

    *datedow* is the date and that day's Dow Jones opening as bytes,
    for example b'2005-05-26-10458.68'.  Its MD5 digest, read as two
    hexadecimal fractions, gives the decimals appended to the integer
    parts of the coordinates.
    """
    digest = hashlib.md5(datedow, usedforsecurity=False).hexdigest()
    fractions = ["%f" % float.fromhex("0." + half)
                 for half in (digest[:16], digest[16:32])]
    # "%f" of a fraction is "0.xxxxxx": keep the point and the digits.
    print("%d%s %d%s" % (latitude, fractions[0][1:],
                         longitude, fractions[1][1:]))
