"""Float object churn: many small objects holding floats, created and normalised."""

import math


class Point:
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def churn(count):
    points = [Point(i) for i in range(count)]
    for point in points:
        point.normalize()
    best = points[0]
    for point in points[1:]:
        best = best.maximize(point)
    return best


def run(scale=1.0):
    rounds = 3
    count = max(10, int(80_000 * scale))
    results = []
    for _ in range(rounds):
        best = churn(count)
        results.append(f"{best.x:.9f},{best.y:.9f},{best.z:.9f}")
    return " ".join(results)
