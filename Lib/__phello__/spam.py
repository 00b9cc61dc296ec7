"""A submodule of the __phello__ test package; main() prints a greeting."""

initialized = True


def main():
    print("Hello world!")


if __name__ == '__main__':
    main()
