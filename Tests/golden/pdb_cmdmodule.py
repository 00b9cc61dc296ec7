# cmd.Cmd, the command loop under pdb: dispatch, hooks, help, columnize.
import cmd
import io


class Shell(cmd.Cmd):
    prompt = "shell> "
    intro = "welcome"

    def preloop(self):
        print("preloop", file=self.stdout)

    def postloop(self):
        print("postloop", file=self.stdout)

    def precmd(self, line):
        return line.lower()

    def postcmd(self, stop, line):
        print("postcmd", repr(line), stop, file=self.stdout)
        return stop

    def do_greet(self, arg):
        """greet NAME: say hello"""
        print("hello", arg or "nobody", file=self.stdout)

    def do_add(self, arg):
        print(sum(int(x) for x in arg.split()), file=self.stdout)

    def help_add(self):
        print("add numbers", file=self.stdout)

    def help_topic(self):
        print("a topic", file=self.stdout)

    def do_shell(self, arg):
        print("shell:", arg, file=self.stdout)

    def do_quit(self, arg):
        return True

    def do_EOF(self, arg):
        print("EOF reached", file=self.stdout)
        return True

    def default(self, line):
        print("default:", line, file=self.stdout)

    def completedefault(self, text, line, begidx, endidx):
        return ["x" + text]


script = io.StringIO("GREET World\n\nadd 1 2 3\n?greet\nhelp add\n"
                     "help topic\nhelp nothing\n!ls -l\nfoo bar\n"
                     "help\nquit\n")
out = io.StringIO()
shell = Shell(stdin=script, stdout=out)
shell.use_rawinput = False
shell.cmdloop()
print(out.getvalue())

out = io.StringIO()
shell = Shell(stdin=io.StringIO("greet again\nquit\n"), stdout=out)
shell.use_rawinput = False
shell.cmdqueue = ["greet queued"]
shell.cmdloop(intro="other intro")
print(out.getvalue())

print(shell.parseline("  greet  a b "))
print(shell.parseline("?x"), shell.parseline(""))
print(shell.completenames("gr"), shell.completedefault("a", "", 0, 0))
print(sorted(shell.complete_help("")))
out = io.StringIO()
shell.stdout = out
shell.columnize(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"] * 4, 40)
shell.columnize([])
shell.columnize(["only"])
print(out.getvalue())
try:
    shell.columnize(["a", 1, "b", 2])
except TypeError as exc:
    print("TypeError:", exc)
print(shell.onecmd(""), shell.lastcmd)
