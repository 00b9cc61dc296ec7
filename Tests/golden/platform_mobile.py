# platform.ios_ver() and platform.android_ver() (3.13): named tuples; off
# iOS and Android the arguments (or the defaults) come back unchanged.
import platform

v = platform.ios_ver()
print(type(v).__name__, v._fields, tuple(v))
print(platform.ios_ver("iOS", "17.2", "iPhone", True))
a = platform.android_ver()
print(type(a).__name__, a._fields, tuple(a))
print(a == (a.release, a.api_level, a.manufacturer, a.model, a.device,
            a.is_emulator))
print(platform.android_ver("14", 34, "Google", "Pixel", "shiba", True))
print("ios_ver" in dir(platform), "android_ver" in dir(platform))
