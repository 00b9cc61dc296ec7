"""The socket module's Linux constants (values from the kernel's headers,
as CPython 3.15 exposes them on Linux) and the names socket.py re-exports."""

import errno
import socket
import unittest


class LinuxConstants(unittest.TestCase):

    def test_address_families(self):
        self.assertEqual(socket.AF_BRIDGE, 7)
        self.assertEqual(socket.AF_QIPCRTR, 42)
        self.assertEqual(socket.PF_CAN, socket.AF_CAN)
        self.assertEqual(socket.PF_PACKET, socket.AF_PACKET)
        self.assertIsInstance(socket.AF_ASH, socket.AddressFamily)
        # Not upper case, so left out of the AddressFamily enum.
        self.assertIs(type(socket.AF_DECnet), int)
        self.assertEqual(socket.AF_DECnet, 12)

    def test_can_bcm_names_carry_the_prefix(self):
        self.assertEqual(socket.CAN_BCM_TX_SETUP, 1)
        self.assertEqual(socket.CAN_BCM_RX_SETUP, 5)
        self.assertEqual(socket.CAN_BCM_CAN_FD_FRAME, 0x800)
        self.assertEqual(socket.CAN_EFF_FLAG, 0x80000000)

    def test_other_families(self):
        self.assertEqual(socket.VMADDR_CID_ANY, 0xFFFFFFFF)
        self.assertEqual(socket.IOCTL_VM_SOCKETS_GET_LOCAL_CID, 0x7B9)
        self.assertEqual(socket.TIPC_WAIT_FOREVER, -1)
        self.assertEqual(socket.NETLINK_ROUTE, 0)
        self.assertEqual(socket.UDPLITE_SEND_CSCOV, 10)
        self.assertEqual(socket.J1939_PGN_MAX, 0x3FFFF)

    def test_errno_names(self):
        self.assertEqual(socket.EBADF, errno.EBADF)
        self.assertEqual(socket.EAGAIN, errno.EAGAIN)
        self.assertEqual(socket.EWOULDBLOCK, errno.EWOULDBLOCK)


class SetHostname(unittest.TestCase):
    # Only the argument checks: a successful call would rename the machine.

    def test_rejects_non_text(self):
        with self.assertRaises(TypeError):
            socket.sethostname(3)
        with self.assertRaises(TypeError):
            socket.sethostname()

    def test_rejects_embedded_nul(self):
        with self.assertRaises(ValueError):
            socket.sethostname("a\0b")


if __name__ == "__main__":
    unittest.main()
