"""Regular expressions: compiled patterns searching, splitting and substituting in text."""

import re

WORDS = ("alpha", "beta", "gamma", "delta", "error", "warning", "info",
         "192.168.0.1", "user@example.org", "2024-03-15", "value=42", "x_y_z")


def make_log(lines):
    rows = []
    for i in range(lines):
        word = WORDS[i % len(WORDS)]
        other = WORDS[(i * 7) % len(WORDS)]
        rows.append(f"[{i:06d}] {word} {other} code={i % 97} took {i % 13}.{i % 10}ms "
                    f"from 10.0.{i % 256}.{(i * 3) % 256} id=0x{i * 2654435761 % 65536:04x}")
    return "\n".join(rows)


PATTERNS = {
    "ip": re.compile(r"\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b"),
    "email": re.compile(r"[\w.]+@[\w.]+\.\w+"),
    "date": re.compile(r"(\d{4})-(\d\d)-(\d\d)"),
    "level": re.compile(r"^\[(\d+)\] (error|warning)", re.MULTILINE),
    "hex": re.compile(r"id=0x([0-9a-f]+)"),
    "timing": re.compile(r"took (\d+)\.(\d)ms"),
    "pairs": re.compile(r"(\w+)=(\w+)"),
}


def run(scale=1.0):
    text = make_log(max(20, int(2000 * scale)))
    total = 0
    for _ in range(10):
        total += sum(int(m.group(4)) for m in PATTERNS["ip"].finditer(text))
        total += len(PATTERNS["email"].findall(text))
        total += sum(int(y) + int(m) for y, m, _d in PATTERNS["date"].findall(text))
        total += len(PATTERNS["level"].findall(text))
        total += sum(int(h, 16) for h in PATTERNS["hex"].findall(text))
        total += sum(int(a) * 10 + int(b) for a, b in PATTERNS["timing"].findall(text))
        swapped = PATTERNS["pairs"].sub(lambda m: m.group(2) + ":" + m.group(1), text)
        total += len(swapped) + len(re.split(r"\s+", text))
        total += len(re.sub(r"[aeiou]", "", text))
        total += sum(1 for line in text.splitlines() if re.match(r"\[\d+\] (alpha|beta)", line))
    return str(total)
