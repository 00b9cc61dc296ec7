"""python -m json.tool (and python -m json): read JSON, check it, and
write it back formatted; invalid input exits with the error message."""
import argparse
import json
import sys


def _parser():
    parser = argparse.ArgumentParser(
        prog='python -m json',
        description='Check that the input is valid JSON and print it '
                    'back, formatted.')
    parser.add_argument('infile', nargs='?',
                        help='the JSON file to read (default: standard input)',
                        default='-')
    parser.add_argument('outfile', nargs='?',
                        help='where to write the result (default: standard output)',
                        default=None)
    parser.add_argument('--sort-keys', action='store_true', default=False,
                        help='output the keys of every object in sorted order')
    parser.add_argument('--no-ensure-ascii', dest='ensure_ascii',
                        action='store_false',
                        help='write non-ASCII characters as they are, not as \\u escapes')
    parser.add_argument('--json-lines', action='store_true', default=False,
                        help='read one JSON document per line (JSON Lines); '
                             'with --no-indent or --compact the output is '
                             'JSON Lines too')
    group = parser.add_mutually_exclusive_group()
    group.add_argument('--indent', default=4, type=int,
                       help='put items on their own lines, indented by this '
                            'many spaces per level (default: 4)')
    group.add_argument('--tab', action='store_const', dest='indent',
                       const='\t',
                       help='put items on their own lines, indented by '
                            'tabs')
    group.add_argument('--no-indent', action='store_const', dest='indent',
                       const=None,
                       help='keep each document on one line')
    group.add_argument('--compact', action='store_true',
                       help='one line without any optional spaces')
    return parser


def _documents(infile, json_lines):
    if json_lines:
        return (json.loads(line) for line in infile if line.strip())
    return (json.load(infile),)


def _open(parser, name, mode):
    try:
        return open(name, mode, encoding='utf-8')
    except OSError as e:
        parser.error(f"can't open '{name}': {e}")


def main(argv=None):
    parser = _parser()
    options = parser.parse_args(argv)
    dump_args = {
        'sort_keys': options.sort_keys,
        'indent': options.indent,
        'ensure_ascii': options.ensure_ascii,
    }
    if options.compact:
        dump_args['indent'] = None
        dump_args['separators'] = ',', ':'

    if options.infile == '-':
        infile = sys.stdin
    else:
        infile = _open(parser, options.infile, 'r')
    try:
        try:
            objs = list(_documents(infile, options.json_lines))
        finally:
            if infile is not sys.stdin:
                infile.close()
    except ValueError as e:
        raise SystemExit(e)

    if options.outfile is None:
        outfile = sys.stdout
    else:
        outfile = _open(parser, options.outfile, 'w')
    try:
        for obj in objs:
            json.dump(obj, outfile, **dump_args)
            outfile.write('\n')
    finally:
        if outfile is not sys.stdout:
            outfile.close()


if __name__ == '__main__':
    try:
        main()
    except BrokenPipeError as exc:
        raise SystemExit(exc.errno)
