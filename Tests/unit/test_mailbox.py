"""mailbox: each format written, reread and converted."""

import email.message
import io
import os
import shutil
import tempfile
import unittest

import mailbox

SAMPLE = (b"From: alice@example.com\n"
          b"To: bob@example.com\n"
          b"Subject: greetings\n"
          b"\n"
          b"Hello Bob,\n"
          b"From the mountains.\n")


def make_message(subject):
    message = email.message.Message()
    message["From"] = "carol@example.com"
    message["Subject"] = subject
    message.set_payload("body of %s\n" % subject)
    return message


class MailboxCase(unittest.TestCase):

    def setUp(self):
        self.directory = tempfile.mkdtemp()
        self.path = os.path.join(self.directory, "box")

    def tearDown(self):
        shutil.rmtree(self.directory)

    def common_checks(self, box):
        first = box.add(SAMPLE)
        second = box.add(make_message("two"))
        third = box.add(SAMPLE.decode("ascii"))
        self.assertEqual(len(box), 3)
        self.assertIn(first, box)
        self.assertEqual(box[first]["subject"], "greetings")
        self.assertEqual(box.get_message(second)["subject"], "two")
        body = box.get_bytes(first)
        self.assertTrue(body.endswith(b"Hello Bob,\n>From the mountains.\n")
                        or body.endswith(b"Hello Bob,\nFrom the mountains.\n"))
        self.assertIn("Subject: greetings", box.get_string(third))
        with box.get_file(second) as file:
            self.assertIn(b"Subject: two", file.read())
        box.remove(third)
        self.assertEqual(len(box), 2)
        with self.assertRaises(KeyError):
            box[third]
        self.assertIsNone(box.get(third))
        box[second] = make_message("two again")
        box.flush()
        self.assertEqual(box[second]["subject"], "two again")
        self.assertEqual(sorted(m["subject"] for m in box),
                         ["greetings", "two again"])
        return first, second


class MboxTest(MailboxCase):

    def test_roundtrip(self):
        box = mailbox.mbox(self.path)
        box.lock()
        first, second = self.common_checks(box)
        box.unlock()
        box.close()
        with open(self.path, "rb") as file:
            raw = file.read()
        self.assertTrue(raw.startswith(b"From "))
        self.assertIn(b"\n>From the mountains.\n", raw)
        reopened = mailbox.mbox(self.path, create=False)
        self.assertEqual(len(reopened), 2)
        message = reopened[first]
        self.assertIsInstance(message, mailbox.mboxMessage)
        self.assertTrue(message.get_from().startswith("MAILER-DAEMON "))
        reopened.close()

    def test_from_line_kept(self):
        box = mailbox.mbox(self.path)
        key = box.add(b"From someone@example.com Mon Jan  1 00:00:00 2024\n"
                      + SAMPLE)
        self.assertEqual(box[key].get_from(),
                         "someone@example.com Mon Jan  1 00:00:00 2024")
        self.assertTrue(box.get_bytes(key, from_=True).startswith(b"From someone"))
        box.close()

    def test_missing_not_created(self):
        with self.assertRaises(mailbox.NoSuchMailboxError):
            mailbox.mbox(self.path, create=False)

    def test_non_ascii_str_rejected(self):
        box = mailbox.mbox(self.path)
        with self.assertRaisesRegex(ValueError, "ASCII-only"):
            box.add("Subject: caf\xe9\n\nbody\n")
        self.assertEqual(len(box), 0)
        box.close()

    def test_external_lock_clash(self):
        box = mailbox.mbox(self.path)
        open(self.path + ".lock", "w").close()
        with self.assertRaises(mailbox.ExternalClashError):
            box.lock()
        os.remove(self.path + ".lock")
        box.close()


class MMDFTest(MailboxCase):

    def test_roundtrip(self):
        box = mailbox.MMDF(self.path)
        self.common_checks(box)
        box.close()
        with open(self.path, "rb") as file:
            self.assertTrue(file.read().startswith(b"\001\001\001\001\n"))
        reopened = mailbox.MMDF(self.path)
        self.assertEqual(len(reopened), 2)
        self.assertIsInstance(next(iter(reopened)), mailbox.MMDFMessage)
        reopened.close()


class MaildirTest(MailboxCase):

    def test_roundtrip(self):
        box = mailbox.Maildir(self.path)
        self.assertEqual(sorted(os.listdir(self.path)), ["cur", "new", "tmp"])
        first, second = self.common_checks(box)
        self.assertIsInstance(box[first], mailbox.MaildirMessage)
        self.assertEqual(box[first].get_subdir(), "new")

    def test_flags_and_info(self):
        box = mailbox.Maildir(self.path)
        message = mailbox.MaildirMessage(SAMPLE)
        message.set_subdir("cur")
        message.set_flags("SF")
        key = box.add(message)
        self.assertEqual(box.get_flags(key), "FS")
        self.assertEqual(os.listdir(os.path.join(self.path, "cur")),
                         [key + ":2,FS"])
        box.add_flag(key, "R")
        self.assertEqual(box.get_flags(key), "FRS")
        box.remove_flag(key, "F")
        self.assertEqual(box.get_info(key), "2,RS")
        self.assertEqual(box[key].get_flags(), "RS")
        with self.assertRaises(TypeError):
            box.set_info(key, 5)

    def test_folders(self):
        box = mailbox.Maildir(self.path)
        folder = box.add_folder("work")
        self.assertEqual(box.list_folders(), ["work"])
        self.assertTrue(os.path.exists(os.path.join(self.path, ".work",
                                                    "maildirfolder")))
        key = folder.add(SAMPLE)
        with self.assertRaises(mailbox.NotEmptyError):
            box.remove_folder("work")
        folder.remove(key)
        box.remove_folder("work")
        self.assertEqual(box.list_folders(), [])

    def test_clear_and_pop(self):
        box = mailbox.Maildir(self.path)
        key = box.add(SAMPLE)
        box.add(SAMPLE)
        self.assertEqual(box.pop(key)["subject"], "greetings")
        self.assertIsNone(box.pop(key))
        box.clear()
        self.assertEqual(len(box), 0)
        with self.assertRaisesRegex(KeyError, "No messages in mailbox"):
            box.popitem()


class MHTest(MailboxCase):

    def test_roundtrip_and_sequences(self):
        box = mailbox.MH(self.path)
        first, second = self.common_checks(box)
        self.assertEqual(box.keys(), [1, 2])
        message = mailbox.MHMessage(SAMPLE)
        message.add_sequence("unseen")
        message.add_sequence("flagged")
        key = box.add(message)
        self.assertEqual(box.get_sequences(), {"unseen": [key], "flagged": [key]})
        box.set_sequences({"unseen": [1, 2, 4], "replied": [2]})
        with open(os.path.join(self.path, ".mh_sequences")) as file:
            self.assertEqual(file.read(), "unseen: 1-2 4\nreplied: 2\n")
        self.assertEqual(box.get_sequences(), {"unseen": [1, 2], "replied": [2]})
        box.remove(1)
        box.pack()
        self.assertEqual(box.keys(), [1, 2])
        self.assertEqual(box.get_sequences()["replied"], [1])
        self.assertEqual(sorted(box[1].get_sequences()), ["replied", "unseen"])
        box.lock()
        box.unlock()

    def test_bad_sequence_file(self):
        box = mailbox.MH(self.path)
        box.add(SAMPLE)
        with open(os.path.join(self.path, ".mh_sequences"), "w") as file:
            file.write("broken line\n")
        with self.assertRaises(mailbox.FormatError):
            box.get_sequences()


class BabylTest(MailboxCase):

    def test_roundtrip_and_labels(self):
        box = mailbox.Babyl(self.path)
        first, second = self.common_checks(box)
        message = mailbox.BabylMessage(SAMPLE)
        message.add_label("unseen")
        message.add_label("project-x")
        message.update_visible()
        box.add(message)
        box.close()
        reopened = mailbox.Babyl(self.path)
        self.assertEqual(reopened.get_labels(), ["project-x"])
        # Reopening numbers the messages afresh from 0.
        self.assertEqual(reopened.keys(), [0, 1, 2])
        reread = reopened[2]
        self.assertEqual(sorted(reread.get_labels()), ["project-x", "unseen"])
        self.assertEqual(reread.get_visible()["subject"], "greetings")
        self.assertEqual(reopened.get_bytes(first), SAMPLE)
        reopened.close()


class ConversionTest(unittest.TestCase):

    def test_maildir_to_others(self):
        message = mailbox.MaildirMessage(SAMPLE)
        message.set_subdir("cur")
        message.set_flags("SRT")
        as_mbox = mailbox.mboxMessage(message)
        self.assertEqual(as_mbox.get_flags(), "RODA")
        self.assertEqual(as_mbox["Status"], "RO")
        self.assertEqual(as_mbox["X-Status"], "DA")
        as_mh = mailbox.MHMessage(message)
        self.assertEqual(as_mh.get_sequences(), ["replied"])
        as_babyl = mailbox.BabylMessage(message)
        self.assertEqual(sorted(as_babyl.get_labels()), ["answered", "deleted"])

    def test_mbox_to_maildir_uses_from_date(self):
        message = mailbox.mboxMessage(SAMPLE)
        message.set_from("x@example.com", (2001, 9, 9, 1, 46, 40, 6, 252, 0))
        message.set_flags("RF")
        as_maildir = mailbox.MaildirMessage(message)
        self.assertEqual(as_maildir.get_flags(), "FS")
        self.assertEqual(as_maildir.get_date(), 1000000000)
        self.assertNotIn("status", as_maildir)

    def test_babyl_visible_headers(self):
        message = mailbox.BabylMessage(SAMPLE)
        message.update_visible()
        self.assertEqual(message.get_visible().keys(), ["From", "To", "Subject"])
        with self.assertRaises(TypeError):
            message.add_label(3)

    def test_bad_inputs(self):
        with self.assertRaises(TypeError):
            mailbox.Message(3.5)
        with self.assertRaises(ValueError):
            mailbox.MaildirMessage().set_subdir("tmp")

    def test_partial_file(self):
        data = io.BytesIO(b"0123456789")
        part = mailbox._PartialFile(data, 2, 6)
        self.assertEqual(part.read(), b"2345")
        part.seek(1)
        self.assertEqual(part.tell(), 1)
        self.assertEqual(part.read(2), b"34")
        part.close()
        self.assertFalse(data.closed)


if __name__ == "__main__":
    unittest.main()
