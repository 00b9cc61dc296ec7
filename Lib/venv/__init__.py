"""Virtual environments: a directory with its own site-packages and a
link to (or copy of) this interpreter, which finds the environment
through its pyvenv.cfg.

    python -m venv [--system-site-packages] [--symlinks | --copies]
                   [--clear] [--upgrade] [--without-pip] [--prompt PROMPT]
                   [--upgrade-deps] [--without-scm-ignore-files] ENV_DIR [ENV_DIR ...]

EnvBuilder does the work; its methods are the steps, for subclasses to
extend.
"""

import logging
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import types

__all__ = ["EnvBuilder", "create", "main"]

CORE_VENV_DEPS = ("pip",)
logger = logging.getLogger(__name__)


class EnvBuilder:
    """Creates virtual environments.

    system_site_packages: the environment also sees this interpreter's
    site-packages.  clear: delete the directory's contents first.
    symlinks: link to the interpreter rather than copy it.  upgrade:
    update an existing environment for this interpreter.  with_pip:
    install pip with ensurepip.  prompt: the name shown by the activation
    scripts ("." means the current directory's name).  upgrade_deps:
    upgrade pip from PyPI afterwards.  scm_ignore_files: the version
    control systems ("git") to write an ignore file for.
    """

    def __init__(self, system_site_packages=False, clear=False,
                 symlinks=False, upgrade=False, with_pip=False, prompt=None,
                 upgrade_deps=False, *, scm_ignore_files=frozenset()):
        self.system_site_packages = system_site_packages
        self.clear = clear
        self.symlinks = symlinks
        self.upgrade = upgrade
        self.with_pip = with_pip
        self.orig_prompt = prompt
        if prompt == ".":
            prompt = os.path.basename(os.getcwd())
        self.prompt = prompt
        self.upgrade_deps = upgrade_deps
        self.scm_ignore_files = frozenset(map(str.lower, scm_ignore_files))

    def create(self, env_dir):
        """Create a virtual environment in env_dir."""
        env_dir = os.path.abspath(env_dir)
        context = self.ensure_directories(env_dir)
        for scm in self.scm_ignore_files:
            getattr(self, f"create_{scm}_ignore_file")(context)
        # The configuration is written first: the interpreter needs it to
        # know it runs in an environment.
        self.create_configuration(context)
        self.setup_python(context)
        if self.with_pip:
            self._setup_pip(context)
        if not self.upgrade:
            self.setup_scripts(context)
            self.post_setup(context)
        if self.upgrade_deps:
            self.upgrade_dependencies(context)

    def clear_directory(self, path):
        for name in os.listdir(path):
            fn = os.path.join(path, name)
            if os.path.islink(fn) or os.path.isfile(fn):
                os.remove(fn)
            elif os.path.isdir(fn):
                shutil.rmtree(fn)

    def _venv_path(self, env_dir, name):
        base = {"base": env_dir, "platbase": env_dir, "installed_base": env_dir,
                "installed_platbase": env_dir}
        return sysconfig.get_path(name, scheme="venv", vars=base)

    def ensure_directories(self, env_dir):
        """Create the directories of the environment; returns the context
        object the other steps use."""
        if os.pathsep in os.fspath(env_dir):
            raise ValueError(f"Refusing to create a venv in {env_dir} because "
                             f"it contains the PATH separator {os.pathsep}.")
        if os.path.exists(env_dir) and self.clear:
            self.clear_directory(env_dir)
        context = types.SimpleNamespace()
        context.env_dir = env_dir
        context.env_name = os.path.split(env_dir)[1]
        context.prompt = self.prompt if self.prompt is not None else context.env_name
        os.makedirs(env_dir, exist_ok=True)
        executable = sys._base_executable
        if not executable:
            raise ValueError("the running interpreter's path is unknown "
                             "(sys._base_executable is empty)")
        dirname, exename = os.path.split(os.path.abspath(executable))
        context.executable = executable
        context.python_dir = dirname
        context.python_exe = exename
        binpath = self._venv_path(env_dir, "scripts")
        incpath = self._venv_path(env_dir, "include")
        libpath = self._venv_path(env_dir, "purelib")
        context.inc_path = incpath
        os.makedirs(incpath, exist_ok=True)
        os.makedirs(libpath, exist_ok=True)
        # A 64-bit build also answers to lib64.
        if (sys.maxsize > 2 ** 32 and os.name == "posix"
                and sys.platform != "darwin"):
            link_path = os.path.join(env_dir, "lib64")
            if not os.path.exists(link_path):
                os.symlink("lib", link_path)
        context.lib_path = libpath
        context.bin_path = binpath
        context.bin_name = os.path.relpath(binpath, env_dir)
        context.env_exe = os.path.join(binpath, exename)
        os.makedirs(binpath, exist_ok=True)
        context.env_exec_cmd = context.env_exe
        return context

    def create_configuration(self, context):
        """Write pyvenv.cfg: where the base interpreter lives and how the
        environment was made."""
        context.cfg_path = path = os.path.join(context.env_dir, "pyvenv.cfg")
        with open(path, "w", encoding="utf-8") as f:
            f.write("home = %s\n" % context.python_dir)
            f.write("include-system-site-packages = %s\n"
                    % ("true" if self.system_site_packages else "false"))
            f.write("version = %d.%d.%d\n" % sys.version_info[:3])
            if self.prompt is not None:
                f.write(f"prompt = {self.prompt!r}\n")
            f.write("executable = %s\n" % os.path.realpath(sys.executable))
            args = []
            if self.system_site_packages:
                args.append("--system-site-packages")
            if self.symlinks:
                args.append("--symlinks")
            else:
                args.append("--copies")
            if not self.with_pip:
                args.append("--without-pip")
            if self.upgrade:
                args.append("--upgrade")
            if self.upgrade_deps:
                args.append("--upgrade-deps")
            if self.orig_prompt is not None:
                args.append(f"--prompt={self.orig_prompt}")
            if not self.scm_ignore_files:
                args.append("--without-scm-ignore-files")
            args.append(context.env_dir)
            f.write("command = %s -m venv %s\n"
                    % (sys.executable, shlex.join(args)))

    def symlink_or_copy(self, src, dst, relative_symlinks_ok=False):
        """Link dst to src (when symlinks were asked for), else copy."""
        force_copy = not self.symlinks
        if not force_copy:
            try:
                if not os.path.islink(dst):
                    if relative_symlinks_ok:
                        assert os.path.dirname(src) == os.path.dirname(dst)
                        os.symlink(os.path.basename(src), dst)
                    else:
                        os.symlink(src, dst)
            except Exception:
                logger.warning("Unable to symlink %r to %r", src, dst)
                force_copy = True
        if force_copy:
            shutil.copyfile(src, dst)
            shutil.copymode(src, dst)

    def create_git_ignore_file(self, context):
        """A .gitignore that ignores the whole environment."""
        with open(os.path.join(context.env_dir, ".gitignore"), "w",
                  encoding="utf-8") as f:
            f.write("# Created by venv; "
                    "see https://docs.python.org/3/library/venv.html\n*\n")

    def setup_python(self, context):
        """The interpreter in the environment's bin directory, under the
        names python, python3 and pythonX.Y (with 't' for a free-threaded
        build as well)."""
        binpath = context.bin_path
        path = context.env_exe
        copier = self.symlink_or_copy
        dirname = context.python_dir
        copier(context.executable, path)
        if not os.path.islink(path):
            os.chmod(path, 0o755)
        suffix = "t" if sysconfig.get_config_var("Py_GIL_DISABLED") else ""
        names = ["python", "python3", "python%d.%d" % sys.version_info[:2]]
        if suffix:
            names += ["python3%s" % suffix, "python%d.%d%s" % (*sys.version_info[:2], suffix)]
        for name in names:
            target = os.path.join(binpath, name)
            if not os.path.exists(target):
                copier(context.env_exe, target, relative_symlinks_ok=True)
                if not os.path.islink(target):
                    os.chmod(target, 0o755)
        del dirname

    def _call_new_python(self, context, *py_args, **kwargs):
        """Run the environment's interpreter, with the environment's
        variables, as activation would set them."""
        args = [context.env_exec_cmd, *py_args]
        kwargs["env"] = env = os.environ.copy()
        env["VIRTUAL_ENV"] = context.env_dir
        env.pop("PYTHONHOME", None)
        env.pop("PYTHONPATH", None)
        kwargs["cwd"] = context.env_dir
        kwargs["executable"] = context.env_exec_cmd
        subprocess.check_output(args, **kwargs)

    def _setup_pip(self, context):
        """Install pip with ensurepip."""
        self._call_new_python(context, "-m", "ensurepip", "--upgrade",
                              "--default-pip", stderr=subprocess.STDOUT)

    def setup_scripts(self, context):
        """The activation scripts, from the 'common' and the platform's
        directories of scripts beside this module."""
        path = os.path.abspath(os.path.dirname(__file__))
        path = os.path.join(path, "scripts")
        self.install_scripts(context, path)

    def post_setup(self, context):
        """Hook for subclasses, run after the environment is made."""
        pass

    def replace_variables(self, text, context):
        """The script text with the __VENV_*__ placeholders filled in."""
        replacements = {
            "__VENV_DIR__": context.env_dir,
            "__VENV_NAME__": context.env_name,
            "__VENV_PROMPT__": context.prompt,
            "__VENV_BIN_NAME__": context.bin_name,
            "__VENV_PYTHON__": context.env_exe,
        }

        def quote(value):
            return shlex.quote(value)

        for key, value in replacements.items():
            text = text.replace(key, quote(value))
        return text

    def install_scripts(self, context, path):
        """Copy the scripts of path/common and path/<os.name> into the
        environment's bin directory, filling in their placeholders."""
        binpath = context.bin_path
        plen = len(path)
        for root, dirs, files in os.walk(path):
            if root == path:
                # Only the common scripts and this platform's.
                for d in dirs[:]:
                    if d not in ("common", os.name):
                        dirs.remove(d)
                continue
            for f in files:
                srcfile = os.path.join(root, f)
                suffix = root[plen:].split(os.sep)[2:]
                dstdir = os.path.join(binpath, *suffix) if suffix else binpath
                os.makedirs(dstdir, exist_ok=True)
                dstfile = os.path.join(dstdir, f)
                with open(srcfile, "rb") as fp:
                    data = fp.read()
                try:
                    text = data.decode("utf-8")
                except UnicodeError as exc:
                    logger.warning("unable to copy script %r, may be binary: %s",
                                   srcfile, exc)
                    continue
                data = self.replace_variables(text, context).encode("utf-8")
                with open(dstfile, "wb") as fp:
                    fp.write(data)
                shutil.copymode(srcfile, dstfile)

    def upgrade_dependencies(self, context):
        logger.debug("Upgrading %s packages in %s", CORE_VENV_DEPS,
                     context.bin_path)
        self._call_new_python(context, "-m", "pip", "install", "--upgrade",
                              *CORE_VENV_DEPS)


def create(env_dir, system_site_packages=False, clear=False,
           symlinks=False, with_pip=False, prompt=None, upgrade_deps=False,
           *, scm_ignore_files=frozenset()):
    """Create a virtual environment in env_dir (see EnvBuilder)."""
    builder = EnvBuilder(system_site_packages=system_site_packages,
                         clear=clear, symlinks=symlinks, with_pip=with_pip,
                         prompt=prompt, upgrade_deps=upgrade_deps,
                         scm_ignore_files=scm_ignore_files)
    builder.create(env_dir)


def main(args=None):
    import argparse

    parser = argparse.ArgumentParser(
        prog=__name__,
        description="Create a Python virtual environment in each ENV_DIR.",
        epilog="Activate an environment by sourcing bin/activate (or "
               "activate.fish, activate.csh) in it.")
    parser.add_argument("dirs", metavar="ENV_DIR", nargs="+",
                        help="where to create an environment")
    parser.add_argument("--system-site-packages", default=False,
                        action="store_true", dest="system_site",
                        help="also see this interpreter's site-packages")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--symlinks", default=True, action="store_true",
                       dest="symlinks",
                       help="link to the interpreter (the default)")
    group.add_argument("--copies", default=False, action="store_false",
                       dest="symlinks",
                       help="copy the interpreter instead of linking to it")
    parser.add_argument("--clear", default=False, action="store_true",
                        dest="clear",
                        help="empty an existing directory first")
    parser.add_argument("--upgrade", default=False, action="store_true",
                        dest="upgrade",
                        help="update an existing environment for this "
                             "interpreter (after an in-place upgrade)")
    parser.add_argument("--without-pip", dest="with_pip", default=True,
                        action="store_false",
                        help="do not install pip (installing it needs "
                             "ensurepip)")
    parser.add_argument("--prompt",
                        help="the name the activation scripts show "
                             "('.': the current directory's name)")
    parser.add_argument("--upgrade-deps", default=False, action="store_true",
                        dest="upgrade_deps",
                        help="upgrade %s from PyPI after creating the "
                             "environment" % " ".join(CORE_VENV_DEPS))
    parser.add_argument("--without-scm-ignore-files", dest="scm_ignore_files",
                        action="store_const", const=frozenset(),
                        default=frozenset(["git"]),
                        help="do not write a .gitignore into the "
                             "environment")
    options = parser.parse_args(args)
    if options.upgrade and options.clear:
        raise ValueError("you cannot supply --upgrade and --clear together.")
    if options.with_pip:
        try:
            import ensurepip  # noqa: F401
        except ImportError:
            parser.exit(1, "Error: pip cannot be installed: this Python has "
                           "no ensurepip module.  Use --without-pip, then "
                           "install pip yourself if you need it.\n")
    builder = EnvBuilder(system_site_packages=options.system_site,
                         clear=options.clear,
                         symlinks=options.symlinks,
                         upgrade=options.upgrade,
                         with_pip=options.with_pip,
                         prompt=options.prompt,
                         upgrade_deps=options.upgrade_deps,
                         scm_ignore_files=options.scm_ignore_files)
    for d in options.dirs:
        builder.create(d)
