"""Folding under the modern policies: where a header line breaks when
a word or the whole value does not fit after the header name (outputs
as CPython folds them)."""

import unittest

import email.policy
from email.message import EmailMessage


def folded(max_line_length):
    m = EmailMessage(policy=email.policy.default.clone(
        max_line_length=max_line_length))
    m['To'] = 'whom_it_may_concern@example.com'
    m['From'] = 'nobody_you_want_to_know@example.com'
    m['Cc'] = 'a@example.com, bbbbbbbbbbbbbbbb@example.com, c@example.com'
    m['Subject'] = 'We the willing led by the unknowing'
    return m.as_string()


class ModernFoldTest(unittest.TestCase):

    def test_value_moves_whole_when_it_fits_a_line(self):
        self.assertEqual(folded(40),
                         'To: whom_it_may_concern@example.com\n'
                         'From:\n nobody_you_want_to_know@example.com\n'
                         'Cc: a@example.com,\n'
                         ' bbbbbbbbbbbbbbbb@example.com,\n'
                         ' c@example.com\n'
                         'Subject:\n We the willing led by the unknowing\n'
                         '\n')

    def test_first_word_leaves_the_name_alone(self):
        self.assertEqual(folded(20),
                         'To:\n whom_it_may_concern@example.com\n'
                         'From:\n nobody_you_want_to_know@example.com\n'
                         'Cc: a@example.com,\n'
                         ' bbbbbbbbbbbbbbbb@example.com,\n'
                         ' c@example.com\n'
                         'Subject: We the\n willing led by the\n unknowing\n'
                         '\n')

    def test_empty_value_has_no_trailing_space(self):
        m = EmailMessage()
        m['Subject'] = ''
        m['X-Long'] = 'thislongwordislessthanmaxlinelen'
        self.assertEqual(
            m.as_string(policy=email.policy.default.clone(
                max_line_length=35)),
            'Subject:\nX-Long:\n thislongwordislessthanmaxlinelen\n\n')

    def test_parameters_fold_but_value_stays(self):
        m = EmailMessage()
        m['Content-Disposition'] = ('attachment; filename='
                                    '"a_rather_long_file_name_for_the_test.txt"')
        self.assertEqual(
            m['Content-Disposition'].fold(policy=email.policy.default),
            'Content-Disposition: attachment;\n'
            ' filename="a_rather_long_file_name_for_the_test.txt"\n')


if __name__ == '__main__':
    unittest.main()
