# The __future__ module: every feature, its releases and compiler flag.
import __future__

for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(f"{name:17} {feature.getOptionalRelease()} "
          f"{feature.getMandatoryRelease()} {feature.compiler_flag:#x}")
print(repr(__future__.annotations))
print(repr(__future__.division))
print(__future__.__all__ == ["all_feature_names"] + __future__.all_feature_names)
print(type(__future__.annotations).__name__)

# The flags are the ones compile() and code objects use.
flags = __future__.annotations.compiler_flag | __future__.generator_stop.compiler_flag
code = compile("x = 1", "<future>", "exec", flags)
print(bool(code.co_flags & __future__.annotations.compiler_flag))
code = compile("from __future__ import annotations\nx = 1", "<future>", "exec")
print(bool(code.co_flags & __future__.annotations.compiler_flag))
code = compile("x = 1", "<future>", "exec")
print(bool(code.co_flags & __future__.annotations.compiler_flag))

for source in ("from __future__ import braces",
               "from __future__ import spam",
               "x = 1\nfrom __future__ import annotations"):
    try:
        compile(source, "<future>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
