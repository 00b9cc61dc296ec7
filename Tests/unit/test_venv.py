"""venv: creating an environment without pip, its layout and pyvenv.cfg,
the interpreter finding it (also when run through PATH), activation,
--clear, and the builder's hooks."""

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import unittest
import venv


def run_in(env_dir, code, via_path=False):
    bin_dir = os.path.join(env_dir, "bin")
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("PYTHON")}
    if via_path:
        env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
        command = ["python", "-c", code]
    else:
        command = [os.path.join(bin_dir, "python"), "-c", code]
    return subprocess.run(command, env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


class Venv(unittest.TestCase):

    def setUp(self):
        self.dir = os.path.realpath(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.dir)
        self.env = os.path.join(self.dir, "env")

    def test_layout_and_config(self):
        venv.create(self.env, symlinks=True)
        for name in ("python", "python3", "python%d.%d" % sys.version_info[:2],
                     "activate", "activate.fish", "activate.csh"):
            self.assertTrue(os.path.exists(os.path.join(self.env, "bin", name)), name)
        purelib = sysconfig.get_path("purelib", scheme="venv",
                                     vars={"base": self.env, "platbase": self.env})
        self.assertTrue(os.path.isdir(purelib))
        with open(os.path.join(self.env, "pyvenv.cfg")) as f:
            config = dict(line.strip().split(" = ", 1) for line in f if " = " in line)
        self.assertEqual(config["include-system-site-packages"], "false")
        self.assertEqual(config["version"], "%d.%d.%d" % sys.version_info[:3])
        self.assertEqual(config["home"],
                         os.path.dirname(os.path.abspath(sys._base_executable)))

    def test_interpreter_finds_the_environment(self):
        venv.create(self.env, symlinks=True)
        code = "import sys, site; print(sys.prefix); print(site.getsitepackages()[0])"
        for via_path in (False, True):
            prefix, sitepackages = run_in(self.env, code, via_path).splitlines()
            self.assertEqual(prefix, self.env)
            self.assertTrue(sitepackages.startswith(self.env))

    def test_activate_script(self):
        venv.create(self.env, symlinks=True, prompt="demo")
        script = ("source '%s/bin/activate' && echo \"$VIRTUAL_ENV $VIRTUAL_ENV_PROMPT\""
                  " && command -v python && deactivate && echo \"after:$VIRTUAL_ENV\""
                  % self.env)
        out = subprocess.run(["bash", "-c", script], capture_output=True,
                             text=True, check=True).stdout.splitlines()
        self.assertEqual(out, ["%s demo" % self.env,
                               os.path.join(self.env, "bin", "python"),
                               "after:"])

    def test_clear_and_hooks(self):
        os.makedirs(self.env)
        with open(os.path.join(self.env, "stale"), "w"):
            pass
        seen = []

        class Builder(venv.EnvBuilder):
            def post_setup(self, context):
                seen.append(context.env_name)

        Builder(clear=True, symlinks=True).create(self.env)
        self.assertFalse(os.path.exists(os.path.join(self.env, "stale")))
        self.assertEqual(seen, ["env"])

    def test_command_line(self):
        env = {key: value for key, value in os.environ.items()
               if not key.startswith("PYTHON")}
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", self.env],
                       env=env, check=True)
        self.assertTrue(os.path.exists(os.path.join(self.env, ".gitignore")))
        result = subprocess.run([sys.executable, "-m", "venv", "--upgrade",
                                 "--clear", "--without-pip", self.env],
                                env=env, capture_output=True, text=True)
        self.assertEqual(result.returncode, 1)
        self.assertIn("--upgrade and --clear together", result.stderr)


if __name__ == "__main__":
    unittest.main()
