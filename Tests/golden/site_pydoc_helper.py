# pydoc.Helper: the interactive help utility (help() with no argument),
# driven through its input and output streams.
import io
import pydoc

commands = ["keywords", "len", '"if"', "True", "match", "symbols",
            "modules _warning", "no_such_name_here", "help", "quit"]
out = io.StringIO()
pydoc.Helper(io.StringIO("\n".join(commands) + "\n"), out)()
print(out.getvalue())

# help(request) without the interactive loop, and end of input.
out = io.StringIO()
helper = pydoc.Helper(io.StringIO(""), out)
helper("keywords")
helper(pydoc.describe)
print(out.getvalue())
out = io.StringIO()
pydoc.Helper(io.StringIO(""), out)()
print(out.getvalue().splitlines()[-4])
print(repr(pydoc.help))
