package io.groutines;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tables HotSpot exports for its serviceability agent ({@code gHotSpotVMStructs}, {@code gHotSpotVMTypes}):
 * the offsets of the fields and the sizes of the types the runtime asks for, read once from the JVM library's
 * memory ({@link JvmLibrary}), each pointer checked before it is followed, and the tables' shapes checked before
 * they are walked. Part of the runtime's seam to the JVM's internals.
 */
final class VmStructs {

    /** No table of a real JVM is this long; a walk that goes further is reading something else. */
    private static final int MAX_ENTRIES = 20_000;

    private final Map<String, Long> offsets;

    private final Map<String, Long> sizes;

    private VmStructs(Map<String, Long> offsets, Map<String, Long> sizes) {
        this.offsets = offsets;
        this.sizes = sizes;
    }

    /**
     * @param jvm the JVM library
     * @param fields the fields wanted, as {@code Type::field}
     * @param types the types whose sizes are wanted
     * @return the tables' answers for them
     * @throws IllegalStateException when a table is missing or not shaped as expected, or a wanted entry is absent
     */
    static VmStructs read(JvmLibrary jvm, Set<String> fields, Set<String> types) throws Throwable {
        long structs = jvm.find("gHotSpotVMStructs");
        long structStride = jvm.find("gHotSpotVMStructEntryArrayStride");
        long structType = jvm.find("gHotSpotVMStructEntryTypeNameOffset");
        long structField = jvm.find("gHotSpotVMStructEntryFieldNameOffset");
        long structOffset = jvm.find("gHotSpotVMStructEntryOffsetOffset");
        long typeTable = jvm.find("gHotSpotVMTypes");
        long typeStride = jvm.find("gHotSpotVMTypeEntryArrayStride");
        long typeName = jvm.find("gHotSpotVMTypeEntryTypeNameOffset");
        long typeSize = jvm.find("gHotSpotVMTypeEntrySizeOffset");
        jvm.boundAround(structs, structStride, structType, structField, structOffset, typeTable, typeStride, typeName,
                typeSize);

        Map<String, Long> offsets = new HashMap<>();
        walk(jvm, jvm.readLong(structs), jvm.readLong(structStride),
                new long[] { jvm.readLong(structType), jvm.readLong(structField), jvm.readLong(structOffset) },
                (type, field, value) -> {
                    String key = type + "::" + field;
                    if (field != null && fields.contains(key)) {
                        offsets.put(key, value);
                    }
                });
        Map<String, Long> sizes = new HashMap<>();
        walk(jvm, jvm.readLong(typeTable), jvm.readLong(typeStride),
                new long[] { jvm.readLong(typeName), -1, jvm.readLong(typeSize) },
                (type, field, value) -> {
                    if (types.contains(type)) {
                        sizes.put(type, value);
                    }
                });
        for (String field : fields) {
            if (!offsets.containsKey(field)) {
                throw new IllegalStateException("this JVM's structure table has no " + field);
            }
        }
        for (String type : types) {
            if (!sizes.containsKey(type)) {
                throw new IllegalStateException("this JVM's type table has no " + type);
            }
        }
        return new VmStructs(offsets, sizes);
    }

    @FunctionalInterface
    private interface Entry {
        void accept(String type, String field, long value);
    }

    /**
     * Walks a table of entries: each has a type name, a field name (or none: {@code at[1] < 0}) and a value; the
     * table ends with an entry whose type name is {@code NULL}.
     */
    private static void walk(JvmLibrary jvm, long table, long stride, long[] at, Entry entry) throws Throwable {
        if (stride < 3 * Long.BYTES || stride > 256 || stride % Long.BYTES != 0) {
            throw new IllegalStateException("unexpected table stride " + stride);
        }
        for (long offset : at) {
            if (offset >= stride || offset >= 0 && offset % Integer.BYTES != 0) {
                throw new IllegalStateException("unexpected table entry offset " + offset + " (stride " + stride + ")");
            }
        }
        for (int i = 0; i < MAX_ENTRIES; i++) {
            long e = table + i * stride;
            long type = jvm.readLong(e + at[0]);
            if (type == 0) {
                return;
            }
            long field = at[1] < 0 ? 0 : jvm.readLong(e + at[1]);
            entry.accept(jvm.readString(type), field == 0 ? null : jvm.readString(field), jvm.readLong(e + at[2]));
        }
        throw new IllegalStateException("a table of the JVM library does not end within " + MAX_ENTRIES + " entries");
    }

    /** @return the offset of the field, {@code Type::field}, from the start of its type */
    long offset(String field) {
        return offsets.get(field);
    }

    /** @return the size in bytes of the type */
    long size(String type) {
        return sizes.get(type);
    }
}
