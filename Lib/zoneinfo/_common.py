"""Reading TZif files (RFC 8536, versions 1 to 3)."""


class ZoneInfoNotFoundError(KeyError):
    """No time zone file exists for the requested key."""


def load_tzdata(key):
    """An open binary file for key from the first-party 'tzdata' package,
    the fallback when no TZPATH directory has the zone."""
    try:
        import importlib.resources as resources
    except ImportError:
        raise ZoneInfoNotFoundError(f"No time zone found with key {key}") \
            from None
    package_parts = ["tzdata", "zoneinfo"] + key.split("/")[:-1]
    resource = key.split("/")[-1]
    try:
        return resources.files(".".join(package_parts)).joinpath(
            resource).open("rb")
    except (ImportError, FileNotFoundError, UnicodeEncodeError,
            IsADirectoryError, NotADirectoryError, ValueError):
        # ImportError: no tzdata package (or no such sub-package);
        # the others: the key names no file inside it.
        raise ZoneInfoNotFoundError(f"No time zone found with key {key}") \
            from None


def _read_exact(fobj, size):
    data = fobj.read(size)
    if len(data) != size:
        raise ValueError("Invalid TZif file: unexpected end of file")
    return data


def _read_header(fobj):
    """(version, counts) from a TZif header; counts are isutcnt, isstdcnt,
    leapcnt, timecnt, typecnt, charcnt."""
    magic = fobj.read(4)
    if magic != b"TZif":
        raise ValueError("Invalid TZif file: magic not found")
    version_byte = _read_exact(fobj, 1)
    version = 1 if version_byte == b"\x00" else int(version_byte)
    _read_exact(fobj, 15)
    raw = _read_exact(fobj, 24)
    counts = [int.from_bytes(raw[i:i + 4], "big") for i in range(0, 24, 4)]
    return version, counts


def _signed(data, start, width):
    return int.from_bytes(data[start:start + width], "big", signed=True)


def _read_block(fobj, counts, time_size):
    """(transition times, type indices, ttinfo triples) of one data block;
    ttinfo triples are (utc offset, isdst, abbreviation)."""
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts
    times_raw = _read_exact(fobj, timecnt * time_size)
    times = [_signed(times_raw, i * time_size, time_size)
             for i in range(timecnt)]
    indices = list(_read_exact(fobj, timecnt))
    types_raw = _read_exact(fobj, typecnt * 6)
    chars = _read_exact(fobj, charcnt)
    _read_exact(fobj, leapcnt * (time_size + 4) + isstdcnt + isutcnt)
    types = []
    for i in range(typecnt):
        base = i * 6
        utcoff = _signed(types_raw, base, 4)
        isdst = types_raw[base + 4]
        abbr_index = types_raw[base + 5]
        end = chars.find(b"\x00", abbr_index)
        if end == -1:
            end = len(chars)
        abbr = chars[abbr_index:end].decode("ascii", "replace")
        types.append((utcoff, isdst, abbr))
    for index in indices:
        if index >= typecnt:
            raise ValueError("Invalid TZif file: bad transition type index")
    return times, indices, types


def load_data(fobj):
    """(transition times, type indices, types, footer TZ string or None)."""
    version, counts = _read_header(fobj)
    if version == 1:
        times, indices, types = _read_block(fobj, counts, 4)
        return times, indices, types, None
    # Skip the 32-bit block: the 64-bit one after it is authoritative.
    _read_block(fobj, counts, 4)
    version, counts = _read_header(fobj)
    times, indices, types = _read_block(fobj, counts, 8)
    footer = fobj.read()
    tz_string = None
    if footer.startswith(b"\n"):
        line = footer[1:].split(b"\n", 1)[0]
        tz_string = line.decode("ascii") if line else None
    return times, indices, types, tz_string
