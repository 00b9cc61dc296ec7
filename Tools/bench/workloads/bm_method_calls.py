"""Class-heavy method calls: inheritance, super(), properties, class and static methods."""


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def describe(self):
        return self.area() + self.perimeter()

    def perimeter(self):
        return 0

    @classmethod
    def made(cls):
        return cls.count

    @staticmethod
    def clamp(value, low, high):
        return low if value < low else high if value > high else value


class Rectangle(Shape):
    def __init__(self, width, height):
        super().__init__("rectangle")
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

    def perimeter(self):
        return 2 * (self.width + self.height)

    @property
    def diagonal_squared(self):
        return self.width * self.width + self.height * self.height


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)

    def perimeter(self):
        return 4 * self.width

    def describe(self):
        return super().describe() + 1


class Circle(Shape):
    def __init__(self, radius):
        super().__init__("circle")
        self._radius = radius

    @property
    def radius(self):
        return self._radius

    @radius.setter
    def radius(self, value):
        self._radius = self.clamp(value, 0, 1000)

    def area(self):
        return 3 * self.radius * self.radius

    def perimeter(self):
        return 6 * self.radius


class Counter:
    __slots__ = ("value",)

    def __init__(self):
        self.value = 0

    def add(self, amount):
        self.value += amount
        return self

    def __call__(self, amount):
        return self.add(amount)


def run(scale=1.0):
    Shape.count = 0
    shapes = []
    for i in range(30):
        shapes.extend((Rectangle(i, i + 1), Square(i), Circle(i)))
    counter = Counter()
    for i in range(max(1, int(7500 * scale))):
        for shape in shapes:
            counter.add(shape.describe())
        for circle in shapes[2::3]:
            circle.radius = circle.radius + (1 if i & 1 else -1)
            counter(circle.area() & 0xF)
        counter.add(shapes[0].diagonal_squared + Shape.made())
    return str(counter.value)
