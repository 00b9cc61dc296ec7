"""Dict- and str-heavy text processing: tokenising, word counts, n-grams and formatting."""

SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "xe", "zu", "an", "or")


class Generator:
    """A linear congruential generator, identical on every interpreter."""

    def __init__(self, seed):
        self.state = seed

    def below(self, limit):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % limit


def make_text(words, rng):
    vocabulary = ["".join(SYLLABLES[rng.below(len(SYLLABLES))] for _ in range(1 + i % 3))
                  for i in range(300)]
    out = []
    for i in range(words):
        word = vocabulary[rng.below(len(vocabulary))]
        if i % 11 == 0:
            word = word.capitalize()
        out.append(word)
        if i % 13 == 12:
            out.append(".\n" if i % 3 else ", ")
        else:
            out.append(" ")
    return "".join(out)


def word_counts(text):
    counts = {}
    for line in text.splitlines():
        for token in line.replace(",", " ").replace(".", " ").split():
            word = token.lower()
            counts[word] = counts.get(word, 0) + 1
    return counts


def bigrams(text):
    pairs = {}
    words = text.lower().replace(",", "").replace(".", "").split()
    for first, second in zip(words, words[1:]):
        key = first + " " + second
        pairs[key] = pairs.get(key, 0) + 1
    return pairs


def letter_frequencies(text):
    table = {}
    for char in text:
        if char.isalpha():
            table[char] = table.get(char, 0) + 1
    return table


def report(counts, limit):
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    lines = [f"{word:<12}|{count:>6}|{word.upper()[::-1]:>12}" for word, count in ranked]
    return "\n".join(lines)


def run(scale=1.0):
    rng = Generator(99)
    text = make_text(max(50, int(180_000 * scale)), rng)
    counts = word_counts(text)
    pairs = bigrams(text)
    letters = letter_frequencies(text)
    table = report(counts, 50) + report(pairs, 50)
    title = " ".join(w.title() for w in text.split()[:2000])
    checksum = 0
    for char in table + title:
        checksum = (checksum * 131 + ord(char)) % 1_000_000_007
    return f"{len(counts)} {len(pairs)} {sorted(letters.items())[:3]} {checksum}"
