"""python -m json: validate and pretty-print JSON (see json.tool)."""
import json.tool

if __name__ == '__main__':
    try:
        json.tool.main()
    except BrokenPipeError as exc:
        raise SystemExit(exc.errno)
