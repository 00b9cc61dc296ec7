# HtmlDiff.make_file: the 3.14 page template (light and dark styles).
import difflib

difflib.HtmlDiff._default_prefix = 0
print(difflib.HtmlDiff().make_file(['one\n', 'two two\n', 'three\n'],
                                   ['one\n', 'two 2\n', 'three\n', 'four\n'],
                                   'f', 't', charset='ascii'))
