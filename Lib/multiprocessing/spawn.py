"""The spawn start method's two sides: the parent builds the command line
and the preparation data; the child (spawn_main) restores the parent's
state, re-imports the main module as __mp_main__, and runs the process."""

import os
import runpy
import sys
import types

from . import process
from . import util

__all__ = ['_main', 'freeze_support', 'set_executable', 'get_executable',
           'get_preparation_data', 'get_command_line', 'import_main_path']

WINEXE = False
WINSERVICE = False

if getattr(sys, 'frozen', False):
    _python_exe = sys.executable
else:
    _python_exe = sys._base_executable if getattr(
        sys, '_base_executable', None) else sys.executable


def set_executable(exe):
    """The interpreter that spawned children run."""
    global _python_exe
    _python_exe = os.fsdecode(exe) if exe is not None else None


def get_executable():
    return _python_exe


def is_forking(argv):
    """Whether argv is a spawned child's command line."""
    return len(argv) >= 2 and argv[1] == '--multiprocessing-fork'


def freeze_support():
    """In a frozen executable started as a spawned child, runs the child
    and exits."""
    if is_forking(sys.argv):
        kwds = {}
        for arg in sys.argv[2:]:
            name, value = arg.split('=')
            kwds[name] = None if value == 'None' else int(value)
        spawn_main(**kwds)
        sys.exit()


def get_command_line(**kwds):
    """The argv that starts a spawned child."""
    if getattr(sys, 'frozen', False):
        return ([sys.executable, '--multiprocessing-fork'] +
                ['%s=%r' % item for item in kwds.items()])
    prog = 'from multiprocessing.spawn import spawn_main; spawn_main(%s)'
    prog %= ', '.join('%s=%r' % item for item in kwds.items())
    opts = util._args_from_interpreter_flags()
    exe = get_executable()
    return [exe] + opts + ['-c', prog, '--multiprocessing-fork']


def spawn_main(pipe_handle, parent_pid=None, tracker_fd=None):
    """The child's entry point: reads its work from pipe_handle."""
    assert is_forking(sys.argv), "Not forking"
    if tracker_fd is not None:
        from . import resource_tracker
        resource_tracker._resource_tracker._fd = tracker_fd
    parent_sentinel = os.dup(pipe_handle)
    exitcode = _main(pipe_handle, parent_sentinel)
    sys.exit(exitcode)


def _main(fd, parent_sentinel):
    from . import reduction
    with os.fdopen(fd, 'rb', closefd=True) as from_parent:
        process.current_process()._inheriting = True
        try:
            preparation_data = reduction.pickle.load(from_parent)
            prepare(preparation_data)
            self = reduction.pickle.load(from_parent)
        finally:
            del process.current_process()._inheriting
    return self._bootstrap(parent_sentinel)


def _check_not_importing_main():
    if getattr(process.current_process(), '_inheriting', False):
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        ''')


def get_preparation_data(name):
    """What a spawned child needs to look like its parent."""
    _check_not_importing_main()
    d = dict(
        log_to_stderr=util._log_to_stderr,
        authkey=process.current_process().authkey,
    )
    if util._logger is not None:
        d['log_level'] = util._logger.getEffectiveLevel()
    sys_path = sys.path.copy()
    try:
        i = sys_path.index('')
    except ValueError:
        pass
    else:
        sys_path[i] = process.ORIGINAL_DIR
    from .context import _default_context
    d.update(
        name=name,
        sys_path=sys_path,
        sys_argv=sys.argv,
        orig_dir=process.ORIGINAL_DIR,
        dir=os.getcwd(),
        start_method=_default_context.get_start_method(),
    )
    main_module = sys.modules['__main__']
    main_mod_name = getattr(getattr(main_module, '__spec__', None),
                            "name", None)
    if main_mod_name is not None:
        d['init_main_from_name'] = main_mod_name
    else:
        main_path = getattr(main_module, '__file__', None)
        if main_path is not None:
            if (not os.path.isabs(main_path) and
                    process.ORIGINAL_DIR is not None):
                main_path = os.path.join(process.ORIGINAL_DIR, main_path)
            d['init_main_from_path'] = os.path.normpath(main_path)
    return d


# Main modules replaced by prepare(), kept alive (their globals may still
# be in use).
old_main_modules = []


def prepare(data):
    """Makes this child look like the parent that sent data."""
    if 'name' in data:
        process.current_process().name = data['name']
    if 'authkey' in data:
        process.current_process().authkey = data['authkey']
    if 'log_to_stderr' in data and data['log_to_stderr']:
        util.log_to_stderr()
    if 'log_level' in data:
        util.get_logger().setLevel(data['log_level'])
    if 'sys_path' in data:
        sys.path = data['sys_path']
    if 'sys_argv' in data:
        sys.argv = data['sys_argv']
    if 'dir' in data:
        os.chdir(data['dir'])
    if 'orig_dir' in data:
        process.ORIGINAL_DIR = data['orig_dir']
    if 'start_method' in data:
        from .context import _force_start_method
        _force_start_method(data['start_method'])
    if 'init_main_from_name' in data:
        _fixup_main_from_name(data['init_main_from_name'])
    elif 'init_main_from_path' in data:
        _fixup_main_from_path(data['init_main_from_path'])


def _install_main(main_module):
    sys.modules['__main__'] = sys.modules['__mp_main__'] = main_module


def _fixup_main_from_name(mod_name):
    # The parent's main module was run with -m: run it again, but not as
    # __main__, so that its "if __name__ == '__main__'" block is skipped.
    current_main = sys.modules['__main__']
    if mod_name == "__main__" or mod_name.endswith(".__main__"):
        return
    if getattr(getattr(current_main, '__spec__', None), "name",
               None) == mod_name:
        return
    old_main_modules.append(current_main)
    main_module = types.ModuleType("__mp_main__")
    main_content = runpy.run_module(mod_name, run_name="__mp_main__",
                                    alter_sys=True)
    main_module.__dict__.update(main_content)
    _install_main(main_module)


def _fixup_main_from_path(main_path):
    # The parent ran a script: run it again as __mp_main__.
    current_main = sys.modules['__main__']
    main_name = os.path.splitext(os.path.basename(main_path))[0]
    if main_name == 'ipython':
        return
    if getattr(current_main, '__file__', None) == main_path:
        return
    old_main_modules.append(current_main)
    main_module = types.ModuleType("__mp_main__")
    main_content = runpy.run_path(main_path, run_name="__mp_main__")
    main_module.__dict__.update(main_content)
    _install_main(main_module)


def import_main_path(main_path):
    """Imports the script main_path as __mp_main__ (used by the fork
    server's preloading)."""
    _fixup_main_from_path(main_path)
