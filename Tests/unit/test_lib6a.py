"""Session 10 fixes in the issue 6 modules (numbers, text, data formats):
zipfile's ZIP64 extra field errors."""

import io
import struct
import unittest
import zipfile


def central_directory_only(compress_size, file_size, header_offset, extra):
    """An archive of one central directory entry named 'a' (no member
    data: ZipFile() reads only the central directory)."""
    name = b'a'
    entry = struct.pack('<4s4H2H3I5H2I', b'PK\x01\x02', 45, 45, 0, 0, 0,
                        0x21, 0, compress_size, file_size, len(name),
                        len(extra), 0, 0, 0, 0, header_offset)
    entry += name + extra
    end = struct.pack('<4s4H2IH', b'PK\x05\x06', 0, 0, 1, 1, len(entry), 0,
                      0)
    return entry + end


def zip64_extra(*values):
    return struct.pack('<2H', 1, 8 * len(values)) + \
        b''.join(struct.pack('<Q', v) for v in values)


class Zip64Extra(unittest.TestCase):
    MARK = 0xFFFFFFFF

    def open_error(self, data):
        with self.assertRaises(zipfile.BadZipFile) as cm:
            zipfile.ZipFile(io.BytesIO(data))
        return str(cm.exception)

    def test_names_the_missing_field(self):
        m = self.MARK
        cases = [
            ((0, m, 0, zip64_extra()), 'File size'),
            ((m, m, 0, zip64_extra(5)), 'Compress size'),
            ((m, 0, 0, zip64_extra()), 'Compress size'),
            ((m, m, m, zip64_extra(5, 5)), 'Header offset'),
            ((0, 0, m, zip64_extra()), 'Header offset'),
        ]
        for fields, title in cases:
            with self.subTest(title=title, fields=fields):
                self.assertEqual(self.open_error(central_directory_only(*fields)),
                                 f'Corrupt zip64 extra field. {title} not found.')

    def test_complete_record_is_applied(self):
        m = self.MARK
        data = central_directory_only(m, m, m, zip64_extra(7, 6, 0))
        info = zipfile.ZipFile(io.BytesIO(data)).infolist()[0]
        self.assertEqual((info.file_size, info.compress_size,
                          info.header_offset), (7, 6, 0))


if __name__ == '__main__':
    unittest.main()
