/* Slot IDs for PyType_Slot (PyType_FromSpec).  The numbers are part of
   the stable ABI and match CPython's, so abi3/abi3t extensions built
   against CPython's headers describe their types the same way. */
#ifndef Py_TYPESLOTS_H
#define Py_TYPESLOTS_H

/* ---- Slot arrays (PEP 820), shared by types and modules ------------------
   Since 3.15 a type or a module can be described by an array of PySlot,
   ended by an entry whose sl_id is Py_slot_end.  IDs 1-4 meant a type
   slot in a PyType_Slot array and a module slot in a PyModuleDef_Slot
   array; 3.15 gave those eight slots IDs of their own, and the old numbers
   are still accepted where they were before.  Code compiled for an older
   Limited API keeps the old numbers. */
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x030f0000
#  define _Py_SLOT_COMPAT_VALUE(OLD, NEW) NEW
#else
#  define _Py_SLOT_COMPAT_VALUE(OLD, NEW) OLD
#endif

#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x030f0000
typedef void (*_Py_funcptr_t)(void);

typedef struct PySlot {
    uint16_t sl_id;
    uint16_t sl_flags;          /* PySlot_* */
    uint32_t sl_reserved;       /* must be 0 */
    union {                     /* which member depends on sl_id */
        void *sl_ptr;
        _Py_funcptr_t sl_func;
        Py_ssize_t sl_size;
        int64_t sl_int64;
        uint64_t sl_uint64;
    };
} PySlot;

/* An unknown sl_id is skipped instead of failing. */
#define PySlot_OPTIONAL 0x01
/* What the slot points to is static and constant: it need not be copied. */
#define PySlot_STATIC 0x02
/* The value is in sl_ptr whatever type the slot expects. */
#define PySlot_INTPTR 0x04

#define PySlot_DATA(NAME, VALUE) \
    {.sl_id = (NAME), .sl_flags = PySlot_INTPTR, .sl_ptr = (void *)(VALUE)}
#define PySlot_FUNC(NAME, VALUE) \
    {.sl_id = (NAME), .sl_func = (_Py_funcptr_t)(VALUE)}
#define PySlot_SIZE(NAME, VALUE) \
    {.sl_id = (NAME), .sl_size = (Py_ssize_t)(VALUE)}
#define PySlot_INT64(NAME, VALUE) \
    {.sl_id = (NAME), .sl_int64 = (int64_t)(VALUE)}
#define PySlot_UINT64(NAME, VALUE) \
    {.sl_id = (NAME), .sl_uint64 = (uint64_t)(VALUE)}
#define PySlot_STATIC_DATA(NAME, VALUE) \
    {.sl_id = (NAME), .sl_flags = PySlot_STATIC, .sl_ptr = (VALUE)}
#define PySlot_END {0}
/* Without designated initialisers (C++11 and older). */
#define PySlot_PTR(NAME, VALUE) \
    {(NAME), PySlot_INTPTR, 0, {(void *)(VALUE)}}
#define PySlot_PTR_STATIC(NAME, VALUE) \
    {(NAME), PySlot_INTPTR | PySlot_STATIC, 0, {(void *)(VALUE)}}
#endif /* 3.15 */

#define Py_slot_end 0
/* sl_ptr: a nested PySlot array, read as if inserted here (5 levels). */
#define Py_slot_subslots 92
/* Never a valid ID: with PySlot_OPTIONAL, a slot that does nothing. */
#define Py_slot_invalid 0xffff

/* ---- Type slot IDs --------------------------------------------------------- */
#define Py_bf_getbuffer _Py_SLOT_COMPAT_VALUE(1, 88)
#define Py_bf_releasebuffer _Py_SLOT_COMPAT_VALUE(2, 89)
#define Py_mp_ass_subscript _Py_SLOT_COMPAT_VALUE(3, 90)
#define Py_mp_length _Py_SLOT_COMPAT_VALUE(4, 91)
#define Py_mp_subscript 5
#define Py_nb_absolute 6
#define Py_nb_add 7
#define Py_nb_and 8
#define Py_nb_bool 9
#define Py_nb_divmod 10
#define Py_nb_float 11
#define Py_nb_floor_divide 12
#define Py_nb_index 13
#define Py_nb_inplace_add 14
#define Py_nb_inplace_and 15
#define Py_nb_inplace_floor_divide 16
#define Py_nb_inplace_lshift 17
#define Py_nb_inplace_multiply 18
#define Py_nb_inplace_or 19
#define Py_nb_inplace_power 20
#define Py_nb_inplace_remainder 21
#define Py_nb_inplace_rshift 22
#define Py_nb_inplace_subtract 23
#define Py_nb_inplace_true_divide 24
#define Py_nb_inplace_xor 25
#define Py_nb_int 26
#define Py_nb_invert 27
#define Py_nb_lshift 28
#define Py_nb_multiply 29
#define Py_nb_negative 30
#define Py_nb_or 31
#define Py_nb_positive 32
#define Py_nb_power 33
#define Py_nb_remainder 34
#define Py_nb_rshift 35
#define Py_nb_subtract 36
#define Py_nb_true_divide 37
#define Py_nb_xor 38
#define Py_sq_ass_item 39
#define Py_sq_concat 40
#define Py_sq_contains 41
#define Py_sq_inplace_concat 42
#define Py_sq_inplace_repeat 43
#define Py_sq_item 44
#define Py_sq_length 45
#define Py_sq_repeat 46
#define Py_tp_alloc 47
#define Py_tp_base 48
#define Py_tp_bases 49
#define Py_tp_call 50
#define Py_tp_clear 51
#define Py_tp_dealloc 52
#define Py_tp_del 53
#define Py_tp_descr_get 54
#define Py_tp_descr_set 55
#define Py_tp_doc 56
#define Py_tp_getattr 57
#define Py_tp_getattro 58
#define Py_tp_hash 59
#define Py_tp_init 60
#define Py_tp_is_gc 61
#define Py_tp_iter 62
#define Py_tp_iternext 63
#define Py_tp_methods 64
#define Py_tp_new 65
#define Py_tp_repr 66
#define Py_tp_richcompare 67
#define Py_tp_setattr 68
#define Py_tp_setattro 69
#define Py_tp_str 70
#define Py_tp_traverse 71
#define Py_tp_members 72
#define Py_tp_getset 73
#define Py_tp_free 74
#define Py_nb_matrix_multiply 75
#define Py_nb_inplace_matrix_multiply 76
#define Py_am_await 77
#define Py_am_aiter 78
#define Py_am_anext 79
#define Py_tp_finalize 80
#define Py_am_send 81
#define Py_tp_vectorcall 82
#define Py_tp_token 83
/* Slots only PyType_FromSlots understands (what PyType_Spec held). */
#define Py_tp_slots 93
#define Py_tp_name 95
#define Py_tp_basicsize 96
#define Py_tp_extra_basicsize 97
#define Py_tp_itemsize 98
#define Py_tp_flags 99
#define Py_tp_metaclass 107
#define Py_tp_module 108

/* Py_tp_token's value meaning "the PyType_Spec itself". */
#define Py_TP_USE_SPEC NULL

#endif /* Py_TYPESLOTS_H */
