/* Certificates as Python values: the dict that getpeercert() and
   _test_decode_cert() return, DER bytes, and OIDs as tuples.

   The dict has the keys CPython documents: subject and issuer (tuples
   of relative distinguished names, each a tuple of (long name, value)
   pairs), version, serialNumber (upper-case hex), notBefore and notAfter
   ("Mon DD HH:MM:SS YYYY GMT"), and when present subjectAltName, OCSP,
   caIssuers and crlDistributionPoints.  Everything here works on
   certificates nobody else modifies: no locking. */
#include "_ssl.h"

#include <openssl/asn1.h>
#include <openssl/objects.h>

PyObject *_PySSL_Asn1ObjToTuple(ASN1_OBJECT *obj)
{
    char oid[256];
    int len = OBJ_obj2txt(oid, sizeof(oid), obj, 1);
    if (len < 0) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    int nid = OBJ_obj2nid(obj);
    const char *sn = nid != NID_undef ? OBJ_nid2sn(nid) : NULL;
    const char *ln = nid != NID_undef ? OBJ_nid2ln(nid) : NULL;
    return Py_BuildValue("izzs", nid, sn, ln, oid);
}

/* The text of an ASN1_STRING as str (OpenSSL converts to UTF-8). */
static PyObject *asn1_string_to_str(ASN1_STRING *value)
{
    unsigned char *utf8 = NULL;
    int len = ASN1_STRING_to_UTF8(&utf8, value);
    if (len < 0) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    PyObject *result = PyUnicode_DecodeUTF8((const char *)utf8, len,
                                            "strict");
    OPENSSL_free(utf8);
    return result;
}

/* ("commonName", "value"): the long name of the attribute when
   OpenSSL knows it, else its dotted OID. */
static PyObject *name_entry_to_pair(X509_NAME_ENTRY *entry)
{
    char name[256];
    int len = OBJ_obj2txt(name, sizeof(name),
                          X509_NAME_ENTRY_get_object(entry), 0);
    if (len < 0) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    PyObject *value = asn1_string_to_str(X509_NAME_ENTRY_get_data(entry));
    if (value == NULL) {
        return NULL;
    }
    return Py_BuildValue("(s#N)", name, (Py_ssize_t)len, value);
}

/* A name as a tuple of RDNs; entries of one multi-valued RDN share
   their `set` number and go into one inner tuple. */
static PyObject *name_to_tuple(const X509_NAME *xname)
{
    PyObject *rdns = PyList_New(0);
    PyObject *rdn = NULL;
    int last_set = -1;
    int count = X509_NAME_entry_count(xname);
    if (rdns == NULL) {
        return NULL;
    }
    for (int i = 0; i < count; i++) {
        X509_NAME_ENTRY *entry = X509_NAME_get_entry(xname, i);
        int set = X509_NAME_ENTRY_set(entry);
        if (rdn != NULL && set != last_set) {
            PyObject *t = PyList_AsTuple(rdn);
            Py_CLEAR(rdn);
            if (t == NULL || PyList_Append(rdns, t) < 0) {
                Py_XDECREF(t);
                goto fail;
            }
            Py_DECREF(t);
        }
        if (rdn == NULL && (rdn = PyList_New(0)) == NULL) {
            goto fail;
        }
        last_set = set;
        PyObject *pair = name_entry_to_pair(entry);
        if (pair == NULL || PyList_Append(rdn, pair) < 0) {
            Py_XDECREF(pair);
            goto fail;
        }
        Py_DECREF(pair);
    }
    if (rdn != NULL) {
        PyObject *t = PyList_AsTuple(rdn);
        Py_CLEAR(rdn);
        if (t == NULL || PyList_Append(rdns, t) < 0) {
            Py_XDECREF(t);
            goto fail;
        }
        Py_DECREF(t);
    }
    PyObject *result = PyList_AsTuple(rdns);
    Py_DECREF(rdns);
    return result;
fail:
    Py_XDECREF(rdn);
    Py_DECREF(rdns);
    return NULL;
}

/* An IP address of a subjectAltName as CPython spells it: dotted quad,
   or eight upper-case hex groups without "::" compression. */
static PyObject *ip_to_str(const ASN1_OCTET_STRING *ip)
{
    const unsigned char *p = ASN1_STRING_get0_data(ip);
    int len = ASN1_STRING_length(ip);
    if (len == 4) {
        return PyUnicode_FromFormat("%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
    }
    if (len == 16) {
        char buf[64];
        PyOS_snprintf(buf, sizeof(buf), "%X:%X:%X:%X:%X:%X:%X:%X",
                      p[0] << 8 | p[1], p[2] << 8 | p[3], p[4] << 8 | p[5],
                      p[6] << 8 | p[7], p[8] << 8 | p[9], p[10] << 8 | p[11],
                      p[12] << 8 | p[13], p[14] << 8 | p[15]);
        return PyUnicode_FromString(buf);
    }
    return PyUnicode_FromString("<invalid>");
}

static PyObject *ia5_to_str(ASN1_IA5STRING *s)
{
    return PyUnicode_FromStringAndSize(
        (const char *)ASN1_STRING_get0_data(s), ASN1_STRING_length(s));
}

/* One GENERAL_NAME as a (kind, value) pair. */
static PyObject *general_name_to_pair(GENERAL_NAME *name)
{
    switch (name->type) {
    case GEN_DNS:
        return Py_BuildValue("(sN)", "DNS", ia5_to_str(name->d.dNSName));
    case GEN_EMAIL:
        return Py_BuildValue("(sN)", "email",
                             ia5_to_str(name->d.rfc822Name));
    case GEN_URI:
        return Py_BuildValue("(sN)", "URI",
                             ia5_to_str(name->d.uniformResourceIdentifier));
    case GEN_IPADD:
        return Py_BuildValue("(sN)", "IP Address", ip_to_str(name->d.ip));
    case GEN_DIRNAME:
        return Py_BuildValue("(sN)", "DirName",
                             name_to_tuple(name->d.directoryName));
    case GEN_RID: {
        char oid[256];
        int len = OBJ_obj2txt(oid, sizeof(oid), name->d.registeredID, 0);
        if (len < 0) {
            return _PySSL_SetError(NULL, __LINE__);
        }
        return Py_BuildValue("(ss#)", "Registered ID", oid,
                             (Py_ssize_t)len);
    }
    case GEN_OTHERNAME:
        return Py_BuildValue("(ss)", "othername", "<unsupported>");
    case GEN_X400:
        return Py_BuildValue("(ss)", "X400Name", "<unsupported>");
    case GEN_EDIPARTY:
        return Py_BuildValue("(ss)", "EdiPartyName", "<unsupported>");
    default:
        return Py_BuildValue("(ss)", "unknown", "<unsupported>");
    }
}

/* subjectAltName as a tuple of pairs, or None when absent. */
static PyObject *subject_alt_names(X509 *cert)
{
    GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name,
                                            NULL, NULL);
    if (names == NULL) {
        ERR_clear_error();
        Py_RETURN_NONE;
    }
    int count = sk_GENERAL_NAME_num(names);
    PyObject *result = PyTuple_New(count);
    for (int i = 0; result != NULL && i < count; i++) {
        PyObject *pair = general_name_to_pair(sk_GENERAL_NAME_value(names,
                                                                    i));
        if (pair == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyTuple_SET_ITEM(result, i, pair);
    }
    GENERAL_NAMES_free(names);
    return result;
}

/* The URIs of the authorityInfoAccess entries of one method (OCSP or
   caIssuers), or None when there are none. */
static PyObject *aia_uris(X509 *cert, int method)
{
    AUTHORITY_INFO_ACCESS *info = X509_get_ext_d2i(cert, NID_info_access,
                                                   NULL, NULL);
    if (info == NULL) {
        ERR_clear_error();
        Py_RETURN_NONE;
    }
    PyObject *list = PyList_New(0);
    for (int i = 0; list != NULL && i < sk_ACCESS_DESCRIPTION_num(info);
         i++) {
        ACCESS_DESCRIPTION *ad = sk_ACCESS_DESCRIPTION_value(info, i);
        if (OBJ_obj2nid(ad->method) != method
            || ad->location->type != GEN_URI) {
            continue;
        }
        PyObject *uri = ia5_to_str(ad->location->d.uniformResourceIdentifier);
        if (uri == NULL || PyList_Append(list, uri) < 0) {
            Py_XDECREF(uri);
            Py_CLEAR(list);
        }
        else {
            Py_DECREF(uri);
        }
    }
    AUTHORITY_INFO_ACCESS_free(info);
    if (list == NULL) {
        return NULL;
    }
    if (PyList_GET_SIZE(list) == 0) {
        Py_DECREF(list);
        Py_RETURN_NONE;
    }
    PyObject *result = PyList_AsTuple(list);
    Py_DECREF(list);
    return result;
}

/* The URIs of the CRL distribution points, or None. */
static PyObject *crl_points(X509 *cert)
{
    STACK_OF(DIST_POINT) *points = X509_get_ext_d2i(
        cert, NID_crl_distribution_points, NULL, NULL);
    if (points == NULL) {
        ERR_clear_error();
        Py_RETURN_NONE;
    }
    PyObject *list = PyList_New(0);
    for (int i = 0; list != NULL && i < sk_DIST_POINT_num(points); i++) {
        DIST_POINT *dp = sk_DIST_POINT_value(points, i);
        if (dp->distpoint == NULL || dp->distpoint->type != 0) {
            continue;
        }
        GENERAL_NAMES *gns = dp->distpoint->name.fullname;
        for (int j = 0; list != NULL && j < sk_GENERAL_NAME_num(gns); j++) {
            GENERAL_NAME *gn = sk_GENERAL_NAME_value(gns, j);
            if (gn->type != GEN_URI) {
                continue;
            }
            PyObject *uri = ia5_to_str(gn->d.uniformResourceIdentifier);
            if (uri == NULL || PyList_Append(list, uri) < 0) {
                Py_XDECREF(uri);
                Py_CLEAR(list);
            }
            else {
                Py_DECREF(uri);
            }
        }
    }
    sk_DIST_POINT_pop_free(points, DIST_POINT_free);
    if (list == NULL) {
        return NULL;
    }
    if (PyList_GET_SIZE(list) == 0) {
        Py_DECREF(list);
        Py_RETURN_NONE;
    }
    PyObject *result = PyList_AsTuple(list);
    Py_DECREF(list);
    return result;
}

/* "Jan  5 09:34:43 2018 GMT", the form ASN1_TIME_print writes. */
static PyObject *asn1_time_to_str(const ASN1_TIME *t)
{
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *result = NULL;
    if (ASN1_TIME_print(bio, t) == 1) {
        char *data;
        long len = BIO_get_mem_data(bio, &data);
        result = PyUnicode_FromStringAndSize(data, len);
    }
    else {
        _PySSL_SetError(NULL, __LINE__);
    }
    BIO_free(bio);
    return result;
}

static PyObject *serial_to_str(X509 *cert)
{
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), NULL);
    if (bn == NULL) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    char *hex = BN_bn2hex(bn);
    BN_free(bn);
    if (hex == NULL) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    PyObject *result = PyUnicode_FromString(hex);
    OPENSSL_free(hex);
    return result;
}

/* Set d[key] = value unless value is None; steals value. */
static int set_optional(PyObject *d, const char *key, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int err = value != Py_None ? PyDict_SetItemString(d, key, value) : 0;
    Py_DECREF(value);
    return err;
}

/* Set d[key] = value; steals value. */
static int set_item(PyObject *d, const char *key, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int err = PyDict_SetItemString(d, key, value);
    Py_DECREF(value);
    return err;
}

PyObject *_PySSL_DecodeCertificate(X509 *cert)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    if (set_item(d, "subject", name_to_tuple(X509_get_subject_name(cert)))
        < 0
        || set_item(d, "issuer", name_to_tuple(X509_get_issuer_name(cert)))
           < 0
        || set_item(d, "version", PyLong_FromLong(X509_get_version(cert)
                                                  + 1)) < 0
        || set_item(d, "serialNumber", serial_to_str(cert)) < 0
        || set_item(d, "notBefore", asn1_time_to_str(X509_get0_notBefore(
                                        cert))) < 0
        || set_item(d, "notAfter", asn1_time_to_str(X509_get0_notAfter(
                                       cert))) < 0
        || set_optional(d, "subjectAltName", subject_alt_names(cert)) < 0
        || set_optional(d, "OCSP", aia_uris(cert, NID_ad_OCSP)) < 0
        || set_optional(d, "caIssuers", aia_uris(cert, NID_ad_ca_issuers))
           < 0
        || set_optional(d, "crlDistributionPoints", crl_points(cert)) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

PyObject *_PySSL_CertToDER(X509 *cert)
{
    unsigned char *der = NULL;
    int len = i2d_X509(cert, &der);
    if (len < 0) {
        return _PySSL_SetError(NULL, __LINE__);
    }
    PyObject *result = PyBytes_FromStringAndSize((const char *)der, len);
    OPENSSL_free(der);
    return result;
}

/* A certificate chain as a list of DER bytes (get_verified_chain and
   get_unverified_chain); an empty list for no chain. */
PyObject *_PySSL_ChainToList(STACK_OF(X509) *chain)
{
    int count = chain != NULL ? sk_X509_num(chain) : 0;
    PyObject *list = PyList_New(count);
    for (int i = 0; list != NULL && i < count; i++) {
        PyObject *der = _PySSL_CertToDER(sk_X509_value(chain, i));
        if (der == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, der);
    }
    return list;
}
