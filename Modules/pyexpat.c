/* The pyexpat module: Python's interface to the Expat XML parser, the
   system's libexpat, behind Lib/xml/parsers/expat.py, xml.etree,
   xml.dom.minidom and xml.sax.

   An xmlparser owns one XML_Parser.  Expat calls back into C as it
   parses; each callback turns its arguments into Python objects and calls
   the handler the user set as an attribute.  An exception in a handler
   stops the parser and Parse() re-raises it.

   Thread safety: Parse, ParseFile and every attribute or handler change
   run inside the parser object's critical section, so two threads never
   drive one XML_Parser at once (the second waits, detached).  Handlers run
   inside that section; a handler that changes the parser's own handlers
   re-enters the section, which is on top of its thread's stack, so it
   locks nothing more.  A handler that calls Parse() on its own parser gets
   a RuntimeError: Expat is not re-entrant. */
#include "Python.h"

#include <expat.h>
#include <string.h>

/* ---- handlers ---------------------------------------------------------- */

enum handler_index {
    H_START_ELEMENT,
    H_END_ELEMENT,
    H_PROCESSING_INSTRUCTION,
    H_CHARACTER_DATA,
    H_UNPARSED_ENTITY_DECL,
    H_NOTATION_DECL,
    H_START_NAMESPACE_DECL,
    H_END_NAMESPACE_DECL,
    H_COMMENT,
    H_START_CDATA_SECTION,
    H_END_CDATA_SECTION,
    H_DEFAULT,
    H_DEFAULT_EXPAND,
    H_NOT_STANDALONE,
    H_EXTERNAL_ENTITY_REF,
    H_START_DOCTYPE_DECL,
    H_END_DOCTYPE_DECL,
    H_ENTITY_DECL,
    H_XML_DECL,
    H_ELEMENT_DECL,
    H_ATTLIST_DECL,
    H_SKIPPED_ENTITY,
    HANDLER_COUNT
};

static const char *const handler_names[HANDLER_COUNT] = {
    "StartElementHandler", "EndElementHandler",
    "ProcessingInstructionHandler", "CharacterDataHandler",
    "UnparsedEntityDeclHandler", "NotationDeclHandler",
    "StartNamespaceDeclHandler", "EndNamespaceDeclHandler",
    "CommentHandler", "StartCdataSectionHandler", "EndCdataSectionHandler",
    "DefaultHandler", "DefaultHandlerExpand", "NotStandaloneHandler",
    "ExternalEntityRefHandler", "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler", "EntityDeclHandler", "XmlDeclHandler",
    "ElementDeclHandler", "AttlistDeclHandler", "SkippedEntityHandler",
};

/* Guarded by the object's critical section (see the file comment). */
typedef struct {
    PyObject_HEAD
    XML_Parser parser;
    PyObject *handlers[HANDLER_COUNT];   /* strong references or NULL */
    PyObject *intern;                    /* dict or NULL */
    char *text;                          /* buffered character data */
    int text_used;
    int text_size;                       /* capacity; 0 when not buffering */
    int ordered_attributes;
    int specified_attributes;
    int namespace_prefixes;
    int in_callback_error;               /* a handler raised: stop calling */
    int parsing;                         /* inside XML_Parse */
    int reparse_deferral;
    PyObject *parent;                    /* an external entity parser's
                                            creator, kept alive for Expat */
} XmlParserObject;

static PyTypeObject XmlParser_Type;
static PyObject *ExpatError;             /* set once by the module's exec */

#define DEFAULT_BUFFER_SIZE 8192

/* ---- conversions ------------------------------------------------------- */

/* A new reference: `s` decoded from UTF-8, or None for NULL. */
static PyObject *text_or_none(const XML_Char *s)
{
    if (s == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "strict");
}

/* A new reference to a name, shared through the intern dict so repeated
   element and attribute names are one object. */
static PyObject *intern_name(XmlParserObject *self, const XML_Char *s)
{
    PyObject *name = text_or_none(s);
    if (name == NULL || self->intern == NULL || name == Py_None) {
        return name;
    }
    PyObject *existing;
    if (PyDict_SetDefaultRef(self->intern, name, name, &existing) < 0) {
        Py_DECREF(name);
        return NULL;
    }
    Py_DECREF(name);
    return existing;
}

/* ---- calling handlers -------------------------------------------------- */

/* Call handler `index` with `args` (stolen); a new reference to its result,
   or NULL with the parser stopped if it raised or args were NULL. */
static PyObject *call_handler(XmlParserObject *self, int index, PyObject *args)
{
    if (args == NULL) {
        goto fail;
    }
    PyObject *handler = Py_XNewRef(self->handlers[index]);
    if (handler == NULL) {
        Py_DECREF(args);
        Py_RETURN_NONE;
    }
    PyObject *result = PyObject_Call(handler, args, NULL);
    Py_DECREF(handler);
    Py_DECREF(args);
    if (result != NULL) {
        return result;
    }
fail:
    self->in_callback_error = 1;
    XML_StopParser(self->parser, XML_FALSE);
    return NULL;
}

static int flush_text(XmlParserObject *self)
{
    if (self->text_used == 0) {
        return 0;
    }
    int used = self->text_used;
    self->text_used = 0;
    if (self->handlers[H_CHARACTER_DATA] == NULL) {
        return 0;
    }
    PyObject *data = PyUnicode_DecodeUTF8(self->text, used, "strict");
    PyObject *args = data ? PyTuple_Pack(1, data) : NULL;
    Py_XDECREF(data);
    PyObject *r = call_handler(self, H_CHARACTER_DATA, args);
    Py_XDECREF(r);
    return r == NULL ? -1 : 0;
}

/* Whether callbacks may run: not after a handler raised. Buffered text is
   delivered before any other event, keeping the document's order. */
static int ready(XmlParserObject *self)
{
    if (self->in_callback_error) {
        return 0;
    }
    return flush_text(self) == 0;
}

/* The common shape of most callbacks: build args, call, drop the result. */
static void dispatch(XmlParserObject *self, int index, PyObject *args)
{
    PyObject *r = call_handler(self, index, args);
    Py_XDECREF(r);
}

/* ---- Expat callbacks --------------------------------------------------- */

static PyObject *attributes_object(XmlParserObject *self, const XML_Char **atts)
{
    int count = 0;
    while (atts[count] != NULL) {
        count += 2;
    }
    if (self->specified_attributes) {
        count = XML_GetSpecifiedAttributeCount(self->parser);
    }
    PyObject *result = self->ordered_attributes ? PyList_New(0) : PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    for (int i = 0; i < count; i += 2) {
        PyObject *name = intern_name(self, atts[i]);
        PyObject *value = text_or_none(atts[i + 1]);
        int err = name == NULL || value == NULL;
        if (!err && self->ordered_attributes) {
            err = PyList_Append(result, name) < 0
                  || PyList_Append(result, value) < 0;
        }
        else if (!err) {
            err = PyDict_SetItem(result, name, value) < 0;
        }
        Py_XDECREF(name);
        Py_XDECREF(value);
        if (err) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static void on_start_element(void *data, const XML_Char *name,
                             const XML_Char **atts)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_START_ELEMENT] == NULL) {
        return;
    }
    PyObject *n = intern_name(self, name);
    PyObject *a = n ? attributes_object(self, atts) : NULL;
    PyObject *args = a ? PyTuple_Pack(2, n, a) : NULL;
    Py_XDECREF(n);
    Py_XDECREF(a);
    dispatch(self, H_START_ELEMENT, args);
}

/* One-name callbacks: end element, end namespace declaration. */
static void call_with_name(XmlParserObject *self, int index, const XML_Char *name)
{
    if (!ready(self) || self->handlers[index] == NULL) {
        return;
    }
    PyObject *n = intern_name(self, name);
    dispatch(self, index, n ? Py_BuildValue("(N)", n) : NULL);
}

/* One-text callbacks: comments. */
static void call_with_text(XmlParserObject *self, int index, const XML_Char *s)
{
    if (!ready(self) || self->handlers[index] == NULL) {
        return;
    }
    PyObject *t = text_or_none(s);
    dispatch(self, index, t ? Py_BuildValue("(N)", t) : NULL);
}

static void call_without_args(XmlParserObject *self, int index)
{
    if (!ready(self) || self->handlers[index] == NULL) {
        return;
    }
    dispatch(self, index, PyTuple_New(0));
}

static void on_end_element(void *data, const XML_Char *name)
{
    call_with_name(data, H_END_ELEMENT, name);
}

static void on_end_namespace(void *data, const XML_Char *prefix)
{
    call_with_name(data, H_END_NAMESPACE_DECL, prefix);
}

static void on_comment(void *data, const XML_Char *s)
{
    call_with_text(data, H_COMMENT, s);
}

static void on_start_cdata(void *data)
{
    call_without_args(data, H_START_CDATA_SECTION);
}

static void on_end_cdata(void *data)
{
    call_without_args(data, H_END_CDATA_SECTION);
}

static void on_end_doctype(void *data)
{
    call_without_args(data, H_END_DOCTYPE_DECL);
}

static void on_processing_instruction(void *data, const XML_Char *target,
                                      const XML_Char *pi)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_PROCESSING_INSTRUCTION] == NULL) {
        return;
    }
    dispatch(self, H_PROCESSING_INSTRUCTION,
             Py_BuildValue("(NN)", intern_name(self, target), text_or_none(pi)));
}

/* Character data is either delivered at once or gathered into the buffer
   (buffer_text), which hands contiguous text over in one call. */
static void on_character_data(void *data, const XML_Char *s, int len)
{
    XmlParserObject *self = data;
    if (self->in_callback_error || self->handlers[H_CHARACTER_DATA] == NULL) {
        return;
    }
    if (self->text_size == 0) {
        PyObject *t = PyUnicode_DecodeUTF8(s, len, "strict");
        dispatch(self, H_CHARACTER_DATA, t ? Py_BuildValue("(N)", t) : NULL);
        return;
    }
    if (self->text_used + len > self->text_size) {
        if (flush_text(self) < 0) {
            return;
        }
        if (len > self->text_size) {
            PyObject *t = PyUnicode_DecodeUTF8(s, len, "strict");
            dispatch(self, H_CHARACTER_DATA, t ? Py_BuildValue("(N)", t) : NULL);
            return;
        }
    }
    memcpy(self->text + self->text_used, s, (size_t)len);
    self->text_used += len;
}

static void on_unparsed_entity(void *data, const XML_Char *name,
                               const XML_Char *base, const XML_Char *system_id,
                               const XML_Char *public_id,
                               const XML_Char *notation)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_UNPARSED_ENTITY_DECL] == NULL) {
        return;
    }
    dispatch(self, H_UNPARSED_ENTITY_DECL,
             Py_BuildValue("(NNNNN)", intern_name(self, name),
                           text_or_none(base), text_or_none(system_id),
                           text_or_none(public_id), intern_name(self, notation)));
}

static void on_notation(void *data, const XML_Char *name, const XML_Char *base,
                        const XML_Char *system_id, const XML_Char *public_id)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_NOTATION_DECL] == NULL) {
        return;
    }
    dispatch(self, H_NOTATION_DECL,
             Py_BuildValue("(NNNN)", intern_name(self, name),
                           text_or_none(base), text_or_none(system_id),
                           text_or_none(public_id)));
}

static void on_start_namespace(void *data, const XML_Char *prefix,
                               const XML_Char *uri)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_START_NAMESPACE_DECL] == NULL) {
        return;
    }
    dispatch(self, H_START_NAMESPACE_DECL,
             Py_BuildValue("(NN)", intern_name(self, prefix),
                           intern_name(self, uri)));
}

/* The default handlers receive the document's raw text. */
static void call_default(XmlParserObject *self, int index, const XML_Char *s,
                         int len)
{
    if (!ready(self) || self->handlers[index] == NULL) {
        return;
    }
    PyObject *t = PyUnicode_DecodeUTF8(s, len, "strict");
    dispatch(self, index, t ? Py_BuildValue("(N)", t) : NULL);
}

static void on_default(void *data, const XML_Char *s, int len)
{
    call_default(data, H_DEFAULT, s, len);
}

static void on_default_expand(void *data, const XML_Char *s, int len)
{
    call_default(data, H_DEFAULT_EXPAND, s, len);
}

/* A handler's integer answer; `fallback` when it raised or returned a
   non-integer (the parser is then stopped). */
static int int_answer(XmlParserObject *self, PyObject *result, int fallback)
{
    if (result == NULL) {
        return fallback;
    }
    long value = PyLong_AsLong(result);
    Py_DECREF(result);
    if (value == -1 && PyErr_Occurred()) {
        self->in_callback_error = 1;
        XML_StopParser(self->parser, XML_FALSE);
        return fallback;
    }
    return (int)value;
}

static int on_not_standalone(void *data)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_NOT_STANDALONE] == NULL) {
        return 0;
    }
    return int_answer(self, call_handler(self, H_NOT_STANDALONE, PyTuple_New(0)), 0);
}

static int on_external_entity_ref(XML_Parser parser, const XML_Char *context,
                                  const XML_Char *base,
                                  const XML_Char *system_id,
                                  const XML_Char *public_id)
{
    XmlParserObject *self = XML_GetUserData(parser);
    if (!ready(self) || self->handlers[H_EXTERNAL_ENTITY_REF] == NULL) {
        return XML_STATUS_ERROR;
    }
    PyObject *args = Py_BuildValue("(NNNN)", text_or_none(context),
                                   text_or_none(base), text_or_none(system_id),
                                   text_or_none(public_id));
    return int_answer(self, call_handler(self, H_EXTERNAL_ENTITY_REF, args),
                      XML_STATUS_ERROR);
}

static void on_start_doctype(void *data, const XML_Char *name,
                             const XML_Char *system_id,
                             const XML_Char *public_id, int has_internal_subset)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_START_DOCTYPE_DECL] == NULL) {
        return;
    }
    dispatch(self, H_START_DOCTYPE_DECL,
             Py_BuildValue("(NNNi)", intern_name(self, name),
                           text_or_none(system_id), text_or_none(public_id),
                           has_internal_subset));
}

static void on_entity_decl(void *data, const XML_Char *name,
                           int is_parameter_entity, const XML_Char *value,
                           int value_length, const XML_Char *base,
                           const XML_Char *system_id, const XML_Char *public_id,
                           const XML_Char *notation)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_ENTITY_DECL] == NULL) {
        return;
    }
    PyObject *v;
    if (value == NULL) {
        v = Py_NewRef(Py_None);
    }
    else {
        v = PyUnicode_DecodeUTF8(value, value_length, "strict");
    }
    dispatch(self, H_ENTITY_DECL,
             Py_BuildValue("(NiNNNNN)", intern_name(self, name),
                           is_parameter_entity, v, text_or_none(base),
                           text_or_none(system_id), text_or_none(public_id),
                           intern_name(self, notation)));
}

static void on_xml_decl(void *data, const XML_Char *version,
                        const XML_Char *encoding, int standalone)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_XML_DECL] == NULL) {
        return;
    }
    dispatch(self, H_XML_DECL,
             Py_BuildValue("(NNi)", text_or_none(version),
                           text_or_none(encoding), standalone));
}

/* A content model as nested tuples (type, quantifier, name, children). */
static PyObject *content_model(XmlParserObject *self, const XML_Content *model)
{
    PyObject *children = PyTuple_New(model->numchildren);
    if (children == NULL) {
        return NULL;
    }
    for (unsigned int i = 0; i < model->numchildren; i++) {
        PyObject *child = content_model(self, &model->children[i]);
        if (child == NULL) {
            Py_DECREF(children);
            return NULL;
        }
        PyTuple_SET_ITEM(children, i, child);
    }
    return Py_BuildValue("(iiNN)", (int)model->type, (int)model->quant,
                         intern_name(self, model->name), children);
}

static void on_element_decl(void *data, const XML_Char *name,
                            XML_Content *model)
{
    XmlParserObject *self = data;
    if (ready(self) && self->handlers[H_ELEMENT_DECL] != NULL) {
        PyObject *m = content_model(self, model);
        PyObject *n = m ? intern_name(self, name) : NULL;
        PyObject *args = n ? PyTuple_Pack(2, n, m) : NULL;
        Py_XDECREF(n);
        Py_XDECREF(m);
        dispatch(self, H_ELEMENT_DECL, args);
    }
    XML_FreeContentModel(self->parser, model);
}

static void on_attlist_decl(void *data, const XML_Char *element,
                            const XML_Char *attribute, const XML_Char *type,
                            const XML_Char *default_value, int required)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_ATTLIST_DECL] == NULL) {
        return;
    }
    dispatch(self, H_ATTLIST_DECL,
             Py_BuildValue("(NNNNi)", intern_name(self, element),
                           intern_name(self, attribute), text_or_none(type),
                           text_or_none(default_value), required));
}

static void on_skipped_entity(void *data, const XML_Char *name,
                              int is_parameter_entity)
{
    XmlParserObject *self = data;
    if (!ready(self) || self->handlers[H_SKIPPED_ENTITY] == NULL) {
        return;
    }
    dispatch(self, H_SKIPPED_ENTITY,
             Py_BuildValue("(Ni)", intern_name(self, name), is_parameter_entity));
}

/* Point Expat's callback for handler `index` at ours, or clear it. */
static void install_callback(XML_Parser p, int index, int on)
{
    switch (index) {
    case H_START_ELEMENT:
        XML_SetStartElementHandler(p, on ? on_start_element : NULL);
        break;
    case H_END_ELEMENT:
        XML_SetEndElementHandler(p, on ? on_end_element : NULL);
        break;
    case H_PROCESSING_INSTRUCTION:
        XML_SetProcessingInstructionHandler(p, on ? on_processing_instruction : NULL);
        break;
    case H_CHARACTER_DATA:
        XML_SetCharacterDataHandler(p, on ? on_character_data : NULL);
        break;
    case H_UNPARSED_ENTITY_DECL:
        XML_SetUnparsedEntityDeclHandler(p, on ? on_unparsed_entity : NULL);
        break;
    case H_NOTATION_DECL:
        XML_SetNotationDeclHandler(p, on ? on_notation : NULL);
        break;
    case H_START_NAMESPACE_DECL:
        XML_SetStartNamespaceDeclHandler(p, on ? on_start_namespace : NULL);
        break;
    case H_END_NAMESPACE_DECL:
        XML_SetEndNamespaceDeclHandler(p, on ? on_end_namespace : NULL);
        break;
    case H_COMMENT:
        XML_SetCommentHandler(p, on ? on_comment : NULL);
        break;
    case H_START_CDATA_SECTION:
        XML_SetStartCdataSectionHandler(p, on ? on_start_cdata : NULL);
        break;
    case H_END_CDATA_SECTION:
        XML_SetEndCdataSectionHandler(p, on ? on_end_cdata : NULL);
        break;
    case H_DEFAULT:
        XML_SetDefaultHandler(p, on ? on_default : NULL);
        break;
    case H_DEFAULT_EXPAND:
        XML_SetDefaultHandlerExpand(p, on ? on_default_expand : NULL);
        break;
    case H_NOT_STANDALONE:
        XML_SetNotStandaloneHandler(p, on ? on_not_standalone : NULL);
        break;
    case H_EXTERNAL_ENTITY_REF:
        XML_SetExternalEntityRefHandler(p, on ? on_external_entity_ref : NULL);
        break;
    case H_START_DOCTYPE_DECL:
        XML_SetStartDoctypeDeclHandler(p, on ? on_start_doctype : NULL);
        break;
    case H_END_DOCTYPE_DECL:
        XML_SetEndDoctypeDeclHandler(p, on ? on_end_doctype : NULL);
        break;
    case H_ENTITY_DECL:
        XML_SetEntityDeclHandler(p, on ? on_entity_decl : NULL);
        break;
    case H_XML_DECL:
        XML_SetXmlDeclHandler(p, on ? on_xml_decl : NULL);
        break;
    case H_ELEMENT_DECL:
        XML_SetElementDeclHandler(p, on ? on_element_decl : NULL);
        break;
    case H_ATTLIST_DECL:
        XML_SetAttlistDeclHandler(p, on ? on_attlist_decl : NULL);
        break;
    case H_SKIPPED_ENTITY:
        XML_SetSkippedEntityHandler(p, on ? on_skipped_entity : NULL);
        break;
    }
}

/* ---- errors ------------------------------------------------------------ */

/* Raise ExpatError for the parser's current error, with CPython's
   message form and its code, lineno and offset attributes; always NULL. */
static PyObject *raise_expat_error(XML_Parser parser)
{
    enum XML_Error code = XML_GetErrorCode(parser);
    unsigned long line = XML_GetErrorLineNumber(parser);
    unsigned long column = XML_GetErrorColumnNumber(parser);
    PyObject *exc = PyObject_CallFunction(ExpatError, "N",
        PyUnicode_FromFormat("%s: line %lu, column %lu",
                             XML_ErrorString(code), line, column));
    if (exc == NULL) {
        return NULL;
    }
    PyObject *values[3] = {PyLong_FromLong((long)code),
                           PyLong_FromUnsignedLong(line),
                           PyLong_FromUnsignedLong(column)};
    static const char *const names[3] = {"code", "lineno", "offset"};
    int failed = 0;
    for (int i = 0; i < 3; i++) {
        if (!failed && (values[i] == NULL
                        || PyObject_SetAttrString(exc, names[i], values[i]) < 0)) {
            failed = 1;
        }
        Py_XDECREF(values[i]);
    }
    if (!failed) {
        PyErr_SetObject(ExpatError, exc);
    }
    Py_DECREF(exc);
    return NULL;
}

/* ---- parsing ----------------------------------------------------------- */

/* Feed `len` bytes to Expat; the caller holds the critical section. */
static PyObject *feed(XmlParserObject *self, const char *data, Py_ssize_t len,
                      int isfinal)
{
    if (self->parsing) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot call Parse() from within a handler");
        return NULL;
    }
    self->parsing = 1;
    /* A handler's earlier exception has been reported; Expat itself now
       refuses more input (XML_ERROR_FINISHED). */
    self->in_callback_error = 0;
    enum XML_Status status = XML_STATUS_OK;
    /* Expat takes an int length: hand large inputs over in pieces. */
    while (len > INT_MAX / 2) {
        status = XML_Parse(self->parser, data, INT_MAX / 2, 0);
        if (status != XML_STATUS_OK || self->in_callback_error) {
            break;
        }
        data += INT_MAX / 2;
        len -= INT_MAX / 2;
    }
    if (status == XML_STATUS_OK && !self->in_callback_error) {
        status = XML_Parse(self->parser, data, (int)len, isfinal);
    }
    self->parsing = 0;
    if (self->in_callback_error) {
        /* The handler's exception is pending; the parser stays stopped, as
           Expat allows no resumption after XML_StopParser(XML_FALSE). */
        return NULL;
    }
    /* Text buffered so far is delivered before Parse() returns. */
    if (status == XML_STATUS_OK && flush_text(self) < 0) {
        return NULL;
    }
    if (status != XML_STATUS_OK) {
        return raise_expat_error(self->parser);
    }
    return PyLong_FromLong(1);
}

static PyObject *parser_parse(PyObject *op, PyObject *const *args,
                              Py_ssize_t nargs)
{
    XmlParserObject *self = (XmlParserObject *)op;
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError,
                     "Parse expected 1 or 2 arguments, got %zd", nargs);
        return NULL;
    }
    int isfinal = 0;
    if (nargs == 2 && (isfinal = PyObject_IsTrue(args[1])) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (PyUnicode_Check(args[0])) {
        Py_ssize_t len;
        const char *text = PyUnicode_AsUTF8AndSize(args[0], &len);
        if (text != NULL) {
            XML_SetEncoding(self->parser, "utf-8");
            result = feed(self, text, len, isfinal);
        }
    }
    else {
        Py_buffer view;
        if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) == 0) {
            result = feed(self, view.buf, view.len, isfinal);
            PyBuffer_Release(&view);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* Read `file` in chunks until it is exhausted, parsing as we go. */
static PyObject *parser_parse_file(PyObject *op, PyObject *file)
{
    XmlParserObject *self = (XmlParserObject *)op;
    PyObject *read = PyObject_GetAttrString(file, "read");
    if (read == NULL) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_SetString(PyExc_TypeError,
                            "argument must have 'read' attribute");
        }
        return NULL;
    }
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    for (;;) {
        PyObject *chunk = PyObject_CallFunction(read, "i", 2048);
        if (chunk == NULL) {
            break;
        }
        Py_ssize_t len;
        const char *data;
        if (PyBytes_Check(chunk)) {
            data = PyBytes_AS_STRING(chunk);
            len = PyBytes_GET_SIZE(chunk);
        }
        else if (PyUnicode_Check(chunk)) {
            data = PyUnicode_AsUTF8AndSize(chunk, &len);
            XML_SetEncoding(self->parser, "utf-8");
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "read() did not return a bytes object (type=%.400s)",
                         Py_TYPE(chunk)->tp_name);
            data = NULL;
            len = 0;
        }
        if (data == NULL) {
            Py_DECREF(chunk);
            break;
        }
        result = feed(self, data, len, len == 0);
        Py_DECREF(chunk);
        if (result == NULL || len == 0) {
            break;
        }
        Py_CLEAR(result);
    }
    Py_END_CRITICAL_SECTION();
    Py_DECREF(read);
    return result;
}

static PyObject *parser_set_base(PyObject *op, PyObject *base)
{
    XmlParserObject *self = (XmlParserObject *)op;
    const char *s = PyUnicode_AsUTF8(base);
    if (s == NULL) {
        return NULL;
    }
    int ok;
    Py_BEGIN_CRITICAL_SECTION(op);
    ok = XML_SetBase(self->parser, s) == XML_STATUS_OK;
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        return PyErr_NoMemory();
    }
    Py_RETURN_NONE;
}

static PyObject *parser_get_base(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    XmlParserObject *self = (XmlParserObject *)op;
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(op);
    result = text_or_none(XML_GetBase(self->parser));
    Py_END_CRITICAL_SECTION();
    return result;
}

/* The bytes of the input around the current event (only inside a
   handler, as Expat keeps no input otherwise). */
static PyObject *parser_get_input_context(PyObject *op,
                                          PyObject *Py_UNUSED(ignored))
{
    XmlParserObject *self = (XmlParserObject *)op;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (!self->parsing) {
        result = Py_NewRef(Py_None);
    }
    else {
        int offset = 0, size = 0;
        const char *buffer = XML_GetInputContext(self->parser, &offset, &size);
        result = buffer == NULL
                 ? Py_NewRef(Py_None)
                 : PyBytes_FromStringAndSize(buffer + offset, size - offset);
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *parser_set_param_entity_parsing(PyObject *op, PyObject *arg)
{
    XmlParserObject *self = (XmlParserObject *)op;
    int flag = PyLong_AsInt(arg);
    if (flag == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int ok;
    Py_BEGIN_CRITICAL_SECTION(op);
    ok = XML_SetParamEntityParsing(self->parser,
                                   (enum XML_ParamEntityParsing)flag);
    Py_END_CRITICAL_SECTION();
    return PyLong_FromLong(ok);
}

static PyObject *parser_use_foreign_dtd(PyObject *op, PyObject *const *args,
                                        Py_ssize_t nargs)
{
    XmlParserObject *self = (XmlParserObject *)op;
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "UseForeignDTD expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    int flag = 1;
    if (nargs == 1 && (flag = PyObject_IsTrue(args[0])) < 0) {
        return NULL;
    }
    enum XML_Error err;
    Py_BEGIN_CRITICAL_SECTION(op);
    err = XML_UseForeignDTD(self->parser, flag ? XML_TRUE : XML_FALSE);
    Py_END_CRITICAL_SECTION();
    if (err != XML_ERROR_NONE) {
        return raise_expat_error(self->parser);
    }
    Py_RETURN_NONE;
}

/* Expat 2.6 added reparse deferral; with an older library the setting is
   remembered but has no effect, as CPython documents. */
static PyObject *parser_set_reparse_deferral(PyObject *op, PyObject *arg)
{
    XmlParserObject *self = (XmlParserObject *)op;
    int enabled = PyObject_IsTrue(arg);
    if (enabled < 0) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 6)
    XML_SetReparseDeferralEnabled(self->parser, enabled ? XML_TRUE : XML_FALSE);
    self->reparse_deferral = enabled;
#else
    self->reparse_deferral = 0;
#endif
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *parser_get_reparse_deferral(PyObject *op,
                                             PyObject *Py_UNUSED(ignored))
{
    XmlParserObject *self = (XmlParserObject *)op;
    int enabled;
    Py_BEGIN_CRITICAL_SECTION(op);
    enabled = self->reparse_deferral;
    Py_END_CRITICAL_SECTION();
    return PyBool_FromLong(enabled);
}

static XmlParserObject *new_parser(const char *encoding, const char *separator,
                                   PyObject *intern);
static PyObject *parser_external_entity_parser_create(PyObject *op,
                                                      PyObject *args);

static PyMethodDef parser_methods[] = {
    {"Parse", _PyCFunction_CAST(parser_parse), METH_FASTCALL,
     "Parse(data, isfinal=False, /)\n--\n\n"
     "Parse XML data (bytes or str); isfinal marks the document's end."},
    {"ParseFile", parser_parse_file, METH_O,
     "ParseFile(file, /)\n--\n\nParse XML read from a file object."},
    {"SetBase", parser_set_base, METH_O,
     "SetBase(base, /)\n--\n\nSet the base URL used to resolve relative "
     "system identifiers."},
    {"GetBase", parser_get_base, METH_NOARGS,
     "GetBase()\n--\n\nReturn the base URL, or None."},
    {"GetInputContext", parser_get_input_context, METH_NOARGS,
     "GetInputContext()\n--\n\nReturn the input around the current event, "
     "or None outside a handler."},
    {"ExternalEntityParserCreate", parser_external_entity_parser_create,
     METH_VARARGS,
     "ExternalEntityParserCreate(context, encoding=<unset>, /)\n--\n\n"
     "Create a parser for an external entity referred to by this one."},
    {"SetParamEntityParsing", parser_set_param_entity_parsing, METH_O,
     "SetParamEntityParsing(flag, /)\n--\n\nControl parsing of parameter "
     "entities; returns whether the request succeeded."},
    {"UseForeignDTD", _PyCFunction_CAST(parser_use_foreign_dtd), METH_FASTCALL,
     "UseForeignDTD(flag=True, /)\n--\n\nLoad an external DTD even when the "
     "document names none."},
    {"SetReparseDeferralEnabled", parser_set_reparse_deferral, METH_O,
     "SetReparseDeferralEnabled(enabled, /)\n--\n\nEnable or disable Expat's "
     "reparse deferral (a no-op before Expat 2.6)."},
    {"GetReparseDeferralEnabled", parser_get_reparse_deferral, METH_NOARGS,
     "GetReparseDeferralEnabled()\n--\n\nWhether reparse deferral is on."},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes -------------------------------------------------------- */

static PyObject *handler_get(PyObject *op, void *closure)
{
    XmlParserObject *self = (XmlParserObject *)op;
    int index = (int)(intptr_t)closure;
    PyObject *handler;
    Py_BEGIN_CRITICAL_SECTION(op);
    handler = self->handlers[index];
    handler = handler != NULL ? Py_NewRef(handler) : Py_NewRef(Py_None);
    Py_END_CRITICAL_SECTION();
    return handler;
}

/* The reference to the old handler is dropped after the section ends: its
   destructor may run arbitrary code. */
static int handler_set(PyObject *op, PyObject *value, void *closure)
{
    XmlParserObject *self = (XmlParserObject *)op;
    int index = (int)(intptr_t)closure;
    if (value == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Cannot delete attribute");
        return -1;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (index == H_CHARACTER_DATA && flush_text(self) < 0) {
        old = NULL;
        value = NULL;
    }
    else {
        old = self->handlers[index];
        self->handlers[index] = value == Py_None ? NULL : Py_NewRef(value);
        install_callback(self->parser, index, value != Py_None);
    }
    Py_END_CRITICAL_SECTION();
    if (value == NULL) {
        return -1;
    }
    Py_XDECREF(old);
    return 0;
}

static int bool_value(PyObject *value, int *out)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Cannot delete attribute");
        return -1;
    }
    *out = PyObject_IsTrue(value);
    return *out < 0 ? -1 : 0;
}

static PyObject *buffer_text_get(PyObject *op, void *closure)
{
    XmlParserObject *self = (XmlParserObject *)op;
    int on;
    Py_BEGIN_CRITICAL_SECTION(op);
    on = self->text != NULL;
    Py_END_CRITICAL_SECTION();
    return PyBool_FromLong(on);
}

static int buffer_text_set(PyObject *op, PyObject *value, void *closure)
{
    XmlParserObject *self = (XmlParserObject *)op;
    int on;
    if (bool_value(value, &on) < 0) {
        return -1;
    }
    int result = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (on && self->text == NULL) {
        self->text = PyMem_Malloc(DEFAULT_BUFFER_SIZE);
        if (self->text == NULL) {
            PyErr_NoMemory();
            result = -1;
        }
        else {
            self->text_size = DEFAULT_BUFFER_SIZE;
            self->text_used = 0;
        }
    }
    else if (!on && self->text != NULL) {
        result = flush_text(self);
        PyMem_Free(self->text);
        self->text = NULL;
        self->text_size = 0;
        self->text_used = 0;
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *buffer_size_get(PyObject *op, void *closure)
{
    XmlParserObject *self = (XmlParserObject *)op;
    long size;
    Py_BEGIN_CRITICAL_SECTION(op);
    size = self->text != NULL ? self->text_size : DEFAULT_BUFFER_SIZE;
    Py_END_CRITICAL_SECTION();
    return PyLong_FromLong(size);
}

static int buffer_size_set(PyObject *op, PyObject *value, void *closure)
{
    XmlParserObject *self = (XmlParserObject *)op;
    if (value == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Cannot delete attribute");
        return -1;
    }
    if (!PyLong_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "buffer_size must be an integer");
        return -1;
    }
    long size = PyLong_AsLong(value);
    if (size == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (size <= 0) {
        PyErr_SetString(PyExc_ValueError, "buffer_size must be greater than zero");
        return -1;
    }
    if (size > INT_MAX) {
        PyErr_Format(PyExc_ValueError, "buffer_size must not be greater than %i",
                     INT_MAX);
        return -1;
    }
    int result = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->text != NULL && size != self->text_size) {
        char *bigger = NULL;
        if (flush_text(self) < 0) {
            result = -1;
        }
        else if ((bigger = PyMem_Malloc((size_t)size)) == NULL) {
            PyErr_NoMemory();
            result = -1;
        }
        else {
            PyMem_Free(self->text);
            self->text = bigger;
            self->text_size = (int)size;
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *buffer_used_get(PyObject *op, void *closure)
{
    XmlParserObject *self = (XmlParserObject *)op;
    long used;
    Py_BEGIN_CRITICAL_SECTION(op);
    used = self->text_used;
    Py_END_CRITICAL_SECTION();
    return PyLong_FromLong(used);
}

/* The three boolean options, found by their offset in the object. */
static PyObject *flag_get(PyObject *op, void *closure)
{
    int value;
    Py_BEGIN_CRITICAL_SECTION(op);
    value = *(int *)((char *)op + (intptr_t)closure);
    Py_END_CRITICAL_SECTION();
    return PyBool_FromLong(value);
}

static int flag_set(PyObject *op, PyObject *value, void *closure)
{
    XmlParserObject *self = (XmlParserObject *)op;
    int on;
    if (bool_value(value, &on) < 0) {
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    *(int *)((char *)op + (intptr_t)closure) = on;
    if ((intptr_t)closure == offsetof(XmlParserObject, namespace_prefixes)) {
        XML_SetReturnNSTriplet(self->parser, on);
    }
    Py_END_CRITICAL_SECTION();
    return 0;
}

static PyObject *intern_get(PyObject *op, void *closure)
{
    XmlParserObject *self = (XmlParserObject *)op;
    return Py_NewRef(self->intern != NULL ? self->intern : Py_None);
}

/* Positions and error details, read from Expat under the section. */
enum position_kind {
    ERROR_CODE, ERROR_LINE, ERROR_COLUMN, ERROR_BYTE,
    CURRENT_LINE, CURRENT_COLUMN, CURRENT_BYTE,
};

static PyObject *position_get(PyObject *op, void *closure)
{
    XML_Parser p = ((XmlParserObject *)op)->parser;
    long long value = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    switch ((enum position_kind)(intptr_t)closure) {
    case ERROR_CODE: value = XML_GetErrorCode(p); break;
    case ERROR_LINE: value = (long long)XML_GetErrorLineNumber(p); break;
    case ERROR_COLUMN: value = (long long)XML_GetErrorColumnNumber(p); break;
    case ERROR_BYTE: value = XML_GetErrorByteIndex(p); break;
    case CURRENT_LINE: value = (long long)XML_GetCurrentLineNumber(p); break;
    case CURRENT_COLUMN: value = (long long)XML_GetCurrentColumnNumber(p); break;
    case CURRENT_BYTE: value = XML_GetCurrentByteIndex(p); break;
    }
    Py_END_CRITICAL_SECTION();
    return PyLong_FromLongLong(value);
}

#define HANDLER_GETSET(i) \
    {NULL, handler_get, handler_set, NULL, (void *)(intptr_t)(i)}
#define FLAG_GETSET(name, field, doc) \
    {name, flag_get, flag_set, doc, \
     (void *)(intptr_t)offsetof(XmlParserObject, field)}
#define POSITION_GETSET(name, kind) \
    {name, position_get, NULL, NULL, (void *)(intptr_t)(kind)}

/* The handler entries' names are filled from handler_names at exec. */
static PyGetSetDef parser_getset[] = {
    HANDLER_GETSET(0), HANDLER_GETSET(1), HANDLER_GETSET(2),
    HANDLER_GETSET(3), HANDLER_GETSET(4), HANDLER_GETSET(5),
    HANDLER_GETSET(6), HANDLER_GETSET(7), HANDLER_GETSET(8),
    HANDLER_GETSET(9), HANDLER_GETSET(10), HANDLER_GETSET(11),
    HANDLER_GETSET(12), HANDLER_GETSET(13), HANDLER_GETSET(14),
    HANDLER_GETSET(15), HANDLER_GETSET(16), HANDLER_GETSET(17),
    HANDLER_GETSET(18), HANDLER_GETSET(19), HANDLER_GETSET(20),
    HANDLER_GETSET(21),
    {"buffer_text", buffer_text_get, buffer_text_set,
     "Whether character data is buffered into as few calls as possible.", NULL},
    {"buffer_size", buffer_size_get, buffer_size_set,
     "The size of the character data buffer.", NULL},
    {"buffer_used", buffer_used_get, NULL,
     "How many bytes of the buffer are in use.", NULL},
    FLAG_GETSET("ordered_attributes", ordered_attributes,
                "Report attributes as a flat list in document order."),
    FLAG_GETSET("specified_attributes", specified_attributes,
                "Report only attributes given in the document."),
    FLAG_GETSET("namespace_prefixes", namespace_prefixes,
                "Report namespace prefixes with the names (namespace mode)."),
    {"intern", intern_get, NULL, "The dictionary interning names.", NULL},
    POSITION_GETSET("ErrorCode", ERROR_CODE),
    POSITION_GETSET("ErrorLineNumber", ERROR_LINE),
    POSITION_GETSET("ErrorColumnNumber", ERROR_COLUMN),
    POSITION_GETSET("ErrorByteIndex", ERROR_BYTE),
    POSITION_GETSET("CurrentLineNumber", CURRENT_LINE),
    POSITION_GETSET("CurrentColumnNumber", CURRENT_COLUMN),
    POSITION_GETSET("CurrentByteIndex", CURRENT_BYTE),
    {NULL, NULL, NULL, NULL, NULL},
};

/* Expat knows UTF-8, UTF-16, ISO-8859-1 and US-ASCII; any other
   single-byte encoding Python has a codec for is given to it as a table of
   256 code points (-1 for bytes the codec rejects). */
static int on_unknown_encoding(void *data, const XML_Char *name,
                               XML_Encoding *info)
{
    char bytes[256];
    for (int i = 0; i < 256; i++) {
        bytes[i] = (char)i;
    }
    PyObject *text = PyUnicode_Decode(bytes, 256, name, "replace");
    if (text == NULL) {
        PyErr_Clear();
        return XML_STATUS_ERROR;
    }
    int ok = PyUnicode_GET_LENGTH(text) == 256;
    for (int i = 0; ok && i < 256; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(text, i);
        info->map[i] = ch == 0xFFFD ? -1 : (int)ch;
    }
    Py_DECREF(text);
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    return ok ? XML_STATUS_OK : XML_STATUS_ERROR;
}

/* ---- the parser object ------------------------------------------------- */

static int parser_traverse(PyObject *op, visitproc visit, void *arg)
{
    XmlParserObject *self = (XmlParserObject *)op;
    for (int i = 0; i < HANDLER_COUNT; i++) {
        Py_VISIT(self->handlers[i]);
    }
    Py_VISIT(self->intern);
    Py_VISIT(self->parent);
    return 0;
}

static int parser_clear(PyObject *op)
{
    XmlParserObject *self = (XmlParserObject *)op;
    for (int i = 0; i < HANDLER_COUNT; i++) {
        if (self->handlers[i] != NULL && self->parser != NULL) {
            install_callback(self->parser, i, 0);
        }
        Py_CLEAR(self->handlers[i]);
    }
    Py_CLEAR(self->intern);
    return 0;
}

static void parser_dealloc(PyObject *op)
{
    XmlParserObject *self = (XmlParserObject *)op;
    PyObject_GC_UnTrack(op);
    parser_clear(op);
    if (self->parser != NULL) {
        XML_ParserFree(self->parser);
    }
    PyMem_Free(self->text);
    Py_CLEAR(self->parent);
    PyObject_GC_Del(op);
}

/* A new parser object around `parser` (owned from now on), or NULL. */
static XmlParserObject *wrap_parser(XML_Parser parser, PyObject *intern)
{
    if (parser == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    XmlParserObject *self = PyObject_GC_New(XmlParserObject, &XmlParser_Type);
    if (self == NULL) {
        XML_ParserFree(parser);
        return NULL;
    }
    self->parser = parser;
    for (int i = 0; i < HANDLER_COUNT; i++) {
        self->handlers[i] = NULL;
    }
    self->intern = Py_XNewRef(intern);
    self->text = NULL;
    self->text_used = 0;
    self->text_size = 0;
    self->ordered_attributes = 0;
    self->specified_attributes = 0;
    self->namespace_prefixes = 0;
    self->in_callback_error = 0;
    self->parsing = 0;
    self->reparse_deferral = 0;
    self->parent = NULL;
    XML_SetUserData(parser, self);
    XML_SetUnknownEncodingHandler(parser, on_unknown_encoding, NULL);
    PyObject_GC_Track(self);
    return self;
}

static XmlParserObject *new_parser(const char *encoding, const char *separator,
                                   PyObject *intern)
{
    XML_Parser parser = separator != NULL
                        ? XML_ParserCreateNS(encoding, separator[0])
                        : XML_ParserCreate(encoding);
    XmlParserObject *self = wrap_parser(parser, intern);
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 6)
    if (self != NULL) {
        self->reparse_deferral = 1;
    }
#endif
    return self;
}

/* The child copies the parent's handlers and options, read under the
   parent's critical section. */
static PyObject *parser_external_entity_parser_create(PyObject *op,
                                                      PyObject *args)
{
    XmlParserObject *self = (XmlParserObject *)op;
    const char *context;
    const char *encoding = NULL;
    if (!PyArg_ParseTuple(args, "z|s:ExternalEntityParserCreate",
                          &context, &encoding)) {
        return NULL;
    }
    XmlParserObject *child = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    child = wrap_parser(XML_ExternalEntityParserCreate(self->parser, context,
                                                       encoding),
                        self->intern);
    if (child != NULL) {
        child->parent = Py_NewRef(op);
        child->ordered_attributes = self->ordered_attributes;
        child->specified_attributes = self->specified_attributes;
        child->reparse_deferral = self->reparse_deferral;
        for (int i = 0; i < HANDLER_COUNT; i++) {
            if (self->handlers[i] != NULL) {
                child->handlers[i] = Py_NewRef(self->handlers[i]);
                install_callback(child->parser, i, 1);
            }
        }
    }
    if (child != NULL && self->text != NULL) {
        child->text = PyMem_Malloc((size_t)self->text_size);
        if (child->text == NULL) {
            Py_CLEAR(child);
            PyErr_NoMemory();
        }
        else {
            child->text_size = self->text_size;
        }
    }
    Py_END_CRITICAL_SECTION();
    return (PyObject *)child;
}

static PyTypeObject XmlParser_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "pyexpat.xmlparser",
    .tp_basicsize = sizeof(XmlParserObject),
    .tp_dealloc = parser_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "XML parser",
    .tp_traverse = parser_traverse,
    .tp_clear = parser_clear,
    .tp_methods = parser_methods,
    .tp_getset = parser_getset,
};

/* ---- the module -------------------------------------------------------- */

static PyObject *pyexpat_parser_create(PyObject *module, PyObject *args,
                                       PyObject *kwargs)
{
    static char *keywords[] = {"encoding", "namespace_separator", "intern", NULL};
    const char *encoding = NULL;
    const char *separator = NULL;
    PyObject *intern = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|zzO:ParserCreate", keywords,
                                     &encoding, &separator, &intern)) {
        return NULL;
    }
    if (separator != NULL && strlen(separator) > 1) {
        PyErr_SetString(PyExc_ValueError,
                        "namespace_separator must be at most one character, "
                        "omitted, or None");
        return NULL;
    }
    PyObject *table;
    if (intern == NULL) {
        table = PyDict_New();
        if (table == NULL) {
            return NULL;
        }
    }
    else if (intern == Py_None) {
        table = NULL;
    }
    else if (PyDict_Check(intern)) {
        table = Py_NewRef(intern);
    }
    else {
        PyErr_SetString(PyExc_TypeError, "intern must be a dictionary");
        return NULL;
    }
    XmlParserObject *self = new_parser(encoding, separator, table);
    Py_XDECREF(table);
    return (PyObject *)self;
}

static PyObject *pyexpat_error_string(PyObject *module, PyObject *arg)
{
    long code = PyLong_AsLong(arg);
    if (code == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return text_or_none(XML_ErrorString((enum XML_Error)code));
}

static PyMethodDef pyexpat_methods[] = {
    {"ParserCreate", _PyCFunction_CAST(pyexpat_parser_create),
     METH_VARARGS | METH_KEYWORDS,
     "ParserCreate(encoding=None, namespace_separator=None, intern=<unset>)\n"
     "--\n\nReturn a new XML parser object."},
    {"ErrorString", pyexpat_error_string, METH_O,
     "ErrorString(code, /)\n--\n\nReturn the message for an error code."},
    {NULL, NULL, 0, NULL},
};

/* The submodules pyexpat.errors and pyexpat.model, also entered in
   sys.modules so that `from pyexpat.errors import ...` works. */
static PyObject *add_submodule(PyObject *module, const char *name)
{
    PyObject *full = PyUnicode_FromFormat("pyexpat.%s", name);
    if (full == NULL) {
        return NULL;
    }
    PyObject *sub = PyModule_NewObject(full);
    int failed = sub == NULL
                 || PyDict_SetItem(PyImport_GetModuleDict(), full, sub) < 0
                 || PyModule_AddObjectRef(module, name, sub) < 0;
    Py_DECREF(full);
    if (failed) {
        Py_XDECREF(sub);
        return NULL;
    }
    return sub;                 /* new reference */
}

/* Every XML_ERROR_* name with its message, plus the codes/messages maps. */
static int fill_errors(PyObject *errors)
{
    static const struct { const char *name; enum XML_Error code; } table[] = {
#define E(n) {#n, n}
        E(XML_ERROR_NO_MEMORY), E(XML_ERROR_SYNTAX), E(XML_ERROR_NO_ELEMENTS),
        E(XML_ERROR_INVALID_TOKEN), E(XML_ERROR_UNCLOSED_TOKEN),
        E(XML_ERROR_PARTIAL_CHAR), E(XML_ERROR_TAG_MISMATCH),
        E(XML_ERROR_DUPLICATE_ATTRIBUTE), E(XML_ERROR_JUNK_AFTER_DOC_ELEMENT),
        E(XML_ERROR_PARAM_ENTITY_REF), E(XML_ERROR_UNDEFINED_ENTITY),
        E(XML_ERROR_RECURSIVE_ENTITY_REF), E(XML_ERROR_ASYNC_ENTITY),
        E(XML_ERROR_BAD_CHAR_REF), E(XML_ERROR_BINARY_ENTITY_REF),
        E(XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF), E(XML_ERROR_MISPLACED_XML_PI),
        E(XML_ERROR_UNKNOWN_ENCODING), E(XML_ERROR_INCORRECT_ENCODING),
        E(XML_ERROR_UNCLOSED_CDATA_SECTION), E(XML_ERROR_EXTERNAL_ENTITY_HANDLING),
        E(XML_ERROR_NOT_STANDALONE), E(XML_ERROR_UNEXPECTED_STATE),
        E(XML_ERROR_ENTITY_DECLARED_IN_PE), E(XML_ERROR_FEATURE_REQUIRES_XML_DTD),
        E(XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING), E(XML_ERROR_UNBOUND_PREFIX),
        E(XML_ERROR_UNDECLARING_PREFIX), E(XML_ERROR_INCOMPLETE_PE),
        E(XML_ERROR_XML_DECL), E(XML_ERROR_TEXT_DECL), E(XML_ERROR_PUBLICID),
        E(XML_ERROR_SUSPENDED), E(XML_ERROR_NOT_SUSPENDED), E(XML_ERROR_ABORTED),
        E(XML_ERROR_FINISHED), E(XML_ERROR_SUSPEND_PE),
        E(XML_ERROR_RESERVED_PREFIX_XML), E(XML_ERROR_RESERVED_PREFIX_XMLNS),
        E(XML_ERROR_RESERVED_NAMESPACE_URI), E(XML_ERROR_INVALID_ARGUMENT),
        E(XML_ERROR_NO_BUFFER), E(XML_ERROR_AMPLIFICATION_LIMIT_BREACH),
#undef E
    };
    PyObject *codes = PyDict_New();
    PyObject *messages = PyDict_New();
    int failed = codes == NULL || messages == NULL;
    for (size_t i = 0; !failed && i < sizeof(table) / sizeof(table[0]); i++) {
        PyObject *message = text_or_none(XML_ErrorString(table[i].code));
        PyObject *code = PyLong_FromLong((long)table[i].code);
        failed = message == NULL || code == NULL
                 || PyModule_AddObjectRef(errors, table[i].name, message) < 0
                 || PyDict_SetItem(codes, message, code) < 0
                 || PyDict_SetItem(messages, code, message) < 0;
        Py_XDECREF(message);
        Py_XDECREF(code);
    }
    if (!failed) {
        failed = PyModule_AddObjectRef(errors, "codes", codes) < 0
                 || PyModule_AddObjectRef(errors, "messages", messages) < 0
                 || PyModule_AddStringConstant(errors, "__doc__",
                        "Constants used to describe error conditions.") < 0;
    }
    Py_XDECREF(codes);
    Py_XDECREF(messages);
    return failed ? -1 : 0;
}

static int fill_model(PyObject *model)
{
    static const struct { const char *name; int value; } table[] = {
        {"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY}, {"XML_CTYPE_ANY", XML_CTYPE_ANY},
        {"XML_CTYPE_MIXED", XML_CTYPE_MIXED}, {"XML_CTYPE_NAME", XML_CTYPE_NAME},
        {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
        {"XML_CQUANT_NONE", XML_CQUANT_NONE}, {"XML_CQUANT_OPT", XML_CQUANT_OPT},
        {"XML_CQUANT_REP", XML_CQUANT_REP}, {"XML_CQUANT_PLUS", XML_CQUANT_PLUS},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (PyModule_AddIntConstant(model, table[i].name, table[i].value) < 0) {
            return -1;
        }
    }
    return PyModule_AddStringConstant(model, "__doc__",
                                      "Constants used to interpret content model "
                                      "information.");
}

static PyObject *features_list(void)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (const XML_Feature *f = XML_GetFeatureList();
         f != NULL && f->feature != XML_FEATURE_END; f++) {
        PyObject *item = Py_BuildValue("(sl)", f->name, f->value);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(item);
    }
    return list;
}

static int add_owned(PyObject *module, const char *name, PyObject *value)
{
    int r = PyModule_AddObjectRef(module, name, value);
    Py_XDECREF(value);
    return value == NULL ? -1 : r;
}

/* ExpatError is created once per process (there is one interpreter) and
   published before any parser can raise it. */
static int pyexpat_exec(PyObject *module)
{
    for (int i = 0; i < HANDLER_COUNT; i++) {
        parser_getset[i].name = handler_names[i];
    }
    if (PyType_Ready(&XmlParser_Type) < 0) {
        return -1;
    }
    if (ExpatError == NULL) {
        ExpatError = PyErr_NewExceptionWithDoc(
            "xml.parsers.expat.ExpatError",
            "Raised when the XML parser finds an error in the document.",
            PyExc_Exception, NULL);
        if (ExpatError == NULL) {
            return -1;
        }
    }
    XML_Expat_Version v = XML_ExpatVersionInfo();
    if (PyModule_AddObjectRef(module, "XMLParserType",
                              (PyObject *)&XmlParser_Type) < 0
        || PyModule_AddObjectRef(module, "ExpatError", ExpatError) < 0
        || PyModule_AddObjectRef(module, "error", ExpatError) < 0
        || PyModule_AddStringConstant(module, "EXPAT_VERSION",
                                      XML_ExpatVersion()) < 0
        || add_owned(module, "version_info",
                     Py_BuildValue("(iii)", v.major, v.minor, v.micro)) < 0
        || PyModule_AddStringConstant(module, "native_encoding", "UTF-8") < 0
        || add_owned(module, "features", features_list()) < 0
        || PyModule_AddIntConstant(module, "XML_PARAM_ENTITY_PARSING_NEVER",
                                   XML_PARAM_ENTITY_PARSING_NEVER) < 0
        || PyModule_AddIntConstant(module,
                                   "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
                                   XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE) < 0
        || PyModule_AddIntConstant(module, "XML_PARAM_ENTITY_PARSING_ALWAYS",
                                   XML_PARAM_ENTITY_PARSING_ALWAYS) < 0) {
        return -1;
    }
    PyObject *errors = add_submodule(module, "errors");
    int failed = errors == NULL || fill_errors(errors) < 0;
    Py_XDECREF(errors);
    if (failed) {
        return -1;
    }
    PyObject *model = add_submodule(module, "model");
    failed = model == NULL || fill_model(model) < 0;
    Py_XDECREF(model);
    return failed ? -1 : 0;
}

static PyModuleDef_Slot pyexpat_slots[] = {
    {Py_mod_exec, pyexpat_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef pyexpat_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "pyexpat",
    .m_doc = "Python wrapper for the Expat XML parser.",
    .m_size = 0,
    .m_methods = pyexpat_methods,
    .m_slots = pyexpat_slots,
};

PyMODINIT_FUNC
PyInit_pyexpat(void)
{
    return PyModuleDef_Init(&pyexpat_module);
}
