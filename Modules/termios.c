/* termios: POSIX terminal control (tcgetattr, tcsetattr and friends).

   Thread safety: no module state; each call is one system call on a
   file descriptor, so concurrent callers see the kernel's ordering.
   tcdrain may block: it runs detached. */
#include "Python.h"
#include "pycore_fileobject.h"

#include <errno.h>
#include <sys/ioctl.h>
#include <sys/ttydefaults.h>
#include <termios.h>
#include <unistd.h>

/* The System V name of the switch character, where only Linux's exists. */
#if defined(VSWTC) && !defined(VSWTCH)
#  define VSWTCH VSWTC
#endif

/* termios.error; set once by the first exec, read-only afterwards. */
static PyObject *TermiosError;

static PyObject *
termios_set_error(void)
{
    int saved = errno;
    PyObject *args = Py_BuildValue("(is)", saved, strerror(saved));
    if (args != NULL) {
        PyErr_SetObject(TermiosError, args);
        Py_DECREF(args);
    }
    return NULL;
}

#define fd_converter _PyObject_FileDescriptorConverter

static PyObject *
termios_tcgetattr(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int fd;
    if (!fd_converter(arg, &fd)) {
        return NULL;
    }
    struct termios mode;
    if (tcgetattr(fd, &mode) < 0) {
        return termios_set_error();
    }
    PyObject *cc = PyList_New(NCCS);
    if (cc == NULL) {
        return NULL;
    }
    for (int i = 0; i < NCCS; i++) {
        char ch = (char)mode.c_cc[i];
        PyObject *v = PyBytes_FromStringAndSize(&ch, 1);
        if (v == NULL) {
            Py_DECREF(cc);
            return NULL;
        }
        PyList_SET_ITEM(cc, i, v);
    }
    /* Outside canonical mode VMIN and VTIME are counts, not characters. */
    if ((mode.c_lflag & ICANON) == 0) {
        PyObject *vmin = PyLong_FromLong((long)mode.c_cc[VMIN]);
        PyObject *vtime = PyLong_FromLong((long)mode.c_cc[VTIME]);
        if (vmin == NULL || vtime == NULL) {
            Py_XDECREF(vmin);
            Py_XDECREF(vtime);
            Py_DECREF(cc);
            return NULL;
        }
        PyList_SetItem(cc, VMIN, vmin);
        PyList_SetItem(cc, VTIME, vtime);
    }
    return Py_BuildValue("[kkkkkkN]",
                         (unsigned long)mode.c_iflag, (unsigned long)mode.c_oflag,
                         (unsigned long)mode.c_cflag, (unsigned long)mode.c_lflag,
                         (unsigned long)cfgetispeed(&mode),
                         (unsigned long)cfgetospeed(&mode), cc);
}

static int
flag_from(PyObject *list, Py_ssize_t i, unsigned long *out)
{
    unsigned long v = PyLong_AsUnsignedLongMask(PyList_GET_ITEM(list, i));
    if (v == (unsigned long)-1 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

static PyObject *
termios_tcsetattr(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd, when;
    PyObject *term;
    if (!PyArg_ParseTuple(args, "O&iO:tcsetattr", fd_converter, &fd, &when,
                          &term)) {
        return NULL;
    }
    if (!PyList_Check(term) || PyList_Size(term) != 7) {
        PyErr_SetString(PyExc_TypeError,
                        "tcsetattr, arg 3: must be 7 element list");
        return NULL;
    }
    struct termios mode;
    if (tcgetattr(fd, &mode) < 0) {
        return termios_set_error();
    }
    unsigned long flags[6];
    for (int i = 0; i < 6; i++) {
        if (flag_from(term, i, &flags[i]) < 0) {
            return NULL;
        }
    }
    PyObject *cc = PyList_GET_ITEM(term, 6);
    if (!PyList_Check(cc) || PyList_Size(cc) != NCCS) {
        PyErr_Format(PyExc_TypeError,
                     "tcsetattr: attributes[6] must be %d element list", NCCS);
        return NULL;
    }
    mode.c_iflag = (tcflag_t)flags[0];
    mode.c_oflag = (tcflag_t)flags[1];
    mode.c_cflag = (tcflag_t)flags[2];
    mode.c_lflag = (tcflag_t)flags[3];
    for (int i = 0; i < NCCS; i++) {
        PyObject *v = PyList_GET_ITEM(cc, i);
        if (PyBytes_Check(v) && PyBytes_GET_SIZE(v) == 1) {
            mode.c_cc[i] = (cc_t)PyBytes_AS_STRING(v)[0];
        }
        else if (PyLong_Check(v)) {
            long value = PyLong_AsLong(v);
            if (value == -1 && PyErr_Occurred()) {
                return NULL;
            }
            mode.c_cc[i] = (cc_t)value;
        }
        else {
            PyErr_SetString(PyExc_TypeError,
                            "tcsetattr: elements of attributes must be "
                            "characters or integers");
            return NULL;
        }
    }
    if (cfsetispeed(&mode, (speed_t)flags[4]) < 0
        || cfsetospeed(&mode, (speed_t)flags[5]) < 0
        || tcsetattr(fd, when, &mode) < 0) {
        return termios_set_error();
    }
    Py_RETURN_NONE;
}

/* The calls taking a descriptor and one int: tcsendbreak, tcflush and
   tcflow.  format names the function for argument errors. */
static PyObject *
call_with_int(PyObject *args, const char *format, int (*call)(int, int))
{
    int fd, value;
    if (!PyArg_ParseTuple(args, format, fd_converter, &fd, &value)) {
        return NULL;
    }
    if (call(fd, value) < 0) {
        return termios_set_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
termios_tcsendbreak(PyObject *Py_UNUSED(module), PyObject *args)
{
    return call_with_int(args, "O&i:tcsendbreak", tcsendbreak);
}

static PyObject *
termios_tcflush(PyObject *Py_UNUSED(module), PyObject *args)
{
    return call_with_int(args, "O&i:tcflush", tcflush);
}

static PyObject *
termios_tcflow(PyObject *Py_UNUSED(module), PyObject *args)
{
    return call_with_int(args, "O&i:tcflow", tcflow);
}

static PyObject *
termios_tcdrain(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int fd, rc;
    if (!fd_converter(arg, &fd)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    rc = tcdrain(fd);
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        return termios_set_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
termios_tcgetwinsize(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int fd;
    if (!fd_converter(arg, &fd)) {
        return NULL;
    }
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) < 0) {
        return termios_set_error();
    }
    return Py_BuildValue("(ii)", (int)size.ws_row, (int)size.ws_col);
}

static PyObject *
termios_tcsetwinsize(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd;
    PyObject *winsize;
    if (!PyArg_ParseTuple(args, "O&O:tcsetwinsize", fd_converter, &fd,
                          &winsize)) {
        return NULL;
    }
    if (!PySequence_Check(winsize) || PySequence_Size(winsize) != 2) {
        PyErr_SetString(PyExc_TypeError,
                        "tcsetwinsize, arg 2: must be a two-item sequence");
        return NULL;
    }
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) < 0) {
        return termios_set_error();
    }
    long dims[2];
    for (int i = 0; i < 2; i++) {
        PyObject *item = PySequence_GetItem(winsize, i);
        if (item == NULL) {
            return NULL;
        }
        dims[i] = PyLong_AsLong(item);
        Py_DECREF(item);
        if (dims[i] == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (dims[i] < 0 || dims[i] > USHRT_MAX) {
            PyErr_SetString(PyExc_OverflowError,
                            "winsize value(s) out of range.");
            return NULL;
        }
    }
    size.ws_row = (unsigned short)dims[0];
    size.ws_col = (unsigned short)dims[1];
    if (ioctl(fd, TIOCSWINSZ, &size) < 0) {
        return termios_set_error();
    }
    Py_RETURN_NONE;
}

static PyMethodDef termios_methods[] = {
    {"tcgetattr", termios_tcgetattr, METH_O,
     "tcgetattr($module, fd, /)\n--\n\n"
     "The terminal attributes of fd: [iflag, oflag, cflag, lflag, ispeed,\n"
     "ospeed, cc], cc being the special characters as 1-byte bytes (VMIN\n"
     "and VTIME as ints outside canonical mode)."},
    {"tcsetattr", termios_tcsetattr, METH_VARARGS,
     "tcsetattr($module, fd, when, attributes, /)\n--\n\n"
     "Set fd's attributes from a list like tcgetattr's, at time when:\n"
     "TCSANOW, TCSADRAIN (after queued output is sent) or TCSAFLUSH (also\n"
     "discarding queued input)."},
    {"tcsendbreak", termios_tcsendbreak, METH_VARARGS,
     "tcsendbreak($module, fd, duration, /)\n--\n\nSend a break on fd."},
    {"tcdrain", termios_tcdrain, METH_O,
     "tcdrain($module, fd, /)\n--\n\nWait until fd's queued output is sent."},
    {"tcflush", termios_tcflush, METH_VARARGS,
     "tcflush($module, fd, queue, /)\n--\n\n"
     "Discard fd's queued input (TCIFLUSH), output (TCOFLUSH) or both."},
    {"tcflow", termios_tcflow, METH_VARARGS,
     "tcflow($module, fd, action, /)\n--\n\n"
     "Suspend or resume fd's output (TCOOFF, TCOON) or input (TCIOFF, TCION)."},
    {"tcgetwinsize", termios_tcgetwinsize, METH_O,
     "tcgetwinsize($module, fd, /)\n--\n\nThe window size of fd as (rows, columns)."},
    {"tcsetwinsize", termios_tcsetwinsize, METH_VARARGS,
     "tcsetwinsize($module, fd, winsize, /)\n--\n\n"
     "Set the window size of fd from (rows, columns)."},
    {NULL, NULL, 0, NULL},
};

#define C(name) {#name, (long)(name)}

static const struct {
    const char *name;
    long value;
} termios_constants[] = {
#ifdef B0
    C(B0),
#endif
#ifdef B1000000
    C(B1000000),
#endif
#ifdef B110
    C(B110),
#endif
#ifdef B115200
    C(B115200),
#endif
#ifdef B1152000
    C(B1152000),
#endif
#ifdef B1200
    C(B1200),
#endif
#ifdef B134
    C(B134),
#endif
#ifdef B150
    C(B150),
#endif
#ifdef B1500000
    C(B1500000),
#endif
#ifdef B1800
    C(B1800),
#endif
#ifdef B19200
    C(B19200),
#endif
#ifdef B200
    C(B200),
#endif
#ifdef B2000000
    C(B2000000),
#endif
#ifdef B230400
    C(B230400),
#endif
#ifdef B2400
    C(B2400),
#endif
#ifdef B2500000
    C(B2500000),
#endif
#ifdef B300
    C(B300),
#endif
#ifdef B3000000
    C(B3000000),
#endif
#ifdef B3500000
    C(B3500000),
#endif
#ifdef B38400
    C(B38400),
#endif
#ifdef B4000000
    C(B4000000),
#endif
#ifdef B460800
    C(B460800),
#endif
#ifdef B4800
    C(B4800),
#endif
#ifdef B50
    C(B50),
#endif
#ifdef B500000
    C(B500000),
#endif
#ifdef B57600
    C(B57600),
#endif
#ifdef B576000
    C(B576000),
#endif
#ifdef B600
    C(B600),
#endif
#ifdef B75
    C(B75),
#endif
#ifdef B921600
    C(B921600),
#endif
#ifdef B9600
    C(B9600),
#endif
#ifdef BRKINT
    C(BRKINT),
#endif
#ifdef BS0
    C(BS0),
#endif
#ifdef BS1
    C(BS1),
#endif
#ifdef BSDLY
    C(BSDLY),
#endif
#ifdef CBAUD
    C(CBAUD),
#endif
#ifdef CBAUDEX
    C(CBAUDEX),
#endif
#ifdef CDSUSP
    C(CDSUSP),
#endif
#ifdef CEOF
    C(CEOF),
#endif
#ifdef CEOL
    C(CEOL),
#endif
#ifdef CEOT
    C(CEOT),
#endif
#ifdef CERASE
    C(CERASE),
#endif
#ifdef CFLUSH
    C(CFLUSH),
#endif
#ifdef CIBAUD
    C(CIBAUD),
#endif
#ifdef CINTR
    C(CINTR),
#endif
#ifdef CKILL
    C(CKILL),
#endif
#ifdef CLNEXT
    C(CLNEXT),
#endif
#ifdef CLOCAL
    C(CLOCAL),
#endif
#ifdef CQUIT
    C(CQUIT),
#endif
#ifdef CR0
    C(CR0),
#endif
#ifdef CR1
    C(CR1),
#endif
#ifdef CR2
    C(CR2),
#endif
#ifdef CR3
    C(CR3),
#endif
#ifdef CRDLY
    C(CRDLY),
#endif
#ifdef CREAD
    C(CREAD),
#endif
#ifdef CRPRNT
    C(CRPRNT),
#endif
#ifdef CRTSCTS
    C(CRTSCTS),
#endif
#ifdef CS5
    C(CS5),
#endif
#ifdef CS6
    C(CS6),
#endif
#ifdef CS7
    C(CS7),
#endif
#ifdef CS8
    C(CS8),
#endif
#ifdef CSIZE
    C(CSIZE),
#endif
#ifdef CSTART
    C(CSTART),
#endif
#ifdef CSTOP
    C(CSTOP),
#endif
#ifdef CSTOPB
    C(CSTOPB),
#endif
#ifdef CSUSP
    C(CSUSP),
#endif
#ifdef CWERASE
    C(CWERASE),
#endif
#ifdef ECHO
    C(ECHO),
#endif
#ifdef ECHOCTL
    C(ECHOCTL),
#endif
#ifdef ECHOE
    C(ECHOE),
#endif
#ifdef ECHOK
    C(ECHOK),
#endif
#ifdef ECHOKE
    C(ECHOKE),
#endif
#ifdef ECHONL
    C(ECHONL),
#endif
#ifdef ECHOPRT
    C(ECHOPRT),
#endif
#ifdef EXTA
    C(EXTA),
#endif
#ifdef EXTB
    C(EXTB),
#endif
#ifdef FF0
    C(FF0),
#endif
#ifdef FF1
    C(FF1),
#endif
#ifdef FFDLY
    C(FFDLY),
#endif
#ifdef FIOASYNC
    C(FIOASYNC),
#endif
#ifdef FIOCLEX
    C(FIOCLEX),
#endif
#ifdef FIONBIO
    C(FIONBIO),
#endif
#ifdef FIONCLEX
    C(FIONCLEX),
#endif
#ifdef FIONREAD
    C(FIONREAD),
#endif
#ifdef FLUSHO
    C(FLUSHO),
#endif
#ifdef HUPCL
    C(HUPCL),
#endif
#ifdef ICANON
    C(ICANON),
#endif
#ifdef ICRNL
    C(ICRNL),
#endif
#ifdef IEXTEN
    C(IEXTEN),
#endif
#ifdef IGNBRK
    C(IGNBRK),
#endif
#ifdef IGNCR
    C(IGNCR),
#endif
#ifdef IGNPAR
    C(IGNPAR),
#endif
#ifdef IMAXBEL
    C(IMAXBEL),
#endif
#ifdef INLCR
    C(INLCR),
#endif
#ifdef INPCK
    C(INPCK),
#endif
#ifdef IOCSIZE_MASK
    C(IOCSIZE_MASK),
#endif
#ifdef IOCSIZE_SHIFT
    C(IOCSIZE_SHIFT),
#endif
#ifdef ISIG
    C(ISIG),
#endif
#ifdef ISTRIP
    C(ISTRIP),
#endif
#ifdef IUCLC
    C(IUCLC),
#endif
#ifdef IXANY
    C(IXANY),
#endif
#ifdef IXOFF
    C(IXOFF),
#endif
#ifdef IXON
    C(IXON),
#endif
#ifdef NCC
    C(NCC),
#endif
#ifdef NCCS
    C(NCCS),
#endif
#ifdef NL0
    C(NL0),
#endif
#ifdef NL1
    C(NL1),
#endif
#ifdef NLDLY
    C(NLDLY),
#endif
#ifdef NOFLSH
    C(NOFLSH),
#endif
#ifdef N_MOUSE
    C(N_MOUSE),
#endif
#ifdef N_PPP
    C(N_PPP),
#endif
#ifdef N_SLIP
    C(N_SLIP),
#endif
#ifdef N_STRIP
    C(N_STRIP),
#endif
#ifdef N_TTY
    C(N_TTY),
#endif
#ifdef OCRNL
    C(OCRNL),
#endif
#ifdef OFDEL
    C(OFDEL),
#endif
#ifdef OFILL
    C(OFILL),
#endif
#ifdef OLCUC
    C(OLCUC),
#endif
#ifdef ONLCR
    C(ONLCR),
#endif
#ifdef ONLRET
    C(ONLRET),
#endif
#ifdef ONOCR
    C(ONOCR),
#endif
#ifdef OPOST
    C(OPOST),
#endif
#ifdef PARENB
    C(PARENB),
#endif
#ifdef PARMRK
    C(PARMRK),
#endif
#ifdef PARODD
    C(PARODD),
#endif
#ifdef PENDIN
    C(PENDIN),
#endif
#ifdef TAB0
    C(TAB0),
#endif
#ifdef TAB1
    C(TAB1),
#endif
#ifdef TAB2
    C(TAB2),
#endif
#ifdef TAB3
    C(TAB3),
#endif
#ifdef TABDLY
    C(TABDLY),
#endif
#ifdef TCFLSH
    C(TCFLSH),
#endif
#ifdef TCGETA
    C(TCGETA),
#endif
#ifdef TCGETS
    C(TCGETS),
#endif
#ifdef TCIFLUSH
    C(TCIFLUSH),
#endif
#ifdef TCIOFF
    C(TCIOFF),
#endif
#ifdef TCIOFLUSH
    C(TCIOFLUSH),
#endif
#ifdef TCION
    C(TCION),
#endif
#ifdef TCOFLUSH
    C(TCOFLUSH),
#endif
#ifdef TCOOFF
    C(TCOOFF),
#endif
#ifdef TCOON
    C(TCOON),
#endif
#ifdef TCSADRAIN
    C(TCSADRAIN),
#endif
#ifdef TCSAFLUSH
    C(TCSAFLUSH),
#endif
#ifdef TCSANOW
    C(TCSANOW),
#endif
#ifdef TCSBRK
    C(TCSBRK),
#endif
#ifdef TCSBRKP
    C(TCSBRKP),
#endif
#ifdef TCSETA
    C(TCSETA),
#endif
#ifdef TCSETAF
    C(TCSETAF),
#endif
#ifdef TCSETAW
    C(TCSETAW),
#endif
#ifdef TCSETS
    C(TCSETS),
#endif
#ifdef TCSETSF
    C(TCSETSF),
#endif
#ifdef TCSETSW
    C(TCSETSW),
#endif
#ifdef TCXONC
    C(TCXONC),
#endif
#ifdef TIOCCONS
    C(TIOCCONS),
#endif
#ifdef TIOCEXCL
    C(TIOCEXCL),
#endif
#ifdef TIOCGETD
    C(TIOCGETD),
#endif
#ifdef TIOCGICOUNT
    C(TIOCGICOUNT),
#endif
#ifdef TIOCGLCKTRMIOS
    C(TIOCGLCKTRMIOS),
#endif
#ifdef TIOCGPGRP
    C(TIOCGPGRP),
#endif
#ifdef TIOCGSERIAL
    C(TIOCGSERIAL),
#endif
#ifdef TIOCGSOFTCAR
    C(TIOCGSOFTCAR),
#endif
#ifdef TIOCGWINSZ
    C(TIOCGWINSZ),
#endif
#ifdef TIOCINQ
    C(TIOCINQ),
#endif
#ifdef TIOCLINUX
    C(TIOCLINUX),
#endif
#ifdef TIOCMBIC
    C(TIOCMBIC),
#endif
#ifdef TIOCMBIS
    C(TIOCMBIS),
#endif
#ifdef TIOCMGET
    C(TIOCMGET),
#endif
#ifdef TIOCMIWAIT
    C(TIOCMIWAIT),
#endif
#ifdef TIOCMSET
    C(TIOCMSET),
#endif
#ifdef TIOCM_CAR
    C(TIOCM_CAR),
#endif
#ifdef TIOCM_CD
    C(TIOCM_CD),
#endif
#ifdef TIOCM_CTS
    C(TIOCM_CTS),
#endif
#ifdef TIOCM_DSR
    C(TIOCM_DSR),
#endif
#ifdef TIOCM_DTR
    C(TIOCM_DTR),
#endif
#ifdef TIOCM_LE
    C(TIOCM_LE),
#endif
#ifdef TIOCM_RI
    C(TIOCM_RI),
#endif
#ifdef TIOCM_RNG
    C(TIOCM_RNG),
#endif
#ifdef TIOCM_RTS
    C(TIOCM_RTS),
#endif
#ifdef TIOCM_SR
    C(TIOCM_SR),
#endif
#ifdef TIOCM_ST
    C(TIOCM_ST),
#endif
#ifdef TIOCNOTTY
    C(TIOCNOTTY),
#endif
#ifdef TIOCNXCL
    C(TIOCNXCL),
#endif
#ifdef TIOCOUTQ
    C(TIOCOUTQ),
#endif
#ifdef TIOCPKT
    C(TIOCPKT),
#endif
#ifdef TIOCPKT_DATA
    C(TIOCPKT_DATA),
#endif
#ifdef TIOCPKT_DOSTOP
    C(TIOCPKT_DOSTOP),
#endif
#ifdef TIOCPKT_FLUSHREAD
    C(TIOCPKT_FLUSHREAD),
#endif
#ifdef TIOCPKT_FLUSHWRITE
    C(TIOCPKT_FLUSHWRITE),
#endif
#ifdef TIOCPKT_NOSTOP
    C(TIOCPKT_NOSTOP),
#endif
#ifdef TIOCPKT_START
    C(TIOCPKT_START),
#endif
#ifdef TIOCPKT_STOP
    C(TIOCPKT_STOP),
#endif
#ifdef TIOCSCTTY
    C(TIOCSCTTY),
#endif
#ifdef TIOCSERCONFIG
    C(TIOCSERCONFIG),
#endif
#ifdef TIOCSERGETLSR
    C(TIOCSERGETLSR),
#endif
#ifdef TIOCSERGETMULTI
    C(TIOCSERGETMULTI),
#endif
#ifdef TIOCSERGSTRUCT
    C(TIOCSERGSTRUCT),
#endif
#ifdef TIOCSERGWILD
    C(TIOCSERGWILD),
#endif
#ifdef TIOCSERSETMULTI
    C(TIOCSERSETMULTI),
#endif
#ifdef TIOCSERSWILD
    C(TIOCSERSWILD),
#endif
#ifdef TIOCSER_TEMT
    C(TIOCSER_TEMT),
#endif
#ifdef TIOCSETD
    C(TIOCSETD),
#endif
#ifdef TIOCSLCKTRMIOS
    C(TIOCSLCKTRMIOS),
#endif
#ifdef TIOCSPGRP
    C(TIOCSPGRP),
#endif
#ifdef TIOCSSERIAL
    C(TIOCSSERIAL),
#endif
#ifdef TIOCSSOFTCAR
    C(TIOCSSOFTCAR),
#endif
#ifdef TIOCSTI
    C(TIOCSTI),
#endif
#ifdef TIOCSWINSZ
    C(TIOCSWINSZ),
#endif
#ifdef TOSTOP
    C(TOSTOP),
#endif
#ifdef VDISCARD
    C(VDISCARD),
#endif
#ifdef VEOF
    C(VEOF),
#endif
#ifdef VEOL
    C(VEOL),
#endif
#ifdef VEOL2
    C(VEOL2),
#endif
#ifdef VERASE
    C(VERASE),
#endif
#ifdef VINTR
    C(VINTR),
#endif
#ifdef VKILL
    C(VKILL),
#endif
#ifdef VLNEXT
    C(VLNEXT),
#endif
#ifdef VMIN
    C(VMIN),
#endif
#ifdef VQUIT
    C(VQUIT),
#endif
#ifdef VREPRINT
    C(VREPRINT),
#endif
#ifdef VSTART
    C(VSTART),
#endif
#ifdef VSTOP
    C(VSTOP),
#endif
#ifdef VSUSP
    C(VSUSP),
#endif
#ifdef VSWTC
    C(VSWTC),
#endif
#ifdef VSWTCH
    C(VSWTCH),
#endif
#ifdef VT0
    C(VT0),
#endif
#ifdef VT1
    C(VT1),
#endif
#ifdef VTDLY
    C(VTDLY),
#endif
#ifdef VTIME
    C(VTIME),
#endif
#ifdef VWERASE
    C(VWERASE),
#endif
#ifdef XCASE
    C(XCASE),
#endif
#ifdef XTABS
    C(XTABS),
#endif
};

#undef C

static int
termios_exec(PyObject *module)
{
    if (TermiosError == NULL) {
        TermiosError = PyErr_NewException("termios.error", NULL, NULL);
        if (TermiosError == NULL) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "error", TermiosError) < 0) {
        return -1;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(termios_constants); i++) {
        if (PyModule_AddIntConstant(module, termios_constants[i].name,
                                    termios_constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot termios_slots[] = {
    {Py_mod_exec, termios_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef termios_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "termios",
    .m_doc = "POSIX terminal control: tcgetattr, tcsetattr and friends.  Every\n"
             "function takes a file descriptor, or an object with fileno().",
    .m_size = 0,
    .m_methods = termios_methods,
    .m_slots = termios_slots,
};

PyMODINIT_FUNC
PyInit_termios(void)
{
    return PyModuleDef_Init(&termios_module);
}
