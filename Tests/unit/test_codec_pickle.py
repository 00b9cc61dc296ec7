"""Codec objects pickle and copy by reference, as CPython's module-level
codec classes and functions do, though Weft's codec modules get theirs
from factories (encodings._charmap_codec, _bom_codec, _transform_codec,
_multibyte)."""

import codecs
import copy
import pickle
import unittest


class CodecPickleTest(unittest.TestCase):

    def test_codec_info_round_trips(self):
        for name in ("utf-8", "utf-16", "base64", "hex", "zlib", "uu",
                     "cp1252", "shift_jis", "iso2022_jp"):
            info = codecs.lookup(name)
            for proto in range(pickle.HIGHEST_PROTOCOL + 1):
                with self.subTest(name=name, protocol=proto):
                    clone = pickle.loads(pickle.dumps(info, proto))
                    self.assertIsNot(clone, info)
                    self.assertIs(clone.incrementalencoder,
                                  info.incrementalencoder)
                    self.assertIs(clone.streamreader, info.streamreader)

    def test_transform_codec_functions(self):
        # CodecInfo of a bytes transform holds module functions, so a
        # deep copy compares equal (CPython's base64_encode, ...).
        info = codecs.lookup("base64")
        self.assertEqual(info.encode.__qualname__, "base64_encode")
        self.assertEqual(info.encode.__module__, "encodings.base64_codec")
        self.assertEqual(copy.deepcopy(info), info)
        self.assertEqual(info.encode(b"hi"), (b"aGk=\n", 2))
        with self.assertRaises(ValueError):
            info.encode(b"hi", "ignore")

    def test_classes_are_module_attributes(self):
        import encodings.cp1252 as module
        self.assertEqual(module.Codec.__qualname__, "Codec")
        self.assertEqual(module.IncrementalDecoder.__module__,
                         "encodings.cp1252")
        decoder = codecs.getincrementaldecoder("shift_jis")
        self.assertIs(pickle.loads(pickle.dumps(decoder)), decoder)


if __name__ == "__main__":
    unittest.main()
