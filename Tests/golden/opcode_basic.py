# opcode / _opcode: tables and predicates agree with each other.
import opcode
import _opcode
import dis

print(opcode.opname[opcode.opmap['LOAD_CONST']], opcode.cmp_op)
print(all(opcode.opname[v] == k for k, v in opcode.opmap.items()))
print(opcode.HAVE_ARGUMENT == min(opcode.hasarg) or
      all(op >= opcode.HAVE_ARGUMENT for op in opcode.hasarg if op < 256))
print(opcode.EXTENDED_ARG == opcode.opmap['EXTENDED_ARG'])
names = lambda ops: sorted(opcode.opname[op] for op in ops)
print(names(opcode.hasconst))
print(names(opcode.hasjump))
print(opcode.hasjrel == opcode.hasjump, opcode.hasjabs)
print(names(opcode.hasexc))
print('LOAD_GLOBAL' in names(opcode.hasname), 'STORE_ATTR' in names(opcode.hasname))
print('LOAD_FAST' in names(opcode.haslocal), 'LOAD_DEREF' in names(opcode.hasfree))
print(names(opcode.hascompare))
print(opcode._inline_cache_entries, opcode._specializations)
print(_opcode.has_arg(opcode.opmap['POP_TOP']), _opcode.has_arg(opcode.opmap['CALL']))
print(_opcode.is_valid(opcode.opmap['NOP']), _opcode.is_valid(-1), _opcode.is_valid(10**20))
print(_opcode.has_jump(opcode.opmap['FOR_ITER']), _opcode.has_const(999))

# stack effects
se = opcode.stack_effect
m = opcode.opmap
print(se(m['POP_TOP']), se(m['LOAD_CONST'], 0), se(m['BUILD_TUPLE'], 3),
      se(m['CALL'], 2), se(m['LOAD_GLOBAL'], 1), se(m['LOAD_GLOBAL'], 0))
print(se(m['FOR_ITER'], 4, jump=False), se(m['POP_JUMP_IF_TRUE'], 4, jump=True))
print(dis.stack_effect(m['UNPACK_SEQUENCE'], 3))
for args, kw in [((m['LOAD_CONST'],), {}), ((m['POP_TOP'], 0), {}), ((-5,), {}),
                 ((m['NOP'],), {'jump': 3})]:
    try:
        se(*args, **kw)
    except ValueError as e:
        print('ValueError:', e)

# intrinsics, binary operators, special methods
print(opcode._intrinsic_1_descs[1], opcode._intrinsic_2_descs[1])
print(opcode._nb_ops[0], opcode._nb_ops[13], opcode._nb_ops[-1])
print(opcode._special_method_names)
print([c.__name__ for c in opcode._common_constants])
print(len(opcode.opname) > max(m.values()), opcode.opname[opcode.MIN_PSEUDO_OPCODE - 1])
