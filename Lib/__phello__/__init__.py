"""A test package of the import system, with the submodules spam and
ham.eggs; main() prints a greeting."""

initialized = True


def main():
    print("Hello world!")


if __name__ == '__main__':
    main()
