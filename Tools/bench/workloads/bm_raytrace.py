"""Ray tracing: a small scene of spheres and a plane rendered with shadows and reflection.

Exercises a Vector class with operator overloading (many short-lived
float objects), method calls through a small class hierarchy, and
recursion for reflected rays.
"""

import math


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scaled(self, factor):
        return Vector(self.x * factor, self.y * factor, self.z * factor)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scaled(1.0 / self.length())

    def reflect(self, normal):
        return self - normal.scaled(2.0 * self.dot(normal))


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, distance):
        return self.origin + self.direction.scaled(distance)


class Sphere:
    def __init__(self, centre, radius, colour, mirror):
        self.centre = centre
        self.radius = radius
        self.colour = colour
        self.mirror = mirror

    def hit(self, ray):
        """Distance along the ray to the nearest intersection, or None."""
        offset = ray.origin - self.centre
        b = offset.dot(ray.direction)
        c = offset.dot(offset) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        for distance in (-b - root, -b + root):
            if distance > 1e-6:
                return distance
        return None

    def normal_at(self, point):
        return (point - self.centre).normalized()

    def colour_at(self, point):
        return self.colour


class Plane:
    def __init__(self, point, normal, mirror):
        self.point = point
        self.normal = normal.normalized()
        self.mirror = mirror

    def hit(self, ray):
        facing = ray.direction.dot(self.normal)
        if abs(facing) < 1e-9:
            return None
        distance = (self.point - ray.origin).dot(self.normal) / facing
        return distance if distance > 1e-6 else None

    def normal_at(self, point):
        return self.normal

    def colour_at(self, point):
        # A chequerboard, so the floor's colour depends on the hit point.
        if (math.floor(point.x) + math.floor(point.z)) % 2:
            return Vector(0.9, 0.9, 0.9)
        return Vector(0.1, 0.1, 0.1)


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vector(0.0, 1.0, 5.0), 1.0, Vector(0.9, 0.2, 0.2), 0.3),
            Sphere(Vector(-2.0, 0.6, 6.5), 0.6, Vector(0.2, 0.9, 0.2), 0.1),
            Sphere(Vector(2.2, 1.4, 7.0), 1.4, Vector(0.2, 0.3, 0.9), 0.5),
            Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), 0.2),
        ]
        self.light = Vector(-4.0, 8.0, 0.0)
        self.eye = Vector(0.0, 1.5, -1.0)

    def nearest(self, ray):
        best, best_object = None, None
        for thing in self.objects:
            distance = thing.hit(ray)
            if distance is not None and (best is None or distance < best):
                best, best_object = distance, thing
        return best, best_object

    def trace(self, ray, depth):
        distance, thing = self.nearest(ray)
        if thing is None:
            return Vector(0.05, 0.05, 0.1)
        point = ray.at(distance)
        normal = thing.normal_at(point)
        to_light = (self.light - point).normalized()
        shade = 0.15
        lit = normal.dot(to_light)
        if lit > 0.0:
            blocker, _ = self.nearest(Ray(point, to_light))
            if blocker is None or blocker > (self.light - point).length():
                shade += lit
        colour = thing.colour_at(point).scaled(shade)
        if depth > 0 and thing.mirror > 0.0:
            bounced = self.trace(Ray(point, ray.direction.reflect(normal)), depth - 1)
            colour = colour.scaled(1.0 - thing.mirror) + bounced.scaled(thing.mirror)
        return colour

    def render(self, width, height):
        checksum = 0
        for row in range(height):
            for column in range(width):
                x = (column - width / 2) / width
                y = (height / 2 - row) / height
                ray = Ray(self.eye, Vector(x, y, 1.0))
                colour = self.trace(ray, 3)
                for channel in (colour.x, colour.y, colour.z):
                    checksum = (checksum * 7 + min(255, int(channel * 255))) % 1_000_000_007
        return checksum


def run(scale=1.0):
    side = max(4, int(140 * scale ** 0.5))
    return str(Scene().render(side, side))
