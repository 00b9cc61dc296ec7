"""Configure logging from a dictionary (dictConfig), an INI-style file
(fileConfig, through configparser) or a socket (listen).
"""

import io
import os
import re
import sys
import threading

import logging
import logging.handlers

DEFAULT_LOGGING_CONFIG_PORT = 9030

RESET_ERROR = 104   # ECONNRESET

# The socket listener started by listen(), guarded by the logging lock.
_listener = None

IDENTIFIER = re.compile(r'^[a-z_][a-z0-9_]*$', re.I)


def valid_ident(s):
    m = IDENTIFIER.match(s)
    if not m:
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


def _resolve(name):
    """The object named by a dotted path, importing modules on the way."""
    parts = name.split('.')
    used = parts.pop(0)
    found = __import__(used)
    for part in parts:
        used = used + '.' + part
        try:
            found = getattr(found, part)
        except AttributeError:
            __import__(used)
            found = getattr(found, part)
    return found


def _strip_spaces(alist):
    return [x.strip() for x in alist]


def _clearExistingHandlers():
    """Close every handler and forget the registry of names."""
    logging._handlers.clear()
    logging.shutdown(logging._handlerList[:])
    del logging._handlerList[:]


def _handle_existing_loggers(existing, child_loggers, disable_existing):
    """Reset children of configured loggers; disable (or keep) the rest."""
    root = logging.root
    for name in existing:
        logger = root.manager.loggerDict[name]
        if not isinstance(logger, logging.Logger):
            continue
        if name in child_loggers:
            logger.setLevel(logging.NOTSET)
            logger.handlers = []
            logger.propagate = True
        else:
            logger.disabled = disable_existing


# ---------------------------------------------------------------------------
# dictConfig

class ConvertingMixin(object):
    """Converts 'ext://' and 'cfg://' strings (and nested containers) on
    access, replacing the stored value with the result."""

    def convert_with_key(self, key, value, replace=True):
        result = self.configurator.convert(value)
        if value is not result:
            if replace:
                self[key] = result
            if type(result) in (ConvertingDict, ConvertingList,
                                ConvertingTuple):
                result.parent = self
                result.key = key
        return result

    def convert(self, value):
        result = self.configurator.convert(value)
        if value is not result:
            if type(result) in (ConvertingDict, ConvertingList,
                                ConvertingTuple):
                result.parent = self
        return result


class ConvertingDict(dict, ConvertingMixin):

    def __getitem__(self, key):
        return self.convert_with_key(key, dict.__getitem__(self, key))

    def get(self, key, default=None):
        return self.convert_with_key(key, dict.get(self, key, default))

    def pop(self, key, default=None):
        return self.convert_with_key(key, dict.pop(self, key, default),
                                     replace=False)


class ConvertingList(list, ConvertingMixin):

    def __getitem__(self, key):
        return self.convert_with_key(key, list.__getitem__(self, key))

    def pop(self, idx=-1):
        return self.convert(list.pop(self, idx))

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]


class ConvertingTuple(tuple, ConvertingMixin):

    def __getitem__(self, key):
        return self.convert_with_key(key, tuple.__getitem__(self, key),
                                     replace=False)


class BaseConfigurator(object):
    """Resolution of references and '()' factories shared by configurators."""

    CONVERT_PATTERN = re.compile(r'^(?P<prefix>[a-z]+)://(?P<suffix>.*)$')
    WORD_PATTERN = re.compile(r'^\s*(\w+)\s*')
    DOT_PATTERN = re.compile(r'^\.\s*(\w+)\s*')
    INDEX_PATTERN = re.compile(r'^\[([^\[\]]*)\]\s*')
    DIGIT_PATTERN = re.compile(r'^\d+$')

    value_converters = {
        'ext': 'ext_convert',
        'cfg': 'cfg_convert',
    }

    importer = staticmethod(__import__)

    def __init__(self, config):
        self.config = ConvertingDict(config)
        self.config.configurator = self

    def resolve(self, s):
        parts = s.split('.')
        used = parts.pop(0)
        try:
            found = self.importer(used)
            for part in parts:
                used += '.' + part
                try:
                    found = getattr(found, part)
                except AttributeError:
                    self.importer(used)
                    found = getattr(found, part)
            return found
        except ImportError as e:
            raise ValueError('Cannot resolve %r: %s' % (s, e)) from e

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        """Follow a path like 'handlers.h1.level' or 'items[0]' in config."""
        rest = value
        m = self.WORD_PATTERN.match(rest)
        if m is None:
            raise ValueError("Unable to convert %r" % value)
        rest = rest[m.end():]
        d = self.config[m.groups()[0]]
        while rest:
            m = self.DOT_PATTERN.match(rest)
            if m:
                d = d[m.groups()[0]]
            else:
                m = self.INDEX_PATTERN.match(rest)
                if m is None:
                    raise ValueError('Unable to convert '
                                     '%r at %r' % (value, rest))
                idx = m.groups()[0]
                if not self.DIGIT_PATTERN.match(idx):
                    d = d[idx]
                else:
                    try:
                        d = d[int(idx)]
                    except TypeError:
                        d = d[idx]
            rest = rest[m.end():]
        return d

    def convert(self, value):
        if not isinstance(value, ConvertingDict) and isinstance(value, dict):
            value = ConvertingDict(value)
            value.configurator = self
        elif not isinstance(value, ConvertingList) and isinstance(value, list):
            value = ConvertingList(value)
            value.configurator = self
        elif (not isinstance(value, ConvertingTuple)
              and isinstance(value, tuple) and not hasattr(value, '_fields')):
            value = ConvertingTuple(value)
            value.configurator = self
        elif isinstance(value, str):
            m = self.CONVERT_PATTERN.match(value)
            if m:
                d = m.groupdict()
                converter = self.value_converters.get(d['prefix'])
                if converter:
                    value = getattr(self, converter)(d['suffix'])
        return value

    def configure_custom(self, config):
        """Call the '()' factory with the other keys; then set '.' attrs."""
        c = config.pop('()')
        if not callable(c):
            c = self.resolve(c)
        kwargs = {k: config[k] for k in config
                  if k != '.' and valid_ident(k)}
        result = c(**kwargs)
        # Only once the factory has succeeded: configure_formatter retries
        # a factory that refused 'format' with the same config.
        props = config.pop('.', None)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def as_tuple(self, value):
        if isinstance(value, list):
            value = tuple(value)
        return value


def _is_queue_like(obj):
    return all(callable(getattr(obj, name, None))
               for name in ('put_nowait', 'get'))


class DictConfigurator(BaseConfigurator):
    """Applies a dictionary in the version 1 schema."""

    def configure(self):
        config = self.config
        if 'version' not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config['version'] != 1:
            raise ValueError("Unsupported version: %s" % config['version'])
        incremental = config.pop('incremental', False)
        with logging._lock:
            if incremental:
                self._configure_incremental(config)
            else:
                self._configure_full(config)

    def _configure_incremental(self, config):
        handlers = config.get('handlers', {})
        for name in handlers:
            if name not in logging._handlers:
                raise ValueError('No handler found with name %r' % name)
            try:
                handler = logging._handlers[name]
                level = handlers[name].get('level', None)
                if level:
                    handler.setLevel(logging._checkLevel(level))
            except Exception as e:
                raise ValueError('Unable to configure handler '
                                 '%r' % name) from e
        loggers = config.get('loggers', {})
        for name in loggers:
            try:
                self.configure_logger(name, loggers[name], True)
            except Exception as e:
                raise ValueError('Unable to configure logger '
                                 '%r' % name) from e
        root = config.get('root', None)
        if root:
            try:
                self.configure_root(root, True)
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def _configure_full(self, config):
        disable_existing = config.pop('disable_existing_loggers', True)
        _clearExistingHandlers()

        formatters = config.get('formatters', {})
        for name in formatters:
            try:
                formatters[name] = self.configure_formatter(formatters[name])
            except Exception as e:
                raise ValueError('Unable to configure formatter '
                                 '%r' % name) from e

        filters = config.get('filters', {})
        for name in filters:
            try:
                filters[name] = self.configure_filter(filters[name])
            except Exception as e:
                raise ValueError('Unable to configure filter '
                                 '%r' % name) from e

        # Handlers that refer to other handlers (MemoryHandler targets,
        # QueueHandler listeners) are retried after the others exist.
        handlers = config.get('handlers', {})
        deferred = []
        for name in sorted(handlers):
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                if ' not configured yet' in str(e.__cause__):
                    deferred.append(name)
                else:
                    raise ValueError('Unable to configure handler '
                                     '%r' % name) from e
        for name in deferred:
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                raise ValueError('Unable to configure handler '
                                 '%r' % name) from e

        root = logging.root
        existing = sorted(root.manager.loggerDict.keys())
        child_loggers = []
        loggers = config.get('loggers', {})
        for name in loggers:
            if name in existing:
                prefixed = name + "."
                child_loggers.extend(other for other in existing
                                     if other.startswith(prefixed))
                existing.remove(name)
            try:
                self.configure_logger(name, loggers[name])
            except Exception as e:
                raise ValueError('Unable to configure logger '
                                 '%r' % name) from e
        _handle_existing_loggers(existing, child_loggers, disable_existing)

        root_config = config.get('root', None)
        if root_config:
            try:
                self.configure_root(root_config)
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def configure_formatter(self, config):
        if '()' in config:
            factory = config['()']
            try:
                return self.configure_custom(config)
            except TypeError as te:
                # Older factories take 'fmt' where the schema says 'format'.
                if "'format'" not in str(te):
                    raise
                config['fmt'] = config.pop('format')
                config['()'] = factory
                return self.configure_custom(config)
        fmt = config.get('format', None)
        dfmt = config.get('datefmt', None)
        style = config.get('style', '%')
        cname = config.get('class', None)
        defaults = config.get('defaults', None)
        c = self.resolve(cname) if cname else logging.Formatter
        kwargs = {}
        if 'validate' in config:
            kwargs['validate'] = config['validate']
        if defaults:
            kwargs['defaults'] = defaults
        return c(fmt, dfmt, style, **kwargs)

    def configure_filter(self, config):
        if '()' in config:
            return self.configure_custom(config)
        return logging.Filter(config.get('name', ''))

    def add_filters(self, filterer, filters):
        for f in filters:
            try:
                if callable(f) or callable(getattr(f, 'filter', None)):
                    filter_ = f
                else:
                    filter_ = self.config['filters'][f]
                filterer.addFilter(filter_)
            except Exception as e:
                raise ValueError('Unable to add filter %r' % f) from e

    def _configured_handler(self, name):
        handler = self.config['handlers'][name]
        if not isinstance(handler, logging.Handler):
            raise TypeError('handler %r not configured yet' % name)
        return handler

    def _make_queue(self, qspec):
        import queue
        if qspec is None:
            return queue.Queue()
        if isinstance(qspec, str):
            q = self.resolve(qspec)
            if not callable(q):
                raise TypeError('Invalid queue specifier %r' % qspec)
            return q()
        if isinstance(qspec, dict):
            if '()' not in qspec:
                raise TypeError('Invalid queue specifier %r' % qspec)
            return self.configure_custom(dict(qspec))
        if _is_queue_like(qspec):
            return qspec
        raise TypeError('Invalid queue specifier %r' % qspec)

    def _configure_queue_handler(self, klass, kwargs):
        """Build a QueueHandler and its (unstarted) QueueListener."""
        q = self._make_queue(kwargs.pop('queue', None))
        lspec = kwargs.pop('listener', None)
        names = kwargs.pop('handlers', None) or []
        respect = kwargs.pop('respect_handler_level', False)
        if lspec is None:
            lklass = logging.handlers.QueueListener
        elif isinstance(lspec, str):
            lklass = self.resolve(lspec)
        elif isinstance(lspec, dict):
            # A '()' factory whose result makes the listener.
            lklass = self.configure_custom(dict(lspec))
        else:
            lklass = lspec
        try:
            targets = [self._configured_handler(n) for n in names]
        except TypeError as e:
            raise ValueError('Unable to set required handler') from e
        handler = klass(q, **kwargs)
        handler.listener = lklass(q, *targets,
                                  respect_handler_level=respect)
        return handler

    def configure_handler(self, config):
        config_copy = dict(config)
        formatter = config.pop('formatter', None)
        if formatter:
            try:
                formatter = self.config['formatters'][formatter]
            except Exception as e:
                raise ValueError('Unable to set formatter '
                                 '%r' % formatter) from e
        level = config.pop('level', None)
        filters = config.pop('filters', None)
        queue_handler = None
        if '()' in config:
            c = config.pop('()')
            if not callable(c):
                c = self.resolve(c)
            factory = c
        else:
            cname = config.pop('class')
            klass = cname if callable(cname) else self.resolve(cname)
            if issubclass(klass, logging.handlers.MemoryHandler) \
                    and 'flushLevel' in config:
                config['flushLevel'] = logging._checkLevel(
                    config['flushLevel'])
            if issubclass(klass, logging.handlers.MemoryHandler) \
                    and 'target' in config:
                tn = config['target']
                try:
                    th = self.config['handlers'][tn]
                    if not isinstance(th, logging.Handler):
                        # Restored so the deferred retry starts afresh.
                        config.update(config_copy)
                        raise TypeError('target not configured yet')
                    config['target'] = th
                except Exception as e:
                    raise ValueError('Unable to set target handler '
                                     '%r' % tn) from e
            elif issubclass(klass, logging.handlers.QueueHandler):
                queue_handler = klass
            elif issubclass(klass, logging.handlers.SysLogHandler) \
                    and 'address' in config:
                config['address'] = self.as_tuple(config['address'])
            factory = klass
        props = config.pop('.', None)
        kwargs = {k: config[k] for k in config
                  if k != '.' and valid_ident(k)}
        if queue_handler is not None:
            try:
                result = self._configure_queue_handler(queue_handler, kwargs)
            except ValueError:
                config.update(config_copy)
                raise
        else:
            try:
                result = factory(**kwargs)
            except TypeError as te:
                if "'stream'" not in str(te):
                    raise
                kwargs['strm'] = kwargs.pop('stream')
                result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def add_handlers(self, logger, handlers):
        for h in handlers:
            try:
                logger.addHandler(self.config['handlers'][h])
            except Exception as e:
                raise ValueError('Unable to add handler %r' % h) from e

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get('level', None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            handlers = config.get('handlers', None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get('filters', None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get('propagate', None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        self.common_logger_config(logging.getLogger(), config, incremental)


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configure logging from a dictionary in the version 1 schema."""
    dictConfigClass(config).configure()


# ---------------------------------------------------------------------------
# fileConfig

def fileConfig(fname, defaults=None, disable_existing_loggers=True,
               encoding=None):
    """Configure logging from an INI-style file, path or ConfigParser."""
    import configparser
    if isinstance(fname, str):
        if not os.path.exists(fname):
            raise FileNotFoundError(f"{fname} doesn't exist")
        if not os.path.getsize(fname):
            raise RuntimeError(f'{fname} is an empty file')
    if isinstance(fname, configparser.RawConfigParser):
        cp = fname
    else:
        try:
            cp = configparser.ConfigParser(defaults)
            if hasattr(fname, 'readline'):
                cp.read_file(fname)
            else:
                encoding = io.text_encoding(encoding)
                cp.read(fname, encoding=encoding)
        except configparser.ParsingError as e:
            raise RuntimeError(f'{fname} is invalid: {e}')
    formatters = _create_formatters(cp)
    with logging._lock:
        _clearExistingHandlers()
        handlers = _install_handlers(cp, formatters)
        _install_loggers(cp, handlers, disable_existing_loggers)


def _create_formatters(cp):
    flist = cp["formatters"]["keys"]
    if not len(flist):
        return {}
    formatters = {}
    for form in _strip_spaces(flist.split(",")):
        sect = cp["formatter_%s" % form]
        fs = sect.get("format", None, raw=True)
        dfs = sect.get("datefmt", None, raw=True)
        stl = sect.get("style", '%', raw=True)
        defaults = sect.get("defaults", None, raw=True)
        cname = sect.get("class", None)
        c = _resolve(cname) if cname else logging.Formatter
        if defaults is not None:
            import ast
            f = c(fs, dfs, stl, defaults=ast.literal_eval(defaults))
        else:
            f = c(fs, dfs, stl)
        formatters[form] = f
    return formatters


def _install_handlers(cp, formatters):
    hlist = cp["handlers"]["keys"]
    if not len(hlist):
        return {}
    handlers = {}
    fixups = []
    for hand in _strip_spaces(hlist.split(",")):
        section = cp["handler_%s" % hand]
        klass = section["class"]
        fmt = section.get("formatter", "")
        try:
            klass = eval(klass, vars(logging))
        except (AttributeError, NameError):
            klass = _resolve(klass)
        args = eval(section.get("args", '()'), vars(logging))
        kwargs = eval(section.get("kwargs", '{}'), vars(logging))
        h = klass(*args, **kwargs)
        h.name = hand
        if "level" in section:
            h.setLevel(section["level"])
        if len(fmt):
            h.setFormatter(formatters[fmt])
        if issubclass(klass, logging.handlers.MemoryHandler):
            target = section.get("target", "")
            if len(target):
                fixups.append((h, target))
        handlers[hand] = h
    for h, t in fixups:
        h.setTarget(handlers[t])
    return handlers


def _install_loggers(cp, handlers, disable_existing):
    llist = _strip_spaces(cp["loggers"]["keys"].split(","))
    llist.remove("root")
    section = cp["logger_root"]
    root = logging.root
    if "level" in section:
        root.setLevel(section["level"])
    for h in root.handlers[:]:
        root.removeHandler(h)
    hlist = section["handlers"]
    if len(hlist):
        for hand in _strip_spaces(hlist.split(",")):
            root.addHandler(handlers[hand])
    existing = sorted(root.manager.loggerDict.keys())
    child_loggers = []
    for log in llist:
        section = cp["logger_%s" % log]
        qn = section["qualname"]
        propagate = section.getint("propagate", fallback=1)
        logger = logging.getLogger(qn)
        if qn in existing:
            prefixed = qn + "."
            child_loggers.extend(other for other in existing
                                 if other.startswith(prefixed))
            existing.remove(qn)
        if "level" in section:
            logger.setLevel(section["level"])
        for h in logger.handlers[:]:
            logger.removeHandler(h)
        logger.propagate = propagate
        logger.disabled = False
        hlist = section["handlers"]
        if len(hlist):
            for hand in _strip_spaces(hlist.split(",")):
                logger.addHandler(handlers[hand])
    _handle_existing_loggers(existing, child_loggers, disable_existing)


# ---------------------------------------------------------------------------
# listen / stopListening

class _ConfigListener(threading.Thread):
    """Accepts connections carrying a 4-byte big-endian length and a
    configuration (JSON for dictConfig, else fileConfig text)."""

    def __init__(self, port, verify):
        threading.Thread.__init__(self, daemon=True)
        self.port = port
        self.verify = verify
        self.ready = threading.Event()
        self.abort = False
        self.sock = None

    def _read_exact(self, conn, n):
        data = b''
        while len(data) < n:
            chunk = conn.recv(n - len(data))
            if not chunk:
                break
            data += chunk
        return data

    def _apply(self, data):
        if self.verify is not None:
            data = self.verify(data)
        if data is None:
            return
        text = data.decode("utf-8")
        try:
            import json
            d = json.loads(text)
        except Exception:
            fileConfig(io.StringIO(text))
            return
        assert isinstance(d, dict)
        dictConfig(d)

    def _serve_one(self, conn):
        try:
            header = self._read_exact(conn, 4)
            if len(header) != 4:
                return
            data = self._read_exact(conn, int.from_bytes(header, 'big'))
            try:
                self._apply(data)
            except Exception:
                import traceback
                traceback.print_exc()
        except OSError as e:
            if getattr(e, 'errno', None) != RESET_ERROR:
                raise
        finally:
            conn.close()

    def run(self):
        import socket
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(('localhost', self.port))
        sock.listen(5)
        sock.settimeout(0.5)
        self.port = sock.getsockname()[1]
        self.sock = sock
        global _listener
        with logging._lock:
            _listener = self
        self.ready.set()
        try:
            while not self.abort:
                try:
                    conn, _ = sock.accept()
                except TimeoutError:
                    continue
                except OSError:
                    if self.abort:
                        break
                    raise
                if self.abort:
                    conn.close()
                    break
                conn.settimeout(None)
                self._serve_one(conn)
        finally:
            sock.close()


def listen(port=DEFAULT_LOGGING_CONFIG_PORT, verify=None):
    """A not-yet-started thread that applies configurations sent to port."""
    return _ConfigListener(port, verify)


def stopListening():
    global _listener
    with logging._lock:
        listener = _listener
        _listener = None
    if listener:
        listener.abort = True
        # Wake the accept() call instead of waiting for its timeout.
        try:
            import socket
            socket.create_connection(('localhost', listener.port),
                                     timeout=1).close()
        except OSError:
            pass
