"""uuid's MAC address getters: parsing each platform's notation, reading
tool output by keyword or by column, and getnode() skipping getters that
give no valid 48-bit node; uuid1() draws its clock sequence from random
(expected values are CPython's)."""

import io
import unittest
from unittest import mock

import uuid


def fake_stdout(text):
    return lambda command, args: io.BytesIO(text.encode())


class ParseMacTest(unittest.TestCase):

    def test_colon_notation(self):
        with mock.patch.multiple(uuid, _MAC_DELIM=b':',
                                 _MAC_OMITS_LEADING_ZEROES=False):
            self.assertEqual(uuid._parse_mac(b'52:54:00:9d:0e:67'),
                             0x5254009d0e67)
            for bad in (b'', b'fe80::5054:ff:fe9', b'52:54:00:9d::67',
                        b'52:54:00:9d:0e:6x', b'52-54-00-9d-0e-67',
                        b'5:54:00:9d:0e:67'):
                self.assertIsNone(uuid._parse_mac(bad), bad)

    def test_aix_notation(self):
        with mock.patch.multiple(uuid, _MAC_DELIM=b'.',
                                 _MAC_OMITS_LEADING_ZEROES=True):
            self.assertEqual(uuid._parse_mac(b'fe.ad.c.1.23.4'),
                             0xfead0c012304)
            self.assertIsNone(uuid._parse_mac(b'fe.ad.c.1.23'))


class ToolOutputTest(unittest.TestCase):

    def test_near_keyword_prefers_valid_mac(self):
        data = ('fake  Link encap:UNSPEC  hwaddr 00-00\n'
                'eth0  Link encap:Ethernet  HWaddr 12:34:56:78:90:ab\n')
        with mock.patch.multiple(uuid, _MAC_DELIM=b':',
                                 _MAC_OMITS_LEADING_ZEROES=False,
                                 _get_command_stdout=fake_stdout(data)):
            mac = uuid._find_mac_near_keyword('ifconfig', '', [b'hwaddr'],
                                              lambda i: i + 1)
        self.assertEqual(mac, 0x1234567890ab)

    def test_under_heading_skips_ipv6(self):
        data = ('Name Mtu Network Address Ipkts\n'
                'vtnet - fe80::%vtnet0 fe80::5054:ff:fe9 0\n'
                'vtnet 1500 <Link#1> 52:54:00:9d:0e:67 10017\n'
                '    224.0.0.1\n')
        with mock.patch.multiple(uuid, _MAC_DELIM=b':',
                                 _MAC_OMITS_LEADING_ZEROES=False,
                                 _get_command_stdout=fake_stdout(data)):
            mac = uuid._find_mac_under_heading('netstat', '-ian', b'Address')
        self.assertEqual(mac, 0x5254009d0e67)

    def test_missing_heading(self):
        with mock.patch.object(uuid, '_get_command_stdout',
                               fake_stdout('Name Mtu\nen0 1500\n')):
            self.assertIsNone(uuid._find_mac_under_heading(
                'netstat', '-ian', b'Address'))

    def test_missing_command(self):
        self.assertIsNone(uuid._get_command_stdout(
            'weft-no-such-command-x', ''))


class GetnodeTest(unittest.TestCase):

    def test_too_large_getter_falls_back_to_random(self):
        def boom():
            raise OSError
        with mock.patch.multiple(uuid, _node=None,
                                 _GETTERS=[boom, lambda: None,
                                           lambda: 1 << 48]):
            node = uuid.getnode()
        self.assertTrue(node & (1 << 40))
        self.assertLess(node, 1 << 48)

    def test_first_valid_getter_wins(self):
        with mock.patch.multiple(uuid, _node=None,
                                 _GETTERS=[lambda: None,
                                           lambda: 0x1234567890ab]):
            self.assertEqual(uuid.getnode(), 0x1234567890ab)

    def test_uuid1_clock_seq_from_random(self):
        with mock.patch.object(uuid, '_last_timestamp', None), \
             mock.patch.object(uuid, 'getnode', return_value=93328246233727), \
             mock.patch('time.time_ns', return_value=1545052026752910643), \
             mock.patch('random.getrandbits', return_value=5317):
            u = uuid.uuid1()
        self.assertEqual(u, uuid.UUID('a7a55b92-01fc-11e9-94c5-54e1acf6da7f'))


if __name__ == '__main__':
    unittest.main()
